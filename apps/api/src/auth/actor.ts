import type { Role, TokenScope } from '@opsdeck/contract'

export interface SessionUser {
  id: number
  email: string
  name: string
  role: Role
}

/** A person signed in with a session cookie. `sessionId` is the hex sha256 of the cookie's token. */
export interface UserActor {
  type: 'user'
  user: SessionUser
  sessionId: string
}

/** A machine calling with `Authorization: Bearer odk_…`. */
export interface TokenActor {
  type: 'token'
  token: { id: number; name: string; scopes: TokenScope[] }
}

export type Actor = UserActor | TokenActor
