// Which addresses the prober may connect to. Checks are configured by managers and their results
// are readable by viewers, so the prober must not reach the cloud metadata service (link-local) or
// this host's own ports (loopback) — it would be a port scanner. Private networks stay allowed:
// checking them is what an IT department runs it for. The address checked is the one connected to
// (after DNS, in the socket's own lookup), so a name pointing at 169.254.169.254 is caught too.
import dns from 'node:dns'
import net, { BlockList } from 'node:net'

export interface TargetPolicy {
  /** Loopback (127.0.0.0/8, ::1) allowed: OPSDECK_PROBE_ALLOW_LOOPBACK, and tests' local servers. */
  allowLoopback: boolean
}

export const DEFAULT_POLICY: TargetPolicy = { allowLoopback: false }

/** The code a refused target's error carries, so describeFailure gives its message as it is. */
export const TARGET_REFUSED = 'OPSDECK_TARGET_REFUSED'

export class TargetRefused extends Error {
  readonly code = TARGET_REFUSED
}

function blockList(add: (list: BlockList) => void) {
  const list = new BlockList()
  add(list)
  return list
}

// BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 rules too.
const LINK_LOCAL = blockList((l) => {
  l.addSubnet('169.254.0.0', 16, 'ipv4')
  l.addSubnet('fe80::', 10, 'ipv6')
})
const UNSPECIFIED = blockList((l) => {
  l.addSubnet('0.0.0.0', 8, 'ipv4')
  l.addAddress('::', 'ipv6')
})
const LOOPBACK = blockList((l) => {
  l.addSubnet('127.0.0.0', 8, 'ipv4')
  l.addAddress('::1', 'ipv6')
})

/** Why the prober must not connect to this IP address, or null when it may. */
export function refusal(address: string, policy: TargetPolicy): string | null {
  const ip = address.startsWith('[') ? address.slice(1, -1) : address
  const family = net.isIPv6(ip) ? 'ipv6' : 'ipv4'
  const what = `target address ${ip}`
  if (LINK_LOCAL.check(ip, family)) {
    const metadata = family === 'ipv4' || ip.startsWith('::ffff:') ? ' (cloud metadata)' : ''
    return `${what} is link-local: refused${metadata}`
  }
  if (UNSPECIFIED.check(ip, family)) return `${what} is unspecified: refused`
  if (LOOPBACK.check(ip, family) && !policy.allowLoopback)
    return `${what} is loopback: refused; set OPSDECK_PROBE_ALLOW_LOOPBACK=true to allow`
  return null
}

/** For a host that is an IP literal (no DNS lookup happens for it): the refusal, if any. */
export function refuseLiteral(host: string, policy: TargetPolicy): TargetRefused | null {
  const ip = host.startsWith('[') ? host.slice(1, -1) : host
  if (net.isIP(ip) === 0) return null
  const why = refusal(ip, policy)
  return why === null ? null : new TargetRefused(why)
}

/**
 * A socket `lookup` that resolves as usual and fails when any resolved address is refused, so the
 * socket never connects to it. Any, not only the first: happy eyeballs may try each of them.
 */
export function guardedLookup(policy: TargetPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '')
      for (const { address } of addresses) {
        const why = refusal(address, policy)
        if (why !== null) return callback(new TargetRefused(why), '')
      }
      const first = addresses[0]!
      if (options.all) callback(null, addresses)
      else callback(null, first.address, first.family)
    })
  }
}
