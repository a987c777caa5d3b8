/**
 * What an admin e2e spec needs around the browser (the approach of editor-workflows.spec.ts): the
 * production admin build, kept current (admin-build.ts), and a browser context per actor whose every console error,
 * page error, failed request or HTTP status >= 400 fails the test unless it is one of the few the
 * admin causes by design (listed and explained in ALWAYS_EXPECTED).
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

export { ensureAdminBuild } from './admin-build'

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
  screenshotName = name,
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
      await open.screenshot({ path: path.join(screenshotsDir, `${screenshotName}${index ? `-${index}` : ''}.png`), fullPage: true }).catch(() => undefined)
    }
    await context.close()
  }
  const unexpected = problems.filter((problem) => !ALWAYS_EXPECTED.some((matches) => matches(problem))).map((problem) => `${problem.kind}: ${problem.text}`)
  expect(unexpected, `problems in the page (${name})`).toEqual([])
}

/** expect.poll with room for a loaded machine (vitest's default gives up after 1 s). */
export const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) =>
  expect.poll(fn, { timeout: 30_000, interval: 250, ...options })
