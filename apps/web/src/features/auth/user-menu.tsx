import { ROLE_LABELS } from '@opsdeck/contract'
import { useEffect, useId, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { useLogout, useMe } from './queries.ts'

/** The signed-in person's name and role, with their account page and sign-out one click away. */
export function UserMenu() {
  const me = useMe()
  const logout = useLogout()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const { pathname } = useLocation()

  // Any navigation (including the menu's own link) closes it.
  const [lastPath, setLastPath] = useState(pathname)
  if (pathname !== lastPath) {
    setLastPath(pathname)
    setOpen(false)
  }

  useEffect(() => {
    if (!open) return
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  if (!me) return null
  return (
    <div
      className="user-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false)
          toggle.current?.focus()
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="user-menu-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-name">{me.name}</span>
        <span className={`role-badge role-${me.role}`}>{ROLE_LABELS[me.role]}</span>
        <span className="visually-hidden">: account menu</span>
      </button>
      {open ? (
        <div className="user-menu-panel" id={panelId}>
          <p className="muted small user-email">{me.email}</p>
          <ul>
            <li>
              <Link to="/account">Change password</Link>
            </li>
            <li>
              <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
                {logout.isPending ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          </ul>
          {logout.error ? (
            <p className="form-problem" role="alert">
              Could not sign out: {logout.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
