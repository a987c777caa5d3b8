/**
 * A report is one edition (issue 13): published whole with its draft parts, kept as it was sent,
 * shown to readers as its latest edition whatever happens to shared parts later, started again
 * from the last one, compared with the one before, and exported as it stood at any moment.
 * Cases 1-4 are the ones a new user ran into before editions existed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { SEED_REPORT_FILE } from '../seed/seed'
import { databaseKind } from '../src/database'
import { backfillEditions } from '../src/editions/record'
import { lexicalToBlocks } from '../src/report-format/lexical'
import { parseReport } from '../src/report-format/parse'
import { reportSlug } from '../src/slug'
import { type Actors, createActors, graphqlAs, restAs } from './support/actors'
import { baseUrl } from './support/api'
import { localPayload } from './support/local-payload'
import { bulletBody } from './support/rich-text'
import { runScript } from './support/run-cli'

const tag = () => randomUUID().slice(0, 8)
const idLiteral = (id: unknown) => (databaseKind(process.env.DATABASE_URL) === 'mongodb' ? JSON.stringify(String(id)) : String(id))
const bullets = bulletBody
const textOf = (body: unknown) =>
  lexicalToBlocks(body as never)
    .flatMap((block) => (block.type === 'list' ? block.items.map((item) => item.inlines.map((inline) => inline.text).join('')) : []))
    .join(' | ')

describe('a report is one edition', () => {
  let actors: Actors
  let payload: Payload
  const as = (actor: keyof Actors) => restAs(actors[actor])
  const create = async (actor: keyof Actors, collection: string, data: Record<string, unknown>, draft = false) => {
    const response = await as(actor)(`/api/${collection}${draft ? '?draft=true' : ''}`, { method: 'POST', body: data })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }
  const publish = (id: unknown) => as('publisher')(`/api/reports/${id}`, { method: 'PATCH', body: { _status: 'published' } })
  const editionsOf = async (id: unknown) => (await as('admin')(`/api/editions?where[report][equals]=${id}&sort=number&limit=100`)).body.docs

  beforeAll(async () => {
    actors = await createActors()
    payload = await localPayload()
  })

  describe('A. publishing a report publishes it whole', () => {
    it('case 1: a draft section written by an editor goes out with the report, in one publication', async () => {
      const section = await create(
        'editor',
        'sections',
        { title: `Nytt avsnitt ${tag()}`, kind: 'situationSummary', body: bullets('Första punkten'), _status: 'draft' },
        true,
      )
      const report = await create(
        'editor',
        'reports',
        { title: `Rapport ${tag()}`, compiledAt: '2025-09-01T07:00:00.000Z', audience: 'public', sections: [section.id], _status: 'draft' },
        true,
      )
      // The parts a publication would publish, for the publisher's confirmation.
      const parts = await as('publisher')(`/api/reports/${report.id}/parts`)
      expect(parts.body.parts).toEqual([{ collection: 'sections', id: section.id, title: section.title, status: 'draft' }])
      expect((await publish(report.id)).status).toBe(200)
      const read = await as('anonymous')(`/api/reports/${report.id}?depth=1`)
      expect(read.body.sections.map((part: { title: string }) => part.title)).toEqual([section.title])
      expect(read.body.edition).toMatchObject({ number: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect((await as('anonymous')(`/api/sections/${section.id}`)).status).toBe(200)
      expect(await editionsOf(report.id)).toHaveLength(1)
    })

    it('publishes all of it or nothing: a part that fails validation leaves the report and every part unpublished', async () => {
      const good = await create('editor', 'sections', { title: `Bra ${tag()}`, kind: 'other', body: bullets('ok'), _status: 'draft' }, true)
      // A draft may lack a required title; publishing must refuse it.
      const bad = await create('editor', 'sections', { kind: 'other', body: bullets('utan rubrik'), _status: 'draft' }, true)
      const report = await create(
        'editor',
        'reports',
        { title: `Helt ${tag()}`, compiledAt: '2025-09-02T07:00:00.000Z', audience: 'public', sections: [good.id, bad.id], _status: 'draft' },
        true,
      )
      const refused = await publish(report.id)
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect((await as('anonymous')(`/api/reports/${report.id}`)).status).toBe(404)
      expect((await as('anonymous')(`/api/sections/${good.id}`)).status).toBe(404)
      expect(await editionsOf(report.id)).toEqual([])
    })

    it('publishes the parts of a published version it restores, too', async () => {
      const section = await create('publisher', 'sections', { title: `Återkommer ${tag()}`, kind: 'other', _status: 'published' })
      const report = await create('publisher', 'reports', {
        title: `Återställd ${tag()}`,
        compiledAt: '2025-09-04T07:00:00.000Z',
        audience: 'public',
        sections: [section.id],
        _status: 'published',
      })
      const [withSection] = (await as('admin')(`/api/reports/versions?where[parent][equals]=${report.id}&sort=-createdAt&limit=1`)).body.docs
      // The section is taken down, and the report goes out without it.
      expect((await as('publisher')(`/api/sections/${section.id}`, { method: 'PATCH', body: { _status: 'draft' } })).status).toBe(200)
      expect((await as('publisher')(`/api/reports/${report.id}`, { method: 'PATCH', body: { sections: [], _status: 'published' } })).status).toBe(200)
      expect((await as('anonymous')(`/api/sections/${section.id}`)).status).toBe(404)
      // Restoring the version that had it publishes the section with the report.
      const restored = await as('publisher')(`/api/reports/versions/${withSection.id}`, { method: 'POST' })
      expect(restored.status, JSON.stringify(restored.body)).toBe(200)
      expect((await as('anonymous')(`/api/sections/${section.id}`)).status).toBe(200)
      expect((await as('anonymous')(`/api/reports/${report.id}?depth=0`)).body.sections).toEqual([section.id])
    })

    it('lets no editor publish anything through a report', async () => {
      const section = await create('editor', 'sections', { title: `Redaktörens ${tag()}`, kind: 'other', _status: 'draft' }, true)
      const report = await create(
        'editor',
        'reports',
        { title: `Redaktör ${tag()}`, compiledAt: '2025-09-03T07:00:00.000Z', audience: 'public', sections: [section.id], _status: 'draft' },
        true,
      )
      expect((await as('editor')(`/api/reports/${report.id}`, { method: 'PATCH', body: { _status: 'published' } })).status).toBe(403)
      expect((await as('anonymous')(`/api/sections/${section.id}`)).status).toBe(404)
    })
  })

  describe('B and C. what was published is kept, and readers see it', () => {
    let shared: { id: number }
    let report: { id: number; slug: string }
    let person: { id: number }

    beforeAll(async () => {
      shared = await create('publisher', 'sections', {
        title: `Om programmet ${tag()}`,
        kind: 'about',
        body: bullets('Den gamla texten'),
        _status: 'published',
      })
      person = await create('publisher', 'spokespersons', {
        name: `Talesperson ${tag()}`,
        title: 'direktör',
        phone: '070-123',
        email: 'ts@example.org',
        active: true,
        _status: 'published',
      })
      const internalAction = await create('publisher', 'communication-actions', {
        date: '2025-09-04T12:00:00.000Z',
        title: `Intern åtgärd ${tag()}`,
        url: '#',
        audience: 'internal',
        _status: 'published',
      })
      report = await create('publisher', 'reports', {
        title: `Vecka ${tag()}`,
        subject: `Ämne ${tag()}`,
        compiledAt: '2025-09-05T07:00:00.000Z',
        audience: 'public',
        sections: [shared.id],
        spokespersons: [person.id],
        communicationActions: [internalAction.id],
        _status: 'published',
      })
    })

    it('keeps the edition readers saw after a shared part is changed and published, until the report is published again', async () => {
      expect((await as('publisher')(`/api/sections/${shared.id}`, { method: 'PATCH', body: { body: bullets('Den nya texten') } })).status).toBe(200)
      for (const depth of [0, 1, 2]) {
        const read = await as('anonymous')(`/api/reports/${report.id}?depth=${depth}`)
        expect(read.status).toBe(200)
        expect(read.body.edition.number).toBe(1)
        if (depth === 0) expect(read.body.sections).toEqual([shared.id])
        else expect(textOf(read.body.sections[0].body)).toBe('Den gamla texten')
      }
      const list = await as('readerKey')(`/api/reports?where[id][equals]=${report.id}&depth=1`)
      expect(textOf(list.body.docs[0].sections[0].body)).toBe('Den gamla texten')
      const graphql = await graphqlAs(actors.anonymous)(
        `{ Report(id: ${idLiteral(report.id)}) { edition { number sha256 } sections { id title body } spokespersons { name title phone email } } }`,
      )
      expect(graphql.body.errors).toBeUndefined()
      expect(textOf(graphql.body.data.Report.sections[0].body)).toBe('Den gamla texten')
      expect(graphql.body.data.Report.edition.number).toBe(1)
      // A spokesperson's contact details are not part of an edition.
      expect(graphql.body.data.Report.spokespersons[0]).toMatchObject({ phone: null, email: null, title: 'direktör' })
      const persisted = await as('anonymous')(`/api/graphql?id=reportBySlug&variables=${encodeURIComponent(JSON.stringify({ slug: report.slug }))}`)
      expect(textOf(persisted.body.data.Reports.docs[0].sections[0].body)).toBe('Den gamla texten')
      expect((await as('anonymous')(`/api/reports/${report.id}/export?format=markdown`)).body).toContain('Den gamla texten')
      expect(await (await fetch(`${baseUrl()}/reports/${report.id}/print`)).text()).toContain('Den gamla texten')
      // Staff see the live parts.
      expect(textOf((await as('editor')(`/api/reports/${report.id}?depth=1`)).body.sections[0].body)).toBe('Den nya texten')

      expect((await publish(report.id)).status).toBe(200)
      const again = await as('anonymous')(`/api/reports/${report.id}?depth=1`)
      expect(textOf(again.body.sections[0].body)).toBe('Den nya texten')
      expect(again.body.edition.number).toBe(2)
    })

    it('tells a publisher which published reports still show a shared part as it was, until published again', async () => {
      expect((await as('publisher')(`/api/sections/${shared.id}`, { method: 'PATCH', body: { body: bullets('En tredje text') } })).status).toBe(200)
      const using = await as('publisher')(`/api/reports/using/sections/${shared.id}`)
      expect(using.status, JSON.stringify(using.body)).toBe(200)
      expect(using.body.reports.map((stale: { id: number }) => stale.id)).toEqual([report.id])
      expect((await as('anonymous')(`/api/reports/using/sections/${shared.id}`)).status).toBe(401)
      expect((await publish(report.id)).status).toBe(200)
      expect((await as('publisher')(`/api/reports/using/sections/${shared.id}`)).body.reports).toEqual([])
    })

    it('makes no new edition when a report is published again unchanged', async () => {
      const before = await editionsOf(report.id)
      expect((await publish(report.id)).status).toBe(200)
      expect(await editionsOf(report.id)).toHaveLength(before.length)
    })

    it('keeps each edition whole: content, the text as sent (no contact details, no internal actions if public), its SHA-256', async () => {
      const [first] = await editionsOf(report.id)
      expect(first).toMatchObject({ number: 1, audience: 'public', publishedBy: expect.stringContaining(actors.publisher.email!) })
      expect(first.text).toContain('Den gamla texten')
      expect(first.text).not.toMatch(/070-123|ts@example\.org|Intern åtgärd/)
      expect(first.sha256).toBe(createHash('sha256').update(first.text).digest('hex'))
    })

    it.each(['admin', 'publisher', 'editor', 'reader', 'readerKey', 'anonymous'] as const)(
      'refuses %s to create, change or delete an edition over REST and GraphQL',
      async (actor) => {
        const [first] = await editionsOf(report.id)
        expect(
          (
            await as(actor)('/api/editions', {
              method: 'POST',
              body: { reportKey: String(report.id), number: 99, title: 'x', content: {}, text: 'x', sha256: 'x', publishedAt: new Date().toISOString() },
            })
          ).status,
        ).toBeGreaterThanOrEqual(401)
        expect((await as(actor)(`/api/editions/${first.id}`, { method: 'PATCH', body: { text: 'ändrad' } })).status).toBeGreaterThanOrEqual(401)
        expect((await as(actor)(`/api/editions/${first.id}`, { method: 'DELETE' })).status).toBeGreaterThanOrEqual(401)
        const gql = graphqlAs(actors[actor])
        const update = await gql(`mutation { updateEdition(id: ${idLiteral(first.id)}, data: { text: "ändrad" }) { id } }`)
        expect(update.body.data?.updateEdition ?? null).toBeNull()
        const remove = await gql(`mutation { deleteEdition(id: ${idLiteral(first.id)}) { id } }`)
        expect(remove.body.data?.deleteEdition ?? null).toBeNull()
        expect((await editionsOf(report.id))[0]).toEqual(first)
      },
    )

    it('refuses the Local API too, with or without access checks', async () => {
      const [first] = await editionsOf(report.id)
      await expect(payload.update({ collection: 'editions', id: first.id, data: { text: 'ändrad' } })).rejects.toThrow(/record of what was published/)
      await expect(payload.update({ collection: 'editions', id: first.id, data: { text: 'ändrad' }, overrideAccess: false })).rejects.toThrow()
      await expect(payload.delete({ collection: 'editions', id: first.id })).rejects.toThrow(/record of what was published/)
      expect((await editionsOf(report.id))[0]).toEqual(first)
    })

    it('shows editions under the report’s audience rules: internal actions and who published to readers and staff only', async () => {
      const anonymous = await as('anonymous')(`/api/editions?where[report][equals]=${report.id}`)
      expect(anonymous.body.docs.length).toBeGreaterThan(0)
      for (const doc of anonymous.body.docs) {
        expect(doc.publishedBy).toBeUndefined()
        expect(doc.content.communicationActions).toEqual([])
      }
      const reader = await as('readerKey')(`/api/editions?where[report][equals]=${report.id}`)
      expect(reader.body.docs[0].content.communicationActions).toHaveLength(1)
      const internal = await create('publisher', 'reports', {
        title: `Intern ${tag()}`,
        compiledAt: '2025-09-06T07:00:00.000Z',
        audience: 'internal',
        _status: 'published',
      })
      expect((await as('anonymous')(`/api/editions?where[report][equals]=${internal.id}`)).body.docs).toEqual([])
      expect((await as('readerKey')(`/api/editions?where[report][equals]=${internal.id}`)).body.docs).toHaveLength(1)
    })
  })

  describe('D. the next report starts from the last one', () => {
    it('case 2: copies the situation sections, shares the about sections, and never touches the earlier report', async () => {
      const situation = await create('publisher', 'sections', {
        title: 'Sammanfattande lägesbild',
        kind: 'situationSummary',
        body: bullets('Förra veckan'),
        _status: 'published',
      })
      const about = await create('publisher', 'sections', { title: `Om ${tag()}`, kind: 'about', body: bullets('Om oss'), _status: 'published' })
      const action = await create('publisher', 'communication-actions', {
        date: '2025-09-08T12:00:00.000Z',
        title: `Åtgärd ${tag()}`,
        url: '#',
        audience: 'public',
        _status: 'published',
      })
      const earlier = await create('publisher', 'reports', {
        title: `Regional rapport ${tag()}`,
        subject: 'Samordning',
        compiledAt: '2025-09-08T07:00:00.000Z',
        audience: 'public',
        distribution: ['managers'],
        sections: [situation.id, about.id],
        communicationActions: [action.id],
        collectedInformation: [{ label: 'Länk', url: '#' }],
        _status: 'published',
      })
      // Payload's plain Duplicate would share the sections: it is off.
      expect((await as('publisher')(`/api/reports/${earlier.id}/duplicate`, { method: 'POST', body: {} })).status).toBeGreaterThanOrEqual(400)

      const next = await as('editor')(`/api/reports/${earlier.id}/next`, { method: 'POST' })
      expect(next.status, JSON.stringify(next.body)).toBe(201)
      const draft = next.body.doc
      expect(draft).toMatchObject({
        _status: 'draft',
        subject: 'Samordning',
        audience: 'public',
        distribution: ['managers'],
        communicationActions: [action.id],
        collectedInformation: [{ label: 'Länk', url: '#' }],
      })
      expect(draft.sections[1]).toBe(about.id)
      expect(draft.sections[0]).not.toBe(situation.id)
      expect(Date.now() - Date.parse(draft.compiledAt)).toBeLessThan(60_000)
      expect(draft.slug).not.toBe(earlier.slug)

      // The editor rewrites next week's summary: last week's published report does not change, even for staff.
      expect((await as('editor')(`/api/sections/${draft.sections[0]}?draft=true`, { method: 'PATCH', body: { body: bullets('Den här veckan') } })).status).toBe(
        200,
      )
      expect(textOf((await as('anonymous')(`/api/reports/${earlier.id}?depth=1`)).body.sections[0].body)).toBe('Förra veckan')
      expect(textOf((await as('editor')(`/api/reports/${earlier.id}?depth=1`)).body.sections[0].body)).toBe('Förra veckan')

      // "Skapa ny" with "Utgå från senaste rapporten": the new report's own title and compiled time.
      const titled = await as('editor')(`/api/reports/${earlier.id}/next`, {
        method: 'POST',
        body: { title: `Veckorapport ${tag()}`, compiledAt: '2025-09-15T07:30:00.000Z' },
      })
      expect(titled.status, JSON.stringify(titled.body)).toBe(201)
      expect(titled.body.doc).toMatchObject({ title: expect.stringMatching(/^Veckorapport /), compiledAt: '2025-09-15T07:30:00.000Z', subject: 'Samordning' })
      expect(titled.body.doc.slug).toMatch(/^veckorapport-.*-2025-09-15$/)
      for (const body of [{ title: '  ' }, { title: 42 }, { compiledAt: 'next monday' }]) {
        expect((await as('editor')(`/api/reports/${earlier.id}/next`, { method: 'POST', body })).status, JSON.stringify(body)).toBe(400)
      }

      // Over GraphQL too.
      const viaGraphql = await graphqlAs(actors.editor)(`mutation { nextReport(id: ${idLiteral(earlier.id)}) { id _status subject } }`)
      expect(viaGraphql.body.data.nextReport).toMatchObject({ _status: 'draft', subject: 'Samordning' })
      expect((await graphqlAs(actors.reader)(`mutation { nextReport(id: ${idLiteral(earlier.id)}) { id } }`)).body.data?.nextReport ?? null).toBeNull()
      expect((await as('anonymous')(`/api/reports/${earlier.id}/next`, { method: 'POST' })).status).toBe(401)
    })
  })

  describe('E. what changed since last time', () => {
    it('per section and bullet, since the previous edition and since the previous report, over REST and GraphQL', async () => {
      const subject = `Jämförelse ${tag()}`
      const summary = await create('publisher', 'sections', {
        title: 'Sammanfattande lägesbild',
        kind: 'situationSummary',
        body: bullets('A', 'B', 'C'),
        _status: 'published',
      })
      const first = await create('publisher', 'reports', {
        title: `Rapport ${subject}`,
        subject,
        compiledAt: '2025-09-10T07:00:00.000Z',
        audience: 'public',
        sections: [summary.id],
        _status: 'published',
      })
      expect((await as('anonymous')(`/api/reports/${first.id}/changes`)).body).toMatchObject({ edition: { number: 1 }, since: null, changes: null })

      const next = (await as('publisher')(`/api/reports/${first.id}/next`, { method: 'POST' })).body.doc
      await as('publisher')(`/api/sections/${next.sections[0]}?draft=true`, { method: 'PATCH', body: { body: bullets('A', 'B ändrad', 'C', 'D') } })
      await as('publisher')(`/api/reports/${next.id}`, { method: 'PATCH', body: { compiledAt: '2025-09-17T07:00:00.000Z', _status: 'published' } })

      const sinceReport = await as('anonymous')(`/api/reports/${next.id}/changes?since=previous-report`)
      expect(sinceReport.status, JSON.stringify(sinceReport.body)).toBe(200)
      expect(sinceReport.body.since).toMatchObject({ kind: 'previous-report', reportId: first.id, number: 1 })
      expect(sinceReport.body.changes.sections[0]).toMatchObject({
        title: 'Sammanfattande lägesbild',
        status: 'changed',
        changed: [{ before: { depth: 1, text: 'B' }, after: { depth: 1, text: 'B ändrad' } }],
        added: [{ depth: 1, text: 'D' }],
        removed: [],
      })
      expect((await as('anonymous')(`/api/reports/${next.id}/changes?since=previous-edition`)).body.since).toBeNull()
      const gql = await graphqlAs(actors.anonymous)(`{ ReportChanges(id: "${next.id}", since: "previous-report") }`)
      expect(gql.body.data.ReportChanges.changes.sections[0].added).toEqual([{ depth: 1, text: 'D' }])
      expect((await as('anonymous')(`/api/reports/${next.id}/changes?since=yesterday`)).status).toBe(400)
    })
  })

  describe('F and G. as it stood, for a records request; importing never rewrites the past', () => {
    let folder: string
    const seedText = readFileSync(SEED_REPORT_FILE, 'utf8')
    const seedSlug = (() => {
      const parsed = parseReport(seedText)
      if (!parsed.ok) throw new Error('seed does not parse')
      return reportSlug(parsed.report.title, parsed.report.compiledAt)
    })()

    beforeAll(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'editions-'))
    })

    it('case 3: importing a later report with changed shared texts leaves the earlier report’s export byte for byte as it was', async () => {
      expect((await runScript('import', [SEED_REPORT_FILE])).code).toBe(0)
      const before = await runScript('export', [seedSlug])
      expect(before.code, before.stderr).toBe(0)
      const later = seedText
        .replace('Sammanställd: 2025-04-03 klockan 09:00', 'Sammanställd: 2025-04-10 klockan 09:00')
        .replace('Arbetet syftar till att säkerställa', 'Arbetet syftar nu till att säkerställa')
        .replace('Karin Looström Muth, hälso- och sjukvårdsutvecklingsdirektör', 'Karin Looström Muth, tf. hälso- och sjukvårdsdirektör')
      writeFileSync(path.join(folder, 'later.txt'), later)
      const imported = await runScript('import', [path.join(folder, 'later.txt')])
      expect(imported.code, imported.stderr).toBe(0)
      const after = await runScript('export', [seedSlug])
      expect(after.stdout).toBe(before.stdout)
      expect(after.stdout).toContain('Arbetet syftar till att säkerställa')
      expect(after.stdout).not.toContain('tf. hälso- och sjukvårdsdirektör')
      // The later report is another report on the same subject: gone again, for the specs after this one.
      const later_ = (await as('admin')(`/api/reports?where[compiledAt][equals]=2025-04-10T07:00:00.000Z&depth=0`)).body.docs
      for (const doc of later_) expect((await as('admin')(`/api/reports/${doc.id}`, { method: 'DELETE' })).status).toBe(200)
    })

    it('re-importing the same file makes no edition and no document; a changed version makes a new edition', async () => {
      const id = (await as('admin')(`/api/reports?where[slug][equals]=${seedSlug}`)).body.docs[0].id
      // The first import may put back the shared texts a later report changed; the second changes nothing.
      expect((await runScript('import', [SEED_REPORT_FILE])).code).toBe(0)
      const editions = (await editionsOf(id)).length
      const sections = (await as('admin')('/api/sections?limit=0')).body.totalDocs
      expect((await runScript('import', [SEED_REPORT_FILE])).stdout).toMatch(/unchanged 1/)
      expect(await editionsOf(id)).toHaveLength(editions)
      expect((await as('admin')('/api/sections?limit=0')).body.totalDocs).toBe(sections)
      const changed = seedText.replace('Stort medialt intresse', 'Mycket stort medialt intresse')
      writeFileSync(path.join(folder, 'changed.txt'), changed)
      expect((await runScript('import', [path.join(folder, 'changed.txt')])).code).toBe(0)
      expect(await editionsOf(id)).toHaveLength(editions + 1)
      // The seed report as it was, for the specs that read it after this one.
      expect((await runScript('import', [SEED_REPORT_FILE])).code).toBe(0)
    })

    it('case 4: exports an edition by number or as of a Stockholm time, in every format; the text is the stored text, byte for byte', async () => {
      const report = await create('publisher', 'reports', {
        title: `Arkiv ${tag()}`,
        compiledAt: '2025-09-20T07:00:00.000Z',
        audience: 'public',
        collectedInformation: [{ label: 'Första', url: '#' }],
        _status: 'published',
      })
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      const between = new Date()
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      await as('publisher')(`/api/reports/${report.id}`, {
        method: 'PATCH',
        body: { collectedInformation: [{ label: 'Andra', url: '#' }], _status: 'published' },
      })
      const [first, second] = await editionsOf(report.id)
      expect(second.number).toBe(2)

      const asOf = encodeURIComponent(between.toISOString())
      for (const query of ['edition=1', `asOf=${asOf}`]) {
        const text = await as('anonymous')(`/api/reports/${report.id}/export?format=text&${query}`)
        expect(text.status, `${query}: ${JSON.stringify(text.body)}`).toBe(200)
        expect(text.body).toBe(first.text)
        expect(text.headers.get('x-lagesbild-sha256')).toBe(first.sha256)
        for (const format of ['markdown', 'html', 'json']) {
          const exported = await as('anonymous')(`/api/reports/${report.id}/export?format=${format}&${query}`)
          expect(exported.status).toBe(200)
          expect(JSON.stringify(exported.body)).toContain('Första')
          expect(JSON.stringify(exported.body)).not.toContain('Andra')
        }
      }
      expect((await as('anonymous')(`/api/reports/${report.id}/export?format=text`)).body).toBe(second.text)
      // Before the first publication, or an edition that does not exist: a clear 404, not an empty file.
      const early = await as('anonymous')(`/api/reports/${report.id}/export?asOf=2020-01-01T12:00`)
      expect(early.status).toBe(404)
      expect(early.body.errors[0].message).toMatch(/was not published at/)
      expect((await as('anonymous')(`/api/reports/${report.id}/export?edition=9`)).status).toBe(404)
      expect((await as('anonymous')(`/api/reports/${report.id}/export?asOf=igår`)).status).toBe(400)

      // The command line, as a records officer's developer runs it.
      const cli = await runScript('export', [String(report.id), '--edition', '1'])
      expect(cli.code, cli.stderr).toBe(0)
      expect(cli.stdout).toBe(first.text)
      const asOfLocal = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'medium' })
        .format(between)
        .replace(' ', 'T')
      expect((await runScript('export', [String(report.id), '--as-of', asOfLocal])).stdout).toBe(first.text)
      const none = await runScript('export', [String(report.id), '--as-of', '2020-01-01T12:00'])
      expect(none.code).toBe(1)
      expect(none.stderr).toMatch(/was not published at/)
    })
  })

  it('gives reports published before editions existed their edition 1', async () => {
    // Written straight to the database, as the rows that existed before editions were.
    const old = await payload.db.create({
      collection: 'reports',
      data: { title: `Gammal ${tag()}`, slug: `gammal-${tag()}`, compiledAt: '2024-01-01T07:00:00.000Z', audience: 'public', _status: 'published' },
    })
    expect(await editionsOf(old.id)).toEqual([])
    expect(await backfillEditions(payload)).toBeGreaterThanOrEqual(1)
    expect((await editionsOf(old.id)).map((edition: { number: number }) => edition.number)).toEqual([1])
    // A row without versions is not one the admin could have made: gone again, for the specs after this one.
    await payload.delete({ collection: 'reports', id: old.id })
  })
})
