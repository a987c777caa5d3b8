/**
 * End to end: "Skicka provutskick till mig" in the Swedish admin in Chromium. The CMS (production
 * build, fresh SQLite: tests/e2e/admin-harness.ts) sends over SMTP to a real smtp-server on a
 * loopback port (tests/support/smtp-sink-process.ts); the message it captured is parsed, and its
 * HTML is loaded into Chromium, where it must render the report and pass axe-core (WCAG 2.1 AA).
 * An editor's test goes to the editor, and to nobody else. Screenshots: test-results/screenshots/.
 *
 *   npx vitest run --config vitest.e2e.config.ts tests/e2e/sending.spec.ts
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blocksToLexical } from '../../src/report-format/lexical'
import { received, smtpSink, type SmtpSink } from '../support/smtp-sink-process'
import { type AdminHarness, poll, startAdminHarness, USERS } from './admin-harness'
import { wcagViolations } from './axe'
import { freePort, Processes, root } from './support'

const SCREENSHOTS = path.join(root, 'test-results', 'screenshots')
const tag = randomUUID().slice(0, 8)
const TITLE = `Regional rapport provutskick ${tag}`
const SECTION = `Läget i korthet ${tag}`
const BULLET = `Vårdinformationssystemet tas i bruk ${tag}`

describe('a test mail from the admin, over SMTP, rendered in Chromium', () => {
  const processes = new Processes()
  const workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-send-'))
  const mailFile = path.join(workDir, 'received.jsonl')
  let sink: SmtpSink
  let h: AdminHarness
  let reportId = 0

  const mailsTo = async (address: string) => (await received(mailFile)).filter(({ to }) => to.includes(address))

  beforeAll(async () => {
    sink = smtpSink(await freePort(), mailFile, { onSpawn: (child) => processes.track(child) })
    await sink.start()
    h = await startAdminHarness(SCREENSHOTS, { env: { SMTP_URL: sink.url, MAIL_FROM: 'Regional rapport <rapport@region.example>' } })
    const create = async (collection: string, body: Record<string, unknown>) => {
      const created = await h.rest(`/api/${collection}`, { method: 'POST', auth: h.auth.admin, body })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      return created.body.doc.id as number
    }
    const section = await create('sections', {
      title: SECTION,
      kind: 'situationSummary',
      _status: 'published',
      body: blocksToLexical([{ type: 'list', items: [{ inlines: [{ type: 'text', text: BULLET }], children: [] }] }]),
    })
    // A draft, never published: the test is of the report as it is being written.
    reportId = await create('reports?draft=true', {
      title: TITLE,
      subject: 'Samordning vårdinformationssystem',
      compiledAt: '2026-12-01T08:00:00.000Z',
      audience: 'internal',
      sections: [section],
      _status: 'draft',
    })
  }, 900_000)

  afterAll(async () => {
    await h?.close()
    await processes.end()
    rmSync(workDir, { recursive: true, force: true })
  })

  /** Opens the report and chooses "Skicka provutskick till mig" in its ⋮ menu; waits for the admin's answer. */
  const sendTest = async (page: Page, email: string) => {
    await h.login(page, email)
    await h.openDocument(page, 'reports', reportId, TITLE)
    await page.locator('.doc-controls__popup .popup-button, .doc-controls__dots').first().click()
    await page.locator('#send-test').click()
    await poll(() => page.locator('.payload-toast-container').textContent()).toContain(`Provutskick skickat till ${email}`)
  }

  it('a publisher sends a test to themselves; the captured mail renders the report and passes axe-core', async () => {
    await h.session('send-1-publisher', async (page, context) => {
      await sendTest(page, USERS.publisher.email)
      await h.snap(page, 'send-test-toast')

      await poll(async () => (await mailsTo(USERS.publisher.email)).length).toBe(1)
      const [captured] = await mailsTo(USERS.publisher.email)
      expect(captured.mail.subject).toBe(`[Provutskick] ${TITLE}`)
      expect(captured.mail.from?.value[0]).toEqual({ address: 'rapport@region.example', name: 'Regional rapport' })
      const html = captured.mail.html as string
      const draftExport = await h.rest(`/api/reports/${reportId}/export?format=html&draft=true`, { auth: h.auth.publisher })
      expect(html).toBe(draftExport.body)

      // The mail as a recipient's client shows it.
      const mail = await context.newPage()
      await mail.setContent(html)
      expect(await mail.locator('html').getAttribute('lang')).toBe('sv')
      await mail.getByRole('heading', { level: 1, name: TITLE }).waitFor({ state: 'visible' })
      await mail.getByRole('heading', { level: 2, name: SECTION }).waitFor({ state: 'visible' })
      await mail.getByRole('listitem').filter({ hasText: BULLET }).waitFor({ state: 'visible' })
      expect(await wcagViolations(mail)).toEqual([])
      await h.snap(mail, 'send-test-mail')
    })
    const log = await h.rest(`/api/deliveries?where[report][equals]=${reportId}&depth=0`, { auth: h.auth.publisher })
    expect(log.body.docs).toEqual([expect.objectContaining({ kind: 'test', status: 'sent', email: USERS.publisher.email })])
    expect(log.body.docs[0].smtpResponse).toMatch(/^250/)
  }, 400_000)

  it('an editor’s test goes to the editor only', async () => {
    const before = (await received(mailFile)).length
    await h.session('send-2-editor', async (page) => {
      await sendTest(page, USERS.editor.email)
    })
    await poll(async () => (await received(mailFile)).length).toBe(before + 1)
    const [mail] = (await received(mailFile)).slice(before)
    expect(mail.to).toEqual([USERS.editor.email])
    expect(mail.mail.subject).toBe(`[Provutskick] ${TITLE}`)
    expect(await mailsTo(USERS.publisher.email)).toHaveLength(1)
  }, 300_000)
})
