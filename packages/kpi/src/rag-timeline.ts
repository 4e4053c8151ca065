import type { EvmResult } from './evm.ts'
import { DEFAULT_RAG_THRESHOLDS, rag } from './rag.ts'
import type { RagStatus, RagThresholds } from './rag.ts'

export type RagChange = { day: string; status: RagStatus; reason: string }

// A project's RAG history: the first day's colour, then each day the colour changed, with the
// reason that set it. A new reason under the same colour ("CPI" then "SPI", both red) is no change.
// Days must be in ascending order (evmSeries gives them so).
export function ragTimeline(
  days: readonly { day: string; evm: Pick<EvmResult, 'bac' | 'cpi' | 'spi' | 'eac'> }[],
  thresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): RagChange[] {
  const changes: RagChange[] = []
  let previous: { day: string; status: RagStatus } | null = null
  for (const { day, evm } of days) {
    if (previous !== null && !(day > previous.day)) {
      throw new RangeError(`days must be in ascending order: ${day} after ${previous.day}`)
    }
    const { status, reason } = rag(evm, thresholds)
    if (previous === null || status !== previous.status) changes.push({ day, status, reason })
    previous = { day, status }
  }
  return changes
}
