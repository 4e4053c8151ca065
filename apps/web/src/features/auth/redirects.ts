// Where to send someone to sign in, and where to send them back to. `next` comes from the address
// bar, so anyone can craft it: only paths on this site are followed, never another origin.

export const LOGIN_PATH = '/login'

interface Here {
  pathname: string
  search: string
}

/** `/login?next=<path+search>`: the sign-in page, remembering where the person was. */
export function loginPath(here: Here): string {
  const next = `${here.pathname}${here.search}`
  return `${LOGIN_PATH}?${new URLSearchParams({ next }).toString()}`
}

// `//evil.example` and `/\evil.example` are read by browsers as other hosts.
function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
}

/** The `next` to go to after signing in: a same-site path, or `/` when missing or suspicious. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !isSameSitePath(next)) return '/'
  // Control characters (tabs, newlines) are stripped by URL parsers and can hide `//`.
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/'
  const base = 'https://opsdeck.invalid'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return '/'
  }
  if (url.origin !== base) return '/'
  // Going "back" to the sign-in page would loop.
  if (url.pathname === LOGIN_PATH) return '/'
  const path = `${url.pathname}${url.search}${url.hash}`
  // Resolving dot segments can make a new `//` (`/.//evil.example` becomes `//evil.example`):
  // check the path that is returned, not only the one that came in.
  return isSameSitePath(path) ? path : '/'
}
