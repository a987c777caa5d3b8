/**
 * End to end: the example consumer site (examples/consumer-site) in a real browser against the
 * real CMS. The CMS runs on a fresh SQLite database with the seed report (published, internal);
 * the site is built twice by Vite (with a reader's API key, and without any key), served by
 * `vite preview` on its own origin and read through the CMS's persisted GraphQL queries over GET,
 * cross-origin (the CMS lists both site origins in CORS_ORIGINS). Debian's Chromium is driven
 * by playwright-core. Any console error, page error, failed request or HTTP error in the page fails
 * the test, and so does any axe-core violation of WCAG 2.1 A or AA, or of its heading rules, on each
 * kind of page the site shows (tests/e2e/axe.ts): a report, the changes since the last one, nothing
 * published, a report that is not there. Screenshots: tests/.artifacts/e2e/.
 *
 *   npm run test:e2e   (needs `npm install` in examples/consumer-site once)
 */
import { randomUUID } from 'node:crypto'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blocksToLexical } from '../../src/report-format/lexical'
import type { Block, ListItem, ReportModel } from '../../src/report-format/model'
import { parseReport } from '../../src/report-format/parse'
import { reportBlocksInOrder } from '../../src/report-format/render-text'
import { type ApiClient, apiClient } from '../support/api'
import type { ServerProcess } from '../support/server-process'
import {
  artifactsDir,
  assertPrerequisites,
  buildSite,
  CHROMIUM,
  CHROMIUM_ARGS,
  freePort,
  previewSite,
  Processes,
  root,
  type Site,
  siteDir,
  ISOLATED_CMS_ENV,
  startTrackedCms,
} from './support'
import { headingViolations, wcagViolations } from './axe'

const execFileAsync = promisify(execFile)

const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-123' }
const PASSWORD = 'e2e-user-password-123'
const tag = () => randomUUID().slice(0, 8)
/** What `AUTO_SEED` loads into an empty database (published, audience internal). */
const SEED_REPORT_FILE = path.join(root, 'seed', 'regional-rapport-2025-04-03.txt')

// ---- what the page should show, from the seed text through the CMS's own report-format code ----

interface ShownBlock {
  title: string
  /** List items as "depth|text" (depth 0 = top level) and paragraphs as "p|text", in order. */
  lines: string[]
  links: { text: string; href: string }[]
}

const inlineText = (inlines: { text: string }[]) => inlines.map((inline) => inline.text).join('')

function expectedBlocks(report: ReportModel): ShownBlock[] {
  return reportBlocksInOrder(report).map((titled) => {
    const lines: string[] = []
    const links: ShownBlock['links'] = []
    const collectLinks = (inlines: ListItem['inlines']) => {
      for (const inline of inlines) if (inline.type === 'link') links.push({ text: inline.text, href: inline.url })
    }
    const items = (list: ListItem[], depth: number) => {
      for (const item of list) {
        lines.push(`${depth}|${inlineText(item.inlines)}`)
        collectLinks(item.inlines)
        items(item.children, depth + 1)
      }
    }
    for (const block of titled.blocks as Block[]) {
      if (block.type === 'list') items(block.items, 0)
      else {
        lines.push(`p|${inlineText(block.inlines)}`)
        collectLinks(block.inlines)
      }
    }
    return { title: titled.title, lines, links }
  })
}

/** The report as the page shows it: title, compiled line and every block, read from the DOM. */
async function shownReport(page: Page) {
  return page.evaluate(`(() => {
    const article = document.querySelector('article.report')
    if (!article) return undefined
    const ownText = (li) => [...li.childNodes].filter((node) => !['UL', 'OL'].includes(node.nodeName)).map((node) => node.textContent).join('')
    const blocks = [...article.querySelectorAll(':scope > section')].map((section) => {
      const lines = []
      const walkList = (list, depth) => {
        for (const li of list.children) {
          lines.push(depth + '|' + ownText(li))
          for (const nested of li.querySelectorAll(':scope > ul, :scope > ol')) walkList(nested, depth + 1)
        }
      }
      for (const child of section.children) {
        if (child.nodeName === 'UL' || child.nodeName === 'OL') walkList(child, 0)
        else if (child.nodeName === 'P') lines.push('p|' + child.textContent)
      }
      const links = [...section.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') }))
      return { title: section.querySelector(':scope > h2')?.textContent ?? '', lines, links }
    })
    return {
      slug: article.getAttribute('data-slug'),
      title: article.querySelector('h1')?.textContent,
      compiled: article.querySelector('.compiled')?.textContent,
      blocks,
    }
  })()`) as Promise<{ slug: string; title: string; compiled: string; blocks: ShownBlock[] } | undefined>
}

// ---- the run --------------------------------------------------------------------------------

describe('consumer site against the real CMS, in Chromium', () => {
  const processes = new Processes()
  let workDir: string
  let cms: ServerProcess
  let rest: ApiClient
  let adminAuth: string
  let publisherAuth: string
  let browser: Browser
  /** Built with a reader's API key: internal and public reports. */
  let readerSite: Site
  /** Built without a key: public reports only. */
  let publicSite: Site
  let seed: ReportModel
  let seedSlug: string

  beforeAll(async () => {
    assertPrerequisites()
    mkdirSync(artifactsDir, { recursive: true })
    workDir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-'))
    const parsed = parseReport(readFileSync(SEED_REPORT_FILE, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'))
    seed = parsed.report

    // The site origins must be known before the CMS starts: they go into CORS_ORIGINS.
    const [readerPort, publicPort] = [await freePort(), await freePort()]
    const origins = [`http://127.0.0.1:${readerPort}`, `http://127.0.0.1:${publicPort}`]

    // startTrackedCms also ends whatever the server started when it gives up.
    cms = await startTrackedCms(processes, {
      env: {
        ...ISOLATED_CMS_ENV,
        NODE_ENV: 'test',
        DATABASE_URL: `file:${path.join(workDir, 'cms.db')}`,
        PAYLOAD_SECRET: 'e2e-secret-that-is-long-enough-for-payload-0123456789',
        AUTO_SEED: 'true',
        SEED_ADMIN_EMAIL: ADMIN.email,
        SEED_ADMIN_PASSWORD: ADMIN.password,
        CORS_ORIGINS: origins.join(','),
        LAGESBILD_ADMIN: 'off',
        // One server: no Redis broadcast, no webhooks, the published-read cache on (ISOLATED_CMS_ENV).
      },
    })
    rest = apiClient(cms.url)

    const login = async (email: string, password: string) => {
      const response = await rest('/api/users/login', { method: 'POST', body: { email, password } })
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`)
      return `JWT ${response.body.token}`
    }
    adminAuth = await login(ADMIN.email, ADMIN.password)
    const createUser = async (data: Record<string, unknown>) => {
      const response = await rest('/api/users', { method: 'POST', auth: adminAuth, body: { password: PASSWORD, ...data } })
      if (response.status !== 201) throw new Error(`creating user: ${response.status} ${JSON.stringify(response.body)}`)
      return response.body.doc
    }
    // A consumer site's credentials: a reader with an API key, as the CMS README describes.
    const apiKey = randomUUID()
    await createUser({ email: 'consumer-site@e2e.local', name: 'Konsumentwebbplats', roles: ['reader'], enableAPIKey: true, apiKey })
    await createUser({ email: 'publisher@e2e.local', name: 'Ansvarig utgivare', roles: ['publisher'] })
    publisherAuth = await login('publisher@e2e.local', PASSWORD)

    const found = await rest(`/api/reports?where[title][equals]=${encodeURIComponent(seed.title)}&depth=0`, { auth: adminAuth })
    expect(found.body.docs, 'the seed report is in the database').toHaveLength(1)
    expect(found.body.docs[0]).toMatchObject({ _status: 'published', audience: 'internal' })
    seedSlug = found.body.docs[0].slug

    await Promise.all([
      buildSite(path.join(workDir, 'site-reader'), { cmsUrl: cms.url, apiKey }),
      buildSite(path.join(workDir, 'site-public'), { cmsUrl: cms.url }),
    ])
    readerSite = await previewSite(processes, path.join(workDir, 'site-reader'), readerPort)
    publicSite = await previewSite(processes, path.join(workDir, 'site-public'), publicPort)

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await processes.end()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  /**
   * A fresh browser context (no cache, no cookies). The reader sits in New York, so the
   * Swedish times must not come from the browser's time zone. Problems are collected and fail the
   * test; a full-page screenshot is saved whatever happens.
   */
  async function visit(name: string, steps: (page: Page, cmsCalls: string[], snap: (step: string) => Promise<void>) => Promise<void>) {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'America/New_York', viewport: { width: 1000, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    const cmsCalls: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`)
    })
    page.on('request', (request) => {
      if (request.url().startsWith(cms.url)) cmsCalls.push(`${request.method()} ${request.url().slice(cms.url.length)}`)
    })
    const snap = async (step: string) => {
      await page.screenshot({ path: path.join(artifactsDir, `${name}-${step}.png`), fullPage: true })
    }
    try {
      await steps(page, cmsCalls, snap)
    } finally {
      await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true }).catch(() => undefined)
      await context.close()
    }
    expect(problems, `problems in the page (${name})`).toEqual([])
  }

  /** Waits until the page has finished loading its content and returns what it settled on. */
  async function settled(page: Page) {
    await page.waitForFunction(() => document.querySelector('main')?.dataset.state !== 'loading', undefined, { timeout: 30_000 })
    return page.locator('main').getAttribute('data-state')
  }

  async function open(page: Page, site: Site, hash = '') {
    await page.goto(`${site.url}/${hash}`)
    return settled(page)
  }

  const listed = (page: Page) => page.locator('nav.report-list li a').allTextContents()
  /** WCAG 2.1 A and AA, and headings a screen reader can navigate by, as the page stands now. */
  const accessible = async (page: Page) => {
    expect(await wcagViolations(page), `axe-core on ${page.url()}`).toEqual([])
    expect(await headingViolations(page), `headings on ${page.url()}`).toEqual([])
  }

  it('keeps its query copies and generated types identical to the CMS', async () => {
    /** Runs a Node script in the site's folder: its exit code and output, whether it failed or not. */
    const run = async (args: string[]) => {
      try {
        const { stdout, stderr } = await execFileAsync(process.execPath, args, { cwd: siteDir, timeout: 120_000 })
        return { code: 0, output: stdout + stderr }
      } catch (error) {
        const failed = error as { code?: number | string; stdout?: string; stderr?: string }
        return { code: failed.code, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
      }
    }
    // Each copy in src/queries/ is byte for byte the CMS's persisted query of that name.
    const queries = await run(['scripts/check-queries.mjs'])
    expect(queries.code, queries.output).toBe(0)
    const identical = /persisted queries identical to the CMS: (.+)/.exec(queries.output)?.[1].split(', ')
    expect(identical?.sort(), queries.output).toEqual(['latestReport', 'reportBySlug', 'reportChanges', 'reportList'])
    // The committed src/generated/graphql.ts is what codegen makes from the CMS's schema.graphql now.
    const codegen = path.join(siteDir, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js')
    const types = await run([codegen, '--config', 'codegen.ts', '--check', '--errors-only'])
    expect(types.code, types.output).toBe(0)
    expect(types.output).not.toMatch(/stale files/)
  })

  it('(a) with a reader API key: shows the internal seed report as the report format lays it out', async () => {
    await visit('a-reader-latest', async (page, cmsCalls) => {
      expect(await open(page, readerSite)).toBe('ready')
      const shown = (await shownReport(page))!
      expect(shown.slug).toBe(seedSlug)
      expect(shown.title).toBe('Regional rapport Samordning vårdinformationssystem')
      expect(shown.compiled).toBe('Sammanställd: 2025-04-03 klockan 09:00')

      // Every block of the seed, in the report format's order, with every bullet at its depth.
      expect(shown.blocks).toEqual(expectedBlocks(seed))
      const titles = shown.blocks.map((block) => block.title)
      for (const section of seed.sections) expect(titles).toContain(section.title)
      expect(seed.sections).toHaveLength(5)

      // Spelled out, as a reader would check it.
      const summary = page.locator('section.section--situationSummary')
      await expect.poll(() => summary.locator(':scope > ul > li > ul > li').count()).toBe(5)
      expect(await summary.locator(':scope > ul > li > ul > li').first().textContent()).toMatch(/^Håkan Sandahls anställning/)
      expect(await summary.locator('li li a').getAttribute('href')).toBe('#')
      const actions = await page.locator('section.actions li').allTextContents()
      expect(actions.map((text) => text.split(':')[0])).toEqual(['3/4', '2/4', '2/4', '31/3', '28/3'])
      expect(actions[0]).toBe('3/4: Arbetet med ett nytt vårdinformationssystem måste få ta tid')
      expect(await page.locator('section.actions li a').count()).toBe(5)
      expect(await page.locator('section.collected li a').allTextContents()).toEqual(seed.collectedInformation.map((link) => link.label))
      expect(await page.locator('section.spokespersons li').allTextContents()).toEqual(['Karin Looström Muth, hälso- och sjukvårdsutvecklingsdirektör'])
      expect(await page.locator('nav.report-list').textContent()).toContain('Inga andra publicerade rapporter.')
      await accessible(page)

      // Only the persisted queries, by name, over GET.
      expect(cmsCalls.length).toBeGreaterThan(0)
      for (const call of cmsCalls) expect(call).toMatch(/^GET \/api\/graphql\?id=(latestReport|reportList|reportBySlug|reportChanges)(&variables=[^&]+)?$/)
    })
  })

  it('(b) without a key shows no internal report; nobody sees a draft; the list opens reports by slug', async () => {
    // Nothing public yet: the seed is internal.
    await visit('b-public-nothing-yet', async (page) => {
      expect(await open(page, publicSite)).toBe('empty')
      expect(await page.locator('main').textContent()).toContain('Det finns ingen publicerad rapport att visa.')
      expect(await page.locator('article.report').count()).toBe(0)
      expect(await listed(page)).toEqual([])
      await accessible(page)
      expect(await open(page, publicSite, `#/rapport/${seedSlug}`)).toBe('missing')
      expect(await page.locator('body').textContent()).not.toContain(seed.title)
      await accessible(page)
    })

    // A public report, older than the seed, with text a careless site would run as HTML.
    const marker = tag()
    const hostile = `<img src=x onerror="document.title='xss'"> & <b>fet</b>`
    const section = await rest('/api/sections', {
      method: 'POST',
      auth: adminAuth,
      body: {
        title: `Läget i korthet ${hostile}`,
        kind: 'situationSummary',
        _status: 'published',
        body: blocksToLexical([
          { type: 'paragraph', inlines: [{ type: 'text', text: `Inledning ${hostile}` }] },
          {
            type: 'list',
            items: [
              {
                inlines: [{ type: 'text', text: `Första punkten ${marker}` }],
                children: [{ inlines: [{ type: 'link', text: 'Mer på webben', url: 'https://example.org/mer' }], children: [] }],
              },
            ],
          },
        ]),
      },
    })
    expect(section.status, JSON.stringify(section.body)).toBe(201)
    const publicReport = await rest('/api/reports', {
      method: 'POST',
      auth: adminAuth,
      body: {
        title: `Regional rapport Publik lägesbild ${marker} ${hostile}`,
        subject: 'Publik lägesbild',
        compiledAt: '2025-03-27T08:30:00.000Z',
        audience: 'public',
        sections: [section.body.doc.id],
        collectedInformation: [{ label: `Vårdskiftet ${hostile}`, url: 'https://example.org/vardskiftet' }],
        _status: 'published',
      },
    })
    expect(publicReport.status, JSON.stringify(publicReport.body)).toBe(201)
    const publicDoc = publicReport.body.doc
    // A draft, newer than everything: it would be "the latest" if it leaked.
    const draft = await rest('/api/reports?draft=true', {
      method: 'POST',
      auth: adminAuth,
      body: { title: `Regional rapport Utkast ${marker}`, compiledAt: '2025-04-10T08:00:00.000Z', audience: 'public', _status: 'draft' },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    expect(draft.body.doc._status).toBe('draft')
    const draftSlug: string = draft.body.doc.slug

    await visit('b-public-site', async (page, _cmsCalls, snap) => {
      expect(await open(page, publicSite)).toBe('ready')
      const shown = (await shownReport(page))!
      expect(shown.slug).toBe(publicDoc.slug)
      expect(shown.title).toBe(publicDoc.title)
      expect(shown.compiled).toBe('Sammanställd: 2025-03-27 klockan 09:30')
      expect(shown.blocks).toEqual([
        {
          title: `Läget i korthet ${hostile}`,
          lines: [`p|Inledning ${hostile}`, `0|Första punkten ${marker}`, '1|Mer på webben'],
          links: [{ text: 'Mer på webben', href: 'https://example.org/mer' }],
        },
        {
          title: 'Samlad information',
          lines: [`0|Vårdskiftet ${hostile}`],
          links: [{ text: `Vårdskiftet ${hostile}`, href: 'https://example.org/vardskiftet' }],
        },
      ])
      // The markup arrived as text: no element was made from it, no script ran.
      expect(await page.locator('main img, main b').count()).toBe(0)
      expect(await page.title()).not.toBe('xss')
      expect(await listed(page)).toEqual([])
      const text = await page.locator('body').textContent()
      expect(text).not.toContain(seed.title)
      expect(text).not.toContain(`Utkast ${marker}`)
      await snap('latest')
      await accessible(page)
      expect(await open(page, publicSite, `#/rapport/${seedSlug}`)).toBe('missing')
      expect(await open(page, publicSite, `#/rapport/${draftSlug}`)).toBe('missing')
    })

    await visit('b-reader-site-list', async (page, _cmsCalls, snap) => {
      expect(await open(page, readerSite)).toBe('ready')
      expect((await shownReport(page))!.slug).toBe(seedSlug)
      expect(await listed(page)).toEqual([publicDoc.title])
      expect(await page.locator('body').textContent()).not.toContain(`Utkast ${marker}`)
      // Clicking an earlier report shows it (reportBySlug), under its own hash route.
      await page.locator('nav.report-list a', { hasText: `Publik lägesbild ${marker}` }).click()
      await page.waitForURL(`**/#/rapport/${publicDoc.slug}`)
      await page.locator(`main[data-state="ready"] article.report[data-slug="${publicDoc.slug}"]`).waitFor()
      expect((await shownReport(page))!.title).toBe(publicDoc.title)
      expect(await page.locator('nav.report-list h2').textContent()).toBe('Fler rapporter')
      expect(await listed(page)).toEqual([seed.title])
      await snap('earlier-report')
      await accessible(page)
      // Back to the latest through the site's own link.
      await page.locator('a.site-name').click()
      await page.locator(`main[data-state="ready"] article.report[data-slug="${seedSlug}"]`).waitFor()
      expect(await open(page, readerSite, `#/rapport/${draftSlug}`)).toBe('missing')
    })
  })

  it('(c) a publisher publishes a change and the site shows it on the next page load', async () => {
    const seedDoc = (await rest(`/api/reports?where[slug][equals]=${seedSlug}&depth=1`, { auth: adminAuth })).body.docs[0]
    const communication = seedDoc.sections.find((section: { kind: string }) => section.kind === 'communicationSituation')
    const marker = tag()

    await visit('c-reader-after-publish', async (page, _cmsCalls, snap) => {
      const graphqlResponses: string[] = []
      page.on('response', (response) => {
        if (response.url().includes('/api/graphql?id=latestReport')) graphqlResponses.push(response.headers()['x-lagesbild-cache'] ?? '')
      })
      expect(await open(page, readerSite)).toBe('ready')
      await page.reload()
      expect(await settled(page)).toBe('ready')
      expect((await shownReport(page))!.title).toBe(seed.title)
      // The second load was answered from the CMS's published-read cache: what follows tests its invalidation.
      expect(graphqlResponses.at(-1)).toBe('hit')
      await snap('before')

      // The section first, then the report: a change to a part reaches readers when its report is
      // published again (the report's new edition), not before.
      const patchedSection = await rest(`/api/sections/${communication.id}`, {
        method: 'PATCH',
        auth: publisherAuth,
        body: {
          body: blocksToLexical([
            {
              type: 'list',
              items: [
                {
                  inlines: [{ type: 'text', text: `Ny bedömning ${marker}` }],
                  children: [{ inlines: [{ type: 'link', text: 'Pressmeddelandet', url: 'https://example.org/press' }], children: [] }],
                },
              ],
            },
          ]),
        },
      })
      expect(patchedSection.status, JSON.stringify(patchedSection.body)).toBe(200)
      const title = `${seed.title} (uppdaterad ${marker})`
      const patchedReport = await rest(`/api/reports/${seedDoc.id}`, { method: 'PATCH', auth: publisherAuth, body: { title } })
      expect(patchedReport.status, JSON.stringify(patchedReport.body)).toBe(200)

      await page.reload()
      expect(await settled(page)).toBe('ready')
      const shown = (await shownReport(page))!
      expect(shown.title).toBe(title)
      expect(shown.blocks.find((block) => block.title === communication.title)).toEqual({
        title: communication.title,
        lines: [`0|Ny bedömning ${marker}`, '1|Pressmeddelandet'],
        links: [{ text: 'Pressmeddelandet', href: 'https://example.org/press' }],
      })
      expect(graphqlResponses.at(-1)).not.toBe('hit')
    })

    // The same for anonymous readers of a public report (shared cache entries, public Cache-Control).
    const publicDoc = (await rest('/api/reports?where[audience][equals]=public&depth=0', { auth: adminAuth })).body.docs.find(
      (doc: { _status: string }) => doc._status === 'published',
    )
    await visit('c-public-after-publish', async (page) => {
      expect(await open(page, publicSite)).toBe('ready')
      expect((await shownReport(page))!.title).toBe(publicDoc.title)
      const title = `Regional rapport Publik lägesbild ändrad ${marker}`
      expect((await rest(`/api/reports/${publicDoc.id}`, { method: 'PATCH', auth: publisherAuth, body: { title } })).status).toBe(200)
      await page.reload()
      expect(await settled(page)).toBe('ready')
      expect((await shownReport(page))!.title).toBe(title)
    })
  })

  it('(d) next week’s report shows "Nytt sedan förra rapporten"; last week’s report, as sent, is unchanged', async () => {
    const seedDoc = (await rest(`/api/reports?where[slug][equals]=${seedSlug}&depth=0`, { auth: adminAuth })).body.docs[0]
    const marker = tag()
    let lastWeek = ''
    await visit('d-reader-last-week-before', async (page) => {
      expect(await open(page, readerSite, `#/rapport/${seedSlug}`)).toBe('ready')
      lastWeek = (await page.locator('article.report').textContent()) ?? ''
    })

    // The desk starts next week's report from this one, rewrites its summary, and publishes it.
    const next = await rest(`/api/reports/${seedDoc.id}/next`, { method: 'POST', auth: publisherAuth })
    expect(next.status, JSON.stringify(next.body)).toBe(201)
    const summaryId = next.body.doc.sections[0]
    const newBullet = `Ny punkt i veckan ${marker}`
    const summary = await rest(`/api/sections/${summaryId}?draft=true`, {
      method: 'PATCH',
      auth: publisherAuth,
      body: { body: blocksToLexical([{ type: 'list', items: [{ inlines: [{ type: 'text', text: newBullet }], children: [] }] }]) },
    })
    expect(summary.status, JSON.stringify(summary.body)).toBe(200)
    const published = await rest(`/api/reports/${next.body.doc.id}`, {
      method: 'PATCH',
      auth: publisherAuth,
      body: { compiledAt: '2031-01-01T08:00:00.000Z', _status: 'published' },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    await visit('d-reader-next-week', async (page, _cmsCalls, snap) => {
      expect(await open(page, readerSite)).toBe('ready')
      const news = page.locator('aside.changes')
      await news.waitFor()
      expect(await news.locator('h2').textContent()).toBe('Nytt sedan förra rapporten')
      expect(await news.textContent()).toContain(newBullet)
      await snap('news')
      await accessible(page)
      // Last week's report is the one that was sent: the copy was edited, not it.
      expect(await open(page, readerSite, `#/rapport/${seedSlug}`)).toBe('ready')
      expect(await page.locator('article.report').textContent()).toBe(lastWeek)
      expect(lastWeek).not.toContain(newBullet)
    })
  }, 180_000)
})
