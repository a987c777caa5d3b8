/**
 * What an admin e2e spec needs around the browser (the approach of editor-workflows.spec.ts): the
 * production admin build, kept current, and a browser context per actor whose every console error,
 * page error, failed request or HTTP status >= 400 fails the test unless it is one of the few the
 * admin causes by design (listed and explained in ALWAYS_EXPECTED).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

import { type Processes, root } from './support'

/** Everything the admin bundle is built from: a file newer than .next/BUILD_ID makes the build stale. */
const BUILD_INPUTS = ['src', 'collections', 'access', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

function newestInput(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(entry).map((child) => newestInput(path.join(entry, child))))
}

/** Runs `npm run build` unless .next holds a build newer than every source (E2E_ADMIN_BUILD=skip uses whatever is there). */
export async function ensureAdminBuild(processes: Processes, workDir: string) {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (process.env.E2E_ADMIN_BUILD === 'skip' && existsSync(buildId)) return
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  if (builtAt > Math.max(...BUILD_INPUTS.map((input) => newestInput(path.join(root, input))))) return
  const child: ChildProcess = processes.track(
    spawn('npm', ['run', 'build'], {
      cwd: root,
      // The build loads the Payload config: keep it off the development database.
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

interface Problem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http'
  text: string
  url: string
  method?: string
  status?: number
  failure?: string
  serverAction?: boolean
}

/**
 * Cancelled requests the admin makes by design (see editor-workflows.spec.ts for each): Next's router
 * dropping an RSC fetch it no longer needs, Payload's form aborting its previous form-state server
 * action, the permission re-check after a save and the list-preferences read when the page moves on.
 */
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

/**
 * A fresh Swedish browser context (Stockholm time) for one actor; fails the test on any problem in
 * its pages that is not expected; a full-page screenshot of each page is saved whatever happens.
 */
export async function session(
  browser: Browser,
  screenshotsDir: string,
  name: string,
  steps: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
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
      problems.push({
        kind: 'http',
        text: `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`,
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
      await open.screenshot({ path: path.join(screenshotsDir, `${name}${index ? `-${index}` : ''}.png`), fullPage: true }).catch(() => undefined)
    }
    await context.close()
  }
  const unexpected = problems.filter((problem) => !ALWAYS_EXPECTED.some((matches) => matches(problem))).map((problem) => `${problem.kind}: ${problem.text}`)
  expect(unexpected, `problems in the page (${name})`).toEqual([])
}

/** expect.poll with room for a loaded machine (vitest's default gives up after 1 s). */
export const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) =>
  expect.poll(fn, { timeout: 30_000, interval: 250, ...options })
