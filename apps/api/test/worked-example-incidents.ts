import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// The worked example's incidents (worked-example.ts): three in October, one still open, and two
// before the range.
export async function seedIncidentsExample(db: Kysely<Database>) {
  const incident = (
    ref: string,
    severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4',
    started: string,
    ackMin: number | null,
    resolveMin: number | null,
  ) => {
    const at = (m: number | null) =>
      m === null ? null : new Date(Date.parse(started) + m * 60_000)
    return {
      ref,
      title: ref,
      severity,
      startedAt: started,
      acknowledgedAt: at(ackMin),
      resolvedAt: at(resolveMin),
      status:
        resolveMin !== null
          ? ('resolved' as const)
          : ackMin !== null
            ? ('acknowledged' as const)
            : ('triggered' as const),
    }
  }
  await db
    .insertInto('incidents')
    .values([
      incident('I1', 'SEV1', '2026-10-05T10:00:00Z', 10, 120),
      incident('I2', 'SEV3', '2026-10-20T08:00:00Z', 30, 300),
      incident('I3', 'SEV2', '2026-10-28T09:00:00Z', 20, null),
      incident('I4', 'SEV4', '2026-09-01T09:00:00Z', 5, 60), // before the range
      incident('I5', 'SEV4', '2026-09-15T09:00:00Z', null, null), // before the range, still open
    ])
    .execute()
}
