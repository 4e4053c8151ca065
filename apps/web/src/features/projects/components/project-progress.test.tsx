import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { requests, stubApi, type Reply } from '../../../testing/render-app.tsx'
import { renderPart } from '../../../testing/render-part.tsx'
import { progressList } from '../../../testing/project-writes-fixture.ts'
import { ProjectProgress } from './project-progress.tsx'

const show = (canManage: boolean) =>
  renderPart(
    <ProjectProgress code="PRJ-0012" canManage={canManage} />,
    '/projects/PRJ-0012',
    '/projects/:code',
  )
const stub = (more: Record<string, Reply | Reply[]> = {}) =>
  stubApi({ 'GET /projects/:code/progress': { body: progressList() }, ...more })
const writes = (fetch: ReturnType<typeof stubApi>) =>
  requests(fetch).filter((r) => r.method !== 'GET')
const table = () => screen.findByRole('table', { name: 'Progress, newest first' })
const cellsOf = (day: string) =>
  within(screen.getByRole('rowheader', { name: day }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('Project progress', { timeout: 20_000 }, () => {
  test('a viewer reads the history newest first with who recorded it, and no controls', async () => {
    stub()
    show(false)
    await table()
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      '31 Mar 2026',
      '28 Feb 2026',
    ])
    expect(cellsOf('31 Mar 2026').slice(0, 2)).toEqual(['40%', 'Core switches in'])
    expect(cellsOf('31 Mar 2026')[2]).toMatch(/^Mo Manager /)
    expect(cellsOf('28 Feb 2026')[0]).toBe('22.5%')
    expect(screen.queryByRole('button', { name: 'Record progress' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument()
  })

  test('a manager records progress for a day: PUT to the day with the percent and note', async () => {
    const saved = {
      asOf: '2026-04-15',
      percentComplete: 55.25,
      note: 'Half the sites',
      recordedAt: '2026-04-15T09:00:00.000Z',
      recordedBy: { id: 2, name: 'Mo Manager' },
    }
    const fetch = stub({
      'GET /projects/:code/progress': [
        { body: progressList() },
        { body: progressList([saved, ...progressList().entries]) },
      ],
      'PUT /projects/:code/progress/:asOf': { status: 201, body: saved },
    })
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Record progress' }))
    const form = screen.getByRole('form', { name: 'Record progress' })
    const day = within(form).getByLabelText('As of')
    await user.clear(day)
    await user.type(day, '2026-04-15')
    await user.type(within(form).getByLabelText('% complete'), '55.25')
    await user.type(within(form).getByLabelText('Note'), 'Half the sites')
    await user.click(within(form).getByRole('button', { name: 'Record progress' }))
    await screen.findByRole('rowheader', { name: '15 Apr 2026' })
    expect(writes(fetch).map((w) => [w.method, w.url.pathname, w.body])).toEqual([
      [
        'PUT',
        '/api/v1/projects/PRJ-0012/progress/2026-04-15',
        { percentComplete: 55.25, note: 'Half the sites' },
      ],
    ])
    expect(screen.getByRole('button', { name: 'Record progress' })).toHaveFocus()
  })

  test('a day the API refuses shows its reason beside the day, focused; 101% is caught first', async () => {
    const fetch = stub({
      'PUT /projects/:code/progress/:asOf': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            details: [{ path: 'param.asOf', message: 'must not be before the project’s start' }],
          },
        },
      },
    })
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Record progress' }))
    const form = screen.getByRole('form', { name: 'Record progress' })
    const percent = within(form).getByLabelText('% complete')
    await user.type(percent, '101')
    await user.click(within(form).getByRole('button', { name: 'Record progress' }))
    expect(percent).toHaveFocus()
    expect(writes(fetch)).toEqual([])

    await user.clear(percent)
    await user.type(percent, '10')
    const day = within(form).getByLabelText('As of')
    await user.clear(day)
    await user.type(day, '2025-12-01')
    await user.click(within(form).getByRole('button', { name: 'Record progress' }))
    await waitFor(() => expect(day).toHaveFocus())
    expect(day).toHaveAccessibleDescription(
      'A day already recorded is replaced Must not be before the project’s start',
    )
  })

  test('delete asks first, then sends DELETE for the day', async () => {
    const fetch = stub({
      'GET /projects/:code/progress': [
        { body: progressList() },
        { body: progressList(progressList().entries.slice(1)) },
      ],
      'DELETE /projects/:code/progress/:asOf': { status: 204 },
    })
    const { user } = show(true)
    await table()
    await user.click(screen.getByRole('button', { name: 'Delete the progress of 31 Mar 2026' }))
    expect(writes(fetch)).toEqual([])
    const ask = screen.getByRole('group', { name: 'Delete the progress of 31 Mar 2026?' })
    await user.click(within(ask).getByRole('button', { name: 'Delete progress' }))
    await waitFor(() =>
      expect(screen.queryByRole('rowheader', { name: '31 Mar 2026' })).not.toBeInTheDocument(),
    )
    expect(writes(fetch).map((w) => `${w.method} ${w.url.pathname}`)).toEqual([
      'DELETE /api/v1/projects/PRJ-0012/progress/2026-03-31',
    ])
  })
})
