import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { errorBody } from '../../lib/errors.ts'
import { type Detail, invalid, spanDetails } from '../calendar/day.ts'
import {
  type Bookable,
  bookableProject,
  findPerson,
  type PersonRef,
  type StoredAllocation,
} from './queries.ts'
import type { AllocationPatch, NewAllocation } from './schemas.ts'

/** An allocation's fields as stored, but with the project's code. */
export type AllocationFields = Omit<StoredAllocation, 'id'>

export type Refusal =
  | { status: 400; body: ReturnType<typeof invalid> }
  | { status: 404 | 422; body: ReturnType<typeof errorBody> }

export const allocationNotFound = errorBody('allocation_not_found', 'No allocation with this id')

const employment = (p: { startDate: string | null; endDate: string | null }) =>
  p.startDate && p.endDate
    ? `from ${p.startDate} to ${p.endDate}`
    : p.startDate
      ? `from ${p.startDate}`
      : `until ${p.endDate}`

/** A stored allocation with a patch applied, as PATCH and the preview read it. */
export function patched(before: AllocationFields, patch: AllocationPatch): AllocationFields {
  const after: AllocationFields = { ...before }
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(after, { [field]: value })
  }
  if (patch.hoursPerWeek !== undefined) after.percent = null
  if (patch.percent !== undefined) after.hoursPerWeek = null
  if (patch.kind !== undefined && patch.kind !== 'project' && patch.projectCode === undefined) {
    after.projectCode = null
  }
  return after
}

/** What checkAllocation reads for its rules: the person, and the project when it looks one up. */
export interface AllocationFacts {
  person: Pick<PersonRef, 'name' | 'startDate' | 'endDate'> | undefined
  project: Bookable | undefined
}

type Checked = { refused: Refusal } | { projectId: number | null | undefined }

/**
 * The rules an allocation's fields meet together, checked for a new one or for a change
 * (`given`: the fields the body sent): dates, kind and project, a person employed for at least
 * part of a range given, a live project when one is given (projectId undefined: unchanged). The
 * person's own dates are named when the range misses them.
 */
export async function checkAllocation(
  db: Kysely<Database>,
  a: AllocationFields,
  given: Partial<NewAllocation> | AllocationPatch,
): Promise<Checked> {
  const fields = fieldsRefusal(a, given)
  if (fields) return { refused: fields }
  const person = await findPerson(db, a.personId)
  const code = projectToLookUp(a, given)
  const project = code === null ? undefined : await bookableProject(db, code)
  return checkAllocationFacts(a, given, { person, project })
}

/**
 * checkAllocation's rules over what it would read, already loaded (the CSV import loads them for
 * every row at once): `project` is bookableProject's answer for projectToLookUp's code.
 */
export function checkAllocationFacts(
  a: AllocationFields,
  given: Partial<NewAllocation> | AllocationPatch,
  { person, project }: AllocationFacts,
): Checked {
  const fields = fieldsRefusal(a, given)
  if (fields) return { refused: fields }
  if (!person) {
    const body = errorBody('unknown_person', 'No person with this id', [
      { path: 'json.personId', message: 'is no person' },
    ])
    return { refused: { status: 422, body } }
  }
  const datesGiven = given.firstDay !== undefined || given.lastDay !== undefined
  const employed =
    (person.startDate === null || person.startDate <= a.lastDay) &&
    (person.endDate === null || person.endDate >= a.firstDay)
  if (datesGiven && !employed) {
    const message = `must overlap ${person.name}’s employment (${employment(person)})`
    return {
      refused: {
        status: 400,
        body: invalid([
          { path: 'json.firstDay', message },
          { path: 'json.lastDay', message },
        ]),
      },
    }
  }

  if (a.projectCode === null) return { projectId: null }
  // A change that leaves the project alone keeps it (undefined), even one closed since.
  if (projectToLookUp(a, given) === null) return { projectId: undefined }
  if (!project) throw new Error(`project ${a.projectCode} was not looked up`)
  if ('id' in project) return { projectId: project.id }
  const body = errorBody('unknown_project', `projectCode ${project.problem}`, [
    { path: 'json.projectCode', message: project.problem },
  ])
  return { refused: { status: 422, body } }
}

/** The project code whose bookability the check needs, or null when it needs none. */
export function projectToLookUp(
  a: AllocationFields,
  given: Partial<NewAllocation> | AllocationPatch,
): string | null {
  if (a.projectCode === null || given.projectCode === undefined || given.projectCode === null) {
    return null
  }
  return a.projectCode
}

/** The rules on the fields alone: dates, kind and project. */
function fieldsRefusal(
  a: AllocationFields,
  given: Partial<NewAllocation> | AllocationPatch,
): Refusal | null {
  const details: Detail[] = spanDetails(a, given)
  if (a.kind === 'project' && a.projectCode === null) {
    details.push({ path: 'json.projectCode', message: 'is required for kind project' })
  }
  if (a.kind !== 'project' && a.projectCode !== null) {
    details.push({ path: 'json.projectCode', message: 'is only for kind project' })
  }
  return details.length > 0 ? { status: 400, body: invalid(details) } : null
}
