/**
 * The audit log: every change to content and users leaves an entry that says what happened
 * (create, draft, publish, update, unpublish, restore, delete), who did it, to which document
 * and which fields changed; the log itself cannot be written, changed or deleted through any
 * API; and an entry is written in the same transaction as its change.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { parseReport } from '../src/report-format/parse'
import type { ReportModel } from '../src/report-format/model'
import { storeReport } from '../src/reports/store'
import { SEED_REPORT_FILE } from '../seed/seed'
import { createActors, graphqlAs, restAs, PASSWORD, type Actors } from './support/actors'
import type { ApiResponse } from './support/api'
import { localPayload } from './support/local-payload'

interface AuditEntry {
  id: number | string
  action: string
  collectionSlug: string
  documentId: string
  summary?: string
  user?: number | string | null
  userEmail?: string
  changedFields?: string[]
  createdAt: string
}

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`
const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`
/** Anything that looks like a secret must never be named in changedFields. */
const SECRET_FIELDS = ['password', 'hash', 'salt', 'apiKey', 'apiKeyIndex', 'resetPasswordToken', 'sessions']

describe('audit log', () => {
  let actors: Actors
  let payload: Payload
  let admin: ReturnType<typeof restAs>
  let publisher: ReturnType<typeof restAs>

  beforeAll(async () => {
    actors = await createActors()
    payload = await localPayload()
    admin = restAs(actors.admin)
    publisher = restAs(actors.publisher)
  })

  /**
   * The entries for one document since it was created, oldest first, read as admin over REST.
   * "Since": SQLite hands a new document the id of the newest one if that was deleted, so the
   * log may hold an earlier document's entries under the same id (another spec's, in CI).
   */
  const entriesFor = async (collectionSlug: string, document: { id: number | string; createdAt: string }): Promise<AuditEntry[]> => {
    const response = await admin(
      `/api/audit-log?where[documentId][equals]=${encodeURIComponent(String(document.id))}&where[collectionSlug][equals]=${collectionSlug}` +
        `&where[createdAt][greater_than_equal]=${encodeURIComponent(document.createdAt)}&sort=createdAt&depth=0&limit=200`,
    )
    expect(response.status, show(response)).toBe(200)
    return response.body.docs
  }
  const auditCount = async () => (await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs

  /** A REST call that must succeed. */
  const ok = async (response: Promise<ApiResponse>) => {
    const resolved = await response
    expect(resolved.status, show(resolved)).toBeLessThan(300)
    return resolved.body
  }

  describe('a section through its whole life, as a publisher', () => {
    let sectionId: number | string
    let sectionCreatedAt: string
    let entries: AuditEntry[]
    const titles = { first: unique('Avsnitt'), second: unique('Avsnitt omdöpt'), third: unique('Avsnitt utkast'), fourth: unique('Avsnitt direkt') }

    beforeAll(async () => {
      // Each step is what the admin panel does: draft saves carry ?draft=true, publish does not.
      const created = await ok(publisher('/api/sections?draft=true', { method: 'POST', body: { title: titles.first, kind: 'other', _status: 'draft' } }))
      sectionId = created.doc.id
      sectionCreatedAt = created.doc.createdAt
      await ok(publisher(`/api/sections/${sectionId}?draft=true`, { method: 'PATCH', body: { title: titles.second } }))
      await ok(publisher(`/api/sections/${sectionId}`, { method: 'PATCH', body: { _status: 'published' } }))
      // A draft saved over the published section: still published, so a "draft", not an "unpublish".
      await ok(publisher(`/api/sections/${sectionId}?draft=true`, { method: 'PATCH', body: { title: titles.third } }))
      await ok(publisher(`/api/sections/${sectionId}`, { method: 'PATCH', body: { _status: 'published' } }))
      // Editing the published section in place.
      await ok(publisher(`/api/sections/${sectionId}`, { method: 'PATCH', body: { title: titles.fourth, kind: 'about', _status: 'published' } }))
      await ok(publisher(`/api/sections/${sectionId}`, { method: 'PATCH', body: { _status: 'draft' } }))
      const versions = await ok(admin(`/api/sections/versions?where[parent][equals]=${sectionId}&sort=createdAt&depth=0&limit=100`))
      const firstPublished = versions.docs.find((v: any) => v.version._status === 'published' && v.version.title === titles.second)
      expect(firstPublished, JSON.stringify(versions.docs)).toBeDefined()
      await ok(publisher(`/api/sections/versions/${firstPublished.id}`, { method: 'POST' }))
      await ok(publisher(`/api/sections/${sectionId}`, { method: 'DELETE' }))
      entries = await entriesFor('sections', { id: sectionId, createdAt: sectionCreatedAt })
    })

    it('records each step, in order, with the action a reader of the log expects', () => {
      expect(entries.map((entry) => entry.action)).toEqual([
        'draft', // created as a draft
        'draft', // renamed, still a draft
        'publish',
        'draft', // a draft saved over the published section
        'publish', // that draft published
        'update', // the published section edited in place
        'unpublish',
        'restore',
        'delete',
      ])
    })

    it('names the user (id and email) and the collection on every entry', () => {
      for (const entry of entries) {
        expect(entry).toMatchObject({
          collectionSlug: 'sections',
          documentId: String(sectionId),
          user: actors.publisher.userId,
          userEmail: actors.publisher.email,
        })
      }
    })

    it('lists the fields that changed, and only those', () => {
      const [created, renamed, published, draftOverPublished, , editedInPlace, unpublished, restored] = entries
      expect(created.changedFields).toEqual(expect.arrayContaining(['title', 'kind']))
      expect(renamed.changedFields).toEqual(['title'])
      expect(published.changedFields).toEqual([])
      expect(draftOverPublished.changedFields).toEqual(['title'])
      expect(editedInPlace.changedFields).toEqual(['kind', 'title'])
      expect(unpublished.changedFields).toEqual([])
      // The restored version had the second title and the original kind.
      expect(restored.changedFields).toEqual(['kind', 'title'])
      expect(restored.summary).toBe(titles.second)
    })

    it('keeps the entries after the document is gone', async () => {
      expect((await admin(`/api/sections/${sectionId}?draft=true`)).status).toBe(404)
      expect(entries.at(-1)).toMatchObject({ action: 'delete', summary: titles.second })
    })
  })

  describe('reports', () => {
    it('logs an unpublish of a report with a pending draft as an unpublish, not as a draft save', async () => {
      const title = unique('Rapport med utkast')
      const body = { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', _status: 'published' }
      const report = (await ok(publisher('/api/reports', { method: 'POST', body }))).doc
      await ok(publisher(`/api/reports/${report.id}?draft=true`, { method: 'PATCH', body: { title: `${title} (utkast)` } }))
      await ok(publisher(`/api/reports/${report.id}`, { method: 'PATCH', body: { _status: 'draft' } }))
      // It really is unpublished: the main document is a draft and anonymous callers no longer see it.
      const main = await payload.findByID({ collection: 'reports', id: report.id, draft: false, overrideAccess: true })
      expect(main._status).toBe('draft')
      expect((await restAs(actors.anonymous)(`/api/reports/${report.id}`)).status).toBe(404)

      const actions = (await entriesFor('reports', report)).map((entry) => entry.action)
      expect(actions).toEqual(['create', 'draft', 'unpublish'])
    })

    it('lists only the fields that changed when a report with relationships is edited over REST', async () => {
      const sectionBody = { title: unique('Relaterat avsnitt'), kind: 'other', _status: 'published' }
      const section = (await ok(publisher('/api/sections', { method: 'POST', body: sectionBody }))).doc
      const report = (
        await ok(
          publisher('/api/reports', {
            method: 'POST',
            body: {
              title: unique('Rapport med avsnitt'),
              compiledAt: '2025-05-01T07:00:00.000Z',
              audience: 'public',
              sections: [section.id],
              _status: 'published',
            },
          }),
        )
      ).doc
      // REST populates relationships (depth 2 by default); that is not a change of `sections`.
      await ok(publisher(`/api/reports/${report.id}`, { method: 'PATCH', body: { subject: 'Nytt ämne' } }))
      const last = (await entriesFor('reports', report)).at(-1)!
      expect(last.action).toBe('update')
      expect(last.changedFields).toEqual(['subject'])
    })
  })

  describe('users', () => {
    it('records a role change made by the admin, naming "roles"', async () => {
      const email = `audited-${randomUUID().slice(0, 8)}@audit.test`
      const created = (await ok(admin('/api/users', { method: 'POST', body: { email, password: PASSWORD, name: 'Granskad', roles: ['reader'] } }))).doc
      await ok(admin(`/api/users/${created.id}`, { method: 'PATCH', body: { roles: ['editor', 'publisher'] } }))
      const entries = await entriesFor('users', created)
      expect(entries.map((entry) => entry.action)).toEqual(['create', 'update'])
      expect(entries[1].changedFields).toEqual(['roles'])
      // A user's entries are summarised by their name (the email when there is none).
      expect(entries[1]).toMatchObject({ user: actors.admin.userId, userEmail: actors.admin.email, summary: 'Granskad' })
    })

    it('never names a password (or any other secret) among the changed fields', async () => {
      const email = `secret-${randomUUID().slice(0, 8)}@audit.test`
      const created = (
        await ok(admin('/api/users', { method: 'POST', body: { email, password: PASSWORD, roles: ['reader'], enableAPIKey: true, apiKey: randomUUID() } }))
      ).doc
      await ok(admin(`/api/users/${created.id}`, { method: 'PATCH', body: { password: `new-${randomUUID()}`, name: 'Nytt lösenord' } }))
      await ok(admin(`/api/users/${created.id}`, { method: 'PATCH', body: { apiKey: randomUUID() } }))
      const entries = await entriesFor('users', created)
      expect(entries).toHaveLength(3)
      expect(entries[0].changedFields).toEqual(expect.arrayContaining(['email', 'roles']))
      expect(entries[1].changedFields).toEqual(['name'])
      for (const entry of entries) {
        for (const secret of SECRET_FIELDS) expect(entry.changedFields, `entry ${entry.action}`).not.toContain(secret)
      }
    })
  })

  describe('the log cannot be written, changed or deleted through the API', () => {
    let entry: AuditEntry

    beforeAll(async () => {
      const body = { title: unique('Loggat'), kind: 'other', _status: 'draft' }
      const section = (await ok(publisher('/api/sections?draft=true', { method: 'POST', body }))).doc
      entry = (await entriesFor('sections', section))[0]
      expect(entry).toBeDefined()
    })

    /** The entry reads back exactly as before and the log has the same number of entries. */
    const expectUnchanged = async (countBefore: number) => {
      const after = await admin(`/api/audit-log/${entry.id}?depth=0`)
      expect(after.status).toBe(200)
      expect(after.body).toEqual(entry)
      expect(await auditCount()).toBe(countBefore)
    }

    it.each(['admin', 'publisher'] as const)('refuses REST writes by the %s', async (who) => {
      const as = restAs(actors[who])
      const count = await auditCount()
      const forged = {
        action: 'delete',
        collectionSlug: 'sections',
        documentId: '1',
        summary: 'förfalskad',
        userEmail: 'nobody@example.org',
        changedFields: [],
      }
      const attempts: [string, { method: string; body?: unknown }][] = [
        ['/api/audit-log', { method: 'POST', body: forged }],
        [`/api/audit-log/${entry.id}`, { method: 'PATCH', body: { summary: 'förfalskad', action: 'publish' } }],
        [`/api/audit-log?where[id][equals]=${entry.id}`, { method: 'PATCH', body: { summary: 'förfalskad' } }],
        [`/api/audit-log/${entry.id}`, { method: 'DELETE' }],
        [`/api/audit-log?where[id][equals]=${entry.id}`, { method: 'DELETE' }],
        [`/api/audit-log/${entry.id}/duplicate`, { method: 'POST', body: {} }],
      ]
      for (const [path, options] of attempts) {
        const response = await as(path, options)
        expect(response.status, `${options.method} ${path}: ${show(response)}`).toBe(403)
      }
      await expectUnchanged(count)
    })

    it.each(['admin', 'publisher'] as const)('refuses GraphQL writes by the %s', async (who) => {
      const gql = graphqlAs(actors[who])
      const count = await auditCount()
      const id = Number(entry.id)
      const mutations: [string, string][] = [
        ['createAuditLog', `mutation { createAuditLog(data: { action: delete, collectionSlug: "sections", documentId: "1", summary: "förfalskad" }) { id } }`],
        ['updateAuditLog', `mutation { updateAuditLog(id: ${id}, data: { summary: "förfalskad", action: publish }) { id } }`],
        ['deleteAuditLog', `mutation { deleteAuditLog(id: ${id}) { id } }`],
        ['duplicateAuditLog', `mutation { duplicateAuditLog(id: ${id}, data: { action: delete, collectionSlug: "sections", documentId: "1" }) { id } }`],
      ]
      for (const [field, mutation] of mutations) {
        const response = await gql(mutation)
        expect(response.body.errors?.length, `${field}: ${show(response)}`).toBeGreaterThan(0)
        expect(response.body.errors?.[0]?.extensions?.statusCode, `${field}: ${show(response)}`).toBe(403)
        expect(response.body.data?.[field] ?? null, field).toBeNull()
      }
      await expectUnchanged(count)
    })
  })

  describe('who may read the log', () => {
    it.each(['editor', 'reader', 'readerKey', 'anonymous'] as const)('not the %s', async (who) => {
      const response = await restAs(actors[who])('/api/audit-log')
      expect(response.status, show(response)).toBe(403)
      expect(response.body.docs).toBeUndefined()
      const byGraphql = await graphqlAs(actors[who])('query { AuditLogs { totalDocs docs { id } } }')
      expect(byGraphql.body.data?.AuditLogs ?? null, show(byGraphql)).toBeNull()
    })

    it.each(['publisher', 'admin'] as const)('the %s', async (who) => {
      const response = await restAs(actors[who])('/api/audit-log?limit=1')
      expect(response.status, show(response)).toBe(200)
      expect(response.body.totalDocs).toBeGreaterThan(0)
    })
  })

  // Needs real transactions: PostgreSQL, a MongoDB replica set, or SQLite with the adapter's
  // `transactionOptions` set (Payload's SQLite adapter runs WITHOUT transactions by default).
  describe('an entry is written in the same transaction as its change', () => {
    /** The seed report under a new title, its own sections and actions renamed so that they are new too. */
    const seedReportRenamed = (tag: string, lastActionUrl?: string): ReportModel => {
      const parsed = parseReport(readFileSync(SEED_REPORT_FILE, 'utf8'))
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
      const report = structuredClone(parsed.report)
      report.title = `${report.title} ${tag}`
      // "About" sections are shared by title with the seed report and stay as they are.
      report.sections = report.sections.map((section) => (section.kind === 'about' ? section : { ...section, title: `${section.title} ${tag}` }))
      report.communicationActions = report.communicationActions.map((action, index, all) => ({
        ...action,
        title: `${action.title} ${tag}`,
        url: index === all.length - 1 && lastActionUrl ? lastActionUrl : action.url,
      }))
      return report
    }
    const newSectionTitles = (report: ReportModel) => report.sections.filter((section) => section.kind !== 'about').map((section) => section.title)
    const written = async (report: ReportModel) => {
      const sectionTitles = newSectionTitles(report)
      const actionTitles = report.communicationActions.map((action) => action.title)
      const find = (collection: 'sections' | 'communication-actions', titles: string[]) =>
        payload.count({ collection, where: { title: { in: titles } }, overrideAccess: true })
      return {
        sections: (await find('sections', sectionTitles)).totalDocs,
        actions: (await find('communication-actions', actionTitles)).totalDocs,
        entries: (await payload.count({ collection: 'audit-log', where: { summary: { in: [...sectionTitles, ...actionTitles] } }, overrideAccess: true }))
          .totalDocs,
      }
    }
    const isMongo = () => process.env.DATABASE_URL?.startsWith('mongodb://') ?? false
    const MONGO_REASON = 'MongoDB transactions need a replica set; this run cannot assume one'

    it('writes sections, actions and their entries when the report is valid (the control)', async () => {
      const report = seedReportRenamed(randomUUID().slice(0, 8))
      expect(newSectionTitles(report).length).toBeGreaterThan(0)
      const result = await storeReport(payload, report)
      expect(result.outcome).toBe('created')
      const counts = await written(report)
      expect(counts.sections).toBe(newSectionTitles(report).length)
      expect(counts.actions).toBe(report.communicationActions.length)
      expect(counts.entries).toBe(counts.sections + counts.actions)
    })

    it('leaves no section, action or entry behind when the last action is invalid', async (context) => {
      if (isMongo()) context.skip(MONGO_REASON)
      const report = seedReportRenamed(randomUUID().slice(0, 8), 'javascript:alert(1)')
      const countBefore = await auditCount()
      // The last action is refused (a 400 naming the field), after the sections and the other actions were written.
      await expect(storeReport(payload, report)).rejects.toThrow(/url/i)
      expect(await written(report), 'storeReport wrote part of the report: it did not run in one transaction').toEqual({ sections: 0, actions: 0, entries: 0 })
      expect(await auditCount()).toBe(countBefore)
      const reports = await payload.count({ collection: 'reports', where: { title: { equals: report.title } }, overrideAccess: true })
      expect(reports.totalDocs).toBe(0)
    })
  })
})
