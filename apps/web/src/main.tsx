import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { createOpsdeck } from './app/create-opsdeck.ts'
import { Providers } from './app/providers.tsx'
import './styles/tokens.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/dashboard.css'
import './styles/states.css'
import './styles/tables.css'
import './styles/forms.css'
import './styles/auth.css'
import './styles/admin.css'
import './styles/print.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const { router, client } = createOpsdeck((routes) => createBrowserRouter(routes))

createRoot(root).render(
  <StrictMode>
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
)
