/**
 * Readers' cold reads built from the edition (src/http/edition-reads.ts) answer exactly what
 * Payload's own path answers: two servers on the suite's database, both without the cache, one
 * with LAGESBILD_EDITION_READS=off. For the seed report and generated reports with hidden parts
 * (internal actions, inactive spokespersons and phone numbers, a part published
 * since the report, a pending draft of the report), every depth by id and by slug and every
 * persisted report query, as anonymous, reader and reader API key: the same status, content type
 * and bytes, and the edition path did answer (x-lagesbild-built-from), so this cannot pass by
 * both servers running Payload. Staff and unsupported parameters go to Payload.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, restAs } from './support/actors'
import { persistedQueryPath } from './support/api'
import { startServer, type ServerProcess } from './support/server-process'

const tag = randomUUID().slice(0, 8)
const SEED_SLUG = 'regional-rapport-samordning-vardinformationssystem-2025-04-03'
const GENERATED = 6

type Headers = Record<string, string>
type Report = { id: number | string; slug: string; audience: 'internal' | 'public' }

describe("readers' cold reads from the edition equal Payload's answers", () => {
  let actors: Actors
  let fromEdition: ServerProcess
  let fromPayload: ServerProcess
  const reports: Report[] = []

  beforeAll(async () => {
    actors = await createActors()
    const admin = restAs(actors.admin)
    const create = async (collection: string, data: Record<string, unknown>) => {
      const response = await admin(`/api/${collection}`, { method: 'POST', body: data })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      return response.body.doc
    }
    const parts = {
      draftSection: (await create('sections', { title: `Utkast ${tag}`, kind: 'other', _status: 'draft' })).id,
      section: (await create('sections', { title: `Avsnitt ${tag}`, kind: 'about', _status: 'published' })).id,
      internalAction: (
        await create('communication-actions', {
          date: '2030-05-02T12:00:00.000Z',
          title: `Intern ${tag}`,
          url: '#',
          audience: 'internal',
          _status: 'published',
        })
      ).id,
      publicAction: (
        await create('communication-actions', { date: '2030-05-03T12:00:00.000Z', title: `Publik ${tag}`, url: '#', audience: 'public', _status: 'published' })
      ).id,
      person: (await create('spokespersons', { name: `Talesperson ${tag}`, title: 'direktör', phone: '070-000 00 00', active: true, _status: 'published' })).id,
      inactive: (await create('spokespersons', { name: `Inaktiv ${tag}`, title: 'f.d.', active: false, _status: 'published' })).id,
    }
    // Generated reports: each audience, with every kind of hidden part, in varying mixes.
    for (let i = 0; i < GENERATED; i++) {
      const audience = i % 2 === 0 ? 'public' : 'internal'
      const doc = await create('reports', {
        title: `Genererad rapport ${i} ${tag}`,
        subject: i % 3 === 0 ? null : `Ämne ${i}`,
        compiledAt: `2040-0${1 + i}-0${1 + i}T07:00:00.000Z`,
        audience,
        distribution: i % 2 === 0 ? ['publicWebsite'] : ['managers', 'intranet'],
        _status: 'published',
        sections: i % 3 === 2 ? [] : [parts.draftSection, parts.section].slice(i % 2),
        communicationActions: [parts.internalAction, parts.publicAction].slice(0, 1 + (i % 2)),
        spokespersons: i === 4 ? [parts.inactive] : [parts.person, parts.inactive],
        collectedInformation: i % 2 === 0 ? [{ label: `Länk ${i}`, url: '#' }] : [],
        compiledBy: i % 2 === 0 ? 'Koncernstab kommunikation' : null,
      })
      reports.push({ id: doc.id, slug: doc.slug, audience })
    }
    // Changed since publishing: a shared part published anew (republish pending), a draft of a report.
    expect((await admin(`/api/sections/${parts.section}`, { method: 'PATCH', body: { title: `Ändrat avsnitt ${tag}` } })).status).toBe(200)
    expect((await admin(`/api/reports/${reports[0].id}?draft=true`, { method: 'PATCH', body: { title: `Nytt utkast ${tag}` } })).status).toBe(200)
    // A draft-only report: nobody but staff reads it, and Payload answers that.
    const draft = await create('reports', { title: `Utkastrapport ${tag}`, compiledAt: '2041-01-01T07:00:00.000Z', audience: 'public', _status: 'draft' })
    const seed = (await admin(`/api/reports?where[slug][equals]=${SEED_SLUG}&depth=0`)).body.docs[0]
    reports.push({ id: seed.id, slug: seed.slug, audience: seed.audience })

    const common = { DATABASE_URL: process.env.DATABASE_URL, AUTO_SEED: 'false', JOBS_CRON: undefined, LAGESBILD_JOBS: 'off', LAGESBILD_CACHE: 'off' }
    ;[fromEdition, fromPayload] = await Promise.all([
      startServer({ env: { ...common, LAGESBILD_EDITION_READS: 'on' } }),
      startServer({ env: { ...common, LAGESBILD_EDITION_READS: 'off' } }),
    ])
    reports.push({ id: draft.id, slug: draft.slug, audience: 'public' })
  }, 300_000)

  afterAll(async () => {
    await Promise.all([fromEdition?.stop(), fromPayload?.stop()])
  })

  const read = async (server: string, url: string, headers: Headers) => {
    const response = await fetch(`${server}${url}`, { headers })
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.text(),
      builtFrom: response.headers.get('x-lagesbild-built-from'),
    }
  }

  /** Reads from both servers, asserts equal answers, and returns which path the edition server took. */
  const compare = async (url: string, headers: Headers, who: string) => {
    const [edition, payload] = await Promise.all([read(fromEdition.url, url, headers), read(fromPayload.url, url, headers)])
    expect(payload.builtFrom, 'the twin runs Payload only').toBeNull()
    const { builtFrom, ...answer } = edition
    expect(answer, `${who} GET ${url}`).toEqual({ status: payload.status, contentType: payload.contentType, body: payload.body })
    return { builtFrom, status: edition.status, body: edition.body }
  }

  const callers = () =>
    [
      { who: 'anonymous', headers: {} as Headers, sees: ['public'] },
      { who: 'reader (JWT)', headers: { authorization: actors.reader.authorization! }, sees: ['public', 'internal'] },
      { who: 'reader (API key)', headers: { authorization: actors.readerKey.authorization! }, sees: ['public', 'internal'] },
    ] as const

  const urlsOf = (report: Report) => [
    ...['', '?depth=0', '?depth=1', '?depth=2'].map((query) => `/api/reports/${report.id}${query}`),
    ...['', '&depth=0', '&depth=1', '&depth=2'].map((query) => `/api/reports?where[slug][equals]=${report.slug}${query}`),
    persistedQueryPath(report.slug),
  ]

  it('REST by id and by slug at every depth, and reportBySlug: byte-identical, built from the edition whenever the caller may read the report', async () => {
    const draftId = reports.at(-1)!.id
    let fromEditions = 0
    for (const report of reports) {
      for (const { who, headers, sees } of callers()) {
        const readable = report.id !== draftId && (sees as readonly string[]).includes(report.audience)
        for (const url of urlsOf(report)) {
          const { builtFrom, status, body } = await compare(url, headers, who)
          expect(status).toBe(readable || !url.startsWith('/api/reports/') ? 200 : 404)
          // A report the caller may not read is Payload's to refuse or leave out of a REST list; a persisted query's empty page is built too.
          expect(builtFrom, `${who} GET ${url}`).toBe(readable || url.startsWith('/api/graphql') ? 'edition' : null)
          if (readable) fromEditions++
          if (readable) expect(body).toContain(`"${report.slug}"`)
        }
      }
    }
    expect(fromEditions).toBeGreaterThan(50)
  }, 600_000)

  it('what hidden parts leave out: no internal action, inactive spokesperson or phone number reaches whoever may not see it', async () => {
    const [publicReport] = reports
    const anonymous = JSON.parse((await read(fromEdition.url, `/api/reports/${publicReport.id}?depth=1`, {})).body)
    const reader = JSON.parse((await read(fromEdition.url, `/api/reports/${publicReport.id}?depth=1`, { authorization: actors.readerKey.authorization! })).body)
    expect(JSON.stringify(anonymous)).not.toMatch(new RegExp(`Intern ${tag}|Inaktiv ${tag}|070-000`))
    expect(JSON.stringify(reader)).toContain(`Intern ${tag}`)
    expect(JSON.stringify(reader)).not.toMatch(new RegExp(`Inaktiv ${tag}|070-000`))
    // The draft section was published with the report (a report is published whole).
    expect(JSON.stringify(anonymous)).toContain(`"Utkast ${tag}"`)
    // The section published after the report shows only after the report is published again.
    expect(JSON.stringify(reader)).toContain(`"Avsnitt ${tag}"`)
    const graphql = await read(fromEdition.url, persistedQueryPath(publicReport.slug), {})
    expect(graphql.body).not.toMatch(new RegExp(`Intern ${tag}|Inaktiv ${tag}|070-000`))
  })

  it('latestReport and reportList (several pages): byte-identical, built from the edition', async () => {
    const urls = [
      '/api/graphql?id=latestReport',
      '/api/graphql?id=reportList',
      `/api/graphql?id=reportList&variables=${encodeURIComponent(JSON.stringify({ page: 2, limit: 2 }))}`,
      `/api/graphql?id=reportList&variables=${encodeURIComponent(JSON.stringify({ page: 1, limit: 3 }))}`,
      `/api/graphql?id=reportList&variables=${encodeURIComponent(JSON.stringify({ page: 50, limit: 5 }))}`,
    ]
    for (const url of urls) {
      for (const { who, headers } of callers()) {
        const { builtFrom, body } = await compare(url, headers, who)
        expect(builtFrom, `${who} GET ${url}`).toBe('edition')
        expect(body).not.toContain('"errors"')
      }
    }
    // The latest report is ours (compiled in 2040): the anonymous caller's is the latest public one.
    const latest = JSON.parse((await read(fromEdition.url, urls[0], {})).body).data.Reports.docs[0]
    expect(latest.audience).toBe('public')
    expect(latest.title).toContain(tag)
  })

  it('staff, drafts and parameters it does not know are answered by Payload', async () => {
    const [report] = reports
    const asStaff = await compare(`/api/reports/${report.id}?depth=1`, { authorization: actors.editor.authorization! }, 'editor')
    expect(asStaff.builtFrom).toBeNull()
    for (const url of [
      `/api/reports/${report.id}?draft=true`,
      `/api/reports/${report.id}?depth=3`,
      `/api/reports/${report.id}?depth=1&locale=sv`,
      `/api/reports/${report.id}?select[title]=true`,
      `/api/reports?where[slug][equals]=${report.slug}&limit=1`,
      `/api/graphql?id=reportList&variables=${encodeURIComponent(JSON.stringify({ page: 0 }))}`,
      `/api/graphql?id=reportBySlug&variables=${encodeURIComponent(JSON.stringify({ slug: 5 }))}`,
    ]) {
      for (const { who, headers } of callers()) {
        const { builtFrom } = await compare(url, headers, who)
        expect(builtFrom, `${who} GET ${url}`).toBeNull()
      }
    }
  })
})
