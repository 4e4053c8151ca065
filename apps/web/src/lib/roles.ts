// The roles now live in @opsdeck/contract; this re-export goes once testing/fixtures.ts imports it.
export type { Role } from '@opsdeck/contract'
