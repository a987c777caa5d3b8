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

export interface Problem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http'
  text: string
  url: string
  method?: string
  status?: number
  failure?: string
  serverAction?: boolean
}

/**
 * Problems any admin page may show without anything being wrong (besides these, only a response a
 * test provokes on purpose and names in its session):
 * - Next's router aborts an RSC fetch it no longer needs when a navigation supersedes it (the
 *   redirect after logging in, prefetches). The browser reports it as a failed request.
 * - Payload's form aborts its previous form-state request (a server action, "next-action" header)
 *   when the form changes again before it answered.
 * - After a save the admin re-checks the document's permissions (POST /api/<collection>/access/<id>);
 *   when the page moves on (the test going to the next screen) before that answers, Chromium
 *   cancels it. ERR_ABORTED is the browser's own cancel: a server failure shows up as an HTTP
 *   status or another network error, and those still count.
 * - Reads a page makes as it opens (GET /api/…: the list preferences Payload reads moving to a list,
 *   the editions, parts and deliveries panels on a report) are cancelled by Chromium when the test
 *   leaves the page at once, as an editor may. Cancelling a read changes nothing; a failed read
 *   still shows as an HTTP status or another network error.
 */
export const ALWAYS_EXPECTED: ((problem: Problem) => boolean)[] = [
  (problem) => problem.kind === 'requestfailed' && problem.failure === 'net::ERR_ABORTED' && /[?&]_rsc=/.test(problem.url),
  (problem) => problem.kind === 'requestfailed' && problem.failure === 'net::ERR_ABORTED' && problem.method === 'POST' && problem.serverAction === true,
  (problem) =>
    problem.kind === 'requestfailed' &&
    problem.failure === 'net::ERR_ABORTED' &&
    problem.method === 'POST' &&
    /\/api\/[\w-]+\/access\/\w+$/.test(new URL(problem.url).pathname),
  (problem) =>
    problem.kind === 'requestfailed' && problem.failure === 'net::ERR_ABORTED' && problem.method === 'GET' && new URL(problem.url).pathname.startsWith('/api/'),
]

/** Collects every console error, page error, failed request and HTTP status >= 400 in the context's pages. */
export function watchProblems(context: BrowserContext): Problem[] {
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
  return problems
}

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
  const problems = watchProblems(context)
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
