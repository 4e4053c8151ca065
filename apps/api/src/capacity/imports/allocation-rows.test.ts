import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupApp } from '../../../test/helpers.ts'
import { checkAllocation } from '../allocations/check-allocation.ts'
import { NewAllocation } from '../allocations/schemas.ts'
import { previewAllocations } from './import-allocations.ts'
import { createPerson, createProject, createTeam } from './testing.ts'

let t: Awaited<ReturnType<typeof setupApp>>
beforeAll(async () => {
  t = await setupApp(new Date('2026-11-04T12:00:00Z'))
  const team = await createTeam(t.db, 'ops')
  await createPerson(t.db, team, 'ann@example.test')
  await createPerson(t.db, team, 'cat@example.test', {
    startDate: '2026-03-01',
    endDate: '2026-09-30',
  })
  await createPerson(t.db, team, 'dan@example.test', { startDate: '2027-02-01' })
  await createProject(t.db, 'LIVE-1')
  await createProject(t.db, 'LIVE-2')
  await createProject(t.db, 'SHUT-1', 'closed')
  const stop = await createProject(t.db, 'STOP-1')
  await t.db.updateTable('projects').set({ status: 'cancelled' }).where('id', '=', stop).execute()
})
afterAll(() => t.drop())

const HEADER = 'person,kind,project,first_day,last_day,hours_per_week,percent,status,note'

describe('the allocations import’s checks, batched', () => {
  it('agree row by row with checkAllocation over many people, projects and days', async () => {
    // Every person with every project (and none) over days each of them is or is not employed
    // on: the import reads the file's people and projects once for all its rows, where
    // POST /allocations reads them for its one allocation.
    const people = ['ann@example.test', 'cat@example.test', 'dan@example.test']
    const projects = ['LIVE-1', 'live-2', 'SHUT-1', 'STOP-1', 'NOPE-9', '']
    const spans = [
      ['2026-04-06', '2026-04-10'],
      ['2026-10-05', '2026-10-09'],
      ['2027-01-25', '2027-02-05'],
    ]
    const lines = [HEADER]
    for (const person of people) {
      for (const project of projects) {
        for (const [first, last] of spans) {
          const kind = project ? 'project' : 'run'
          lines.push(`${person},${kind},${project},${first},${last},7.5,,,`)
        }
      }
    }
    const preview = await previewAllocations(t.db, lines.join('\n'))
    expect(preview.rows).toHaveLength(people.length * projects.length * spans.length)

    const ids = new Map(
      (await t.db.selectFrom('people').select(['id', 'email']).execute()).map((p) => [
        p.email,
        p.id,
      ]),
    )
    for (const row of preview.rows) {
      const v = row.values
      const a = NewAllocation.parse({
        personId: ids.get(v.person),
        kind: v.kind,
        projectCode: v.projectCode,
        firstDay: v.firstDay,
        lastDay: v.lastDay,
        hoursPerWeek: v.hoursPerWeek,
        percent: null,
      })
      const one = await checkAllocation(t.db, a, a)
      const messages =
        'refused' in one
          ? ((one.refused.body.error.details ?? []) as { message: string }[]).map((d) => d.message)
          : []
      expect(
        { line: row.line, messages: row.errors.map((e) => e.message) },
        JSON.stringify(v),
      ).toEqual({ line: row.line, messages })
      expect(row.status).toBe(messages.length ? 'error' : 'new')
    }
    // Each kind of answer is in the file: new, employment, a closed, a cancelled and no project.
    const errors = new Set(preview.rows.flatMap((r) => r.errors.map((e) => e.message)))
    expect([...errors].sort()).toEqual([
      'is cancelled: book people to a live project',
      'is closed: book people to a live project',
      'is no project (NOPE-9)',
      'must overlap cat’s employment (from 2026-03-01 to 2026-09-30)',
      'must overlap dan’s employment (from 2027-02-01)',
    ])
    expect(preview.summary.new).toBe(15)
  })
})
