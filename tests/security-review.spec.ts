/**
 * Findings of the outside security review (issue 12) that are about content: scheduled
 * publishing only for publishers (finding 3) and no probing of hidden documents through
 * relationship filters (finding 4). The cache finding has its own differential spec
 * (cache-differential.spec.ts); sign-in, passwords and API keys have theirs.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { type Actors, createActors, graphqlAs, restAs } from './support/actors'

const tag = randomUUID().slice(0, 8)
const inAMinute = () => new Date(Date.now() + 60_000).toISOString()
const idLiteral = (id: unknown) => (databaseKind(process.env.DATABASE_URL) === 'mongodb' ? JSON.stringify(String(id)) : String(id))

describe('security review findings about content', () => {
  let actors: Actors
  const as = (actor: keyof Actors) => restAs(actors[actor])
  const create = async (collection: string, data: Record<string, unknown>) => {
    const response = await as('admin')(`/api/${collection}`, { method: 'POST', body: data })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc.id
  }

  beforeAll(async () => {
    actors = await createActors()
  })

  describe('finding 3: only those who may publish schedule or cancel publishing', () => {
    let report: number | string
    const schedule = (actor: keyof Actors, body: unknown) => as(actor)(`/api/reports/${report}/schedule`, { method: 'POST', body })
    const upcoming = async () => (await as('publisher')(`/api/reports/${report}/schedule`)).body.docs as { id: number; type: string; at: string }[]

    beforeAll(async () => {
      report = await create('reports', { title: `Schemalagd ${tag}`, compiledAt: '2025-06-01T07:00:00.000Z', audience: 'public', _status: 'draft' })
    })

    it('lets a publisher schedule and cancel, and writes both to the audit log', async () => {
      const at = inAMinute()
      const made = await schedule('publisher', { type: 'publish', at })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      expect(made.body.doc).toMatchObject({ type: 'publish', at: new Date(at).toISOString() })
      expect(await upcoming()).toEqual([made.body.doc])
      const cancelled = await as('publisher')(`/api/reports/${report}/schedule/${made.body.doc.id}`, { method: 'DELETE' })
      expect(cancelled.status).toBe(200)
      expect(await upcoming()).toEqual([])
      const log = await as('admin')(`/api/audit-log?where[documentId][equals]=${report}&where[collectionSlug][equals]=reports&sort=createdAt&limit=10`)
      expect(log.body.docs.map((entry: { action: string; userEmail: string }) => [entry.action, entry.userEmail])).toEqual(
        expect.arrayContaining([
          ['schedule', actors.publisher.email],
          ['cancelSchedule', actors.publisher.email],
        ]),
      )
    })

    const mayNotSchedule = ['editor', 'reader', 'readerKey', 'anonymous'] as const
    it.each(mayNotSchedule)('refuses %s to list, schedule or cancel, and leaves the publisher’s schedule alone', async (actor) => {
      const made = await schedule('publisher', { type: 'publish', at: inAMinute() })
      expect(made.status).toBe(201)
      expect((await as(actor)(`/api/reports/${report}/schedule`)).status).toBe(403)
      expect((await schedule(actor, { type: 'unpublish', at: inAMinute() })).status).toBe(403)
      expect((await as(actor)(`/api/reports/${report}/schedule/${made.body.doc.id}`, { method: 'DELETE' })).status).toBe(403)
      // Payload's own jobs API and GraphQL refuse them too.
      expect((await as(actor)(`/api/payload-jobs/${made.body.doc.id}`, { method: 'DELETE' })).status).toBeGreaterThanOrEqual(403)
      expect((await as(actor)('/api/payload-jobs', { method: 'POST', body: { taskSlug: 'schedulePublish', input: {} } })).status).toBeGreaterThanOrEqual(403)
      const viaGraphql = await graphqlAs(actors[actor])(`mutation { deletePayloadJob(id: ${idLiteral(made.body.doc.id)}) { id } }`)
      expect(viaGraphql.body.data?.deletePayloadJob ?? null).toBeNull()
      expect((await upcoming()).map((event) => event.id)).toContain(made.body.doc.id)
      await as('publisher')(`/api/reports/${report}/schedule/${made.body.doc.id}`, { method: 'DELETE' })
    })

    it('refuses a time already passed, a malformed time or type, with a message naming the problem, and stores nothing', async () => {
      const past = await schedule('publisher', { type: 'publish', at: new Date(Date.now() - 60_000).toISOString() })
      expect(past.status).toBe(400)
      expect(past.body.errors[0].message).toMatch(/has already passed/)
      expect((await schedule('publisher', { type: 'publish', at: 'tomorrow at ten' })).body.errors[0].message).toMatch(/ISO 8601/)
      expect((await schedule('publisher', { type: 'delete', at: inAMinute() })).body.errors[0].message).toMatch(/"type" must be one of publish, unpublish/)
      expect((await schedule('publisher', 'not an object')).status).toBe(400)
      expect(await upcoming()).toEqual([])
    })

    it('publishes at the scheduled time, as the publisher who scheduled it', async () => {
      const soon = await create('reports', { title: `Strax ${tag}`, compiledAt: '2025-06-02T07:00:00.000Z', audience: 'public', _status: 'draft' })
      const inTwoSeconds = new Date(Date.now() + 2_000).toISOString()
      const made = await as('publisher')(`/api/reports/${soon}/schedule`, { method: 'POST', body: { type: 'publish', at: inTwoSeconds } })
      expect(made.status).toBe(201)
      await expect.poll(async () => (await as('anonymous')(`/api/reports/${soon}`)).status, { timeout: 30_000, interval: 500 }).toBe(200)
      const log = await as('admin')(`/api/audit-log?where[documentId][equals]=${soon}&where[action][equals]=publish`)
      expect(log.body.docs.map((entry: { userEmail: string }) => entry.userEmail)).toEqual([actors.publisher.email])
    })
  })

  describe('finding 4: a relationship filter cannot tell a hidden document from a missing one', () => {
    const hidden: Record<string, number | string> = {}
    const shown: Record<string, number | string> = {}
    const missing = databaseKind(process.env.DATABASE_URL) === 'mongodb' ? 'ffffffffffffffffffffffff' : 99999999

    beforeAll(async () => {
      hidden.sections = await create('sections', { title: `Dolt ${tag}`, kind: 'other', _status: 'published' })
      shown.sections = await create('sections', { title: `Synligt ${tag}`, kind: 'other', _status: 'published' })
      const action = { date: '2025-06-01T12:00:00.000Z', url: '#', _status: 'published' }
      hidden.communicationActions = await create('communication-actions', { ...action, title: `Intern ${tag}`, audience: 'internal' })
      shown.communicationActions = await create('communication-actions', { ...action, title: `Publik ${tag}`, audience: 'public' })
      hidden.spokespersons = await create('spokespersons', { name: `Inaktiv ${tag}`, title: 'f.d.', active: false, _status: 'published' })
      shown.spokespersons = await create('spokespersons', { name: `Aktiv ${tag}`, title: 'direktör', active: true, _status: 'published' })
      await create('reports', {
        title: `Sond ${tag}`,
        compiledAt: '2025-06-03T07:00:00.000Z',
        audience: 'public',
        _status: 'published',
        sections: [hidden.sections, shown.sections],
        communicationActions: [hidden.communicationActions, shown.communicationActions],
        spokespersons: [hidden.spokespersons, shown.spokespersons],
      })
      // Unpublished after the report went out (a report is published whole, so its parts were published then).
      expect((await as('publisher')(`/api/sections/${hidden.sections}`, { method: 'PATCH', body: { _status: 'draft' } })).status).toBe(200)
    })

    const total = async (actor: keyof Actors, where: string) => {
      const response = await as(actor)(`/api/reports?limit=0&where[title][equals]=${encodeURIComponent(`Sond ${tag}`)}&${where}`)
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      return response.body.totalDocs as number
    }

    const relationships = ['sections', 'communicationActions', 'spokespersons']
    it.each(relationships)('%s: equals, in, not_equals and count answer for a hidden id as for a missing one', async (field) => {
      // An internal action is hidden from anonymous callers only: readers may see it.
      const hiddenFrom = field === 'communicationActions' ? (['anonymous'] as const) : (['anonymous', 'readerKey'] as const)
      if (field === 'communicationActions') expect(await total('readerKey', `where[${field}][equals]=${hidden[field]}`)).toBe(1)
      for (const actor of hiddenFrom) {
        expect(await total(actor, `where[${field}][equals]=${shown[field]}`)).toBe(1)
        expect(await total(actor, `where[${field}][equals]=${hidden[field]}`)).toBe(await total(actor, `where[${field}][equals]=${missing}`))
        expect(await total(actor, `where[${field}][equals]=${hidden[field]}`)).toBe(0)
        expect(await total(actor, `where[${field}][in]=${hidden[field]},${missing}`)).toBe(0)
        expect(await total(actor, `where[${field}][not_equals]=${hidden[field]}`)).toBe(await total(actor, `where[${field}][not_equals]=${missing}`))
        const counted = await as(actor)(`/api/reports/count?where[${field}][equals]=${hidden[field]}`)
        expect(counted.body.totalDocs).toBe(0)
      }
      // Staff see drafts and internal content anyway: their filters are untouched.
      expect(await total('editor', `where[${field}][equals]=${hidden[field]}`)).toBe(1)
    })

    it('refuses filters on related documents’ own fields and "exists" on a relationship, naming the field', async () => {
      const deep = await as('anonymous')(`/api/reports?where[sections.title][like]=Dolt`)
      expect(deep.status).toBe(400)
      expect(deep.body.errors[0].message).toMatch(/sections\.title: filtering on the fields of related sections is not allowed/)
      const exists = await as('anonymous')(`/api/reports?where[spokespersons][exists]=true`)
      expect(exists.status).toBe(400)
      expect(exists.body.errors[0].message).toMatch(/spokespersons: "exists" is not allowed/)
    })

    it('holds over GraphQL too', async () => {
      const query = (id: unknown) => `{ Reports(where: { title: { equals: "Sond ${tag}" }, sections: { equals: ${idLiteral(id)} } }) { totalDocs } }`
      const anonymous = graphqlAs(actors.anonymous)
      expect((await anonymous(query(shown.sections))).body.data.Reports.totalDocs).toBe(1)
      expect((await anonymous(query(hidden.sections))).body.data.Reports.totalDocs).toBe(0)
    })
  })
})
