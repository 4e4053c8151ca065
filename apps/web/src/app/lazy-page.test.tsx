import { render, screen } from '@testing-library/react'
import type { ComponentType } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, expect, test, vi } from 'vitest'
import { lazyPage } from './lazy-page.tsx'
import { RouteError } from './pages.tsx'

afterEach(() => vi.restoreAllMocks())

function show(Page: ComponentType) {
  const router = createMemoryRouter([
    { path: '/', element: <Page />, errorElement: <RouteError /> },
  ])
  render(<RouterProvider router={router} />)
}

function Hello({ name = 'Overview' }: { name?: string }) {
  return <h1>Hello {name}</h1>
}

test('shows the loading blocks until the page’s code arrives, then the page', async () => {
  let arrive!: (page: typeof Hello) => void
  const Page = lazyPage(() => new Promise<typeof Hello>((resolve) => (arrive = resolve)))
  show(() => <Page name="Services" />)
  expect(screen.getByRole('status')).toHaveTextContent('Loading the page…')
  arrive(Hello)
  expect(await screen.findByRole('heading', { name: 'Hello Services' })).toBeInTheDocument()
  expect(screen.queryByRole('status')).not.toBeInTheDocument()
})

test('a page whose code is already here renders at once', async () => {
  const Page = lazyPage(() => Promise.resolve(Hello))
  await Page.preload()
  show(() => <Page />)
  expect(screen.getByRole('heading', { name: 'Hello Overview' })).toBeInTheDocument()
})

test('code that fails to load offers a reload, not the retry that cannot work', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const Page = lazyPage<object>(() =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')),
  )
  show(() => <Page />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('This page could not be loaded')
  expect(alert).toHaveTextContent('opsdeck was updated since this tab was opened')
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
})

test('a page that breaks while rendering still reaches the route’s error page', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  function Broken(): never {
    throw new Error('bad figures')
  }
  const Page = lazyPage(() => Promise.resolve(Broken))
  show(() => <Page />)
  expect(
    await screen.findByRole('heading', { name: 'Something went wrong on this page' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('bad figures')
})
