import { describe, expect, test } from 'vitest'
import { ApiError } from './api.ts'
import { formProblems, placeProblems } from './form-problems.ts'

const refused = new ApiError(400, 'validation_failed', 'Invalid request', [
  { path: 'json.check.url', message: 'must be an http(s) URL' },
  { path: 'json.check', message: 'must be an object' },
  { path: 'json.name', message: 'must not be empty' },
])

describe('form problems', () => {
  test('placed by the whole path, the rest as their messages after what was not saved', () => {
    const fieldOf = (path: string) => (path === 'json.name' ? 'name' : null)
    expect(placeProblems(refused, fieldOf, 'The service was not saved')).toEqual({
      fields: { name: 'Must not be empty' },
      other: 'The service was not saved: must be an http(s) URL; must be an object',
    })
  })

  test('under a prefix, the rest named by their path; the prefix itself is no field', () => {
    const fieldOf = (key: string) => (key === 'url' ? 'url' : null)
    expect(formProblems(refused, 'json.check', fieldOf)).toEqual({
      fields: { url: 'Must be an http(s) URL' },
      other: 'Not saved: check: must be an object; name: must not be empty',
    })
  })

  test('no error, no problems', () => {
    expect(formProblems(null, 'json', () => 'x')).toEqual({ fields: {}, other: null })
  })
})
