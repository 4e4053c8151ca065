import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { Providers } from './app/providers.tsx'
import { routes } from './app/routes.tsx'
import { createQueryClient } from './lib/query-client.ts'
import './styles/tokens.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/dashboard.css'
import './styles/states.css'
import './styles/tables.css'
import './styles/print.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <Providers client={createQueryClient()}>
      <RouterProvider router={createBrowserRouter(routes)} />
    </Providers>
  </StrictMode>,
)
