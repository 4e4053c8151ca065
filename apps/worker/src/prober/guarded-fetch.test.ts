import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { guardedFetch } from './guarded-fetch.ts'

describe('guardedFetch', () => {
  it('refuses the cloud metadata address and, unless allowed, loopback', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    try {
      const strict = guardedFetch({ allowLoopback: false })
      await expect(strict('http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({
        cause: { message: expect.stringContaining('link-local') },
      })
      await expect(strict(url)).rejects.toMatchObject({
        cause: { message: expect.stringContaining('loopback') },
      })
      const res = await guardedFetch({ allowLoopback: true })(url, { method: 'POST', body: '{}' })
      expect(await res.text()).toBe('ok')
    } finally {
      server.close()
    }
  })
})
