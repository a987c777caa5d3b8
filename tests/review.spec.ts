/**
 * Review of a draft report: an editor marks it "Klar för granskning", a publisher sends it back
 * with a note or publishes it (which clears the state). Over REST and GraphQL, per role; each
 * step in the audit log; the review state hidden from readers, API keys and anonymous callers on
 * every path; the desk's data read with the caller's own access.
 */
import { randomUUID } from 'node:crypto'
import type { Payload, TypedUser } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { loadDesk } from '../src/admin/desk/load-desk'
import { createActors, graphqlAs, restAs, type Actors } from './support/actors'
import type { ApiResponse } from './support/api'
import { localPayload } from './support/local-payload'

const tag = () => randomUUID().slice(0, 8)
const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`

describe('review of a draft report', () => {
  let actors: Actors
  let payload: Payload
  const as = (actor: keyof Actors) => restAs(actors[actor])
  const gql = (actor: keyof Actors) => graphqlAs(actors[actor])

  const newDraft = async (title = `Granskad rapport ${tag()}`) => {
    const response = await as('editor')('/api/reports?draft=true', {
      method: 'POST',
      body: { title, compiledAt: '2026-11-30T07:00:00.000Z', audience: 'public', _status: 'draft' },
    })
    expect(response.status, show(response)).toBe(201)
    return response.body.doc as { id: number; title: string; createdAt: string }
  }
  const review = (actor: keyof Actors, id: unknown, body: unknown) => as(actor)(`/api/reports/${id}/review`, { method: 'POST', body })
  const latest = async (id: unknown) => {
    const response = await as('admin')(`/api/reports/${id}?draft=true&depth=0`)
    expect(response.status, show(response)).toBe(200)
    return response.body
  }
  const auditOf = async (id: unknown, since: string) => {
    const response = await as('admin')(
      `/api/audit-log?where[collectionSlug][equals]=reports&where[documentId][equals]=${id}&where[createdAt][greater_than_equal]=${encodeURIComponent(since)}&sort=createdAt&limit=100&depth=0`,
    )
    expect(response.status, show(response)).toBe(200)
    return response.body.docs as { action: string; userEmail: string; detail?: string; changedFields?: string[] }[]
  }

  beforeAll(async () => {
    actors = await createActors()
    payload = await localPayload()
  })

  it('an editor marks a draft ready; edits keep it ready; a publisher sends it back with a note; the editor reads it; publishing clears it', async () => {
    const report = await newDraft()

    const ready = await review('editor', report.id, { action: 'ready' })
    expect(ready.status, show(ready)).toBe(200)
    expect(ready.body.review).toMatchObject({ state: 'ready', note: null, by: 'editor' })
    expect(Date.now() - Date.parse(ready.body.review.at)).toBeLessThan(60_000)

    // The editor goes on writing (as autosave does): the report stays ready for review.
    const edited = await as('editor')(`/api/reports/${report.id}?draft=true`, { method: 'PATCH', body: { subject: 'Rättat stavfel' } })
    expect(edited.status, show(edited)).toBe(200)
    expect((await latest(report.id)).review.state).toBe('ready')
    expect((await latest(report.id)).subject).toBe('Rättat stavfel')

    // A publisher's list filter finds it.
    const list = await as('publisher')(`/api/reports?draft=true&where[review.state][equals]=ready&limit=100&depth=0`)
    expect(list.status, show(list)).toBe(200)
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toContain(report.id)

    // Only a publisher sends back, and only with a note.
    const byEditor = await review('editor', report.id, { action: 'sendBack', note: 'Jag skickar tillbaka min egen' })
    expect(byEditor.status, show(byEditor)).toBe(403)
    const withoutNote = await review('publisher', report.id, { action: 'sendBack', note: '  ' })
    expect(withoutNote.status, show(withoutNote)).toBe(400)
    expect(withoutNote.body.errors[0].message).toContain('note')
    expect((await latest(report.id)).review.state).toBe('ready')

    const note = 'Lägg till läget i Region Syd.\nKolla länkarna.'
    const sentBack = await review('publisher', report.id, { action: 'sendBack', note: `  ${note} ` })
    expect(sentBack.status, show(sentBack)).toBe(200)
    expect(sentBack.body.review).toMatchObject({ state: 'sentBack', note, by: 'publisher' })

    // The editor sees the note on the report; a second send-back makes no sense.
    const editorView = await as('editor')(`/api/reports/${report.id}?draft=true&depth=0`)
    expect(editorView.body.review).toMatchObject({ state: 'sentBack', note, by: 'publisher' })
    expect((await review('publisher', report.id, { action: 'sendBack', note: 'igen' })).status).toBe(409)

    // Ready again: the note has been answered.
    const again = await review('editor', report.id, { action: 'ready' })
    expect(again.status, show(again)).toBe(200)
    expect(again.body.review).toMatchObject({ state: 'ready', note: null })
    expect((await review('editor', report.id, { action: 'ready' })).status).toBe(409)

    const published = await as('publisher')(`/api/reports/${report.id}`, { method: 'PATCH', body: { _status: 'published' } })
    expect(published.status, show(published)).toBe(200)
    expect((await latest(report.id)).review).toMatchObject({ state: 'none', note: null, by: null, at: null })
    // Nothing unpublished is left to review.
    const afterPublish = await review('editor', report.id, { action: 'ready' })
    expect(afterPublish.status, show(afterPublish)).toBe(409)

    const entries = await auditOf(report.id, report.createdAt)
    const steps = entries.filter((entry) => ['readyForReview', 'sentBack', 'publish'].includes(entry.action))
    expect(steps.map((entry) => [entry.action, entry.userEmail])).toEqual([
      ['readyForReview', actors.editor.email],
      ['sentBack', actors.publisher.email],
      ['readyForReview', actors.editor.email],
      ['publish', actors.publisher.email],
    ])
    expect(steps[1].detail).toBe(note)
    expect(steps[0].changedFields).toEqual(['review'])
    // The refused steps left no entry.
    expect(entries.filter((entry) => entry.action === 'sentBack')).toHaveLength(1)
  })

  it('the review state cannot be written through a save: only the review steps change it', async () => {
    const report = await newDraft()
    const smuggled = await as('publisher')(`/api/reports/${report.id}?draft=true`, {
      method: 'PATCH',
      body: { review: { state: 'sentBack', note: 'smuggled', by: 'someone else', at: '2020-01-01T00:00:00.000Z' } },
    })
    expect(smuggled.status, show(smuggled)).toBe(200)
    expect((await latest(report.id)).review).toMatchObject({ state: 'none', note: null, by: null })

    await review('editor', report.id, { action: 'ready' })
    const created = await as('editor')('/api/reports?draft=true', {
      method: 'POST',
      body: { title: `Ny ${tag()}`, compiledAt: '2026-11-30T07:00:00.000Z', review: { state: 'ready', by: 'x' }, _status: 'draft' },
    })
    expect(created.status, show(created)).toBe(201)
    expect(created.body.doc.review).toMatchObject({ state: 'none', by: null })
    expect((await latest(report.id)).review).toMatchObject({ state: 'ready', by: 'editor' })
  })

  it('refuses bad requests with a 4xx naming the problem, writing nothing', async () => {
    const report = await newDraft()
    const cases: [keyof Actors, unknown, number, string][] = [
      ['editor', { action: 'approve' }, 400, 'action'],
      ['editor', 'ready', 400, 'JSON object'],
      ['editor', { action: 'ready', note: 'En kommentar' }, 400, 'no note'],
      ['publisher', { action: 'sendBack', note: 'x'.repeat(2001) }, 400, 'longer than'],
      ['publisher', { action: 'sendBack', note: 42 }, 400, 'string'],
      ['publisher', { action: 'sendBack', note: 'Inte klar än' }, 409, 'ready for review'],
    ]
    for (const [actor, body, status, words] of cases) {
      const response = await review(actor, report.id, body)
      expect(response.status, `${JSON.stringify(body)}: ${show(response)}`).toBe(status)
      expect(response.body.errors[0].message).toContain(words)
    }
    expect((await review('editor', 999_999_999, { action: 'ready' })).status).toBe(404)
    expect(await auditOf(report.id, report.createdAt)).toHaveLength(1) // its creation only
    expect((await latest(report.id)).review.state).toBe('none')
  })

  it('readers, API keys and anonymous callers neither take part nor see review state (REST, where, GraphQL, versions)', async () => {
    const report = await newDraft(`Publik rapport ${tag()}`)
    await as('publisher')(`/api/reports/${report.id}`, { method: 'PATCH', body: { _status: 'published' } })
    // A new draft over the published report, marked ready.
    await as('editor')(`/api/reports/${report.id}?draft=true`, { method: 'PATCH', body: { subject: 'Nytt utkast' } })
    expect((await review('editor', report.id, { action: 'ready' })).status).toBe(200)

    for (const actor of ['reader', 'readerKey', 'anonymous'] as const) {
      const step = await review(actor, report.id, { action: 'ready' })
      expect(step.status, `${actor}: ${show(step)}`).toBe(actor === 'anonymous' ? 401 : 403)

      const read = await as(actor)(`/api/reports/${report.id}?draft=true&depth=0`)
      expect(read.status, `${actor}: ${show(read)}`).toBe(200)
      expect(read.body.subject, actor).not.toBe('Nytt utkast')
      expect(read.body, actor).not.toHaveProperty('review')

      const probe = await as(actor)(`/api/reports?where[review.state][equals]=ready&depth=0`)
      const found = probe.status === 200 ? probe.body.docs.map((doc: { id: number }) => doc.id) : []
      expect(found, `${actor}: ${show(probe)}`).not.toContain(report.id)
      expect(probe.status, `${actor} may not filter on review state`).toBeGreaterThanOrEqual(400)

      const versions = await as(actor)(`/api/reports/versions?where[parent][equals]=${report.id}&depth=0`)
      expect(versions.status, actor).toBeGreaterThanOrEqual(401)

      const graph = await gql(actor)(`{ Report(id: ${report.id}) { title review { state note by } } }`)
      // GraphQL builds the group's object; every value in it stays empty.
      expect(
        Object.values(graph.body.data?.Report?.review ?? {}).filter((value) => value !== null),
        `${actor}: ${JSON.stringify(graph.body)}`,
      ).toEqual([])
      expect(graph.body.data?.Report?.title, actor).toBe(report.title)
      const graphList = await gql(actor)(`{ Reports(where: { review__state: { equals: ready } }) { docs { id } } }`)
      expect(JSON.stringify(graphList.body.data?.Reports?.docs ?? []), actor).not.toContain(`"id":${report.id}`)
    }
    // The published report itself has nothing to review.
    const published = await as('admin')(`/api/reports/${report.id}?depth=0`)
    expect(published.body.review.state).toBe('none')
    expect(published.body.subject).not.toBe('Nytt utkast')
  })

  it('restoring an earlier version keeps today’s review state, not the one stored with that version', async () => {
    const report = await newDraft()
    expect((await review('editor', report.id, { action: 'ready' })).status).toBe(200)
    const versions = await as('publisher')(`/api/reports/versions?where[parent][equals]=${report.id}&sort=createdAt&depth=0&limit=10`)
    const first = versions.body.docs[0]
    expect(first.version.review?.state ?? 'none').toBe('none')
    expect((await review('publisher', report.id, { action: 'sendBack', note: 'Gör om' })).status).toBe(200)

    const restored = await as('publisher')(`/api/reports/versions/${first.id}?draft=true`, { method: 'POST' })
    expect(restored.status, show(restored)).toBe(200)
    expect((await latest(report.id)).review).toMatchObject({ state: 'sentBack', note: 'Gör om', by: 'publisher' })
  })

  it('a review step respects document locks: 423 while someone else has the report open, nothing written', async () => {
    const report = await newDraft()
    expect((await review('editor', report.id, { action: 'ready' })).status).toBe(200)
    // The editor opens the report again in the admin: a lock in their name.
    const lock = await as('editor')('/api/payload-locked-documents', {
      method: 'POST',
      body: { document: { relationTo: 'reports', value: report.id }, user: { relationTo: 'users', value: actors.editor.userId } },
    })
    expect(lock.status, show(lock)).toBe(201)

    const sentBack = await review('publisher', report.id, { action: 'sendBack', note: 'Medan du skriver' })
    expect(sentBack.status, show(sentBack)).toBe(423)
    expect((await latest(report.id)).review).toMatchObject({ state: 'ready', note: null, by: 'editor' })
    expect((await auditOf(report.id, report.createdAt)).map((entry) => entry.action)).toEqual(['draft', 'readyForReview'])
  })

  it('GraphQL: an editor marks ready, only a publisher sends back; staff read the state', async () => {
    const report = await newDraft()
    const markReady = `mutation($id: ID!) { markReportReadyForReview(id: $id) { id review { state by } } }`
    const sendBack = `mutation($id: ID!, $note: String!) { sendReportBack(id: $id, note: $note) { id review { state note by } } }`

    const ready = await gql('editor')(markReady, { id: report.id })
    expect(ready.body.errors, JSON.stringify(ready.body)).toBeUndefined()
    expect(ready.body.data.markReportReadyForReview.review).toEqual({ state: 'ready', by: 'editor' })

    const refused = await gql('editor')(sendBack, { id: report.id, note: 'Nej' })
    expect(refused.body.errors?.[0]?.message).toContain('Only a publisher')
    const anonymous = await gql('anonymous')(markReady, { id: report.id })
    expect(anonymous.body.errors?.[0]?.message).toBeTruthy()

    const back = await gql('publisher')(sendBack, { id: report.id, note: 'Korta ner sammanfattningen.' })
    expect(back.body.errors, JSON.stringify(back.body)).toBeUndefined()
    expect(back.body.data.sendReportBack.review).toEqual({ state: 'sentBack', note: 'Korta ner sammanfattningen.', by: 'publisher' })

    const read = await gql('editor')(`{ Report(id: ${report.id}, draft: true) { review { state note } } }`)
    expect(read.body.data.Report.review).toEqual({ state: 'sentBack', note: 'Korta ner sammanfattningen.' })
    const listed = await gql('publisher')(`{ Reports(draft: true, where: { review__state: { equals: sentBack } }, limit: 100) { docs { id } } }`)
    expect(listed.body.data.Reports.docs.map((doc: { id: number }) => doc.id)).toContain(report.id)

    const entries = await auditOf(report.id, report.createdAt)
    expect(entries.map((entry) => entry.action)).toEqual(['draft', 'readyForReview', 'sentBack'])
  })

  it('the desk reads with the caller’s access: publishers see what waits, readers see no drafts', async () => {
    const waiting = await newDraft(`Väntar ${tag()}`)
    await review('editor', waiting.id, { action: 'ready' })
    const user = async (actor: 'publisher' | 'reader') =>
      (await payload.findByID({ collection: 'users', id: actors[actor].userId!, overrideAccess: true })) as unknown as TypedUser

    const publisherDesk = await loadDesk(payload, { ...(await user('publisher')), collection: 'users' } as TypedUser)
    expect(publisherDesk.ready.map((report) => report.id)).toContain(waiting.id)
    expect(publisherDesk.latest).toBeDefined()

    const readerDesk = await loadDesk(payload, { ...(await user('reader')), collection: 'users' } as TypedUser)
    expect(readerDesk.ready).toEqual([])
    expect(readerDesk.sentBack).toEqual([])
    expect(readerDesk.scheduled).toEqual([])
    if (readerDesk.latest) {
      expect(readerDesk.latest.status).toBe('published')
      expect(readerDesk.latest.review.state).toBe('none')
    }
    const anonymousDesk = await loadDesk(payload, null)
    expect(anonymousDesk.latest?.status ?? 'published').toBe('published')
  })
})
