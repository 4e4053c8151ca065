import type { Database } from '@opsdeck/db'
import type { AllocationSpan } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { allocationNotFound, checkAllocation, patched, type Refusal } from './check-allocation.ts'
import { isoWeeks, loadPersonCalendar, personWeeks, sundayOf } from './person-weeks.ts'
import { storedAllocation } from './queries.ts'
import type { AllocationPreview, AllocationPreviewBody } from './schemas.ts'

type Span = { firstDay: string; lastDay: string }

/**
 * POST /allocations/preview: the person's ISO weeks that a new allocation, a change or a removal
 * touches, before and after it, checked by the rules the write would apply. Writes nothing.
 */
export async function previewAllocation(
  db: Kysely<Database>,
  body: AllocationPreviewBody,
): Promise<{ refused: Refusal } | { preview: AllocationPreview }> {
  let personId: number
  let removed: number | null = null
  let added: (AllocationSpan & Span) | null = null
  const spans: Span[] = []
  if ('id' in body) {
    const stored = await storedAllocation(db, body.id)
    if (!stored) return { refused: { status: 404, body: allocationNotFound } }
    const { id, ...before } = stored
    personId = before.personId
    removed = id
    spans.push(before)
    if ('patch' in body) {
      const after = patched(before, body.patch)
      const checked = await checkAllocation(db, after, body.patch)
      if ('refused' in checked) return checked
      added = after
      spans.push(after)
    }
  } else {
    const checked = await checkAllocation(db, body, body)
    if ('refused' in checked) return checked
    personId = body.personId
    added = body
    spans.push(body)
  }

  const weeks = [...new Set(spans.flatMap((s) => isoWeeks(s.firstDay, s.lastDay)))].sort()
  const from = weeks[0]
  const last = weeks.at(-1)
  if (from === undefined || last === undefined) throw new Error('a span has at least one week')
  const calendar = await loadPersonCalendar(db, personId, from, sundayOf(last))
  if (!calendar) throw new Error(`person ${personId} is gone`)
  const others = calendar.allocations.filter((a) => a.id !== removed)
  const before = personWeeks(calendar, weeks)
  const after = personWeeks(calendar, weeks, added ? [...others, added] : others)
  return {
    preview: {
      person: { id: calendar.person.id, name: calendar.person.name },
      weeks: weeks.map((week, i) => ({ week, before: before[i]!, after: after[i]! })),
    },
  }
}
