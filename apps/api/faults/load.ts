// A closed-loop load: `clients` loops each sending one request after another, recording every
// answer (or failure to answer) with when it started and how long it took.

export interface Outcome {
  startedAt: number
  ms: number
  /** The HTTP status, or 0 when no answer came (reset, refused, our own 15 s timeout). */
  status: number
  code?: string | undefined
  retryAfter?: string | null
  error?: string
}

export interface Load {
  outcomes: Outcome[]
  stop: () => Promise<Outcome[]>
}

export function startLoad(
  url: string,
  clients: number,
  headers: Record<string, string> = {},
  pauseMs = 0,
): Load {
  const outcomes: Outcome[] = []
  let running = true
  const loop = async () => {
    while (running) {
      outcomes.push(await send(url, headers))
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  }
  const loops = Array.from({ length: clients }, loop)
  return {
    outcomes,
    stop: async () => {
      running = false
      await Promise.all(loops)
      return outcomes
    },
  }
}

export async function send(
  url: string,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Outcome> {
  const startedAt = Date.now()
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(15_000), ...init })
    const text = await res.text()
    let code: string | undefined
    if (res.status >= 400) code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
    return {
      startedAt,
      ms: Date.now() - startedAt,
      status: res.status,
      code,
      retryAfter: res.headers.get('retry-after'),
    }
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    const error = cause?.code ?? cause?.message ?? (err as Error).message
    return { startedAt, ms: Date.now() - startedAt, status: 0, error }
  }
}

/** The figures the closing note and the assertions use. */
export function summarise(outcomes: Outcome[]) {
  const by = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length
  return {
    requests: outcomes.length,
    ok: by((o) => o.status === 200),
    unavailable: by((o) => o.code === 'database_unavailable'),
    overloaded: by((o) => o.code === 'overloaded'),
    otherErrors: by((o) => o.status !== 200 && o.status !== 503),
    noAnswer: by((o) => o.status === 0),
    maxMs: Math.max(0, ...outcomes.map((o) => o.ms)),
  }
}
