/**
 * End to end: the editorial workflows through the real Swedish admin (Payload on Next, hosted by
 * src/server.ts) in Debian's Chromium, driven by playwright-core.
 *
 *   editor     logs in, writes two sections (nested bullets typed with "- " and Tab, a link made
 *              with the toolbar's link button), a report with date/time, audience, sections,
 *              communication actions and a spokesperson; autosave saves the draft; the version
 *              history lists it; no Publish button is offered.
 *   publisher  opens the draft's preview, publishes sections and report; schedules a second report
 *              about a minute ahead, which the server's job runner publishes.
 *   reader     is refused the admin; an anonymous visitor is sent to the login page.
 *   views      /reports/:id/print and the e-mail HTML export render the published report.
 *
 * The CMS runs as in production (NODE_ENV=production, migrations applied on a fresh SQLite
 * database, the prebuilt admin in .next), which answers each admin page in a few seconds instead
 * of compiling it on first use. Any console error, page error, failed request or HTTP status >= 400
 * in a page fails the test, apart from the few exceptions listed and explained in ALWAYS_EXPECTED
 * and the one response a test provokes on purpose (named where it does). Screenshots:
 * tests/.artifacts/e2e/admin-*.png. About 3-4 minutes, most of it waiting for the scheduled time.
 *
 *   npm run build && npm run test:e2e -- tests/e2e/editor-workflows.spec.ts
 *
 * Without a current build (no .next/BUILD_ID, or sources newer than it) the spec runs
 * `npm run build` itself first; E2E_ADMIN_BUILD=skip uses whatever .next holds.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalToBlocks } from '../../src/report-format/lexical'
import type { Block } from '../../src/report-format/model'
import { formatStockholm, fromStockholmLocal, toStockholmLocal } from '../../src/report-format/stockholm-time'
import { type ApiClient, apiClient } from '../support/api'
import { ALWAYS_EXPECTED, ensureAdminBuild, poll, type Problem, watchProblems } from './admin-run'
import { artifactsDir, CHROMIUM, CHROMIUM_ARGS, Processes, startAdminCms } from './support'

const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-123' }
const PASSWORD = 'e2e-user-password-123'
const USERS = {
  publisher: { email: 'publisher@e2e.local', name: 'Ansvarig Utgivare', roles: ['publisher'] },
  editor: { email: 'editor@e2e.local', name: 'Redaktör Redaktörsson', roles: ['editor'] },
  reader: { email: 'reader@e2e.local', name: 'Läsare Läsarsson', roles: ['reader'] },
} as const

const tag = randomUUID().slice(0, 8)
const TITLES = {
  report: `Regional rapport E2E ${tag}`,
  scheduled: `Regional rapport Schemalagd ${tag}`,
  summary: `Läget i korthet ${tag}`,
  communication: `Kommunikativ lägesbild ${tag}`,
  actionNew: `Ny åtgärd ${tag}`,
  actionOld: `Äldre åtgärd ${tag}`,
  spokesperson: `Karin Talesperson ${tag}`,
}
const LINK_URL = `https://example.org/lagesbild/${tag}`
/** Typed into the report's "Sammanställd" field (Stockholm time); 08:30 UTC in November. */
const COMPILED_LOCAL = '2026-11-20 09:30'
const COMPILED_UTC = '2026-11-20T08:30:00.000Z'

/** What the editor types into the first section, as the report format reads it back. */
const SUMMARY_BLOCKS: Block[] = [
  { type: 'paragraph', inlines: [{ type: 'text', text: `Inledning ${tag}.` }] },
  {
    type: 'list',
    items: [
      {
        inlines: [{ type: 'text', text: 'Första punkten' }],
        children: [
          { inlines: [{ type: 'text', text: 'Underpunkt A' }], children: [] },
          {
            inlines: [
              { type: 'text', text: 'Underpunkt B med ' },
              { type: 'link', text: 'länk till webben', url: LINK_URL },
            ],
            children: [],
          },
        ],
      },
      { inlines: [{ type: 'text', text: 'Andra punkten' }], children: [] },
    ],
  },
]
const COMMUNICATION_BLOCKS: Block[] = [
  {
    type: 'list',
    items: [
      { inlines: [{ type: 'text', text: 'Intranätsartikel publicerad' }], children: [] },
      { inlines: [{ type: 'text', text: 'Frågor från medier besvarade' }], children: [] },
    ],
  },
]

// ---- what a page may complain about ------------------------------------------------------------

/** A response this test provokes on purpose (e.g. anonymous preview: 401), and the console line Chromium logs for it. */
interface ExpectedResponse {
  status: number
  url: RegExp
  why: string
}

function isExpected(problem: Problem, expected: ExpectedResponse[]) {
  if (ALWAYS_EXPECTED.some((matches) => matches(problem))) return true
  return expected.some(
    (allowed) =>
      allowed.url.test(problem.url) &&
      ((problem.kind === 'http' && problem.status === allowed.status) ||
        (problem.kind === 'console' && problem.text.startsWith(`Failed to load resource: the server responded with a status of ${allowed.status}`))),
  )
}

// ---- the run ------------------------------------------------------------------------------------

describe('editorial workflows in the Swedish admin, in Chromium', () => {
  const processes = new Processes()
  let workDir: string
  let base: string
  let rest: ApiClient
  const auth: Record<'admin' | keyof typeof USERS, string> = { admin: '', publisher: '', editor: '', reader: '' }
  let browser: Browser
  const ids = { actionNew: 0, actionOld: 0, spokesperson: 0, summary: 0, communication: 0, report: 0, scheduled: 0 }
  /** When the second report was scheduled to go live. */
  let scheduledFor: Date | undefined

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`)
    mkdirSync(artifactsDir, { recursive: true })
    workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-admin-'))
    await ensureAdminBuild(processes, workDir)

    base = await startAdminCms(processes, workDir, {
      // Scheduled publishing is a job: run the queue every 5 s.
      JOBS_CRON: '*/5 * * * * *',
      LAGESBILD_JOBS: undefined,
      AUTO_SEED: 'false',
    })
    rest = apiClient(base)

    // An empty production database: the first user registers and becomes admin; the admin creates the rest.
    const first = await rest('/api/users/first-register', { method: 'POST', body: { ...ADMIN, name: 'Admin' } })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    auth.admin = await restLogin(ADMIN.email, ADMIN.password)
    for (const [role, user] of Object.entries(USERS)) {
      const created = await rest('/api/users', { method: 'POST', auth: auth.admin, body: { ...user, password: PASSWORD } })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      auth[role as keyof typeof USERS] = await restLogin(user.email, PASSWORD)
    }

    // What the editor attaches: published communication actions and a spokesperson.
    const create = async (collection: string, body: Record<string, unknown>) => {
      const created = await rest(`/api/${collection}`, { method: 'POST', auth: auth.admin, body: { ...body, _status: 'published' } })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      return created.body.doc.id as number
    }
    ids.actionNew = await create('communication-actions', {
      date: '2026-11-19',
      title: TITLES.actionNew,
      url: 'https://example.org/nyheter/ny',
      channel: 'intranetArticle',
      audience: 'public',
    })
    ids.actionOld = await create('communication-actions', {
      date: '2026-11-12',
      title: TITLES.actionOld,
      url: 'https://example.org/nyheter/aldre',
      channel: 'newsArticle',
      audience: 'public',
    })
    ids.spokesperson = await create('spokespersons', { name: TITLES.spokesperson, title: 'hälso- och sjukvårdsdirektör', active: true })

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 900_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await processes.end()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  async function restLogin(email: string, password: string) {
    const response = await rest('/api/users/login', { method: 'POST', body: { email, password } })
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`)
    return `JWT ${response.body.token}`
  }

  /**
   * A fresh browser context (Swedish, Stockholm time) for one actor. Every problem in any of its
   * pages is collected and fails the test unless expected; a screenshot is saved whatever happens.
   */
  async function session(name: string, steps: (page: Page, context: BrowserContext) => Promise<void>, expected: ExpectedResponse[] = []) {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1400, height: 1000 } })
    context.setDefaultTimeout(30_000)
    context.setDefaultNavigationTimeout(90_000)
    const problems = watchProblems(context)
    const page = await context.newPage()
    try {
      await steps(page, context)
    } finally {
      for (const [index, open] of context.pages().entries()) {
        await open.screenshot({ path: path.join(artifactsDir, `admin-${name}${index ? `-${index}` : ''}.png`), fullPage: true }).catch(() => undefined)
      }
      await context.close()
    }
    const ignored = problems.filter((problem) => isExpected(problem, expected))
    if (ignored.length) {
      const counts = new Map<string, number>()
      for (const problem of ignored) {
        const key =
          `${problem.kind} ${problem.status ?? problem.failure ?? ''} ${problem.method ?? ''} ${new URL(problem.url || 'about:blank').pathname}`.replace(
            /\s+/g,
            ' ',
          )
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
      const why = expected.map((allowed) => `${allowed.status} ${allowed.url.source}: ${allowed.why}`).join('; ')
      console.info(`[${name}] expected, not counted: ${[...counts].map(([key, count]) => `${key} ×${count}`).join('; ')}${why ? ` (provoked: ${why})` : ''}`)
    }
    const unexpected = problems.filter((problem) => !isExpected(problem, expected)).map((problem) => `${problem.kind}: ${problem.text}`)
    expect(unexpected, `problems in the page (${name})`).toEqual([])
  }

  const snap = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `admin-${name}.png`), fullPage: true })

  /** Logs in through the Swedish login form and waits for the dashboard (or wherever the admin sends us). */
  async function login(page: Page, email: string) {
    await page.goto(`${base}/admin/login`)
    await page.locator('input[name="email"]').waitFor()
    await poll(() => page.locator('html').getAttribute('lang')).toBe('sv')
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
    await page.waitForLoadState('networkidle')
  }

  /** Picks `option` in a react-select field (relationship, select), typing `search` first if given. */
  async function choose(page: Page, scope: Page | Locator, field: string, option: string, search?: string) {
    const control = scope.locator(`#field-${field} .rs__control`)
    await control.click()
    if (search) await control.locator('input.rs__input').fill(search)
    await page.locator('.rs__option', { hasText: option }).first().click()
    await poll(() => scope.locator(`#field-${field} .rs__value-container`).textContent()).toContain(option)
  }

  /**
   * Clicks "Spara utkast" in `scope` (the page or a drawer) if the form has changes autosave has not
   * stored yet (Payload disables the button otherwise), and waits for that save to finish.
   */
  async function saveDraft(page: Page, scope: Page | Locator) {
    const button = scope.locator('#action-save-draft').first()
    await button.waitFor()
    await page.waitForLoadState('networkidle') // an autosave in flight finishes first
    if (!(await button.isEnabled())) return
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/(sections|reports)\/\d+\?/.test(response.url()))
    await button.click()
    expect((await saved).status(), 'Spara utkast').toBe(200)
  }

  /**
   * Opens a document's edit view. If someone else still holds its lock (Payload keeps an autosaving
   * editor's lock for five minutes after their last keystroke, even after they left), the admin
   * says so in the "Dokument låst" dialog; we take over, as a publisher on duty would.
   */
  async function openDocument(page: Page, collection: string, id: number, title: string): Promise<boolean> {
    await page.goto(`${base}/admin/collections/${collection}/${id}`)
    await poll(() => page.locator('#field-title').inputValue()).toBe(title)
    await page.waitForLoadState('networkidle')
    const takeOver = page.locator('#document-locked-take-over')
    // The lock dialog comes with the document's lock state, which a loaded machine can deliver after
    // the network went quiet (seen: the dialog covered the Preview button a moment later).
    const locked = await takeOver.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    )
    if (!locked) return false
    expect(await page.locator('.document-locked').textContent()).toMatch(/redigerar för närvarande detta dokument/)
    await snap(page, `2-publisher-locked-${collection}-${id}`)
    await takeOver.click()
    await takeOver.waitFor({ state: 'detached' })
    await page.waitForLoadState('networkidle')
    return true
  }

  /** The document as staff see it (latest draft included). */
  const draftOf = async (collection: string, id: number) => (await rest(`/api/${collection}/${id}?draft=true&depth=0`, { auth: auth.editor })).body

  /**
   * Types a section body as an editor would: Lexical's markdown shortcut "- " starts a list, Tab
   * nests an item, Shift+Tab un-nests it; then selects words and makes them a link with the
   * toolbar's link button.
   */
  async function typeSummaryBody(page: Page, editor: Locator) {
    const type = (text: string) => page.keyboard.type(text, { delay: 15 })
    await editor.click()
    await type(`Inledning ${tag}.`)
    await page.keyboard.press('Enter')
    await type('- Första punkten')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await type('Underpunkt A')
    await page.keyboard.press('Enter')
    await type('Underpunkt B med länk till webben')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Tab')
    await type('Andra punkten')
    await poll(() => editor.locator('ul > li > ul > li').allTextContents()).toEqual(['Underpunkt A', 'Underpunkt B med länk till webben'])

    // Up to the previous item, select its last three words, make them a link.
    const linkText = 'länk till webben'
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('End')
    for (let i = 0; i < linkText.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await poll(() => page.evaluate(() => String(window.getSelection()))).toBe(linkText)
    await page.locator('.fixed-toolbar .toolbar-popup__button-link').click()
    const linkDrawer = page.locator('.drawer--is-open', { has: page.locator('input[name="url"]') })
    await linkDrawer.waitFor()
    await poll(() => linkDrawer.locator('h2').first().textContent()).toBe('Redigera länk')
    // The drawer's form is ready when it shows its defaults (and has fetched its state).
    await poll(() => linkDrawer.locator('input[name="url"]').inputValue()).toBe('https://')
    await page.waitForLoadState('networkidle')
    expect(await linkDrawer.locator('input[name="text"]').inputValue()).toBe(linkText)
    await linkDrawer.locator('input[name="url"]').fill(LINK_URL)
    await poll(() => linkDrawer.locator('input[name="url"]').inputValue()).toBe(LINK_URL)
    await snap(page, '1-editor-link-drawer')
    await linkDrawer.locator('button[type="submit"]').click()
    await linkDrawer.waitFor({ state: 'detached' })

    // What the editor shows: the nested list with the link in it.
    await poll(() => editor.locator(`ul > li > ul > li a[href="${LINK_URL}"]`).allTextContents()).toEqual([linkText])
  }

  /** "Skapa ny": the title in the create form, then the stored draft's edit view; returns its id. */
  async function createThroughForm(page: Page, collection: string, title: string): Promise<number> {
    await page.goto(`${base}/admin/collections/${collection}/create`)
    await page.locator('#new-document-title').fill(title)
    await page.locator('#new-document-create').click()
    await page.waitForURL(new RegExp(`/admin/collections/${collection}/\\d+$`))
    await poll(() => page.locator('#field-title').inputValue()).toBe(title)
    return Number(new URL(page.url()).pathname.split('/').pop())
  }

  it('an editor writes a report: sections with nested bullets and a link, actions, spokesperson; autosave keeps the draft; no Publish button', async () => {
    await session('1-editor', async (page) => {
      await login(page, USERS.editor.email)
      await poll(() => page.locator('nav').first().textContent()).toContain('Rapporter')
      await snap(page, '1-editor-dashboard')

      // (1) A section written in the Sections collection. "Skapa ny" asks for its title first and
      // stores the draft when it is given (src/admin/new-document); autosave from then on.
      ids.summary = await createThroughForm(page, 'sections', TITLES.summary)
      await choose(page, page, 'kind', 'Sammanfattande lägesbild')
      const body = page.locator('#field-body [data-lexical-editor="true"], .rich-text-lexical [data-lexical-editor="true"]').first()
      await typeSummaryBody(page, body)
      // Saved without anyone clicking save: the autosave status appears and the API has the draft.
      await poll(() => page.locator('.doc-controls .autosave').textContent(), { timeout: 30_000 }).toMatch(/Senast sparad/)
      await poll(async () => {
        const draft = await draftOf('sections', ids.summary)
        return { title: draft.title, kind: draft.kind }
      }).toEqual({ title: TITLES.summary, kind: 'situationSummary' })
      // "Spara utkast" stores exactly what the editor shows. (Autosave alone may still be one change
      // behind at this instant when the machine is slow: it saves again after the next pause.)
      await saveDraft(page, page)
      await poll(async () => lexicalToBlocks((await draftOf('sections', ids.summary)).body), { timeout: 30_000 }).toEqual(SUMMARY_BLOCKS)
      expect(await page.locator('#action-save').count(), 'no Publish button for an editor').toBe(0)
      await snap(page, '1-editor-section')

      // (2) The report: its draft is stored with its title, then its edit view opens.
      ids.report = await createThroughForm(page, 'reports', TITLES.report)
      await poll(() => page.locator('.doc-controls').textContent()).toMatch(/Status:\s*Utkast/)
      expect(await page.locator('.doc-controls .autosave').textContent()).not.toMatch(/Senast sparad/)

      await page.locator('#field-title').fill(TITLES.report)
      await page.locator('#field-subject').fill('Samordning vårdinformationssystem')
      const compiled = page.locator('#field-compiledAt input').first()
      await compiled.click()
      // The create form stored "now": replaced as an editor would, by selecting it and typing over it.
      await compiled.press('Control+A')
      await compiled.press('Backspace')
      await compiled.pressSequentially(COMPILED_LOCAL, { delay: 20 })
      await page.locator('#field-title').click() // closes the calendar
      await poll(() => compiled.inputValue()).toBe(COMPILED_LOCAL)
      await choose(page, page, 'audience', 'Publik (öppen webbplats)')

      // Sections: the one written above, then a new one made in the relationship's drawer.
      await choose(page, page, 'sections', TITLES.summary, tag)
      await page.locator('#sections-add-new button').click()
      const drawer = page.locator('.drawer--is-open', { has: page.locator('#field-title') }).last()
      await drawer.locator('#field-title').waitFor()
      await drawer.locator('#field-title').fill(TITLES.communication)
      await choose(page, drawer, 'kind', 'Kommunikativ lägesbild')
      await drawer.locator('[data-lexical-editor="true"]').first().click()
      await page.keyboard.type('- Intranätsartikel publicerad', { delay: 15 })
      await page.keyboard.press('Enter')
      await page.keyboard.type('Frågor från medier besvarade', { delay: 15 })
      // Closed right after the last keystroke, without waiting for autosave or saving: every
      // character is stored all the same (SaveOnExit saves when a document is left).
      await snap(page, '1-editor-section-drawer')
      await drawer.locator('button.doc-drawer__header-close, button[aria-label="Stäng"]').first().click()
      await drawer.waitFor({ state: 'detached' })
      await poll(async () => {
        const found = await rest(`/api/sections?draft=true&depth=0&where[title][equals]=${encodeURIComponent(TITLES.communication)}`, { auth: auth.editor })
        const doc = found.body.docs?.[0]
        if (doc) ids.communication = doc.id
        return doc && { kind: doc.kind, _status: doc._status, blocks: lexicalToBlocks(doc.body) }
      }).toEqual({ kind: 'communicationSituation', _status: 'draft', blocks: COMMUNICATION_BLOCKS })
      // The drawer added its document to the field when it was created, still untitled: Payload labels
      // it "Namnlös - ID: n" until the page is loaded again (checked below, after the reload).
      await poll(() => page.locator('#field-sections .rs__value-container').textContent()).toMatch(
        // The chip's own buttons follow its label in the text ("…ID: 2Redigera"): no \b after the id.
        new RegExp(`${TITLES.communication}|ID: ${ids.communication}(?!\\d)`),
      )

      // Communication actions (newest first, as the field asks) and the spokesperson.
      await choose(page, page, 'communicationActions', TITLES.actionNew, tag)
      await choose(page, page, 'communicationActions', TITLES.actionOld, tag)
      await choose(page, page, 'spokespersons', TITLES.spokesperson, tag)
      await page.locator('#field-compiledBy').fill('Koncernstab kommunikation')

      // Autosave: the status line changes; then "Spara utkast", and the draft in the API has everything.
      await poll(() => page.locator('.doc-controls .autosave').textContent(), { timeout: 30_000 }).toMatch(/Senast sparad/)
      await saveDraft(page, page)
      await expect
        .poll(
          async () => {
            const draft = await draftOf('reports', ids.report)
            return {
              _status: draft._status,
              title: draft.title,
              compiledAt: draft.compiledAt,
              audience: draft.audience,
              sections: draft.sections,
              communicationActions: draft.communicationActions,
              spokespersons: draft.spokespersons,
              compiledBy: draft.compiledBy,
            }
          },
          { timeout: 30_000, interval: 500 },
        )
        .toEqual({
          _status: 'draft',
          title: TITLES.report,
          compiledAt: COMPILED_UTC,
          audience: 'public',
          sections: [ids.summary, ids.communication],
          communicationActions: [ids.actionNew, ids.actionOld],
          spokespersons: [ids.spokesperson],
          compiledBy: 'Koncernstab kommunikation',
        })
      expect(lexicalToBlocks((await draftOf('sections', ids.communication)).body)).toEqual(COMMUNICATION_BLOCKS)
      // Nothing is published: anonymous callers see no report.
      expect((await rest(`/api/reports/${ids.report}`)).status).toBe(404)

      // Loaded again: everything is there, each relation labelled by its title.
      await page.reload()
      await poll(() => page.locator('#field-title').inputValue()).toBe(TITLES.report)
      for (const [field, titles] of [
        ['sections', [TITLES.summary, TITLES.communication]],
        ['communicationActions', [TITLES.actionNew, TITLES.actionOld]],
        ['spokespersons', [TITLES.spokesperson]],
      ] as const) {
        await poll(() => page.locator(`#field-${field} .relationship--multi-value-label__text`).allTextContents()).toEqual(titles)
      }
      expect(await page.locator('#field-compiledAt input').first().inputValue()).toBe(COMPILED_LOCAL)

      // No Publish button ("Publicera ändringar"), no schedule, for an editor.
      await page.waitForLoadState('networkidle')
      expect(await page.locator('#action-save').count()).toBe(0)
      expect(await page.getByRole('button', { name: /Publicera|Schemalägg/ }).count()).toBe(0)
      await snap(page, '1-editor-report')

      // The version history.
      await page.locator('.doc-tabs a', { hasText: 'Versioner' }).click()
      await page.waitForURL(/\/admin\/collections\/reports\/\d+\/versions$/)
      const rows = page.locator('table tbody tr')
      await rows.first().waitFor()
      expect(await rows.count()).toBeGreaterThanOrEqual(1)
      expect(await page.locator('table').textContent()).toMatch(/Nuvarande utkast|Utkast/)
      await snap(page, '1-editor-versions')
      const versions = await rest(`/api/reports/versions?where[parent][equals]=${ids.report}&depth=0`, { auth: auth.editor })
      expect(versions.status).toBe(200)
      expect(versions.body.totalDocs).toBeGreaterThanOrEqual(1)
    })
  }, 400_000)

  it('keeps every keystroke typed right up to a wait, "Spara utkast", another page or leaving; a failed save is told', async () => {
    const makeSection = async (name: string) => {
      const made = await rest('/api/sections?draft=true', {
        method: 'POST',
        auth: auth.editor,
        body: { title: `${name} ${tag}`, kind: 'other', _status: 'draft' },
      })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      return { id: made.body.doc.id as number, title: `${name} ${tag}` }
    }
    const storedText = async (id: number) =>
      lexicalToBlocks((await draftOf('sections', id)).body)
        .map((block) => (block.type === 'paragraph' ? block.inlines.map((inline) => inline.text).join('') : ''))
        .join('\n')
    const exits = {
      wait: await makeSection('Vänta'),
      saveDraft: await makeSection('Spara utkast'),
      switchDocument: await makeSection('Byt dokument'),
      leavePage: await makeSection('Lämna sidan'),
      failing: await makeSection('Misslyckas'),
    }
    const sentence = (exit: string) => `Allt som skrevs före ${exit} sparas, ända till sista tecknet`

    await session(
      '1b-editor-exits',
      async (page) => {
        await login(page, USERS.editor.email)
        /** Opens the section and types into its body; returns at once after the last keystroke. */
        const typeInto = async (section: { id: number; title: string }, text: string) => {
          await page.goto(`${base}/admin/collections/sections/${section.id}`)
          await poll(() => page.locator('#field-title').inputValue()).toBe(section.title)
          await page.waitForLoadState('networkidle')
          await page.locator('[data-lexical-editor="true"]').first().click()
          await page.keyboard.type(text, { delay: 10 })
        }

        await typeInto(exits.wait, sentence('väntan'))
        await poll(() => storedText(exits.wait.id), { timeout: 20_000 }).toBe(sentence('väntan'))

        await typeInto(exits.saveDraft, sentence('Spara utkast'))
        await page.locator('#action-save-draft').click()
        await poll(() => storedText(exits.saveDraft.id), { timeout: 20_000 }).toBe(sentence('Spara utkast'))

        await typeInto(exits.switchDocument, sentence('bytet'))
        // The breadcrumb's "Avsnitt": a client-side move to another page of the admin.
        await page.locator('.step-nav a[href="/admin/collections/sections"]').click()
        await page.waitForURL(/\/admin\/collections\/sections$/)
        await poll(() => storedText(exits.switchDocument.id), { timeout: 20_000 }).toBe(sentence('bytet'))

        await typeInto(exits.leavePage, sentence('avfärden'))
        await page.goto('about:blank')
        await poll(() => storedText(exits.leavePage.id), { timeout: 20_000 }).toBe(sentence('avfärden'))

        // The server refuses every save of this one: the editor is told, nothing is silently dropped.
        await page.route(`**/api/sections/${exits.failing.id}?**`, (route) =>
          route.request().method() === 'PATCH'
            ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"errors":[{"message":"Service Unavailable"}]}' })
            : route.continue(),
        )
        await typeInto(exits.failing, sentence('felet'))
        await page.locator('.step-nav a[href="/admin/collections/sections"]').click()
        await poll(() => page.locator('.payload-toast-container').textContent()).toContain('Ändringarna kunde inte sparas')
        await snap(page, '1b-editor-save-failed')
        expect(await storedText(exits.failing.id)).toBe('')
      },
      [{ status: 503, url: new RegExp(`/api/sections/${exits.failing.id}\\?`), why: 'the test makes the server refuse saves of one section' }],
    )
  }, 300_000)

  it('a publisher previews the draft, publishes its sections and the report', async () => {
    expect(ids.report, 'the editor test made the report').toBeGreaterThan(0)
    await session('2-publisher', async (page, context) => {
      await login(page, USERS.publisher.email)

      // The report's Preview button opens /reports/:id/preview (the latest draft) in a new tab.
      await openDocument(page, 'reports', ids.report, TITLES.report)
      const [preview] = await Promise.all([context.waitForEvent('page'), page.locator('#preview-button').click()])
      await preview.waitForLoadState('load')
      expect(new URL(preview.url()).pathname).toBe(`/reports/${ids.report}/preview`)
      expect(await preview.locator('body').textContent()).toContain('Förhandsvisning (utkast)')
      expect(await preview.locator('h1').textContent()).toBe(TITLES.report)
      expect(await preview.locator('h2').allTextContents()).toEqual([TITLES.summary, TITLES.communication, 'Kommunikativa åtgärder, urval', 'Talesperson'])
      expect(await preview.locator('li', { hasText: 'Första punkten' }).locator('ul > li').allTextContents()).toEqual([
        'Underpunkt A',
        'Underpunkt B med länk till webben',
      ])
      await snap(preview, '2-publisher-preview')
      await preview.close()

      // The report is published whole: the two sections the editor wrote are drafts, and the
      // publisher sees them listed as going out with it before confirming.
      await openDocument(page, 'reports', ids.report, TITLES.report)
      const publish = page.locator('#action-save')
      await poll(() => publish.textContent()).toBe('Publicera ändringar')
      await publish.click()
      const parts = page.locator('.publish-parts')
      await poll(() => parts.locator('.publish-parts__group--draft li').allTextContents()).toEqual([TITLES.summary, TITLES.communication])
      await poll(() => parts.locator('.publish-parts__group--published li').allTextContents()).toEqual([
        TITLES.actionNew,
        TITLES.actionOld,
        TITLES.spokesperson,
      ])
      await snap(page, '2-publisher-parts')
      const saved = page.waitForResponse((response) => response.url().includes(`/api/reports/${ids.report}`) && response.request().method() === 'PATCH')
      await parts.locator('#publish-confirm').click()
      expect((await saved).status()).toBe(200)
      await poll(() => page.locator('.doc-controls').textContent()).toMatch(/Status:\s*Publicerad/)
      // Edition 1 is listed on the report.
      await poll(() => page.locator('#editions-panel .editions-panel__list tr').allTextContents()).toEqual([
        expect.stringMatching(/^Utgåva 1\d{4}-\d{2}-\d{2} \d{2}:\d{2}av Ansvarig Utgivare/),
      ])
      await snap(page, '2-publisher-published')
    })

    // Published, public: anonymous REST callers read it with everything it points at.
    const published = await rest(`/api/reports/${ids.report}?depth=1`)
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ _status: 'published', title: TITLES.report, audience: 'public', compiledAt: COMPILED_UTC })
    expect(published.body.sections.map((section: { title: string }) => section.title)).toEqual([TITLES.summary, TITLES.communication])
    expect(lexicalToBlocks(published.body.sections[0].body)).toEqual(SUMMARY_BLOCKS)
    expect(published.body.communicationActions.map((action: { id: number }) => action.id)).toEqual([ids.actionNew, ids.actionOld])
    expect(published.body.spokespersons.map((person: { name: string }) => person.name)).toEqual([TITLES.spokesperson])
  }, 300_000)

  it('a publisher schedules on the 24-hour clock: morning and evening read back and stored, past refused, live a minute ahead', async () => {
    const created = await rest('/api/reports?draft=true', {
      method: 'POST',
      auth: auth.editor,
      body: { title: TITLES.scheduled, compiledAt: '2026-11-21T08:00:00.000Z', audience: 'public', sections: [ids.summary], _status: 'draft' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    ids.scheduled = created.body.doc.id
    expect((await rest(`/api/reports/${ids.scheduled}`)).status).toBe(404)
    const stored = async () =>
      (await rest(`/api/reports/${ids.scheduled}/schedule`, { auth: auth.publisher })).body.docs as { id: number; type: string; at: string }[]

    // Tomorrow's 08:05 and 20:35 in Stockholm, whatever the hour now (the afternoon time is the one
    // Payload's 12-hour picker turned into the morning). Proven at any hour: the times are computed
    // from the clock, typed and read back on the 24-hour clock, where no fm/em is parsed.
    const tomorrow = toStockholmLocal(new Date(Date.now() + 24 * 3_600_000))
    const at = (hour: number, minute: number) => fromStockholmLocal({ ...tomorrow, hour, minute })!
    const morning = at(8, 5)
    const evening = at(20, 35)
    const yesterday = new Date(Date.now() - 24 * 3_600_000)

    await session('3-publisher-schedule', async (page) => {
      await login(page, USERS.publisher.email)
      await page.goto(`${base}/admin/collections/reports/${ids.scheduled}`)
      await poll(() => page.locator('#field-title').inputValue()).toBe(TITLES.scheduled)
      await page.locator('#action-save-popup .popup-button').click()
      await page.locator('#schedule-publish').click()
      const drawer = page.locator('.schedule-publishing')
      await poll(() => drawer.locator('h2').first().textContent()).toBe(`Schemalägg publicering för ${TITLES.scheduled}`)
      await poll(() => drawer.locator('.schedule-publishing__upcoming').textContent()).toContain('Inga kommande händelser')
      const input = drawer.locator('#schedule-time input').first()
      const rows = drawer.locator('.schedule-publishing__upcoming table tbody tr')

      /** Types a Stockholm time as an editor does, checks the field shows it, saves. */
      const schedule = async (instant: Date) => {
        const text = formatStockholm(instant)
        await drawer.locator('label[for="schedule-type-publish"]').click()
        await input.click()
        await input.fill('')
        await input.pressSequentially(text, { delay: 20 })
        await drawer.locator('h2').first().click() // closes the calendar, keeps the value
        await poll(() => input.inputValue()).toBe(text)
        await drawer.locator('#schedule-save').click()
        return text
      }

      for (const [index, instant] of [morning, evening].entries()) {
        const text = await schedule(instant)
        await poll(() => rows.count()).toBe(index + 1)
        expect(await rows.nth(index).textContent()).toBe(`Publicera${text} (Stockholm)Ta bort`)
      }
      expect((await stored()).map((event) => [event.type, event.at])).toEqual([
        ['publish', morning.toISOString()],
        ['publish', evening.toISOString()],
      ])
      await snap(page, '3-publisher-scheduled-two')

      // A time already passed is refused with a message, and nothing is stored.
      await schedule(yesterday)
      await poll(() => drawer.locator('.banner--type-error').textContent()).toBe('Tiden har redan passerat. Välj en tid framåt.')
      expect(await stored()).toHaveLength(2)

      // Both removed again, from the list.
      for (let left = 2; left > 0; left--) {
        await rows.first().getByRole('button', { name: 'Ta bort' }).click()
        await poll(() => rows.count()).toBe(left - 1)
      }
      expect(await stored()).toEqual([])

      // The live case: the next whole minute at least 45 s ahead.
      scheduledFor = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000)
      const text = await schedule(scheduledFor)
      await poll(() => rows.count()).toBe(1)
      expect(await rows.first().textContent()).toContain(`${text} (Stockholm)`)
      await snap(page, '3-publisher-scheduled')
    })
    expect((await stored()).map((event) => event.at)).toEqual([scheduledFor!.toISOString()])

    // An editor replays the admin's own server action (POST with its Next-Action id, as Payload's
    // drawer calls it) to cancel the publisher's schedule, then to schedule one: both refused.
    const [job] = await stored()
    await session('3-editor-server-action', async (page) => {
      await login(page, USERS.editor.email)
      await page.goto(`${base}/admin/collections/reports/${ids.scheduled}`)
      await poll(() => page.locator('#field-title').inputValue()).toBe(TITLES.scheduled)
      await page.waitForLoadState('networkidle')
      // Opening a section in its drawer calls the admin's server action: its id is what we replay.
      const actionId = page.waitForRequest((request) => request.method() === 'POST' && Boolean(request.headers()['next-action']))
      await page.locator('#field-sections .relationship--multi-value-label__drawer-toggler').first().click()
      const action = (await actionId).headers()['next-action']
      const call = (args: Record<string, unknown>) =>
        page.evaluate(
          async ({ action, args }) => {
            const response = await fetch(location.href, {
              method: 'POST',
              headers: { 'next-action': action, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
              body: JSON.stringify([{ name: 'schedule-publish', args }]),
            })
            return { status: response.status, text: await response.text() }
          },
          { action, args },
        )
      const cancel = await call({ deleteID: job.id })
      expect(cancel.text).toContain('Only a publisher can schedule or cancel publishing.')
      const scheduleOwn = await call({
        type: 'unpublish',
        date: new Date(Date.now() + 3_600_000).toISOString(),
        doc: { relationTo: 'reports', value: String(ids.scheduled) },
      })
      expect(scheduleOwn.text).toContain('Only a publisher can schedule or cancel publishing.')
    })
    expect(await stored()).toEqual([job])
    // Scheduling and cancelling are in the audit log, with what and when.
    const log = await rest(`/api/audit-log?where[documentId][equals]=${ids.scheduled}&where[collectionSlug][equals]=reports&sort=createdAt&limit=20`, {
      auth: auth.admin,
    })
    expect(log.body.docs.map((entry: { action: string; detail?: string }) => `${entry.action} ${entry.detail ?? ''}`.trim())).toEqual(
      expect.arrayContaining([
        `schedule publish ${formatStockholm(morning)}`,
        `schedule publish ${formatStockholm(evening)}`,
        `cancelSchedule publish ${formatStockholm(morning)}`,
        `cancelSchedule publish ${formatStockholm(evening)}`,
        `schedule publish ${formatStockholm(scheduledFor!)}`,
      ]),
    )
    // Still a draft until its time comes.
    if (Date.now() < scheduledFor!.getTime() - 2_000) expect((await rest(`/api/reports/${ids.scheduled}`)).status).toBe(404)
  }, 300_000)

  it('an editor starts next week’s report from the last and rewrites its summary; last week’s stays; the publisher sees what changed', async () => {
    const lastWeek = async () => (await rest(`/api/reports/${ids.report}?depth=1`)).body
    const before = await lastWeek()
    let next = 0
    await session('6-editor-next-report', async (page) => {
      await login(page, USERS.editor.email)
      await openDocument(page, 'reports', ids.report, TITLES.report)
      // "Ny rapport utifrån denna" in the ⋮ menu opens the new draft.
      await page.locator('.doc-controls__popup .popup-button, .doc-controls__dots').first().click()
      await page.locator('#next-report').click()
      await page.waitForURL((url) => /\/admin\/collections\/reports\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${ids.report}`))
      next = Number(new URL(page.url()).pathname.split('/').pop())
      await poll(() => page.locator('#field-title').inputValue()).toBe(TITLES.report)
      // The summary is a copy: its drawer edits it, not last week's.
      await page.locator('#field-sections .relationship--multi-value-label__drawer-toggler').first().click()
      const drawer = page.locator('.drawer--is-open', { has: page.locator('#field-title') }).last()
      await poll(() => drawer.locator('#field-title').inputValue()).toBe(TITLES.summary)
      await drawer.locator('[data-lexical-editor="true"]').first().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type(`Nytt i veckan ${tag}`, { delay: 10 })
      await drawer.locator('button.doc-drawer__header-close, button[aria-label="Stäng"]').first().click()
      await drawer.waitFor({ state: 'detached' })
      await snap(page, '6-editor-next-report')
    })
    const draft = (await rest(`/api/reports/${next}?draft=true&depth=0`, { auth: auth.editor })).body
    expect(draft.sections[0]).not.toBe(ids.summary)
    await poll(async () => JSON.stringify((await rest(`/api/sections/${draft.sections[0]}?draft=true`, { auth: auth.editor })).body.body)).toContain(
      `Nytt i veckan ${tag}`,
    )
    // Last week's report, as sent: unchanged for readers and for staff.
    expect(await lastWeek()).toEqual(before)
    expect(JSON.stringify((await rest(`/api/sections/${ids.summary}?draft=true`, { auth: auth.editor })).body.body)).not.toContain(`Nytt i veckan ${tag}`)

    await session('6-publisher-changes', async (page) => {
      await login(page, USERS.publisher.email)
      await openDocument(page, 'reports', next, TITLES.report)
      await page.locator('#action-save').click()
      await page.locator('.publish-parts #publish-confirm').click()
      await poll(() => page.locator('.doc-controls').textContent()).toMatch(/Status:\s*Publicerad/)
      await page.locator('#editions-since-previous-report').click()
      await poll(() => page.locator('.editions-panel__changes').textContent()).toContain(`Nytt i veckan ${tag}`)
      expect(await page.locator('.report-changes__added').first().textContent()).toContain('Tillagt')
      await snap(page, '6-publisher-changes')
    })
  }, 300_000)

  it('a reader is refused the admin; an anonymous visitor is sent to the login page', async () => {
    await session('4-reader', async (page) => {
      await login(page, USERS.reader.email)
      // The admin sends a logged-in reader on from /admin to /admin/unauthorized (a client-side redirect).
      await page.waitForURL((url) => url.pathname === '/admin/unauthorized')
      await poll(() => page.locator('h1').first().textContent()).toBe('Obehörig, denna användare har inte åtkomst till adminpanelen.')
      await snap(page, '4-reader-refused')
      await page.goto(`${base}/admin/collections/reports/${ids.report}`)
      await page.waitForURL(/\/admin\/unauthorized/)
      expect(await page.locator('#field-title').count()).toBe(0)
    })

    await session(
      '4-anonymous',
      async (page) => {
        await page.goto(`${base}/admin`)
        await page.waitForURL(/\/admin\/login/)
        await page.locator('input[name="email"]').waitFor()
        await page.goto(`${base}/admin/collections/reports/${ids.report}`)
        await page.waitForURL((url) => url.pathname === '/admin/login' && url.searchParams.get('redirect') === `/admin/collections/reports/${ids.report}`)
        await page.locator('input[name="email"]').waitFor()
        await snap(page, '4-anonymous-login')
        const preview = await page.goto(`${base}/reports/${ids.report}/preview`)
        expect(preview?.status()).toBe(401)
      },
      [{ status: 401, url: new RegExp(`/reports/${ids.report}/preview$`), why: 'an anonymous visitor asks for the staff-only preview on purpose' }],
    )
  }, 300_000)

  it('the print view and the e-mail HTML export render the published report', async () => {
    const expectedHeadings = [TITLES.summary, TITLES.communication, 'Kommunikativa åtgärder, urval', 'Talesperson']
    // Print: anonymous (the report is public).
    await session('5-print', async (page) => {
      const response = await page.goto(`${base}/reports/${ids.report}/print`)
      expect(response?.status()).toBe(200)
      await checkRenderedReport(page, expectedHeadings)
      expect(await page.locator('body').textContent()).not.toContain('Förhandsvisning')
      await snap(page, '5-print')
    })
    // Export: as the publisher, signed in to the admin (the cookie is the credential).
    await session('5-export', async (page) => {
      await login(page, USERS.publisher.email)
      const response = await page.goto(`${base}/api/reports/${ids.report}/export?format=html`)
      expect(response?.status()).toBe(200)
      expect(response?.headers()['content-type']).toMatch(/^text\/html/)
      await checkRenderedReport(page, expectedHeadings)
      await snap(page, '5-export-html')
    })
  }, 300_000)

  it('the scheduled report goes live for anonymous REST callers', async () => {
    expect(scheduledFor, 'the schedule test ran').toBeDefined()
    const deadline = scheduledFor!.getTime() + 90_000
    let last: { status: number; body: any } = { status: 0, body: undefined }
    while (Date.now() < deadline) {
      last = await rest(`/api/reports/${ids.scheduled}`)
      if (last.status === 200) break
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
    expect(last.status, `not published by ${new Date(deadline).toISOString()} (scheduled for ${scheduledFor!.toISOString()})`).toBe(200)
    expect(last.body).toMatchObject({ _status: 'published', title: TITLES.scheduled, audience: 'public' })
    expect(Date.now()).toBeGreaterThanOrEqual(scheduledFor!.getTime())
  }, 240_000)

  /** h1, the compiled line, an h2 per block, the nested bullets and the link, as the report format lays them out. */
  async function checkRenderedReport(page: Page, headings: string[]) {
    expect(await page.locator('h1').textContent()).toBe(TITLES.report)
    expect(await page.locator('body').textContent()).toContain('Sammanställd: 2026-11-20 klockan 09:30')
    expect(await page.locator('h2').allTextContents()).toEqual(headings)
    const first = page.locator('li', { hasText: 'Första punkten' })
    expect(await first.locator(':scope > ul > li').allTextContents()).toEqual(['Underpunkt A', 'Underpunkt B med länk till webben'])
    expect(await page.locator(`a[href="${LINK_URL}"]`).textContent()).toBe('länk till webben')
    expect(await page.locator('li', { hasText: TITLES.actionNew }).count()).toBe(1)
    expect(await page.locator('li', { hasText: TITLES.spokesperson }).textContent()).toBe(`${TITLES.spokesperson}, hälso- och sjukvårdsdirektör`)
  }
})
