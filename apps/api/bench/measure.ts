export interface Measured {
  name: string
  median: number
  p95: number
  /** The naive query over the raw table this one stands against, by name. */
  versus?: string
  /** A figure other than milliseconds, e.g. "23,400 samples/s". */
  note?: string
}

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
// A server answers the same routes all day: the first calls, before V8 has compiled their code,
// are not what a user waits for.
const WARMUP = 5

/**
 * Times `fn` (BENCH_RUNS or `runs` times) after `warmup` calls (5; the slow raw queries pass 1):
 * median and p95 in milliseconds.
 */
export async function measure(
  name: string,
  fn: () => Promise<unknown>,
  extra: Partial<Measured> & { runs?: number; warmup?: number } = {},
): Promise<Measured> {
  const { runs = RUNS, warmup = WARMUP, ...rest } = extra
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  return { name, median: at(0.5), p95: at(0.95), ...rest }
}

/** A request that must answer 2xx, or the measurement is of an error page. */
export async function ok(res: Response | Promise<Response>): Promise<void> {
  const answer = await res
  if (!answer.ok) throw new Error(`${answer.url || 'request'} answered ${answer.status}`)
  await answer.arrayBuffer()
}

export function formatTable(results: Measured[]): string {
  const byName = new Map(results.map((r) => [r.name, r]))
  const lines = [
    '| measurement | median ms | p95 ms | raw ÷ opsdeck (medians) | note |',
    '|---|---:|---:|---:|---|',
  ]
  for (const r of results) {
    const raw = r.versus ? byName.get(r.versus) : undefined
    const ratio = raw ? `${(raw.median / r.median).toFixed(0)}×` : ''
    lines.push(
      `| ${r.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${ratio} | ${r.note ?? ''} |`,
    )
  }
  return lines.join('\n')
}
