import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

export interface Rng {
  /** Uniform in [0, 1). */
  float: () => number
  /** Uniform integer in [a, b], both included. */
  int: (a: number, b: number) => number
  pick: <T>(items: readonly T[]) => T
  /** Standard normal (Box–Muller). */
  normal: () => number
  /** Log-normal around `median`: median · e^(sigma·Z). */
  lognormal: (median: number, sigma: number) => number
  chance: (p: number) => boolean
  /** A picked item by relative weight. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T
  shuffle: <T>(items: readonly T[]) => T[]
  /** An independent stream, so adding draws to one area does not shift another's data. */
  fork: (label: string) => Rng
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed)
  const rng: Rng = {
    float: () => uniformFloat64(gen),
    int: (a, b) => uniformInt(gen, a, b),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[uniformInt(gen, 0, items.length - 1)] as (typeof items)[number]
    },
    normal: () => {
      const u = 1 - uniformFloat64(gen) // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniformFloat64(gen))
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    chance: (p) => uniformFloat64(gen) < p,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let x = uniformFloat64(gen) * total
      for (const [item, w] of items) {
        x -= w
        if (x < 0) return item
      }
      return items[items.length - 1]![0]
    },
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = uniformInt(gen, 0, i)
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    },
    fork: (label) => createRng((seed ^ hash32(label)) >>> 0),
  }
  return rng
}

// FNV-1a: a stable 32-bit number from a label, for forked streams.
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
