/**
 * Two editors and one document: no silent overwrite. While one editor has the document open (the
 * admin keeps a document lock for them, renewed as they type), the other's saves are refused with
 * 423 Locked, through REST and GraphQL, and the document is unchanged. The lock names its holder,
 * which is how the admin tells the second editor that someone is editing (by user id: users are
 * private to admins and themselves). Once the first editor has saved
 * and left, the second may save, and the version history keeps both editors' texts.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { type ActorCredentials, createActors, graphqlAs, restAs } from './support/actors'
import { localPayload } from './support/local-payload'
import { paragraphBody } from './support/rich-text'

describe('two editors saving the same document', () => {
  let first: ActorCredentials
  let second: ActorCredentials
  let reportId: number

  beforeAll(async () => {
    const [one, two] = [await createActors(), await createActors()]
    first = one.editor
    second = two.editor
    const created = await restAs(first)('/api/reports?draft=true', {
      method: 'POST',
      body: { title: 'Gemensamt utkast', compiledAt: '2025-07-01T07:00:00.000Z', audience: 'internal', subject: 'Original' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    reportId = created.body.doc.id
  })

  const draft = async () => (await restAs(first)(`/api/reports/${reportId}?draft=true&depth=0`)).body
  /** What the admin does when an editor opens a document: a lock in their name. */
  const openInEditor = (editor: ActorCredentials) =>
    restAs(editor)('/api/payload-locked-documents', {
      method: 'POST',
      body: { document: { relationTo: 'reports', value: reportId }, user: { relationTo: 'users', value: editor.userId } },
    })

  it('refuses the second editor while the first has the document open, and changes nothing', async () => {
    expect((await openInEditor(first)).status).toBe(201)
    const before = await draft()

    // Users are private to admins and themselves, so a colleague sees the holder's user id.
    const locks = await restAs(second)(`/api/payload-locked-documents?where[document.value][equals]=${reportId}&depth=0`)
    expect(locks.status).toBe(200)
    expect(locks.body.docs.map((lock: any) => lock.user?.value)).toEqual([first.userId])

    const rest = await restAs(second)(`/api/reports/${reportId}?draft=true`, { method: 'PATCH', body: { subject: 'Andra redaktörens text' } })
    expect(rest.status).toBe(423)
    expect(rest.body.errors[0].message).toMatch(/locked by another user/)

    const mutation = `mutation($id: Int!) { updateReport(id: $id, draft: true, data: { subject: "Via GraphQL" }) { subject } }`
    const graphql = await graphqlAs(second)(mutation, { id: reportId })
    // Payload's GraphQL resolvers skip the lock check; collections/hooks/document-locks.ts puts it back.
    expect(graphql.body.errors?.[0]?.message, JSON.stringify(graphql.body)).toMatch(/locked by another user/)
    const remove = await graphqlAs(second)(`mutation($id: Int!) { deleteReport(id: $id) { id } }`, { id: reportId })
    expect(remove.body.errors?.[0]?.extensions?.statusCode, JSON.stringify(remove.body)).toBe(423)

    const after = await draft()
    expect(after.subject).toBe('Original')
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it('lets the lock holder save; afterwards the second editor saves and both texts are in the history', async () => {
    const saved = await restAs(first)(`/api/reports/${reportId}?draft=true`, { method: 'PATCH', body: { subject: 'Första redaktörens text' } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    // Saving and leaving releases the lock (the admin renews it while the editor stays).
    const locks = await restAs(first)(`/api/payload-locked-documents?where[document.value][equals]=${reportId}`)
    expect(locks.body.totalDocs).toBe(0)

    const second_ = await restAs(second)(`/api/reports/${reportId}?draft=true`, { method: 'PATCH', body: { subject: 'Andra redaktörens text' } })
    expect(second_.status, JSON.stringify(second_.body)).toBe(200)
    expect((await draft()).subject).toBe('Andra redaktörens text')

    const versions = await restAs(first)(`/api/reports/versions?where[parent][equals]=${reportId}&sort=-updatedAt&limit=50`)
    expect(versions.status).toBe(200)
    const subjects = versions.body.docs.map((version: any) => version.version.subject)
    expect(subjects).toContain('Första redaktörens text')
    expect(subjects).toContain('Andra redaktörens text')
    expect(subjects).toContain('Original')
    expect(subjects.indexOf('Andra redaktörens text')).toBeLessThan(subjects.indexOf('Första redaktörens text'))
  })

  it('a lock expires: an editor who left without saving does not block the others for ever', async () => {
    const body = { title: 'Låst avsnitt', kind: 'other', body: paragraphBody('Text') }
    const section = await restAs(first)('/api/sections?draft=true', { method: 'POST', body })
    expect(section.status).toBe(201)
    const id = section.body.doc.id
    const lock = await restAs(first)('/api/payload-locked-documents', {
      method: 'POST',
      body: { document: { relationTo: 'sections', value: id }, user: { relationTo: 'users', value: first.userId } },
    })
    expect(lock.status).toBe(201)
    expect((await restAs(second)(`/api/sections/${id}?draft=true`, { method: 'PATCH', body: { title: 'Blockerad' } })).status).toBe(423)

    // Payload's lock lasts 300 s after the holder's last activity (the admin renews it while they type).
    const payload = await localPayload()
    const updatedAt = new Date(Date.now() - 301_000).toISOString()
    await payload.db.updateOne({ collection: 'payload-locked-documents', id: lock.body.doc.id, data: { updatedAt } })
    const taken = await restAs(second)(`/api/sections/${id}?draft=true`, { method: 'PATCH', body: { title: 'Nu min tur' } })
    expect(taken.status, JSON.stringify(taken.body)).toBe(200)
    expect(taken.body.doc.title).toBe('Nu min tur')
  })
})
