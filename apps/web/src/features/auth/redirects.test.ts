import { describe, expect, test } from 'vitest'
import { loginPath, safeNext } from './redirects.ts'

describe('loginPath', () => {
  test('remembers the path and query string, encoded', () => {
    expect(loginPath({ pathname: '/', search: '' })).toBe('/login?next=%2F')
    expect(loginPath({ pathname: '/admin/audit', search: '?entity=user&action=update' })).toBe(
      '/login?next=%2Fadmin%2Faudit%3Fentity%3Duser%26action%3Dupdate',
    )
  })

  test('round-trips through safeNext', () => {
    const path = loginPath({ pathname: '/incidents', search: '?range=7d' })
    const next = new URLSearchParams(path.split('?')[1]).get('next')
    expect(safeNext(next)).toBe('/incidents?range=7d')
  })
})

describe('safeNext', () => {
  test.each([
    ['/', '/'],
    ['/services?range=7d', '/services?range=7d'],
    ['/admin/users#top', '/admin/users#top'],
    ['/a/../b', '/b'],
  ])('follows the same-site path %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected)
  })

  test.each([
    [null],
    [''],
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    ['services'],
    ['/login?next=%2F'],
    // Safe as typed, but resolving the dot segments turns them into `//evil.example`.
    ['/.//evil.example'],
    ['/..//evil.example'],
    ['/a/..//evil.example/path'],
    ['/%2e//evil.example'],
    ['/./\\evil.example'],
  ])('refuses %s and goes home instead', (next) => {
    expect(safeNext(next)).toBe('/')
  })
})
