// Where a dashboard read goes when a streaming replica is configured: pure decisions over what the
// last check of the replica found, so the rules are tested without servers. replica.ts does the I/O.

/** A WAL position ('16/B374D848' in SQL) as a number that compares. */
export type Lsn = bigint

/** Parses PostgreSQL's `pg_lsn` text; null for anything else (a forged or mangled cookie). */
export function parseLsn(text: string | null | undefined): Lsn | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '')
  if (!match) return null
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

export function formatLsn(lsn: Lsn): string {
  const hex = (n: bigint) => n.toString(16).toUpperCase()
  return `${hex(lsn >> 32n)}/${hex(lsn & 0xffffffffn)}`
}

/** What the last check of the replica found. */
export interface ReplicaState {
  /** When the check finished (ms since the epoch). */
  checkedAt: number
  /** It answered and is a standby in recovery (a promoted or mistaken "replica" is not used). */
  usable: boolean
  /** How far it has replayed the primary's WAL. */
  replayLsn: Lsn | null
  /**
   * Positions the primary had reached, with when this process first saw each, that the replica
   * had not replayed at the check: oldest first. The oldest one's time is how far behind it is.
   */
  behind: { lsn: Lsn; seenAt: number }[]
  /**
   * Kept from reads since it was unusable or past the bound (or, at the first check, behind by an
   * unknown time), until it is within a quarter of the bound: coming back only once it has nearly
   * caught up keeps it from flapping at the bound, and a reader who was sent to the primary
   * meanwhile from seeing older data again.
   */
  held: boolean
}

export interface ReadLimits {
  /** Reads go to the primary while the replica misses writes older than this. */
  maxLagMs: number
  /** A check older than this is not trusted (the replica stopped answering checks). */
  maxCheckAgeMs: number
}

export type ReadTarget = 'replica' | 'primary'

/**
 * The replica only when it is known to be usable, recently checked, not lagging past the bound
 * and, for a request carrying the position of its own last write, replayed at least that far
 * (read-your-writes). Anything unknown sends the read to the primary.
 */
export function chooseReadTarget(
  state: ReplicaState | null,
  marker: Lsn | null,
  now: number,
  limits: ReadLimits,
): ReadTarget {
  if (!state?.usable || state.held || state.replayLsn === null) return 'primary'
  if (now - state.checkedAt > limits.maxCheckAgeMs) return 'primary'
  if (replicaLagMs(state, now) > limits.maxLagMs) return 'primary'
  if (marker !== null && state.replayLsn < marker) return 'primary'
  return 'replica'
}

/** How long ago the oldest write the replica had not replayed at the check was first seen. */
export function replicaLagMs(state: ReplicaState, now: number): number {
  const oldest = state.behind[0]
  return oldest === undefined ? 0 : Math.max(0, now - oldest.seenAt)
}

// Enough positions to time the lag to a twentieth of the bound; older ones merge into the first.
const MAX_BEHIND = 40

/**
 * The state after a check: the replica's answer, and the primary's position at the same moment
 * (null when the primary did not answer: the lag is then timed from what was seen before).
 */
export function observeReplica(
  previous: ReplicaState | null,
  check: {
    at: number
    replica: { inRecovery: boolean; replayLsn: Lsn | null } | null
    primaryLsn: Lsn | null
  },
  limits: Pick<ReadLimits, 'maxLagMs'>,
): ReplicaState {
  const behind = [...(previous?.behind ?? [])]
  const last = behind.at(-1)
  const spacing = Math.max(100, limits.maxLagMs / 20)
  if (check.primaryLsn !== null && (last === undefined || check.primaryLsn > last.lsn)) {
    // Within `spacing` of the last position kept, the newer one takes its time: the lag is then
    // over-stated by at most `spacing`, never under-stated.
    if (last === undefined || check.at - last.seenAt >= spacing) {
      behind.push({ lsn: check.primaryLsn, seenAt: check.at })
    } else {
      behind[behind.length - 1] = { lsn: check.primaryLsn, seenAt: last.seenAt }
    }
  }
  if (behind.length > MAX_BEHIND) behind.splice(1, behind.length - MAX_BEHIND)
  const replica = check.replica
  const replayLsn = replica?.replayLsn ?? null
  if (replica === null || !replica.inRecovery || replayLsn === null) {
    return { checkedAt: check.at, usable: false, replayLsn, behind, held: true }
  }
  const missing = behind.filter((b) => b.lsn > replayLsn)
  const state = { checkedAt: check.at, usable: true, replayLsn, behind: missing, held: false }
  const lagMs = replicaLagMs(state, check.at)
  if (previous === null) state.held = missing.length > 0
  else if (previous.held || !previous.usable) state.held = lagMs > limits.maxLagMs / 4
  else state.held = lagMs > limits.maxLagMs
  return state
}
