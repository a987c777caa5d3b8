/**
 * The admin e2e harness for specs written after tests/e2e/editor-workflows.spec.ts, with its setup
 * approach: the admin built for production (.next, rebuilt when sources are newer), a production
 * CMS on a fresh SQLite database, one user per role, a Swedish Chromium context per actor in
 * which any console error, page error, failed request or HTTP status >= 400 fails the test unless
 * it is one of the harmless ones listed in ALWAYS_EXPECTED. The production server applies the
 * committed migrations to the fresh database, as `npm start` does.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'

import { type ApiClient, apiClient } from '../support/api'
import { ensureAdminBuild, poll, session as browserSession } from './admin-run'
import { CHROMIUM, CHROMIUM_ARGS, Processes, startAdminCms } from './support'

export { poll }

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-123' }
export const PASSWORD = 'e2e-user-password-123'
export const USERS = {
  publisher: { email: 'publisher@e2e.local', name: 'Ansvarig Utgivare', roles: ['publisher'] },
  editor: { email: 'editor@e2e.local', name: 'Redaktör Redaktörsson', roles: ['editor'] },
  reader: { email: 'reader@e2e.local', name: 'Läsare Läsarsson', roles: ['reader'] },
} as const
export type Actor = 'admin' | keyof typeof USERS

// ---- the harness --------------------------------------------------------------------------------

export interface AdminHarness {
  base: string
  rest: ApiClient
  auth: Record<Actor, string>
  /** One actor's browser session; every unexpected problem in its pages fails the test. */
  session: (name: string, steps: (page: Page, context: BrowserContext) => Promise<void>) => Promise<void>
  /** Logs in through the Swedish login form and waits for wherever the admin sends us. */
  login: (page: Page, email: string) => Promise<void>
  /** Opens a report or other document, taking over the lock if someone else still holds it. */
  openDocument: (page: Page, collection: string, id: number, title: string) => Promise<void>
  /** A full-page screenshot into the artefact folder. */
  snap: (page: Page, name: string) => Promise<void>
  close: () => Promise<void>
}

/** `env`: more of the CMS's environment (SMTP_URL for the sending spec …), over the harness's own. */
export async function startAdminHarness(screenshots: string, options: { env?: Record<string, string | undefined> } = {}): Promise<AdminHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`)
  mkdirSync(screenshots, { recursive: true })
  const processes = new Processes()
  const workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-desk-'))
  await ensureAdminBuild(processes, workDir)

  const base = await startAdminCms(processes, workDir, {
    JOBS_CRON: '*/5 * * * * *',
    LAGESBILD_JOBS: undefined,
    AUTO_SEED: 'false',
    ...options.env,
  })
  const rest = apiClient(base)

  const restLogin = async (email: string, password: string) => {
    const response = await rest('/api/users/login', { method: 'POST', body: { email, password } })
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`)
    return `JWT ${response.body.token}`
  }
  const auth: Record<Actor, string> = { admin: '', publisher: '', editor: '', reader: '' }
  const first = await rest('/api/users/first-register', { method: 'POST', body: { ...ADMIN, name: 'Admin' } })
  expect(first.status, JSON.stringify(first.body)).toBe(200)
  auth.admin = await restLogin(ADMIN.email, ADMIN.password)
  for (const [role, user] of Object.entries(USERS)) {
    const created = await rest('/api/users', { method: 'POST', auth: auth.admin, body: { ...user, password: PASSWORD } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    auth[role as keyof typeof USERS] = await restLogin(user.email, PASSWORD)
  }

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const snap = async (page: Page, name: string) => void (await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true }))

  const session: AdminHarness['session'] = (name, steps) => browserSession(browser, screenshots, name, steps, `${name}-end`)

  const login: AdminHarness['login'] = async (page, email) => {
    await page.goto(`${base}/admin/login`)
    await page.locator('input[name="email"]').waitFor()
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(email === ADMIN.email ? ADMIN.password : PASSWORD)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
    await page.waitForLoadState('networkidle')
  }

  const openDocument: AdminHarness['openDocument'] = async (page, collection, id, title) => {
    await page.goto(`${base}/admin/collections/${collection}/${id}`)
    await poll(() => page.locator('#field-title').inputValue()).toBe(title)
    await page.waitForLoadState('networkidle')
    const takeOver = page.locator('#document-locked-take-over')
    if (!(await takeOver.isVisible())) return
    await takeOver.click()
    await takeOver.waitFor({ state: 'detached' })
    await page.waitForLoadState('networkidle')
  }

  return {
    base,
    rest,
    auth,
    session,
    login,
    openDocument,
    snap,
    close: async () => {
      await browser.close().catch(() => undefined)
      await processes.end()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
