/**
 * End to end: the editorial desk and review, in the Swedish admin in Chromium.
 *
 *   editor     finds last week's published report on the desk, starts this week's from it ("Ny rapport
 *              utifrån senaste"), rewrites its summary in the section drawer, marks it "Klar för granskning";
 *   publisher  finds it on the desk and in the report list's filter, previews it, sends it back with a note;
 *   editor     reads the note on the report and marks it ready again;
 *   publisher  publishes it; the desk shows it as the latest report and first among the recently published.
 *   editor     opens "Skapa ny" (nothing is stored, in any content collection, also when the page is
 *              fetched as the browser does), creates a report with its title and compiled time and one
 *              from the latest report; an untitled draft is listed neither in the list nor on the desk;
 *              a section's "Används i rapporter" is in the page as it loads.
 *
 * Also on the desk: a scheduled publication with its Stockholm time. Full-page screenshots of the desk
 * (the editor's and the publisher's view) and of the review banner go to test-results/screenshots/
 * (git-ignored). Setup as in editor-workflows.spec.ts (tests/e2e/admin-harness.ts): production build,
 * fresh SQLite, one user per role. About 3 minutes once the admin is built.
 *
 *   npx vitest run --config vitest.e2e.config.ts tests/e2e/editors-desk.spec.ts
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blocksToLexical } from '../../src/report-format/lexical'
import { formatStockholm } from '../../src/report-format/stockholm-time'
import { type AdminHarness, PASSWORD, poll, startAdminHarness, USERS } from './admin-harness'
import { root } from './support'

const SCREENSHOTS = path.join(root, 'test-results', 'screenshots')
const tag = randomUUID().slice(0, 8)
const TITLE = `Regional rapport ${tag}`
const SUMMARY = `Läget i korthet ${tag}`
const OTHER = `Annan rapport ${tag}`
const NEW_LINE = `Nytt i veckan ${tag}`
const NOTE = `Lägg till läget i Region Syd ${tag}.`

const bullets = (...items: string[]) => blocksToLexical([{ type: 'list', items: items.map((text) => ({ inlines: [{ type: 'text', text }], children: [] })) }])

describe('the editorial desk and review, in Chromium', () => {
  let h: AdminHarness
  const ids = { lastWeek: 0, summary: 0, next: 0, other: 0 }
  let scheduledAt: Date

  beforeAll(async () => {
    h = await startAdminHarness(SCREENSHOTS)
    const create = async (collection: string, body: Record<string, unknown>) => {
      const created = await h.rest(`/api/${collection}`, { method: 'POST', auth: h.auth.admin, body })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      return created.body.doc.id as number
    }
    // Last week's report, published: the desk's latest until this week's starts.
    ids.summary = await create('sections', { title: SUMMARY, kind: 'situationSummary', body: bullets('Förra veckans läge'), _status: 'published' })
    ids.lastWeek = await create('reports', {
      title: TITLE,
      subject: 'Samordning vårdinformationssystem',
      compiledAt: new Date(Date.now() - 7 * 24 * 3_600_000).toISOString(),
      audience: 'public',
      sections: [ids.summary],
      _status: 'published',
    })
    // An older draft, scheduled for tomorrow: the desk lists it with its Stockholm time.
    ids.other = await create('reports?draft=true', { title: OTHER, compiledAt: '2026-01-15T08:00:00.000Z', audience: 'public', _status: 'draft' })
    scheduledAt = new Date(Math.ceil((Date.now() + 24 * 3_600_000) / 60_000) * 60_000)
    const scheduled = await h.rest(`/api/reports/${ids.other}/schedule`, {
      method: 'POST',
      auth: h.auth.publisher,
      body: { type: 'publish', at: scheduledAt.toISOString() },
    })
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201)
  }, 900_000)

  afterAll(async () => {
    await h?.close()
  })

  const reportLink = (id: number) => `a[href="/admin/collections/reports/${id}"]`
  const reviewOf = async (id: number) => (await h.rest(`/api/reports/${id}?draft=true&depth=0`, { auth: h.auth.editor })).body.review

  it('an editor starts this week’s report from the desk, rewrites its summary and marks it ready for review', async () => {
    await h.session('desk-1-editor', async (page) => {
      await h.login(page, USERS.editor.email)
      const desk = page.locator('.desk')
      await poll(() => desk.locator('h1').textContent()).toBe('Redaktionen')
      const latest = desk.locator('#desk-latest')
      expect(await latest.locator(reportLink(ids.lastWeek)).textContent()).toBe(TITLE)
      expect(await latest.locator('.desk__badges').textContent()).toMatch(/Publicerad.*Utgåva 1/)
      const scheduled = desk.locator('#desk-scheduled li')
      expect(await scheduled.allTextContents()).toEqual([`${formatStockholm(scheduledAt)} ${OTHER} publiceras`])
      expect(await desk.locator('#desk-ready').textContent()).toContain('Inga rapporter väntar på granskning.')
      // Payload's collection links stay below the desk.
      expect(await page.locator('a[href="/admin/collections/sections"]').count()).toBeGreaterThan(0)
      await h.snap(page, 'desk-editor')

      await page.locator('#desk-next-report').click()
      await page.waitForURL((url) => /\/admin\/collections\/reports\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${ids.lastWeek}`))
      ids.next = Number(new URL(page.url()).pathname.split('/').pop())
      await poll(() => page.locator('#field-title').inputValue()).toBe(TITLE)
      await page.waitForLoadState('networkidle')

      // The summary is this report's own copy: edited in its drawer.
      await page.locator('#field-sections .relationship--multi-value-label__drawer-toggler').first().click()
      const drawer = page.locator('.drawer--is-open', { has: page.locator('#field-title') }).last()
      await poll(() => drawer.locator('#field-title').inputValue()).toBe(SUMMARY)
      await drawer.locator('[data-lexical-editor="true"]').first().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type(NEW_LINE, { delay: 10 })
      await drawer.locator('button.doc-drawer__header-close, button[aria-label="Stäng"]').first().click()
      await drawer.waitFor({ state: 'detached' })

      // Marked ready from the banner at the top of the report.
      const banner = page.locator('.review-panel')
      await poll(() => banner.textContent()).toContain('När rapporten är klar')
      expect(await banner.locator('#review-send-back').count(), 'an editor cannot send back').toBe(0)
      await banner.locator('#review-mark-ready').click()
      await poll(() => banner.locator('.review-panel__state').textContent()).toContain(`Klar för granskning (markerad av ${USERS.editor.name}`)
      await h.snap(page, 'review-editor-ready')

      await page.goto(`${h.base}/admin`)
      await poll(() => page.locator('#desk-ready').locator(reportLink(ids.next)).count()).toBe(1)
      await h.snap(page, 'desk-editor-ready')
    })

    const draft = (await h.rest(`/api/reports/${ids.next}?draft=true&depth=0`, { auth: h.auth.editor })).body
    expect(draft.review).toMatchObject({ state: 'ready', by: USERS.editor.name })
    expect(draft.sections[0]).not.toBe(ids.summary)
    await poll(async () => JSON.stringify((await h.rest(`/api/sections/${draft.sections[0]}?draft=true`, { auth: h.auth.editor })).body.body)).toContain(
      NEW_LINE,
    )
  }, 400_000)

  it('a publisher finds it on the desk and in the list, previews it and sends it back with a note', async () => {
    expect(ids.next, 'the editor made the report').toBeGreaterThan(0)
    await h.session('desk-2-publisher', async (page, context) => {
      await h.login(page, USERS.publisher.email)
      const waiting = page.locator('#desk-ready')
      await poll(() => waiting.locator(reportLink(ids.next)).textContent()).toBe(TITLE)
      expect(await waiting.textContent()).toContain(`markerad av ${USERS.editor.name}`)
      await h.snap(page, 'desk-publisher')

      // The report list, filtered on review state: this week's report and nothing else.
      await waiting.locator('a.desk__link').click()
      await page.waitForURL(/\/admin\/collections\/reports\?/)
      await poll(() => page.locator('table tbody tr').count()).toBe(1)
      expect(await page.locator('table tbody tr').first().textContent()).toContain('Klar för granskning')
      await h.snap(page, 'reports-list-ready-for-review')

      // The preview: the latest draft, as it will read.
      const preview = await context.newPage()
      const response = await preview.goto(`${h.base}/reports/${ids.next}/preview`)
      expect(response?.status()).toBe(200)
      expect(await preview.locator('body').textContent()).toContain(NEW_LINE)
      await h.snap(preview, 'review-publisher-preview')
      await preview.close()

      await h.openDocument(page, 'reports', ids.next, TITLE)
      const banner = page.locator('.review-panel')
      await banner.locator('#review-send-back').click()
      await banner.locator('#review-note').fill(NOTE)
      await banner.locator('#review-send-back-confirm').click()
      await poll(() => banner.locator('.review-panel__note').textContent()).toBe(NOTE)
      await h.snap(page, 'review-publisher-sent-back')
    })
    expect(await reviewOf(ids.next)).toMatchObject({ state: 'sentBack', note: NOTE, by: USERS.publisher.name })
    const log = await h.rest(`/api/audit-log?where[documentId][equals]=${ids.next}&where[collectionSlug][equals]=reports&sort=createdAt&limit=50`, {
      auth: h.auth.admin,
    })
    const steps = log.body.docs.filter((entry: { action: string }) => ['readyForReview', 'sentBack'].includes(entry.action))
    expect(steps.map((entry: { action: string; userEmail: string; detail?: string }) => [entry.action, entry.userEmail, entry.detail ?? null])).toEqual([
      ['readyForReview', USERS.editor.email, null],
      ['sentBack', USERS.publisher.email, NOTE],
    ])
  }, 300_000)

  it('the editor reads the note on the report and marks it ready again; the publisher publishes; the desk shows it', async () => {
    await h.session('desk-3-editor', async (page) => {
      await h.login(page, USERS.editor.email)
      await poll(() => page.locator('#desk-sent-back').textContent()).toContain(NOTE)
      await h.openDocument(page, 'reports', ids.next, TITLE)
      const banner = page.locator('.review-panel')
      await poll(() => banner.locator('.review-panel__state').textContent()).toContain(`Skickad tillbaka av ${USERS.publisher.name}`)
      expect(await banner.locator('.review-panel__note').textContent()).toBe(NOTE)
      await h.snap(page, 'review-editor-sees-note')
      await banner.locator('#review-mark-ready').click()
      await poll(() => banner.locator('.review-panel__state').textContent()).toContain('Klar för granskning')
      await page.goto(`${h.base}/admin`)
      await page.locator('.desk').waitFor()
    })
    expect((await reviewOf(ids.next)).state).toBe('ready')

    await h.session('desk-4-publisher', async (page) => {
      await h.login(page, USERS.publisher.email)
      await h.openDocument(page, 'reports', ids.next, TITLE)
      await page.locator('#action-save').click()
      await page.locator('.publish-parts #publish-confirm').click()
      await poll(() => page.locator('.doc-controls').textContent()).toMatch(/Status:\s*Publicerad/)
      // Published: nothing left to review, so no banner.
      await poll(() => page.locator('.review-panel').count()).toBe(0)

      await page.goto(`${h.base}/admin`)
      const latest = page.locator('#desk-latest')
      await poll(() => latest.locator(reportLink(ids.next)).count()).toBe(1)
      expect(await latest.locator('.desk__badges').textContent()).toMatch(/Publicerad.*Utgåva 1/)
      expect(await page.locator('#desk-published li').first().locator(reportLink(ids.next)).count()).toBe(1)
      expect(await page.locator('#desk-ready').textContent()).toContain('Inga rapporter väntar på granskning.')
      await h.snap(page, 'desk-publisher-published')
    })
    expect(await reviewOf(ids.next)).toMatchObject({ state: 'none', note: null })
    expect((await h.rest(`/api/reports/${ids.next}`)).body).not.toHaveProperty('review')
  }, 300_000)

  // ---- "Skapa ny" stores nothing until the first real change (src/admin/new-document) ----------

  const CONTENT = ['reports', 'sections', 'communication-actions', 'spokespersons'] as const
  /** Every document of the collection, drafts included, as an admin counts them. */
  const countOf = async (collection: string) => (await h.rest(`/api/${collection}?draft=true&limit=1&depth=0`, { auth: h.auth.admin })).body.totalDocs as number
  /**
   * The headers of a browser opening an admin page while signed in as an editor: the session cookie
   * the login response sets, and the fetch metadata without which Payload takes a cookie for a
   * cross-site request and ignores it (payload/dist/auth/extractJWT.js, with CSRF origins set).
   */
  const editorPageHeaders = async () => ({
    cookie: await editorCookie(),
    accept: 'text/html',
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'document',
  })
  const editorCookie = async () => {
    const response = await fetch(`${h.base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: USERS.editor.email, password: PASSWORD }),
    })
    expect(response.status).toBe(200)
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('payload-token='))
    expect(cookie, 'the login sets the session cookie').toBeDefined()
    return cookie!.split(';')[0]
  }

  it('opening "Skapa ny" as a signed-in editor stores nothing, in any content collection', async () => {
    const headers = await editorPageHeaders()
    for (const collection of CONTENT) {
      const before = await countOf(collection)
      // The admin's page as the browser asks for it (Payload's own view answered with a redirect to the draft it had just stored).
      const response = await fetch(`${h.base}/admin/collections/${collection}/create`, { headers, redirect: 'manual' })
      expect(response.status, `${collection}: ${response.headers.get('location') ?? ''}`).toBe(200)
      const html = await response.text()
      expect(html, collection).toContain('id="new-document-title"')
      expect(await countOf(collection), `${collection}: nothing stored by opening the create view`).toBe(before)
    }
  }, 300_000)

  it('an editor creates a report through "Skapa ny": the draft is stored when the title is given; untitled drafts are not listed', async () => {
    // An untitled draft as Payload's create view used to leave behind.
    const empty = await h.rest('/api/reports?draft=true', { method: 'POST', auth: h.auth.editor, body: { _status: 'draft' } })
    expect(empty.status, JSON.stringify(empty.body)).toBe(201)
    const emptyId = empty.body.doc.id as number
    const title = `Veckorapport ${tag}`
    const fromLatest = `Utifrån senaste ${tag}`
    const created: number[] = []

    await h.session('desk-5-editor-create', async (page) => {
      await h.login(page, USERS.editor.email)
      // Neither the desk nor the report list shows the untitled draft.
      await page.locator('#desk-latest').waitFor()
      expect(await page.locator(`.desk ${reportLink(emptyId)}`).count()).toBe(0)
      await page.goto(`${h.base}/admin/collections/reports`)
      await poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(0)
      expect(await page.locator(`table ${reportLink(emptyId)}`).count(), 'the untitled draft is not listed').toBe(0)
      expect(await page.locator(`table ${reportLink(ids.next)}`).count()).toBe(1)

      const before = await countOf('reports')
      await page.locator('a[href="/admin/collections/reports/create"]').first().click()
      await page.waitForURL(/\/admin\/collections\/reports\/create$/)
      await poll(() => page.locator('h1').first().textContent()).toBe('Ny rapport')
      await page.waitForLoadState('networkidle')
      expect(await countOf('reports'), 'nothing stored by opening "Skapa ny"').toBe(before)
      await h.snap(page, 'new-report-form')

      // "Utgå från senaste rapporten" (this week's, published above; not the untitled draft): its
      // content under the editor's own title and time.
      expect(await page.locator('.new-document__from-latest strong').textContent()).toBe(TITLE)
      await page.locator('#new-document-title').fill(fromLatest)
      await page.locator('#new-document-compiled-at').fill('2026-12-08 10:00')
      await page.locator('#new-document-from-latest').check()
      await page.locator('#new-document-create').click()
      await page.waitForURL(/\/admin\/collections\/reports\/\d+$/)
      created.push(Number(new URL(page.url()).pathname.split('/').pop()))
      await poll(() => page.locator('#field-title').inputValue()).toBe(fromLatest)
      await page.waitForLoadState('networkidle')

      // A report of its own: title and compiled time, nothing else.
      await page.goto(`${h.base}/admin/collections/reports/create`)
      await page.locator('#new-document-title').fill(title)
      await page.locator('#new-document-compiled-at').fill('2026-12-07 09:30')
      await page.locator('#new-document-create').click()
      await page.waitForURL((url) => /\/admin\/collections\/reports\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${created[0]}`))
      created.push(Number(new URL(page.url()).pathname.split('/').pop()))
      await poll(() => page.locator('#field-title').inputValue()).toBe(title)
      await page.waitForLoadState('networkidle')
    })

    const [next, plain] = await Promise.all(created.map(async (id) => (await h.rest(`/api/reports/${id}?draft=true&depth=0`, { auth: h.auth.editor })).body))
    const source = (await h.rest(`/api/reports/${ids.next}?draft=true&depth=0`, { auth: h.auth.editor })).body
    expect(next).toMatchObject({
      title: fromLatest,
      compiledAt: '2026-12-08T09:00:00.000Z',
      _status: 'draft',
      subject: source.subject,
      slug: expect.stringContaining('2026-12-08'),
    })
    expect(next.sections).toHaveLength(source.sections.length)
    expect(next.sections[0], 'its own copy of the summary').not.toBe(source.sections[0])
    expect(plain).toMatchObject({ title, compiledAt: '2026-12-07T08:30:00.000Z', _status: 'draft' })
    expect(plain.sections ?? []).toEqual([])
  }, 300_000)

  it('a section shows the reports using it with the page, without loading them afterwards', async () => {
    // Rendered on the server: the first response already holds the rows.
    const html = await (await fetch(`${h.base}/admin/collections/sections/${ids.summary}`, { headers: await editorPageHeaders() })).text()
    expect(html).toContain(`href="/admin/collections/reports/${ids.lastWeek}"`)

    await h.session('desk-6-used-in-reports', async (page) => {
      await h.login(page, USERS.editor.email)
      await page.goto(`${h.base}/admin/collections/sections/${ids.summary}`, { waitUntil: 'domcontentloaded' })
      const usedIn = page.locator('#field-usedInReports')
      // In the document as it arrives: no waiting for a round trip after it, and never "Laddar…".
      expect(await usedIn.locator(reportLink(ids.lastWeek)).textContent({ timeout: 1_000 })).toBe(TITLE)
      expect(await usedIn.textContent({ timeout: 1_000 })).not.toContain('Laddar')
      await page.waitForLoadState('networkidle')
      expect(await usedIn.textContent()).not.toContain('Laddar')
    })
  }, 300_000)
})
