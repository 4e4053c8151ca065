import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CapacitySummary } from './schemas.ts'
import { expectMatches } from '../../test/helpers.ts'
import { exampleApp, OCTOBER } from '../../test/worked-example.ts'

let ex: Awaited<ReturnType<typeof exampleApp>>
beforeAll(async () => {
  ex = await exampleApp()
})
afterAll(() => ex.drop())

describe('GET /api/v1/capacity/summary', () => {
  it('gives this week’s capacity per team and in total, net of bank holidays and time off, booked on working days', async () => {
    const { status, body } = await ex.get<CapacitySummary>(`/api/v1/capacity/summary?${OCTOBER}`)
    expect(status).toBe(200)
    // This week is the one holding now, whatever the range.
    expect(body.week).toBe('2026-11-02')
    // Friday 6 November is a bank holiday: nothing is booked on it. X: 37.5 h − 2 days × 7.5 h
    // (the holiday, Wednesday's leave) = 22.5 h; 20 + 25 h a week over 4 of 5 days = 36 h booked
    // (over: the leave is a conflict). Y: 30 h − the holiday's 6 h = 24 h (the leave falls on the
    // holiday and the weekend); 15 h × 4/5 = 12 h. Z left on 1 October. The Scottish holiday is
    // another region's.
    const hours = {
      people: 2,
      contractedHours: 67.5,
      effectiveHours: 46.5,
      allocatedHours: 48,
      overAllocatedPeople: 1,
      utilization: expect.closeTo(48 / 46.5, 10),
    }
    expect(body.teams).toEqual([{ teamId: expect.any(Number), name: 'Infrastructure', ...hours }])
    expect(body.total).toEqual(hours)
  })

  it('adds teams up before dividing: utilization of the sums, not the mean of the ratios', async () => {
    const team = await ex.db
      .insertInto('teams')
      .values({ slug: 'desk', name: 'Service Desk' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const person = await ex.db
      .insertInto('people')
      .values({ teamId: team.id, name: 'W', role: 'Analyst', contractedHoursPerWeek: 40 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ex.db
      .insertInto('allocations')
      .values({
        personId: person.id,
        kind: 'support',
        projectId: null,
        firstDay: '2026-11-02',
        lastDay: '2026-11-08',
        hoursPerWeek: 10,
      })
      .execute()
    const { body } = await ex.get<CapacitySummary>(`/api/v1/capacity/summary?${OCTOBER}`)
    // W: 40 h − the bank holiday (8 h) = 32 h, 10 h × 4/5 = 8 h booked. All: 56 h / 78.5 h =
    // 71.3%; the mean of the teams' ratios would say (103.2% + 25%) / 2 = 64.1%.
    expect(body.teams.map((t) => t.name)).toEqual(['Infrastructure', 'Service Desk'])
    expect(body.total).toEqual({
      people: 3,
      contractedHours: 107.5,
      effectiveHours: 78.5,
      allocatedHours: 56,
      overAllocatedPeople: 1,
      utilization: expect.closeTo(56 / 78.5, 10),
    })
  })

  it('answers as its schema in the OpenAPI document says', async () => {
    const { status, body } = await ex.get(`/api/v1/capacity/summary?${OCTOBER}`)
    expect(status).toBe(200)
    expectMatches(CapacitySummary, body)
  })
})
