import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { QueryErrorState, Skeleton } from '../../components/ui/states.tsx'
import { CreateUserForm } from './components/create-user-form.tsx'
import { UserRow } from './components/user-row.tsx'
import { adminQueries } from './queries.ts'

/** People who can sign in; `currentUserId` marks the admin's own row (composed in app/). */
export function UsersPage({ currentUserId }: { currentUserId: number | undefined }) {
  const users = useQuery(adminQueries.users())
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<string | null>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  return (
    <section className="admin-section" aria-labelledby="users-title">
      <title>Users · Admin · opsdeck</title>
      <header className="section-head">
        <h2 id="users-title">Users</h2>
        <p role="status" className="form-success">
          {added ? `Added ${added}.` : ''}
        </p>
        {adding ? null : (
          <button
            ref={addButton}
            type="button"
            className="button"
            onClick={() => {
              setAdded(null)
              setAdding(true)
            }}
          >
            Add user
          </button>
        )}
      </header>
      {adding ? (
        <CreateUserForm
          onDone={(email) => {
            setAdding(false)
            setAdded(email)
            requestAnimationFrame(() => addButton.current?.focus())
          }}
        />
      ) : null}
      <QueryErrorState title="Could not load the users" query={users} />
      {users.isPending ? <Skeleton lines={6} /> : null}
      {users.data ? (
        <div className="table-scroll">
          <table className="data admin-table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <UserRow key={u.id} user={u} isYou={u.id === currentUserId} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
