import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/**
 * Per person for one ISO week (Monday `week`): contracted hours, allocated hours, and the working
 * days lost to bank holidays and to time off (weekdays only; a bank holiday is not also leave).
 */
export async function listPersonWeek(db: Kysely<Database>, week: string, region: string) {
  const { rows } = await sql<{
    personId: number
    teamId: number
    teamName: string
    contracted: number
    allocated: number
    bankHolidayDays: number
    timeOffDays: number
  }>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${week}::date, ${week}::date + 4, interval '1 day') d
    ), holidays AS (
      SELECT day FROM days WHERE day IN (SELECT day FROM bank_holidays WHERE region = ${region})
    )
    SELECT p.id AS person_id, t.id AS team_id, t.name AS team_name,
      p.contracted_hours_per_week AS contracted,
      (SELECT coalesce(sum(a.hours_per_week), 0) FROM allocations a
        WHERE a.person_id = p.id AND a.first_day <= ${week}::date + 6 AND a.last_day >= ${week}::date)
        AS allocated,
      (SELECT count(*) FROM holidays)::int AS bank_holiday_days,
      (SELECT count(DISTINCT d.day) FROM days d JOIN time_off o
        ON o.person_id = p.id AND d.day BETWEEN o.first_day AND o.last_day
        WHERE d.day NOT IN (SELECT day FROM holidays))::int AS time_off_days
    FROM people p JOIN teams t ON t.id = p.team_id
    WHERE (p.start_date IS NULL OR p.start_date <= ${week}::date + 4)
      AND (p.end_date IS NULL OR p.end_date >= ${week}::date)
    ORDER BY t.name, p.id
  `.execute(db)
  return rows
}

export type PersonWeek = Awaited<ReturnType<typeof listPersonWeek>>[number]
