import { describe, expect, it } from 'vitest'
import { addressGroup, canonicalIp } from './client-address.ts'

describe('canonicalIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['::FFFF:cb00:7109', '203.0.113.9'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
  ])('%s → %s', (text, ip) => {
    expect(canonicalIp(text)).toBe(ip)
  })

  it.each([
    'not-an-ip',
    '',
    'x'.repeat(8_000),
    '999.1.1.1',
    '01.2.3.4',
    '203.0.113.9:8080',
    '[::1]',
  ])('refuses %j', (text) => {
    expect(canonicalIp(text)).toBeUndefined()
  })
})

describe('addressGroup', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['2001:db8::1', '2001:db8::/64'],
    ['2001:db8:0:0:ffff::1', '2001:db8::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::', '2001:db8:1:2::/64'],
    ['::1', '::/64'],
    ['fe80::1', 'fe80::/64'],
  ])('%s counts as %s', (ip, group) => {
    expect(addressGroup(ip)).toBe(group)
  })
})
