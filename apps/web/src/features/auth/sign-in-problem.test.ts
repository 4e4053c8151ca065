import { expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import { signInProblem, waitFor } from './sign-in-problem.ts'

test('shows the API’s own message', () => {
  const wrong = new ApiError(401, 'invalid_credentials', 'Email or password is incorrect')
  expect(signInProblem(wrong)).toBe('Email or password is incorrect')
  const limited = new ApiError(
    429,
    'rate_limited',
    'Too many sign-in attempts; try again in 15 minutes',
    undefined,
    900,
  )
  expect(signInProblem(limited)).toBe('Too many sign-in attempts; try again in 15 minutes')
})

test('a rate limit says its wait from Retry-After, in seconds under a minute', () => {
  const limited = (message: string, retryAfter: number) =>
    signInProblem(new ApiError(429, 'rate_limited', message, undefined, retryAfter))
  // An API that rounds a one-second wait up to a minute is corrected by its own header.
  expect(limited('Too many sign-in attempts; try again in 1 minute', 1)).toBe(
    'Too many sign-in attempts; try again in 1 second',
  )
  expect(limited('Too many sign-in attempts; try again in 1 minute', 45)).toBe(
    'Too many sign-in attempts; try again in 45 seconds',
  )
  expect(limited('Too many sign-in attempts. Try again in 1 minute.', 4)).toBe(
    'Too many sign-in attempts. Try again in 4 seconds.',
  )
  expect(limited('Too many sign-in attempts; try again in 6 minutes', 360)).toBe(
    'Too many sign-in attempts; try again in 6 minutes',
  )
})

test('a rate limit without a time in its message gets one from Retry-After', () => {
  const limited = new ApiError(429, 'rate_limited', 'Too many sign-in attempts', undefined, 61)
  expect(signInProblem(limited)).toBe('Too many sign-in attempts. Try again in 2 minutes.')
})

test('anything that is not an API error reads in plain words', () => {
  expect(signInProblem(new TypeError('x is undefined'))).toBe(
    'Something went wrong. Please try again.',
  )
})

test.each([
  [1, '1 second'],
  [45, '45 seconds'],
  [60, '1 minute'],
  [61, '2 minutes'],
  [900, '15 minutes'],
])('waitFor(%i) = %s', (seconds, words) => {
  expect(waitFor(seconds)).toBe(words)
})
