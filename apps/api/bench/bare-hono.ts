import { serve } from '@hono/node-server'
import { Hono } from 'hono'

// The yardstick for `pnpm bench:load`: Hono's JSON hello-world on the same Node and the same
// server adapter as opsdeck, in a process of its own. PORT is given by the bench.
const app = new Hono().get('/', (c) => c.json({ hello: 'world' }))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('listening'),
)
