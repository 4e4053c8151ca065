import { ConfigError, parseEnv } from '@opsdeck/db'
import { describe, expect, it } from 'vitest'
import { Env } from './env.ts'

describe('the process environment: the prober', () => {
  it('runs 20 checks at once under a generated worker id unless told, an empty value as unset', () => {
    const env = parseEnv(Env, { OPSDECK_PROBE_CONCURRENCY: '', OPSDECK_WORKER_ID: '' })
    expect(env.OPSDECK_PROBE_CONCURRENCY).toBe(20)
    expect(env.OPSDECK_WORKER_ID).toBeUndefined()
  })

  it('takes a concurrency from 1 to 200 and a worker id', () => {
    const env = parseEnv(Env, { OPSDECK_PROBE_CONCURRENCY: '200', OPSDECK_WORKER_ID: ' probe-a ' })
    expect(env).toMatchObject({ OPSDECK_PROBE_CONCURRENCY: 200, OPSDECK_WORKER_ID: 'probe-a' })
    expect(parseEnv(Env, { OPSDECK_PROBE_CONCURRENCY: '1' }).OPSDECK_PROBE_CONCURRENCY).toBe(1)
  })

  it.each(['0', '201', '2.5', 'lots'])('refuses a concurrency of %s, naming the variable', (v) => {
    expect(() => parseEnv(Env, { OPSDECK_PROBE_CONCURRENCY: v })).toThrow(ConfigError)
    expect(() => parseEnv(Env, { OPSDECK_PROBE_CONCURRENCY: v })).toThrow(
      /^invalid configuration: OPSDECK_PROBE_CONCURRENCY /,
    )
  })

  it('refuses loopback targets unless OPSDECK_PROBE_ALLOW_LOOPBACK is set, an empty value as unset', () => {
    expect(parseEnv(Env, {}).OPSDECK_PROBE_ALLOW_LOOPBACK).toBe(false)
    expect(parseEnv(Env, { OPSDECK_PROBE_ALLOW_LOOPBACK: '' }).OPSDECK_PROBE_ALLOW_LOOPBACK).toBe(
      false,
    )
    for (const [v, allowed] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ] as const)
      expect(parseEnv(Env, { OPSDECK_PROBE_ALLOW_LOOPBACK: v }).OPSDECK_PROBE_ALLOW_LOOPBACK).toBe(
        allowed,
      )
    expect(() => parseEnv(Env, { OPSDECK_PROBE_ALLOW_LOOPBACK: 'yes' })).toThrow(
      /^invalid configuration: OPSDECK_PROBE_ALLOW_LOOPBACK /,
    )
  })

  it('refuses a worker id of blanks or longer than 200 characters', () => {
    expect(() => parseEnv(Env, { OPSDECK_WORKER_ID: '   ' })).toThrow(/OPSDECK_WORKER_ID /)
    expect(() => parseEnv(Env, { OPSDECK_WORKER_ID: 'w'.repeat(201) })).toThrow(
      /OPSDECK_WORKER_ID /,
    )
  })
})

describe('the process environment: metrics', () => {
  it('serves /metrics unless OPSDECK_METRICS is off, an empty value as unset', () => {
    expect(parseEnv(Env, {}).OPSDECK_METRICS).toBe(true)
    expect(parseEnv(Env, { OPSDECK_METRICS: '' }).OPSDECK_METRICS).toBe(true)
    for (const [v, on] of [
      ['on', true],
      ['true', true],
      ['1', true],
      ['off', false],
      ['false', false],
      ['0', false],
    ] as const)
      expect(parseEnv(Env, { OPSDECK_METRICS: v }).OPSDECK_METRICS).toBe(on)
    expect(() => parseEnv(Env, { OPSDECK_METRICS: 'no' })).toThrow(
      /^invalid configuration: OPSDECK_METRICS /,
    )
  })
})

describe('the process environment: a read replica', () => {
  const primary = 'postgres://opsdeck@db1:5432/opsdeck'
  const replica = 'postgres://opsdeck@db2:5432/opsdeck'

  it('takes a replica beside DATABASE_URL, tolerating 10 s of lag unless told', () => {
    const env = parseEnv(Env, { DATABASE_URL: primary, DATABASE_REPLICA_URL: replica })
    expect(env).toMatchObject({ DATABASE_REPLICA_URL: replica, DATABASE_REPLICA_LAG_SECONDS: 10 })
    const told = parseEnv(Env, { DATABASE_URL: primary, DATABASE_REPLICA_LAG_SECONDS: '2.5' })
    expect(told.DATABASE_REPLICA_LAG_SECONDS).toBe(2.5)
    expect(parseEnv(Env, { DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined()
  })

  it('refuses a replica of the embedded server, and a replica URL that is not postgres://', () => {
    expect(() => parseEnv(Env, { DATABASE_REPLICA_URL: replica })).toThrow(
      /^invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL/,
    )
    expect(() =>
      parseEnv(Env, { DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://db2/opsdeck' }),
    ).toThrow(/^invalid configuration: DATABASE_REPLICA_URL must start with postgres:\/\//)
    expect(() =>
      parseEnv(Env, { DATABASE_URL: primary, DATABASE_REPLICA_LAG_SECONDS: '0' }),
    ).toThrow(/^invalid configuration: DATABASE_REPLICA_LAG_SECONDS /)
  })
})
