import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { name, paragraph } from '../../lib/text.ts'
import { checkPeriodFields, PERIOD_FIELDS } from '../request.ts'
import { Report } from '../schemas.ts'
import { MAX_SUMMARY_LINES } from '../summary-text.ts'

const SnapshotMeta = {
  id: z.number().int(),
  title: z.string(),
  periodKind: z.enum(['week', 'month', 'quarter', 'custom']),
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  dataCutoff: IsoInstant,
  frozenAt: IsoInstant,
  frozenBy: z.string(),
  scheduleId: z.number().int().nullable(),
}

export const SnapshotList = z.strictObject({
  snapshots: z.array(z.strictObject({ ...SnapshotMeta, label: z.string() })),
})
export const Snapshot = z.strictObject({ ...SnapshotMeta, report: Report })

/** Freeze: the period (as the preview's query), and the manager's edits of the title and text. */
export const NewSnapshot = z
  .strictObject({
    ...PERIOD_FIELDS,
    title: name(200).optional(),
    summary: z
      .strictObject({
        text: paragraph()
          .trim()
          .min(1, 'must not be empty')
          .max(5_000, 'must be at most 5,000 characters'),
        highlights: z.array(name(500)).max(MAX_SUMMARY_LINES),
        risks: z.array(name(500)).max(MAX_SUMMARY_LINES),
      })
      .optional(),
  })
  .superRefine(checkPeriodFields)

export const CsvQuery = z.strictObject({ table: z.string().min(1).max(100).default('figures') })

export type SnapshotList = z.output<typeof SnapshotList>
export type Snapshot = z.output<typeof Snapshot>
