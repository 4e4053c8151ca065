import { expect, test } from 'vitest'
import { passwordProblems } from './password-rules.ts'

test('a good change has no problems', () => {
  expect(
    passwordProblems({ current: 'old', next: 'a-long-passphrase', confirm: 'a-long-passphrase' }),
  ).toEqual({})
})

test('names each problem by its field', () => {
  expect(passwordProblems({ current: '', next: 'short', confirm: 'shorter' })).toEqual({
    current: 'Enter your current password',
    next: 'Use at least 12 characters',
    confirm: 'The two new passwords do not match',
  })
  expect(
    passwordProblems({
      current: 'same-password-1',
      next: 'same-password-1',
      confirm: 'same-password-1',
    }),
  ).toEqual({ next: 'Choose a password different from the current one' })
})

test('12 characters is enough, 11 is not', () => {
  expect(passwordProblems({ current: 'x', next: '123456789012', confirm: '123456789012' })).toEqual(
    {},
  )
  expect(passwordProblems({ current: 'x', next: '12345678901', confirm: '12345678901' }).next).toBe(
    'Use at least 12 characters',
  )
})
