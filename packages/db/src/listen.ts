import pg from 'pg'

export interface Listening {
  stop: () => Promise<void>
}

const RETRY_MS = 1_000

/**
 * Calls `onNotify` on each NOTIFY on `channel`, on a connection of its own that comes back by
 * itself after the database restarts — and calls it once each time it (re)connects too, since
 * notifications sent meanwhile were missed. For what several processes must hear at once (the
 * API instances clearing their caches after a write on any one of them).
 */
export function listen(url: string, channel: string, onNotify: () => void): Listening {
  let client: pg.Client | null = null
  let stopped = false
  let timer: NodeJS.Timeout | undefined

  const connect = async () => {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      application_name: 'opsdeck-listen',
    })
    const retry = () => {
      c.removeAllListeners('notification')
      void c.end().catch(() => {})
      if (client === c) client = null
      if (!stopped && !timer)
        timer = setTimeout(() => ((timer = undefined), void connect()), RETRY_MS)
    }
    c.on('error', retry)
    c.on('end', retry)
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify()
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      if (stopped) return void (await c.end().catch(() => {}))
      client = c
      onNotify()
    } catch {
      retry()
    }
  }
  void connect()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await client?.end().catch(() => {})
    },
  }
}
