/**
 * End to end: the admin is Swedish for an English-language browser (Chromium with locale en-US and
 * Accept-Language en-US), in Stockholm time.
 *
 *   login      Swedish, "Lägesbild" with the organisation's name and logo (a file, /branding/logo),
 *              not Payload's logo; the page title ends "· Lägesbild".
 *   views      dashboard (its create links' labels), the report list (its search placeholder as a
 *              phrase, also on the actions list), a report, a section (its editor in the print view's
 *              typeface), versions and a version, the user form with both API-key dialogs, the
 *              print view's error page: no English from a list of strings Payload or we used to
 *              show; dates as "1 december 2026 08:45" in a document, "2026-12-01 08:45" in lists.
 *   English    a user who picks English in the account view gets English, after a reload and at
 *              the next sign-in in a fresh browser; the next user on that browser gets Swedish.
 *
 * The CMS runs as in production on a fresh SQLite database with the prebuilt admin (built first
 * when sources changed, as tests/e2e/editor-workflows.spec.ts does). Any error thrown in a page
 * fails the test. Screenshots: tests/.artifacts/e2e/swedish-*.png.
 *
 *   npm run test:e2e -- tests/e2e/swedish-admin.spec.ts
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiClient, apiClient } from '../support/api'
import { bulletBody } from '../support/rich-text'
import { ensureAdminBuild } from './admin-build'
import { artifactsDir, CHROMIUM, CHROMIUM_ARGS, Processes, startAdminCms } from './support'

const ADMIN = { email: 'admin@swedish.local', password: 'swedish-admin-password-123' }
const PASSWORD = 'swedish-user-password-123'
const EDITOR = { email: 'editor@swedish.local', name: 'Redaktör', roles: ['editor'] }
const SECOND_EDITOR = { email: 'editor2@swedish.local', name: 'Andra redaktören', roles: ['editor'] }
const CONSUMER = { email: 'site@swedish.local', name: 'Webbplatsen', roles: ['reader'] }
const ORGANISATION = 'Region Exempelland'
/** 07:45 UTC in December: 08:45 in Stockholm. */
const COMPILED_AT = '2026-12-01T07:45:00.000Z'

const MONTHS = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december'
const DOCUMENT_DATE = new RegExp(`^\\d{1,2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}$`)
const LIST_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/

/**
 * English a Swedish view must not show: Payload's own words (they appear when the browser's
 * language wins), the texts it hard-codes in English, ours before this change, 12-hour times.
 */
const ENGLISH = [
  /\bLog ?in\b/,
  /\bEmail\b/,
  /\bPassword\b/,
  /\bForgot\b/,
  /\bDashboard\b/,
  /\bCollections\b/,
  /\bReports\b/,
  /\bSections\b/,
  /\bCreate New\b/i,
  /\bLast Modified\b/i,
  /\bCreated\b/,
  /\bVersions\b(?!-)/,
  /\bCollapse\b/,
  /\bEdit link\b/,
  /\bNotifications\b/,
  /\bSave\b/,
  /\bPublish\b/,
  /\bSearch\b/,
  /\bFilters\b/,
  /\bColumns\b/,
  /\bLoading\b/,
  /\bAdd Link\b/,
  /Lägg till Länk/,
  /Are you sure/,
  /Make sure to copy/,
  /\bRevoke\b/,
  /\bAPI key\b/i,
  /Generate new/i,
  /No such report/,
  /Preview is for/,
  /\b\d{1,2}:\d{2}\s?[AP]M\b/,
  /\b\d{1,2}:\d{2} (fm|em)\b/,
  /\b\d{1,2}:a \d{4}/,
  /\bPayload\b/,
  // Texts Payload composes from our labels (src/admin/language/ComposedLabels.tsx): an object
  // where a label belongs ("Skapa ny [object Object]"), a label in title case inside a phrase
  // ("Sök efter Rubrik Eller Länk (URL)", "Skapa ny Avsnitt").
  /\[object Object\]/,
  /Sök efter (?:[^,\n]*, )*\p{Lu}\p{Ll}/u,
  /Sök efter [^\n]*\bEller\b/u,
  /Skapa ny \p{Lu}\p{Ll}/u,
]

/** The visible text of the page and the labels screen readers read, for the English check. */
const readableText = (page: Page) =>
  page.evaluate(() =>
    [
      document.title,
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')].map((element) =>
        ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? '').join(' '),
      ),
    ].join('\n'),
  )

async function expectNoEnglish(page: Page, where: string) {
  const text = await readableText(page)
  const found = ENGLISH.filter((pattern) => pattern.test(text)).map((pattern) => `${pattern} in "${text.match(pattern)?.[0]}"`)
  expect(found, `English in ${where}`).toEqual([])
}

/** expect.poll with room for a loaded machine. */
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 30_000, interval: 250, ...options })

describe('the Swedish admin in an English-language browser, in Chromium', () => {
  const processes = new Processes()
  let workDir: string
  let base: string
  let rest: ApiClient
  let adminAuth: string
  let browser: Browser
  const ids = { section: 0, report: 0, editor: 0, consumer: 0 }

  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true })
    workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-swedish-'))
    await ensureAdminBuild(processes, workDir)
    const logo = path.join(workDir, 'organisation-logo.svg')
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0a6b3d"/></svg>')

    base = await startAdminCms(processes, workDir, {
      LAGESBILD_JOBS: 'off',
      AUTO_SEED: 'false',
      ORGANISATION_NAME: ORGANISATION,
      ORGANISATION_LOGO_FILE: logo,
      ORGANISATION_LOGO_URL: undefined,
    })
    rest = apiClient(base)

    const first = await rest('/api/users/first-register', { method: 'POST', body: { ...ADMIN, name: 'Admin' } })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const login = await rest('/api/users/login', { method: 'POST', body: ADMIN })
    adminAuth = `JWT ${login.body.token}`
    const create = async (collection: string, body: Record<string, unknown>) => {
      const created = await rest(`/api/${collection}`, { method: 'POST', auth: adminAuth, body })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      return created.body.doc.id as number
    }
    ids.editor = await create('users', { ...EDITOR, password: PASSWORD })
    await create('users', { ...SECOND_EDITOR, password: PASSWORD })
    // A consumer site's account whose key works: its form offers to revoke it.
    ids.consumer = await create('users', { ...CONSUMER, password: PASSWORD, enableAPIKey: true, apiKey: randomUUID() })
    ids.section = await create('sections', { title: 'Läget i korthet', kind: 'situationSummary', body: bulletBody('Första punkten'), _status: 'published' })
    ids.report = await create('reports', {
      title: 'Regional rapport Svenska',
      compiledAt: COMPILED_AT,
      audience: 'internal',
      sections: [ids.section],
      collectedInformation: [{ label: 'Vårdguiden', url: 'https://example.org/vardguiden' }],
      _status: 'published',
    })
    // A second version, so the versions list has more than one.
    const draft = await rest(`/api/reports/${ids.report}?draft=true`, {
      method: 'PATCH',
      auth: adminAuth,
      body: { subject: 'Ett nytt ämne', _status: 'draft' },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 900_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await processes.end()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  /** An English-language browser in Sweden; any error thrown in its pages fails the test. */
  async function englishBrowser(name: string, steps: (page: Page, context: BrowserContext) => Promise<void>) {
    const context = await browser.newContext({
      locale: 'en-US',
      extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' },
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 1400, height: 1000 },
    })
    context.setDefaultTimeout(30_000)
    context.setDefaultNavigationTimeout(90_000)
    const errors: string[] = []
    context.on('weberror', (error) => errors.push(error.error().message))
    const page = await context.newPage()
    try {
      await steps(page, context)
    } finally {
      await page.screenshot({ path: path.join(artifactsDir, `swedish-${name}.png`), fullPage: true }).catch(() => undefined)
      await context.close()
    }
    expect(errors, `errors in the page (${name})`).toEqual([])
  }

  const snap = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `swedish-${name}.png`), fullPage: true })

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${base}/admin/login`)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
    await page.waitForLoadState('networkidle')
  }

  async function open(page: Page, pathname: string) {
    await page.goto(`${base}${pathname}`)
    await page.waitForLoadState('networkidle')
  }

  it('shows the login page in Swedish, with the product, the organisation and its logo', async () => {
    await englishBrowser('login', async (page) => {
      await open(page, '/admin/login')
      expect(await page.locator('html').getAttribute('lang')).toBe('sv')
      await expect(page.locator('button[type="submit"]').textContent()).resolves.toBe('Logga in')
      expect(await page.title()).toMatch(/· Lägesbild$/)
      const logo = page.locator('.lagesbild-logo')
      expect(await logo.locator('.lagesbild-logo__product').textContent()).toBe('Lägesbild')
      expect(await logo.locator('.lagesbild-logo__organisation-name').textContent()).toBe(ORGANISATION)
      const image = logo.locator('img.lagesbild-logo__organisation')
      expect(new URL((await image.getAttribute('src'))!, base).pathname).toBe('/branding/logo')
      // The file the server was given, loaded by the browser.
      await poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(120)
      expect(await page.locator('.graphic-logo, .graphic-icon').count(), "Payload's logo").toBe(0)
      await expectNoEnglish(page, 'the login page')
    })
  })

  it('shows the dashboard, the report list and a report in Swedish, with Swedish dates', async () => {
    await englishBrowser('report', async (page) => {
      await signIn(page, ADMIN.email, ADMIN.password)
      expect(await page.locator('html').getAttribute('lang')).toBe('sv')
      // The navigation names the product and the organisation.
      expect(await page.locator('.lagesbild-nav-brand').textContent()).toBe(`Lägesbild${ORGANISATION}`)
      // The collection cards' create links: a Swedish name, not "Skapa ny [object Object]".
      const createReport = page.locator('#card-reports a[href="/admin/collections/reports/create"]')
      await poll(() => createReport.getAttribute('aria-label')).toBe('Skapa ny rapport')
      expect(await createReport.getAttribute('title'), 'its tooltip').toBe('Skapa ny rapport')
      await poll(() => page.locator('#card-sections a[href="/admin/collections/sections/create"]').getAttribute('aria-label')).toBe('Skapa nytt avsnitt')
      await expectNoEnglish(page, 'the dashboard')
      await snap(page, 'dashboard')

      await open(page, '/admin/collections/reports')
      const row = page.locator('.table tbody tr', { hasText: 'Regional rapport Svenska' })
      // Payload writes "Laddar..." in a date cell until the date locale has loaded in the browser.
      await poll(async () => (await row.locator('.cell-compiledAt').textContent())?.trim()).toBe('2026-12-01 08:45')
      expect((await row.locator('.cell-updatedAt').textContent())?.trim()).toMatch(LIST_DATE)
      // The search placeholder reads as a phrase: lower case after "Sök efter", abbreviations kept.
      const search = page.locator('input.search-filter__input')
      await poll(() => search.getAttribute('placeholder')).toBe('Sök efter titel, ämne / program eller adressnamn (slug)')
      expect(await search.getAttribute('aria-label'), 'its accessible name').toBe('Sök efter titel, ämne / program eller adressnamn (slug)')
      // The columns' sort buttons are named by the column (Payload wrote "Sortera efter [object Object] Stigande").
      await poll(() => page.locator('.sort-column__asc').first().getAttribute('aria-label')).toBe('Sortera efter titel stigande')
      await expectNoEnglish(page, 'the report list')
      await open(page, '/admin/collections/communication-actions')
      await poll(() => page.locator('input.search-filter__input').getAttribute('placeholder')).toBe('Sök efter rubrik eller länk (URL)')
      await expectNoEnglish(page, 'the list of communication actions')

      await open(page, `/admin/collections/reports/${ids.report}`)
      await poll(() => page.locator('#field-title').inputValue()).toBe('Regional rapport Svenska')
      const header = page.locator('.doc-controls__list-item')
      await poll(() => header.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Senast ändrad/), expect.stringMatching(/^Skapa[dt]/)]))
      for (const item of await header.all()) {
        const text = (await item.textContent()) ?? ''
        if (/^(Senast ändrad|Skapa[dt])/.test(text)) expect(text.replace(/^(Senast ändrad|Skapa[dt]):?\s*/, '').trim()).toMatch(DOCUMENT_DATE)
      }
      // A relationship field's "+" is named (Payload wrote "Lägg till ny [object Object]").
      await poll(() => page.locator('#sections-add-new button').first().getAttribute('aria-label')).toBe('Lägg till nytt avsnitt')
      // The list of links: "Lägg till länk", each row named by its link.
      await poll(() => page.locator('#field-collectedInformation').textContent()).toContain('Lägg till länk')
      expect(await page.locator('#field-collectedInformation').textContent()).toContain('Vårdguiden')
      await expectNoEnglish(page, 'the report')
      await snap(page, 'report-edit')

      await open(page, `/admin/collections/reports/${ids.report}/versions`)
      const created = (await page.locator('.table tbody tr td:first-child').allTextContents()).map((text) => text.trim())
      expect(created.length).toBeGreaterThanOrEqual(2)
      for (const date of created) expect(date).toMatch(DOCUMENT_DATE)
      await expectNoEnglish(page, 'the versions')
      await page.locator('.table tbody tr td:first-child a').last().click()
      await page.waitForURL(/\/versions\/\w+/)
      await page.waitForLoadState('networkidle')
      const versionText = await page.locator('main').innerText()
      expect(versionText).toMatch(new RegExp(`\\d{1,2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}`))
      await expectNoEnglish(page, 'a version')
      await snap(page, 'version')
    })
  })

  it("writes a section's text in the print view's typeface", async () => {
    await englishBrowser('section', async (page) => {
      await signIn(page, ADMIN.email, ADMIN.password)
      await open(page, `/admin/collections/sections/${ids.section}`)
      const editor = page.locator('.rich-text-lexical .ContentEditable__root').first()
      await editor.waitFor()
      const editorFont = await editor.evaluate((element) => getComputedStyle(element).fontFamily)
      await expectNoEnglish(page, 'a section')
      await open(page, `/reports/${ids.report}/print`)
      const printFont = await page
        .locator('li')
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily)
      expect(editorFont).toBe(printFont)
      expect(printFont).toMatch(/^Arial/)
    })
  })

  it("shows the user form's API-key dialogs in Swedish", async () => {
    await englishBrowser('api-keys', async (page) => {
      await signIn(page, ADMIN.email, ADMIN.password)
      // A user without a key: generating one asks first, then says to copy it.
      await open(page, `/admin/collections/users/${ids.editor}`)
      await page.locator('#generate-api-key').click()
      const generateDialog = page.locator('.confirmation-modal')
      await generateDialog.waitFor()
      await poll(() => generateDialog.textContent()).toContain(`Vill du skapa en API-nyckel för användaren ${ids.editor}? Den gäller direkt.`)
      await expectNoEnglish(page, 'the generate-key dialog')
      await snap(page, 'api-key-generate')
      await generateDialog.locator('button', { hasText: 'Generera' }).click()
      await poll(() => page.locator('.field-description').allTextContents()).toContain('Kopiera API-nyckeln nu. Den visas inte igen.')
      await expectNoEnglish(page, 'the new key')

      // A user whose key works: revoking it asks first.
      await open(page, `/admin/collections/users/${ids.consumer}`)
      const revoke = page.locator('#revoke-api-key')
      await poll(() => revoke.textContent()).toBe('Återkalla API-nyckel')
      await revoke.click()
      const revokeDialog = page.locator('.confirmation-modal', { hasText: 'Återkalla API-nyckeln?' })
      await revokeDialog.waitFor()
      await poll(() => revokeDialog.textContent()).toContain(`Vill du återkalla API-nyckeln för användaren ${ids.consumer}?`)
      await expectNoEnglish(page, 'the revoke-key dialog')
      await snap(page, 'api-key-revoke')
      await revokeDialog.locator('button', { hasText: 'Avbryt' }).click()
    })
    // Nothing was saved: the consumer's key still works.
    const consumer = await rest(`/api/users/${ids.consumer}`, { auth: adminAuth })
    expect(consumer.body.enableAPIKey).toBe(true)
  })

  it("shows the print view's error page in Swedish", async () => {
    await englishBrowser('print-error', async (page) => {
      const response = await page.goto(`${base}/reports/999999/print`)
      expect(response?.status()).toBe(404)
      expect(await page.locator('html').getAttribute('lang')).toBe('sv')
      expect(await page.locator('body').innerText()).toContain('Rapporten finns inte')
      await expectNoEnglish(page, 'the print error page')
    })
  })

  it('gives English to a user who chooses it, at every sign-in, and Swedish to the next user', async () => {
    await englishBrowser('choose-english', async (page) => {
      await signIn(page, EDITOR.email, PASSWORD)
      await open(page, '/admin/account')
      await page.locator('#language-select .rs__control, .rs__control:has(#language-select)').first().click()
      await page.locator('.rs__option', { hasText: 'English' }).click()
      await poll(() => page.locator('html').getAttribute('lang')).toBe('en')
      await poll(async () => (await rest('/api/payload-preferences/admin-language', { auth: await token(EDITOR.email) })).body?.value).toBe('en')
      await page.reload()
      await page.waitForLoadState('networkidle')
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('body').innerText()).toContain('Language')
    })

    // Another browser: English again as soon as they have signed in.
    await englishBrowser('english-again', async (page, context) => {
      await open(page, '/admin/login')
      expect(await page.locator('html').getAttribute('lang')).toBe('sv')
      await signIn(page, EDITOR.email, PASSWORD)
      await poll(() => page.locator('html').getAttribute('lang')).toBe('en')
      await open(page, '/admin/collections/reports')
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('body').innerText()).toContain('Reports')

      // The same browser, the next user: Swedish, not the previous user's English.
      await context.clearCookies({ name: 'payload-token' })
      await signIn(page, SECOND_EDITOR.email, PASSWORD)
      await poll(() => page.locator('html').getAttribute('lang')).toBe('sv')
      await expectNoEnglish(page, "the next user's dashboard")
    })
  })

  async function token(email: string) {
    const response = await rest('/api/users/login', { method: 'POST', body: { email, password: PASSWORD } })
    return `JWT ${response.body.token}`
  }
})
