import { describe, expect, it } from 'vitest'
import { runChangeSplit } from './capacity.ts'

// Effective capacity, utilization and over-allocation: capacity-days.test.ts.

describe('runChangeSplit', () => {
  it('splits run (run, support, incidents) from change (projects)', () => {
    // run 40 + support 15 + incident 5 = 60 run; project 90 change; total 150 → 40% / 60%.
    const s = runChangeSplit({ run: 40, support: 15, incident: 5, project: 90 })
    expect(s).toEqual({ runHours: 60, changeHours: 90, runShare: 0.4, changeShare: 0.6 })
  })

  it('is n/a with no hours at all', () => {
    expect(runChangeSplit({})).toEqual({
      runHours: 0,
      changeHours: 0,
      runShare: null,
      changeShare: null,
    })
    expect(() => runChangeSplit({ run: -1 })).toThrow(RangeError)
  })
})
