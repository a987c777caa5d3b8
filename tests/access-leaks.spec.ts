/**
 * Leak tests: a published public report that references a draft section, an internal action
 * and an inactive spokesperson. Anonymous callers must see none of them by any path: REST at
 * depth 0-3 (with and without ?draft=true), GraphQL nested queries (draft: false and true),
 * joins, version endpoints, and `where` probes of hidden fields. Each hidden thing carries a
 * unique marker string; no response to anonymous may contain one.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { type Actors, createActors, graphqlAs, restAs } from './support/actors'

const tag = randomUUID().slice(0, 8)
const SECRET = {
  draftSection: `HEMLIGT-UTKAST-${tag}`,
  internalAction: `INTERN-ATGARD-${tag}`,
  inactivePerson: `INAKTIV-PERSON-${tag}`,
  newerDraft: `NYARE-UTKAST-${tag}`,
  internalReport: `INTERN-RAPPORT-${tag}`,
  phone: `070-${tag}`,
}
const idLiteral = (id: unknown) => (databaseKind(process.env.DATABASE_URL) === 'mongodb' ? JSON.stringify(String(id)) : String(id))

function expectNoSecrets(body: unknown, context: string) {
  const text = JSON.stringify(body)
  for (const [name, secret] of Object.entries(SECRET)) {
    expect(text.includes(secret), `${context} leaked ${name}`).toBe(false)
  }
}

describe('nothing hidden leaks to anonymous callers', () => {
  let actors: Actors
  type Fixture = 'report' | 'draftSection' | 'publicSection' | 'internalAction' | 'publicAction' | 'inactivePerson' | 'activePerson' | 'internalReport'
  let ids: Record<Fixture, string | number>
  const anonymous = () => restAs(actors.anonymous)
  const anonymousGraphql = () => graphqlAs(actors.anonymous)

  beforeAll(async () => {
    actors = await createActors()
    const admin = restAs(actors.admin)
    const create = async (collection: string, data: Record<string, unknown>) => {
      const response = await admin(`/api/${collection}`, { method: 'POST', body: data })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      return response.body.doc.id
    }
    const draftSection = await create('sections', { title: SECRET.draftSection, kind: 'other', _status: 'draft' })
    const publicSection = await create('sections', { title: `Öppet avsnitt ${tag}`, kind: 'about', _status: 'published' })
    const internalAction = await create('communication-actions', {
      date: '2025-04-02T12:00:00.000Z',
      title: SECRET.internalAction,
      url: '#',
      audience: 'internal',
      _status: 'published',
    })
    const publicAction = await create('communication-actions', {
      date: '2025-04-01T12:00:00.000Z',
      title: `Öppen åtgärd ${tag}`,
      url: '#',
      audience: 'public',
      _status: 'published',
    })
    const inactivePerson = await create('spokespersons', { name: SECRET.inactivePerson, title: 'tidigare direktör', active: false, _status: 'published' })
    const activePerson = await create('spokespersons', { name: `Aktiv ${tag}`, title: 'direktör', phone: SECRET.phone, active: true, _status: 'published' })
    const report = await create('reports', {
      title: `Publik rapport ${tag}`,
      compiledAt: '2025-04-03T07:00:00.000Z',
      audience: 'public',
      _status: 'published',
      sections: [publicSection],
      communicationActions: [internalAction, publicAction],
      spokespersons: [inactivePerson, activePerson],
    })
    // The same public section is also used by an internal report and a draft-only report (join leak).
    const internalReport = await create('reports', {
      title: SECRET.internalReport,
      compiledAt: '2025-04-04T07:00:00.000Z',
      audience: 'internal',
      _status: 'published',
      sections: [publicSection],
    })
    await create('reports', {
      title: `Utkastrapport ${SECRET.newerDraft}`,
      compiledAt: '2025-04-05T07:00:00.000Z',
      audience: 'public',
      _status: 'draft',
      sections: [publicSection],
    })
    // A newer draft on top of the published report, with a draft section added: anonymous must keep
    // seeing the published one. (Publishing a report publishes its draft parts with it, so a draft
    // section is in a report's newer draft until a publisher publishes the two together.)
    const draftSave = await admin(`/api/reports/${report}?draft=true`, {
      method: 'PATCH',
      body: { title: SECRET.newerDraft, sections: [draftSection, publicSection] },
    })
    expect(draftSave.status).toBe(200)
    ids = { report, draftSection, publicSection, internalAction, publicAction, inactivePerson, activePerson, internalReport }
  })

  it.each([0, 1, 2, 3])('REST depth %i shows only what anonymous may see', async (depth) => {
    for (const draft of ['', '&draft=true']) {
      const response = await anonymous()(`/api/reports/${ids.report}?depth=${depth}${draft}`)
      expect(response.status).toBe(200)
      expect(response.body.title).toBe(`Publik rapport ${tag}`)
      expectNoSecrets(response.body, `REST depth ${depth}${draft}`)
      const refs = (field: string) => response.body[field].map((item: any) => String(item?.id ?? item))
      expect(refs('sections')).toEqual([String(ids.publicSection)])
      expect(refs('communicationActions')).toEqual([String(ids.publicAction)])
      expect(refs('spokespersons')).toEqual([String(ids.activePerson)])
    }
  })

  it('REST list and where queries show only the published public report', async () => {
    const list = await anonymous()(`/api/reports?depth=2&limit=100&where[title][like]=${tag}`)
    expect(list.body.docs.map((doc: any) => String(doc.id))).toEqual([String(ids.report)])
    expectNoSecrets(list.body, 'REST list')
    const drafts = await anonymous()(`/api/reports?where[_status][equals]=draft&draft=true&limit=100`)
    expect(drafts.body.docs ?? []).toEqual([])
  })

  it.each([false, true])('GraphQL nested query with draft: %s shows only what anonymous may see', async (draft) => {
    const { body } = await anonymousGraphql()(`query {
      Report(id: ${idLiteral(ids.report)}, draft: ${draft}) { title
        sections { title body usedInReports { docs { title } } }
        communicationActions { title url }
        spokespersons { name title phone } } }`)
    expectNoSecrets(body, `GraphQL draft:${draft}`)
    expect(body.data.Report.title).toBe(`Publik rapport ${tag}`)
    expect(body.data.Report.sections.filter(Boolean).map((s: any) => s.title)).toEqual([`Öppet avsnitt ${tag}`])
    expect(body.data.Report.spokespersons.filter(Boolean)).toEqual([{ name: `Aktiv ${tag}`, title: 'direktör', phone: null }])
  })

  it('GraphQL list queries do not return drafts or internal reports, even with draft: true', async () => {
    const { body } = await anonymousGraphql()(`query { Reports(draft: true, limit: 100, where: { title: { like: "${tag}" } }) { docs { title } } }`)
    expectNoSecrets(body, 'GraphQL list')
    expect(body.data.Reports.docs).toEqual([{ title: `Publik rapport ${tag}` }])
  })

  it('the join "used in reports" is for staff only, and then lists drafts and internal reports too', async () => {
    for (const actor of [actors.anonymous, actors.reader, actors.readerKey]) {
      const response = await restAs(actor)(`/api/sections/${ids.publicSection}?depth=1`)
      expect(response.status).toBe(200)
      expectNoSecrets(response.body, 'join')
      expect(response.body.usedInReports).toBeUndefined()
    }
    const asEditor = await restAs(actors.editor)(`/api/sections/${ids.publicSection}?depth=1`)
    const titles = asEditor.body.usedInReports.docs.map((doc: any) => doc.title)
    expect(titles).toContain(SECRET.internalReport)
    expect(titles).toContain(`Publik rapport ${tag}`)
  })

  it('the join "used in reports" is for staff only over GraphQL too (Payload computed it for everyone)', async () => {
    const query = `query { Section(id: ${idLiteral(ids.publicSection)}) { title usedInReports { docs { title } } } }`
    for (const actor of [actors.anonymous, actors.reader, actors.readerKey]) {
      const { body } = await graphqlAs(actor)(query)
      expect(body.errors, JSON.stringify(body)).toBeUndefined()
      expect(body.data.Section.title).toBe(`Öppet avsnitt ${tag}`)
      expect(body.data.Section.usedInReports, actor.actor).toBeNull()
    }
    const { body } = await graphqlAs(actors.editor)(query)
    const titles = body.data.Section.usedInReports.docs.map((doc: any) => doc.title)
    expect(titles).toContain(SECRET.internalReport)
    expect(titles).toContain(`Publik rapport ${tag}`)
  })

  it('version endpoints are closed to anonymous callers and readers', async () => {
    for (const actor of [actors.anonymous, actors.reader, actors.readerKey]) {
      expect((await restAs(actor)(`/api/reports/versions?where[parent][equals]=${ids.report}`)).status).toBe(403)
      const versions = await restAs(actors.admin)(`/api/reports/versions?where[parent][equals]=${ids.report}&limit=1`)
      const versionId = versions.body.docs[0].id
      const one = await restAs(actor)(`/api/reports/versions/${versionId}`)
      expect([403, 404]).toContain(one.status)
      expectNoSecrets(one.body, 'version by id')
      const query = `query { versionsReports(where: { parent: { equals: ${idLiteral(ids.report)} } }) { docs { version { title } } } }`
      const { body } = await graphqlAs(actor)(query)
      expectNoSecrets(body, 'GraphQL versions')
      expect(body.errors?.length).toBeGreaterThan(0)
    }
  })

  it('direct reads of the hidden documents are refused', async () => {
    const hidden = [
      ['sections', ids.draftSection],
      ['communication-actions', ids.internalAction],
      ['spokespersons', ids.inactivePerson],
      ['reports', ids.internalReport],
    ] as const
    for (const [collection, id] of hidden) {
      for (const draft of ['', '?draft=true']) {
        const response = await anonymous()(`/api/${collection}/${id}${draft}`)
        expect([403, 404]).toContain(response.status)
        expectNoSecrets(response.body, `${collection}/${id}${draft}`)
      }
    }
  })

  it('hidden fields cannot be probed with where queries', async () => {
    const probe = await anonymous()(`/api/spokespersons?where[phone][equals]=${encodeURIComponent(SECRET.phone)}`)
    // Either refused outright or answered as if the field did not match: never a hit.
    if (probe.status === 200) expect(probe.body.totalDocs).toBe(0)
    else expect(probe.status).toBeGreaterThanOrEqual(400)
    const nested = await anonymous()(`/api/reports?where[spokespersons.phone][equals]=${encodeURIComponent(SECRET.phone)}`)
    if (nested.status === 200) expect(nested.body.totalDocs).toBe(0)
    else expect(nested.status).toBeGreaterThanOrEqual(400)
    // A reader may see the phone field, so the same probe finds the person.
    const asReader = await restAs(actors.reader)(`/api/spokespersons?where[phone][equals]=${encodeURIComponent(SECRET.phone)}`)
    expect(asReader.body.totalDocs).toBe(1)
  })

  it('where queries through relationships cannot reveal hidden related documents', async () => {
    const probes = [
      ['sections.title', SECRET.draftSection],
      ['communicationActions.title', SECRET.internalAction],
      ['spokespersons.name', SECRET.inactivePerson],
    ]
    for (const [field, value] of probes) {
      const response = await anonymous()(`/api/reports?where[${field}][equals]=${encodeURIComponent(value)}`)
      if (response.status === 200) expect(response.body.totalDocs, field).toBe(0)
      else expect(response.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('the phone number reaches readers but never anonymous callers', async () => {
    const anonymousRead = await anonymous()(`/api/spokespersons/${ids.activePerson}`)
    expect(anonymousRead.body.phone).toBeUndefined()
    const readerRead = await restAs(actors.readerKey)(`/api/spokespersons/${ids.activePerson}`)
    expect(readerRead.body.phone).toBe(SECRET.phone)
  })
})
