/**
 * The admin e2e harness for specs written after tests/e2e/editor-workflows.spec.ts, with its setup
 * approach: the admin built for production (.next, rebuilt when sources are newer), a production
 * CMS on a fresh SQLite database, one user per role, a Swedish Chromium context per actor in
 * which any console error, page error, failed request or HTTP status >= 400 fails the test unless
 * it is one of the harmless ones listed in ALWAYS_EXPECTED. The production server applies the
 * committed migrations to the fresh database, as `npm start` does.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'

import { type ApiClient, apiClient } from '../support/api'
import { startServer, type ServerProcess } from '../support/server-process'
import { CHROMIUM, CHROMIUM_ARGS, descendantsOf, freePort, killTrees, Processes, root } from './support'

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-123' }
export const PASSWORD = 'e2e-user-password-123'
export const USERS = {
  publisher: { email: 'publisher@e2e.local', name: 'Ansvarig Utgivare', roles: ['publisher'] },
  editor: { email: 'editor@e2e.local', name: 'Redaktör Redaktörsson', roles: ['editor'] },
  reader: { email: 'reader@e2e.local', name: 'Läsare Läsarsson', roles: ['reader'] },
} as const
export type Actor = 'admin' | keyof typeof USERS

/** expect.poll with room for a loaded machine (vitest's default gives up after 1 s). */
export const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) =>
  expect.poll(fn, { timeout: 30_000, interval: 250, ...options })

// ---- the admin build ---------------------------------------------------------------------------

const BUILD_INPUTS = ['src', 'collections', 'access', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

function newestInput(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((child) => newestInput(path.join(entry, child))))
}

/** Runs `npm run build` unless .next holds a build newer than every source the admin is made of. */
async function ensureAdminBuild(processes: Processes, workDir: string) {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (process.env.E2E_ADMIN_BUILD === 'skip' && existsSync(buildId)) return
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (builtAt > Math.max(...BUILD_INPUTS.map((input) => newestInput(path.join(root, input))))) return
  const child: ChildProcess = processes.track(
    spawn('npm', ['run', 'build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${path.join(workDir, 'build.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`npm run build failed (${code}):\n${log.slice(-4000)}`)
}

// ---- what a page may complain about ------------------------------------------------------------

/** As in editor-workflows.spec.ts: aborted requests the admin makes itself when the page moves on. */
const ALWAYS_EXPECTED: ((problem: Problem) => boolean)[] = [
  (problem) => problem.kind === 'requestfailed' && problem.failure === 'net::ERR_ABORTED' && /[?&]_rsc=/.test(problem.url),
  (problem) => problem.kind === 'requestfailed' && problem.failure === 'net::ERR_ABORTED' && problem.method === 'POST' && problem.serverAction === true,
  (problem) =>
    problem.kind === 'requestfailed' &&
    problem.failure === 'net::ERR_ABORTED' &&
    problem.method === 'POST' &&
    /\/api\/[\w-]+\/access\/\w+$/.test(new URL(problem.url).pathname),
  (problem) =>
    problem.kind === 'requestfailed' &&
    problem.failure === 'net::ERR_ABORTED' &&
    problem.method === 'GET' &&
    new URL(problem.url).pathname.startsWith('/api/payload-preferences/'),
]

interface Problem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http'
  text: string
  url: string
  method?: string
  status?: number
  failure?: string
  serverAction?: boolean
}

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

export async function startAdminHarness(screenshots: string): Promise<AdminHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`)
  mkdirSync(screenshots, { recursive: true })
  const processes = new Processes()
  const workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-desk-'))
  await ensureAdminBuild(processes, workDir)

  const secret = `e2e-desk-secret-${randomUUID()}`
  const file = path.join(workDir, 'cms.db')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const before = new Set(descendantsOf(process.pid).map((ref) => ref.pid))
  let cms: ServerProcess
  try {
    cms = await startServer({
      production: true,
      timeoutMs: 180_000,
      env: {
        PORT: String(port),
        SERVER_URL: base,
        DATABASE_URL: `file:${file}`,
        PAYLOAD_SECRET: secret,
        LAGESBILD_ADMIN: 'on',
        JOBS_CRON: '*/5 * * * * *',
        LAGESBILD_JOBS: undefined,
        AUTO_SEED: 'false',
        REDIS_URL: undefined,
        WEBHOOK_URLS: undefined,
        CORS_ORIGINS: undefined,
        CSRF_ORIGINS: undefined,
        LAGESBILD_CACHE: undefined,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    })
  } catch (error) {
    killTrees(descendantsOf(process.pid).filter((ref) => !before.has(ref.pid)))
    throw error
  }
  processes.track(cms.child)
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

  const session: AdminHarness['session'] = async (name, steps) => {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1400, height: 1000 } })
    context.setDefaultTimeout(30_000)
    context.setDefaultNavigationTimeout(90_000)
    const problems: Problem[] = []
    context.on('console', (message) => {
      if (message.type() === 'error') problems.push({ kind: 'console', text: `${message.text()} (${message.location().url})`, url: message.location().url })
    })
    context.on('weberror', (error) => problems.push({ kind: 'pageerror', text: error.error().message, url: error.page()?.url() ?? '' }))
    context.on('requestfailed', (request) =>
      problems.push({
        kind: 'requestfailed',
        text: `${request.method()} ${request.url()} (${request.failure()?.errorText})`,
        url: request.url(),
        method: request.method(),
        failure: request.failure()?.errorText,
        serverAction: 'next-action' in request.headers(),
      }),
    )
    context.on('response', (response) => {
      if (response.status() >= 400) {
        const request = response.request()
        problems.push({
          kind: 'http',
          text: `HTTP ${response.status()}: ${request.method()} ${response.url()}`,
          url: response.url(),
          status: response.status(),
        })
      }
    })
    const page = await context.newPage()
    try {
      await steps(page, context)
    } finally {
      for (const [index, open] of context.pages().entries()) {
        await open.screenshot({ path: path.join(screenshots, `${name}-end${index ? `-${index}` : ''}.png`), fullPage: true }).catch(() => undefined)
      }
      await context.close()
    }
    const unexpected = problems.filter((problem) => !ALWAYS_EXPECTED.some((matches) => matches(problem))).map((problem) => `${problem.kind}: ${problem.text}`)
    expect(unexpected, `problems in the page (${name})`).toEqual([])
  }

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
