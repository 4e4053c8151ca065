/** A project's RAG colour; `grey` when neither CPI nor SPI can be computed yet (not enough data). */
export const RAG_STATUSES = ['red', 'amber', 'green', 'grey'] as const
export type RagStatus = (typeof RAG_STATUSES)[number]

export const RAG_LABELS: Record<RagStatus, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  grey: 'Not rated',
}
