import { refusal } from '@opsdeck/worker'
import { isIP } from 'node:net'

/**
 * Why a webhook URL can never be delivered to, or null. Checked when a schedule is saved, so the
 * manager hears it then rather than from a failed delivery a month later. Hosts that are IP
 * literals are judged as `new URL()` normalises them (`2852039166` is 169.254.169.254); DNS names
 * are judged when sending, by the guarded fetch, since what they resolve to may change.
 */
export function webhookUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return null // the schema's own check says so
  const url = new URL(value)
  // fetch refuses such a URL outright; and a secret belongs in the path, not in userinfo.
  if (url.username !== '' || url.password !== '') {
    return 'must not hold a user name or password (user:pass@): put the secret in the path or query'
  }
  const ip = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
  if (isIP(ip) === 0) return null
  // Link-local (cloud metadata) and unspecified are refused whatever the configuration.
  const why = refusal(ip, { allowLoopback: true })
  if (why !== null) return `cannot be delivered to: ${why}`
  // Loopback is refused at save time even where OPSDECK_PROBE_ALLOW_LOOPBACK lets the worker send
  // there: the API's routes are not given that flag.
  if (refusal(ip, { allowLoopback: false }) !== null) {
    return `cannot be delivered to: target address ${ip} is loopback (this server itself): refused`
  }
  return null
}
