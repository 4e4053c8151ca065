import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { DEMO_VIEWER, E2E_ADMIN } from './app-server.ts'
import { expectAccessible } from './axe.ts'
import { type Journey, openPage, screenshot, signIn } from './journey.ts'

// Who gets in and what they see: sign-in, a wrong password, a viewer's read-only view, sign-out,
// and an admin creating an API token that is shown exactly once.
export async function authJourney(t: TestContext, { app, browser }: Journey) {
  // 401: signed out; 409: an email in use; 422: a wrong current password.
  const { context, page, problems } = await openPage(browser, [401, 409, 422])
  const here = () => new URL(page.url())
  const nav = page.getByRole('navigation', { name: 'Sections' })
  const accountMenu = page.getByRole('button', { name: /account menu/ })
  try {
    await t.test('visiting / without a session goes to sign in', async () => {
      await page.goto(app.url)
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(here().pathname, '/login')
      assert.equal(here().search, '?next=%2F')
      assert.equal(await page.getByLabel('Email').getAttribute('autocomplete'), 'username')
      await screenshot(page, 'login')
    })

    await t.test('a wrong password shows the error and keeps the email', async () => {
      await page.getByLabel('Email').fill(DEMO_VIEWER.email)
      await page.getByLabel('Password').fill('not-the-password')
      await page.getByLabel('Password').press('Enter')
      const alert = page.getByRole('alert')
      await alert.waitFor()
      assert.equal((await alert.innerText()).trim(), 'Email or password is incorrect')
      assert.equal(await page.getByLabel('Email').inputValue(), DEMO_VIEWER.email)
      assert.equal(here().pathname, '/login')
      await screenshot(page, 'login-error')
      await expectAccessible(page, 'sign-in with a wrong password')
    })

    await t.test('the demo viewer sees the Overview and no Admin', async () => {
      await signIn(page, DEMO_VIEWER)
      await page.getByRole('region', { name: 'Service health', exact: true }).waitFor()
      assert.equal(here().pathname, '/')
      assert.match(await accountMenu.innerText(), /Viewer/)
      assert.equal(await nav.getByRole('link', { name: 'Admin' }).count(), 0)

      await page.goto(`${app.url}/admin/users`)
      await page.getByRole('heading', { name: 'You don’t have access to this page' }).waitFor()
    })

    await t.test('the user menu leads to the account page', async () => {
      await accountMenu.click()
      await screenshot(page, 'user-menu')
      await expectAccessible(page, 'the user menu open')
      await page.getByRole('link', { name: 'Change password' }).click()
      await page.getByRole('heading', { name: 'Your account' }).waitFor()
      await page.getByLabel('Current password').fill('not-my-password')
      await page.getByLabel('New password', { exact: true }).fill('a long new passphrase')
      await page.getByLabel('Confirm new password').fill('a long new passphrase')
      await page.getByRole('button', { name: 'Change password' }).click()
      await page.getByRole('alert').waitFor()
      assert.equal(
        await page.getByLabel('Current password').getAttribute('aria-invalid'),
        'true',
        'a wrong current password (422) is marked on its field',
      )
      await screenshot(page, 'account')
    })

    await t.test('signing out returns to sign in, and the session is gone', async () => {
      await accountMenu.click()
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(here().pathname, '/login')

      await page.goto(`${app.url}/admin/tokens?x=1`)
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(here().search, '?next=%2Fadmin%2Ftokens%3Fx%3D1')
      const me = await page.request.get(`${app.url}/api/v1/auth/me`)
      assert.equal(me.status(), 401)
    })

    let token = ''
    await t.test('an admin signs in, back to the page asked for, and sees Admin', async () => {
      await signIn(page, E2E_ADMIN)
      await page.getByRole('heading', { name: 'API tokens', exact: true }).waitFor()
      assert.equal(here().pathname, '/admin/tokens')
      assert.equal(await nav.getByRole('link', { name: 'Admin' }).count(), 1)

      await page.getByRole('navigation', { name: 'Admin sections' }).getByText('Users').click()
      const viewerRow = page.getByRole('row', { name: new RegExp(DEMO_VIEWER.email) })
      await viewerRow.waitFor()
      assert.equal(await viewerRow.getByRole('combobox').inputValue(), 'viewer')
      await screenshot(page, 'admin-users')
    })

    await t.test('adds a user, and an existing email is refused on its field', async () => {
      const add = async (email: string) => {
        await page.getByRole('button', { name: 'Add user' }).click()
        const form = page.getByRole('form', { name: 'Add a user' })
        await form.getByLabel('Email').fill(email)
        await form.getByLabel('Name').fill('Sam Support')
        await form.getByLabel('Role').selectOption('manager')
        await form.getByLabel('Initial password').fill('a first password')
        await form.getByRole('button', { name: 'Add user' }).click()
        return form
      }
      await add('sam@e2e.opsdeck.local')
      const row = page.getByRole('row', { name: /sam@e2e\.opsdeck\.local/ })
      await row.waitFor()
      assert.equal(await row.getByRole('combobox').inputValue(), 'manager')

      const form = await add('SAM@e2e.opsdeck.local')
      await form.getByText('A user with this email already exists.').waitFor()
      await screenshot(page, 'admin-add-user-taken')
      await expectAccessible(page, 'add user, email taken')
      await form.getByRole('button', { name: 'Cancel' }).click()

      await row.getByRole('button', { name: 'Disable sam@e2e.opsdeck.local' }).click()
      await screenshot(page, 'admin-disable-confirm')
      await expectAccessible(page, 'disable a user, confirming')
      await row.getByRole('group').getByRole('button', { name: 'Disable' }).click()
      await row.getByText('Disabled').waitFor()
    })

    await t.test('creates an API token and sees it exactly once', async () => {
      await page.getByRole('navigation', { name: 'Admin sections' }).getByText('API tokens').click()
      await page.getByRole('button', { name: 'Create token' }).click()
      await page.getByLabel('Name').fill('e2e grafana')
      await page.getByRole('button', { name: 'Create token' }).click()

      const reveal = page.getByRole('region', { name: 'Token “e2e grafana” created' })
      await reveal.waitFor()
      assert.match(await reveal.innerText(), /This is the only time the token is shown/)
      token = await reveal.getByLabel('API token').inputValue()
      assert.match(token, /^odk_/)
      await screenshot(page, 'admin-token-once')
      await expectAccessible(page, 'a new API token shown once')

      // The token works for a machine, with the read scope it was given.
      const asMachine = await fetch(`${app.url}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      })
      assert.equal(asMachine.status, 200)
      const body = (await asMachine.json()) as { via: string; token: { scopes: string[] } }
      assert.deepEqual([body.via, body.token.scopes], ['token', ['read']])

      await reveal.getByRole('button', { name: 'I have copied it' }).click()
      await page.getByRole('row', { name: /e2e grafana/ }).waitFor()
      assert.equal((await page.content()).includes(token), false, 'the token is gone from the page')
      await page.reload()
      await page.getByRole('row', { name: /e2e grafana/ }).waitFor()
      assert.equal((await page.content()).includes(token), false, 'and never shown again')
    })

    await t.test('the audit log records the token, filterable by URL', async () => {
      await page.getByRole('navigation', { name: 'Admin sections' }).getByText('Audit log').click()
      // The tokens table has an 'e2e grafana' row too: look only in the audit log's table, once
      // it is there (the click does not wait for the page to change).
      const audit = page.getByRole('table', { name: 'Audit log entries, newest first' })
      const created = audit.getByRole('row', { name: /e2e grafana/ })
      await created.waitFor()
      const text = await created.innerText()
      assert.match(text, new RegExp(E2E_ADMIN.email.replaceAll('.', '\\.')))
      assert.match(text, /token/)
      assert.match(text, /create/)
      await screenshot(page, 'admin-audit')

      const form = page.getByRole('form', { name: 'Filter the audit log' })
      await form.getByLabel('Entity').fill('auth')
      await form.getByLabel('Action').fill('login_failed')
      await form.getByRole('button', { name: 'Apply' }).click()
      await page.waitForURL((url) => url.search === '?entity=auth&action=login_failed')
      const failed = page.getByRole('row', { name: /login_failed/ })
      await failed.first().waitFor()
      assert.match(await failed.first().innerText(), /reason: wrong_password/)
    })

    assert.deepEqual(problems, [], 'no errors in the browser console')
  } finally {
    await context.close()
  }
}
