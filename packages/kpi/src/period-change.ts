import { ratio } from './ratio.ts'

/**
 * How a figure is compared with the previous period: a share (uptime, utilization, CPI as a
 * fraction) moves by percentage points; an amount (a count, minutes, money) by its difference and
 * by that difference relative to where it was.
 */
export type ChangeKind = 'share' | 'amount'

/** Whether a rise is good news (uptime), bad news (MTTR, incidents) or neither (spend). */
export type Better = 'higher' | 'lower' | 'neither'

export interface PeriodChange {
  current: number | null
  previous: number | null
  /** current − previous; for a share, in percentage points (0.9993 − 0.9995 → −0.02). */
  delta: number | null
  /** delta / |previous| for an amount (null from 0, and for a share). */
  relative: number | null
  direction: 'up' | 'down' | 'same' | null
  /** Good, bad or neutral news, by `better`; null when either period is n/a. */
  verdict: 'better' | 'worse' | 'same' | 'neutral' | null
}

// Figures are computed in floating point: a difference this small is no change.
const EPSILON = 1e-9

/** A figure against the previous period of the same length (the definition `periodChange`). */
export function periodChange(
  current: number | null,
  previous: number | null,
  kind: ChangeKind,
  better: Better,
): PeriodChange {
  if (current === null || previous === null || !Number.isFinite(current + previous)) {
    return { current, previous, delta: null, relative: null, direction: null, verdict: null }
  }
  const raw = current - previous
  const delta = kind === 'share' ? raw * 100 : raw
  const direction = Math.abs(raw) <= EPSILON ? 'same' : raw > 0 ? 'up' : 'down'
  const verdict =
    direction === 'same'
      ? 'same'
      : better === 'neither'
        ? 'neutral'
        : (direction === 'up') === (better === 'higher')
          ? 'better'
          : 'worse'
  return {
    current,
    previous,
    delta: direction === 'same' ? 0 : delta,
    relative: kind === 'amount' ? ratio(raw, Math.abs(previous)) : null,
    direction,
    verdict,
  }
}
