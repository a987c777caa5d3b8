/**
 * WCAG 2.1 A and AA (lagen om tillgänglighet till digital offentlig service), checked by axe-core
 * in Chromium (tests/e2e/axe.ts): the e-mail every recipient gets (the edition's e-mail HTML, as
 * mailed) and the print view, for the seed report. Zero violations. The consumer site's pages are
 * checked where they are shown, in consumer-site.spec.ts; a test mail sent from the admin, in
 * sending.spec.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from '../support/api'
import { startServer, type ServerProcess } from '../support/server-process'
import { wcagViolations as violations } from './axe'
import { CHROMIUM, CHROMIUM_ARGS } from './support'

const ADMIN = { email: 'admin@a11y.local', password: 'a11y-admin-password-1' }

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-a11y-'))
  let cms: ServerProcess
  let browser: Browser
  let token: string
  let seedId: number | string
  const api = () => apiClient(cms.url)

  beforeAll(async () => {
    cms = await startServer({
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: `file:${path.join(workDir, 'cms.db')}`,
        PAYLOAD_SECRET: 'e2e-secret-that-is-long-enough-for-payload-0123456789',
        AUTO_SEED: 'true',
        SEED_ADMIN_EMAIL: ADMIN.email,
        SEED_ADMIN_PASSWORD: ADMIN.password,
        MAIL_CAPTURE_DIR: workDir,
        REDIS_URL: undefined,
        WEBHOOK_URLS: undefined,
      },
    })
    token = (await api()('/api/users/login', { method: 'POST', body: ADMIN })).body.token
    seedId = (await api()('/api/reports?limit=1&depth=0', { token })).body.docs[0].id
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await cms?.stop()
    rmSync(workDir, { recursive: true, force: true })
  })

  it('the e-mail HTML of the seed report has no violations', async () => {
    const html = (await api()(`/api/reports/${seedId}/export?format=html`, { token })).body as string
    expect(html).toContain('<html lang="sv">')
    // axe-core's Playwright builder needs a page of its own context.
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.setContent(html)
    expect(await violations(page)).toEqual([])
    // The check can fail: the same mail without its language is a violation.
    await page.setContent(html.replace(' lang="sv"', ''))
    expect((await violations(page)).map((violation) => violation.id)).toContain('html-has-lang')
    await context.close()
  })

  it('the print view of the seed report has no violations', async () => {
    const context = await browser.newContext()
    await context.addCookies([{ name: 'payload-token', value: token, url: cms.url }])
    const page = await context.newPage()
    const response = await page.goto(`${cms.url}/reports/${seedId}/print`)
    expect(response?.status()).toBe(200)
    expect(await violations(page)).toEqual([])
    await context.close()
  })
})
