/**
 * End to end: the report reads as a document in its own edit view (src/admin/report-document/), in
 * Debian's Chromium against the production admin on a fresh SQLite database with the seed report.
 *
 *   reading   the edit view shows the seed's blocks in the print view's order, every bullet and
 *             paragraph as the print view renders them; the actions as a dated list in Swedish;
 *             "Förhandsgranska" and "Skriv ut" open /reports/:id/preview and /reports/:id/print.
 *   editing   an editor changes a section where it stands (a drawer; closed right after typing, the
 *             text is stored as a draft and shown in place), adds a section at position 2, moves one
 *             up; the order is in the report's draft and still there after a reload.
 *   publishing the publisher publishes the report whole: the print view then reads as edited.
 *
 * Full-page screenshots go to test-results/screenshots/ (git-ignored).
 *
 *   npm run test:e2e -- tests/e2e/report-document.spec.ts
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalToBlocks } from '../../src/report-format/lexical'
import { type ApiClient, apiClient } from '../support/api'
import { runScript } from '../support/run-cli'
import { ensureAdminBuild, poll, session } from './admin-run'
import { CHROMIUM, CHROMIUM_ARGS, freePort, Processes, root, ISOLATED_CMS_ENV, startTrackedCms } from './support'

const screenshots = path.join(root, 'test-results', 'screenshots')
const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-123' }
const PASSWORD = 'e2e-user-password-123'
const USERS = {
  editor: { email: 'editor@e2e.local', name: 'Redaktör Redaktörsson', roles: ['editor'] },
  publisher: { email: 'publisher@e2e.local', name: 'Ansvarig Utgivare', roles: ['publisher'] },
} as const
const SEED_TITLE = 'Regional rapport Samordning vårdinformationssystem'
const tag = randomUUID().slice(0, 8)
const EDITED_LINE = `Ny punkt skriven på plats ${tag}`
const NEW_SECTION = { title: `Nytt avsnitt ${tag}`, bullet: `Första punkten i det nya avsnittet ${tag}` }

describe('the report as a document in its edit view, in Chromium', () => {
  const processes = new Processes()
  let workDir: string
  let base: string
  let rest: ApiClient
  let browser: Browser
  const auth = { admin: '', editor: '', publisher: '' }
  let reportId = 0
  /** The seed report's sections, in order. */
  let seedSections: { id: number; title: string }[] = []
  let newSectionId = 0

  const restLogin = async (email: string, password: string) => {
    const response = await rest('/api/users/login', { method: 'POST', body: { email, password } })
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`)
    return `JWT ${response.body.token}`
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`)
    mkdirSync(screenshots, { recursive: true })
    workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-document-'))
    await ensureAdminBuild(processes, workDir)

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const database = { DATABASE_URL: `file:${path.join(workDir, 'cms.db')}`, PAYLOAD_SECRET: `e2e-document-secret-${randomUUID()}` }
    await startTrackedCms(processes, {
      production: true,
      timeoutMs: 180_000,
      env: {
        ...ISOLATED_CMS_ENV,
        ...database,
        PORT: String(port),
        SERVER_URL: base,
        LAGESBILD_ADMIN: 'on',
        AUTO_SEED: 'false',
        LAGESBILD_JOBS: undefined,
      },
    })
    rest = apiClient(base)

    // The seed report and its admin, loaded as a developer does (`npm run seed`) into the migrated database.
    const seeded = await runScript('seed', [], { ...database, NODE_ENV: 'production', SEED_ADMIN_EMAIL: ADMIN.email, SEED_ADMIN_PASSWORD: ADMIN.password })
    expect(seeded.code, `${seeded.stdout}\n${seeded.stderr}`).toBe(0)
    auth.admin = await restLogin(ADMIN.email, ADMIN.password)
    for (const [role, user] of Object.entries(USERS)) {
      const created = await rest('/api/users', { method: 'POST', auth: auth.admin, body: { ...user, password: PASSWORD } })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      auth[role as keyof typeof USERS] = await restLogin(user.email, PASSWORD)
    }
    const found = await rest(`/api/reports?where[title][equals]=${encodeURIComponent(SEED_TITLE)}&depth=1`, { auth: auth.editor })
    expect(found.body.docs, 'the seed report is in the database').toHaveLength(1)
    reportId = found.body.docs[0].id
    seedSections = found.body.docs[0].sections.map((section: { id: number; title: string }) => ({ id: section.id, title: section.title }))
    expect(seedSections).toHaveLength(5)

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 900_000)

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await processes.end()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  async function login(page: Page, email: string) {
    await page.goto(`${base}/admin/login`)
    await page.locator('input[name="email"]').waitFor()
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
    await page.waitForLoadState('networkidle')
  }

  const documentView = (page: Page) => page.locator('#report-document')
  const sectionTitles = (page: Page) => documentView(page).locator('.report-document__section h2').allTextContents()

  /** Opens the report's edit view and waits until its document view shows `count` sections. */
  async function openReport(page: Page, count: number) {
    await page.goto(`${base}/admin/collections/reports/${reportId}`)
    await poll(() => page.locator('#field-title').inputValue()).toBe(SEED_TITLE)
    await poll(() => documentView(page).locator('.report-document__section').count()).toBe(count)
    await page.waitForLoadState('networkidle')
  }

  /** The drawer the document view opened, once its form shows the section. */
  async function openedDrawer(page: Page, title?: string): Promise<Locator> {
    const drawer = page.locator('.drawer--is-open', { has: page.locator('#field-title') }).last()
    await drawer.locator('#field-title').waitFor()
    if (title !== undefined) await poll(() => drawer.locator('#field-title').inputValue()).toBe(title)
    await page.waitForLoadState('networkidle')
    return drawer
  }

  const closeDrawer = async (drawer: Locator) => {
    await drawer.locator('button.doc-drawer__header-close, button[aria-label="Stäng"]').first().click()
    await drawer.waitFor({ state: 'detached' })
  }

  const draftOf = async (collection: string, id: number) => (await rest(`/api/${collection}/${id}?draft=true&depth=0`, { auth: auth.editor })).body
  const textOf = (body: unknown) => JSON.stringify(lexicalToBlocks(body as never))

  it('shows the seed report as the print view renders it, the actions with Swedish dates, and links to preview and print', async () => {
    await session(browser, screenshots, 'report-document-reading', async (page, context) => {
      await login(page, USERS.editor.email)
      await openReport(page, 5)

      // The print view (the published seed, which the signed-in editor may read) in the same session.
      const print = await context.newPage()
      expect((await print.goto(`${base}/reports/${reportId}/print`))?.status()).toBe(200)
      const sheet = documentView(page).locator('.report-document__sheet')
      const printed = {
        h1: await print.locator('h1').allTextContents(),
        h2: await print.locator('h2').allTextContents(),
        // Every bullet (nested ones inside their parent's text) but the actions, which the view lists with dates.
        bullets: (await print.locator('li').allTextContents()).filter((text) => !/^\d{1,2}\/\d{1,2}: /.test(text)),
        paragraphs: await print.locator('p').allTextContents(),
      }
      await print.close()
      expect(printed.h2.slice(0, 3)).toEqual(seedSections.slice(0, 3).map((section) => section.title))
      expect(await sheet.locator('h1').allTextContents()).toEqual(printed.h1)
      expect(await sheet.locator('h2').allTextContents()).toEqual(printed.h2)
      expect(await sheet.locator('li:not(.report-document__action)').allTextContents()).toEqual(printed.bullets)
      expect(await sheet.locator('p:not(.report-document__hint):not(.report-document__empty)').allTextContents()).toEqual(printed.paragraphs)
      expect(await sectionTitles(page)).toEqual(seedSections.map((section) => section.title))

      // The actions, newest first, each with its Stockholm day in Swedish.
      const actions = documentView(page).locator('.report-document__action')
      expect(await actions.locator('.report-document__action-date').allTextContents()).toEqual([
        '3 april 2025',
        '2 april 2025',
        '2 april 2025',
        '31 mars 2025',
        '28 mars 2025',
      ])
      expect(await actions.first().locator('.report-document__action-title').textContent()).toBe('Arbetet med ett nytt vårdinformationssystem måste få ta tid')
      // An editor edits and adds; no Publish button anywhere.
      expect(await documentView(page).locator('.report-document__edit-action').count()).toBe(5)
      expect(await documentView(page).locator('.report-document__add-action').count()).toBe(1)
      expect(await page.locator('#action-save').count()).toBe(0)

      // The artefact: the whole edit view.
      await page.screenshot({ path: path.join(screenshots, 'report-edit-view.png'), fullPage: true })

      // "Förhandsgranska" and "Skriv ut", beside the save buttons, open the whole report in a new tab.
      for (const [button, view, check] of [
        ['#report-preview', 'preview', 'Förhandsvisning (publicerad)'],
        ['#report-print', 'print', SEED_TITLE],
      ] as const) {
        expect(await page.locator(`.doc-controls ${button}`).textContent()).toBe(view === 'preview' ? 'Förhandsgranska' : 'Skriv ut')
        const [opened] = await Promise.all([context.waitForEvent('page'), page.locator(button).click()])
        await opened.waitForLoadState('load')
        expect(opened.url()).toBe(`${base}/reports/${reportId}/${view}`)
        expect(await opened.locator('body').textContent()).toContain(check)
        await opened.close()
      }
    })
  }, 300_000)

  it('an editor edits a section in place, adds one at position 2 and moves one up; the order is in the draft after a reload', async () => {
    const [first, second, third] = seedSections
    await session(browser, screenshots, 'report-document-editing', async (page) => {
      await login(page, USERS.editor.email)
      await openReport(page, 5)

      // (1) Edit the first section where it stands: its drawer, a new bullet at the end, closed at once.
      const firstSection = documentView(page).locator(`.report-document__section[data-section-id="${first.id}"]`)
      await firstSection.locator('.report-document__edit').click()
      const drawer = await openedDrawer(page, first.title)
      expect(await drawer.locator('#action-save').count(), 'no Publish button for an editor').toBe(0)
      // Into the last bullet's text (a click on a link would open the link editor instead), then to its end.
      await drawer.locator('[data-lexical-editor="true"] li').last().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type(EDITED_LINE, { delay: 10 })
      await closeDrawer(drawer)
      // Every keystroke stored (SaveOnExit), as a draft: the published section is what it was.
      await poll(async () => textOf((await draftOf('sections', first.id)).body), { timeout: 30_000 }).toContain(EDITED_LINE)
      const published = await rest(`/api/sections/${first.id}?depth=0`, { auth: auth.publisher })
      expect(published.body._status).toBe('published')
      expect(textOf(published.body.body)).not.toContain(EDITED_LINE)
      // And shown where it stands, with the drafts badge.
      await poll(() => firstSection.locator('li').last().textContent()).toBe(EDITED_LINE)
      expect(await firstSection.locator('.report-document__badge').textContent()).toBe('Utkast')
      expect(await sectionTitles(page)).toEqual(seedSections.map((section) => section.title))

      // (2) A new section at position 2: made in the drawer, it takes its place as soon as it is saved.
      await documentView(page).locator('.report-document__add[data-insert-at="1"] button').click()
      const created = await openedDrawer(page)
      await created.locator('#field-title').fill(NEW_SECTION.title)
      await created.locator('[data-lexical-editor="true"]').first().click()
      await page.keyboard.type(`- ${NEW_SECTION.bullet}`, { delay: 10 })
      await closeDrawer(created)
      await poll(() => sectionTitles(page)).toEqual([first.title, NEW_SECTION.title, ...seedSections.slice(1).map((section) => section.title)])
      const newSection = documentView(page).locator('.report-document__section').nth(1)
      await poll(() => newSection.locator('li').allTextContents()).toEqual([NEW_SECTION.bullet])
      newSectionId = Number(await newSection.getAttribute('data-section-id'))
      expect((await draftOf('sections', newSectionId))._status).toBe('draft')

      // (3) The third section moves up past the new one.
      await documentView(page).locator(`.report-document__section[data-section-id="${second.id}"] .report-document__up`).click()
      const expected = [first.title, second.title, NEW_SECTION.title, third.title, ...seedSections.slice(3).map((section) => section.title)]
      await poll(() => sectionTitles(page)).toEqual(expected)
      // The first can go no higher; the last "about" text no lower.
      expect(await firstSection.locator('.report-document__up').isDisabled()).toBe(true)
      expect(await documentView(page).locator('.report-document__section').last().locator('.report-document__down').isDisabled()).toBe(true)

      // The report's own autosave stores the order in its draft; the published report is unchanged.
      const expectedIds = [first.id, second.id, newSectionId, third.id, ...seedSections.slice(3).map((section) => section.id)]
      await poll(async () => (await draftOf('reports', reportId)).sections, { timeout: 30_000 }).toEqual(expectedIds)
      const live = await rest(`/api/reports/${reportId}?depth=0`, { auth: auth.publisher })
      expect(live.body.sections).toEqual(seedSections.map((section) => section.id))
      await page.screenshot({ path: path.join(screenshots, 'report-edit-view-edited.png'), fullPage: true })

      // Loaded again: the draft's order and text, in the document view and in the relationship field.
      await page.reload()
      await poll(() => page.locator('#field-title').inputValue()).toBe(SEED_TITLE)
      await poll(() => sectionTitles(page)).toEqual(expected)
      await poll(() => page.locator('#field-sections .relationship--multi-value-label__text').allTextContents()).toEqual(expected)
      expect(await documentView(page).locator(`.report-document__section[data-section-id="${first.id}"] li`).last().textContent()).toBe(EDITED_LINE)
    })
  }, 300_000)

  it('the publisher publishes the report whole: the print view reads as edited', async () => {
    expect(newSectionId, 'the editing test added a section').toBeGreaterThan(0)
    await session(browser, screenshots, 'report-document-publishing', async (page) => {
      await login(page, USERS.publisher.email)
      await page.goto(`${base}/admin/collections/reports/${reportId}`)
      await poll(() => documentView(page).locator('.report-document__section').count()).toBe(6)
      await page.waitForLoadState('networkidle')
      const takeOver = page.locator('#document-locked-take-over')
      if (await takeOver.isVisible()) {
        await takeOver.click()
        await takeOver.waitFor({ state: 'detached' })
      }
      await page.locator('#action-save').click()
      const parts = page.locator('.publish-parts')
      await poll(() => parts.locator('.publish-parts__group--draft li').allTextContents()).toEqual([seedSections[0].title, NEW_SECTION.title])
      await parts.locator('#publish-confirm').click()
      await poll(() => page.locator('.doc-controls').textContent()).toMatch(/Status:\s*Publicerad/)
    })
    const print = await rest(`/reports/${reportId}/print`, { auth: auth.publisher })
    expect(print.status).toBe(200)
    const headings = [...String(print.body).matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((match) => match[1])
    expect(headings.slice(0, 4)).toEqual([seedSections[0].title, seedSections[1].title, NEW_SECTION.title, seedSections[2].title])
    expect(String(print.body)).toContain(EDITED_LINE)
    expect(String(print.body)).toContain(NEW_SECTION.bullet)
  }, 300_000)
})
