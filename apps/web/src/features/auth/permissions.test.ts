import { expect, test } from 'vitest'
import type { Role } from '@opsdeck/contract'
import { can } from './permissions.ts'

test.each<[Role | null, boolean, boolean, boolean]>([
  ['viewer', true, false, false],
  ['manager', true, true, false],
  ['admin', true, true, true],
  [null, false, false, false],
])('%s: read %s, write %s, admin %s', (role, read, write, admin) => {
  expect([can(role, 'read'), can(role, 'write'), can(role, 'admin')]).toEqual([read, write, admin])
})

test('an unknown role (a newer API) may do nothing rather than everything', () => {
  expect(can('owner' as Role, 'read')).toBe(false)
})
