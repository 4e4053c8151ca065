import { describe, expect, it } from 'vitest'
import * as kpi from './index.ts'

describe('package entry point', () => {
  it('exposes every KPI function through the one barrel', () => {
    for (const name of [
      'ratio',
      'quantile',
      'uptime',
      'downtimeMinutes',
      'errorBudget',
      'sloAttainment',
      'bucketIndex',
      'mergeHistograms',
      'percentile',
      'mtta',
      'mttr',
      'mttd',
      'mtbf',
      'evm',
      'plannedValueLinear',
      'plannedValueFromBaseline',
      'rag',
      'effectiveCapacity',
      'utilization',
      'isOverAllocated',
      'runChangeSplit',
    ] as const) {
      expect(typeof kpi[name], name).toBe('function')
    }
    expect(typeof kpi.bucketIndexSql).toBe('string')
    expect(kpi.HISTOGRAM_BUCKETS).toBe(118)
  })
})
