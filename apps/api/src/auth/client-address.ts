import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * Behind a trusted proxy, what it says in an X-Forwarded-* header: the right-most value, the one
 * that proxy appended. Values to its left come from the client and could be anything, so trusting
 * them would let one client pose as many. Undefined without a trusted proxy or a value.
 */
export function forwarded(c: Context, header: string, trustedProxy: boolean): string | undefined {
  if (!trustedProxy) return undefined
  return c.req.header(header)?.split(',').at(-1)?.trim() || undefined
}

/**
 * The address the login limit is keyed on and sessions record: the TCP peer, or behind a trusted
 * proxy the X-Forwarded-For entry it appended, in one spelling (see `canonicalIp`). A forwarded
 * value that is no IP address is ignored: junk must not mint new keys.
 */
export function clientAddress(c: Context, trustedProxy: boolean): string {
  const proxied = canonicalIp(forwarded(c, 'x-forwarded-for', trustedProxy) ?? '')
  if (proxied) return proxied
  try {
    const peer = getConnInfo(c).remote.address
    return (peer && canonicalIp(peer)) || 'unknown'
  } catch {
    // No socket: a request handed to app.fetch directly (tests, other adapters).
    return 'unknown'
  }
}

/**
 * One spelling per address, so that one client is one key: IPv4 as it is, an IPv4-mapped IPv6
 * address (`::ffff:203.0.113.9`, a dual-stack socket's IPv4 peer) as IPv4, other IPv6 lower-case
 * and compressed, without a zone. Undefined when `text` is not an IP address.
 */
export function canonicalIp(text: string): string | undefined {
  const ip = text.trim()
  const version = isIP(ip)
  if (version === 4) return ip
  if (version !== 6) return undefined
  // The URL parser writes IPv6 the one way RFC 5952 recommends, embedded IPv4 as hex.
  const v6 = new URL(`http://[${ip.replace(/%.*$/, '')}]`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6)
  if (!mapped) return v6
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)]
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
}

/**
 * What the login limit counts an address as: an IPv4 address itself, an IPv6 address by its /64
 * (one subscriber's network, which holds more addresses than anyone could try) as `prefix::/64`.
 * Takes a canonical address.
 */
export function addressGroup(ip: string): string {
  if (!ip.includes(':')) return ip
  const [head = '', tail] = ip.split('::')
  const front = head ? head.split(':') : []
  const back = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
  return `${canonicalIp(`${groups.slice(0, 4).join(':')}::`)}/64`
}
