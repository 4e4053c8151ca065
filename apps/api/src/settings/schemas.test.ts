import { describe, expect, it } from 'vitest'
import { SettingsPatch } from './schemas.ts'

const level = { cpi: 0.9, spi: 0.9, eacOverBac: 1.1 }
const DEFAULTS = {
  red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
  amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
}
// The problems as the API sends them: a dotted path under `json` and a message.
const problems = (ragThresholds: unknown) => {
  const result = SettingsPatch.safeParse({ ragThresholds })
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])
}

describe('RAG thresholds: one problem per limit, the first check it fails', () => {
  it('a limit out of range is not also said to have too many decimals or to cross amber', () => {
    expect(problems({ ...DEFAULTS, red: { ...DEFAULTS.red, cpi: 1e308 } })).toEqual([
      ['ragThresholds.red.cpi', 'must be more than 0 and at most 2'],
    ])
  })

  it('red EAC 99% is out of range, and that is all that is said of it', () => {
    expect(problems({ ...DEFAULTS, red: { ...DEFAULTS.red, eacOverBac: 0.99 } })).toEqual([
      ['ragThresholds.red.eacOverBac', 'must be from 1 to 3 (100% to 300% of BAC)'],
    ])
  })

  it('an amber limit out of range is not compared with red', () => {
    expect(problems({ ...DEFAULTS, amber: { ...DEFAULTS.amber, spi: 0 } })).toEqual([
      ['ragThresholds.amber.spi', 'must be more than 0 and at most 2'],
    ])
  })

  it('a limit with too many decimals is not compared either', () => {
    expect(problems({ ...DEFAULTS, red: { ...DEFAULTS.red, cpi: 0.9999 } })).toEqual([
      ['ragThresholds.red.cpi', 'must have at most 3 decimal places'],
    ])
  })

  it('the other limits are still compared when one fails its own checks', () => {
    const red = { cpi: 5, spi: 0.96, eacOverBac: 1 }
    expect(problems({ red, amber: DEFAULTS.amber })).toEqual([
      ['ragThresholds.red.cpi', 'must be more than 0 and at most 2'],
      ['ragThresholds.red.spi', "red SPI limit 0.96 must be below amber's 0.95"],
      ['ragThresholds.red.eacOverBac', "red EAC limit 100% of BAC must be above amber's 100%"],
    ])
  })

  it('a missing number is said once, and the rest still compared', () => {
    expect(problems({ red: { ...level, cpi: null, spi: 0.95 }, amber: level })).toEqual([
      ['ragThresholds.red.cpi', 'Invalid input: expected number, received null'],
      ['ragThresholds.red.spi', "red SPI limit 0.95 must be below amber's 0.9"],
      ['ragThresholds.red.eacOverBac', "red EAC limit 110% of BAC must be above amber's 110%"],
    ])
  })

  it('a missing level is said once, with no comparison', () => {
    expect(problems({ red: level })).toEqual([
      ['ragThresholds.amber', 'Invalid input: expected object, received undefined'],
    ])
  })
})
