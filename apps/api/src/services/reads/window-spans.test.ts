import { describe, expect, it } from 'vitest'
import { windowSpans } from './window-spans.ts'

const span = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) })
const LONDON = 'Europe/London'

describe('windowSpans', () => {
  it('reads the partial hours at either end from the raw samples when exact', () => {
    // 27 Oct 12:30 to 28 Oct 12:30 (GMT): no whole London day inside.
    expect(windowSpans(span('2026-10-27T12:30:00Z', '2026-10-28T12:30:00Z'), LONDON, true)).toEqual(
      {
        from: new Date('2026-10-27T12:30:00Z'),
        to: new Date('2026-10-28T12:30:00Z'),
        daily: span('2026-10-28T12:00:00Z', '2026-10-28T12:00:00Z'),
        hourly: [span('2026-10-27T13:00:00Z', '2026-10-28T12:00:00Z')],
        raw: [
          span('2026-10-27T12:30:00Z', '2026-10-27T13:00:00Z'),
          span('2026-10-28T12:00:00Z', '2026-10-28T12:30:00Z'),
        ],
      },
    )
  })

  it('reads a window inside one hour from the raw samples alone', () => {
    const s = windowSpans(span('2026-10-28T11:30:00Z', '2026-10-28T12:30:00Z'), LONDON, true)
    expect(s.raw).toEqual([span('2026-10-28T11:30:00Z', '2026-10-28T12:30:00Z')])
    expect(s.hourly).toEqual([])
  })

  it('starts at the top of the hour otherwise, whole London days from the daily rollup', () => {
    const s = windowSpans(span('2026-10-21T12:30:00Z', '2026-10-28T12:30:00Z'), LONDON, false)
    expect(s.from).toEqual(new Date('2026-10-21T12:00:00Z'))
    expect(s.raw).toEqual([])
    // 22 October 00:00 BST to 28 October 00:00 GMT: the 25-hour 25 October is one of them.
    expect(s.daily).toEqual(span('2026-10-21T23:00:00Z', '2026-10-28T00:00:00Z'))
    expect(s.hourly).toEqual([
      span('2026-10-21T12:00:00Z', '2026-10-21T23:00:00Z'),
      span('2026-10-28T00:00:00Z', '2026-10-28T12:30:00Z'),
    ])
  })
})
