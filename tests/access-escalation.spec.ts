/**
 * Privilege escalation over the real HTTP server: every attempt to do more than a role allows
 * (grant roles, publish, unpublish, overwrite published content, restore versions, delete
 * published content, lift sign-in throttling, run jobs, read system collections) is refused with a
 * 4xx and a message that says why, AND the database is unchanged afterwards: each refusal is
 * followed by a read-back as admin (REST, and the Local API for a document's main status).
 */
import { randomInt, randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { createActors, graphqlAs, PASSWORD, restAs, type Actors } from './support/actors'
import { api, type ApiResponse } from './support/api'
import { localPayload } from './support/local-payload'

/** The seed report: published, audience internal. */
const SEED_SLUG = 'regional-rapport-samordning-vardinformationssystem-2025-04-03'

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`
const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)}`

/** A refusal: the expected 4xx and an error message a caller can act on. */
function expectRefused(response: ApiResponse, status: number, message?: RegExp) {
  expect(response.status, show(response)).toBe(status)
  const text = response.body?.errors?.[0]?.message
  expect(typeof text, show(response)).toBe('string')
  expect(text.trim().length).toBeGreaterThan(0)
  if (message) expect(text).toMatch(message)
}

/** A GraphQL refusal: a 403 error, no data for the mutation, and (optionally) the reason. */
function expectGraphqlRefused(response: ApiResponse, field: string, message?: RegExp) {
  const errors = response.body?.errors
  expect(errors?.length, show(response)).toBeGreaterThan(0)
  expect(errors[0].extensions?.statusCode, show(response)).toBe(403)
  expect(response.body?.data?.[field] ?? null, show(response)).toBeNull()
  if (message) expect(errors[0].message).toMatch(message)
}

/** Payload answers in the caller's language; Swedish is the default. */
const ONLY_PUBLISHER = /publisher/i
const ONLY_ADMIN_ROLES = /administrator/i
const THROTTLED = /too many|för många/i

describe('privilege escalation is refused and leaves the database unchanged', () => {
  let actors: Actors
  let payload: Payload
  let admin: ReturnType<typeof restAs>
  let publisher: ReturnType<typeof restAs>
  let editor: ReturnType<typeof restAs>
  let reader: ReturnType<typeof restAs>
  let readerKey: ReturnType<typeof restAs>
  let anonymous: ReturnType<typeof restAs>

  beforeAll(async () => {
    actors = await createActors()
    payload = await localPayload()
    admin = restAs(actors.admin)
    publisher = restAs(actors.publisher)
    editor = restAs(actors.editor)
    reader = restAs(actors.reader)
    readerKey = restAs(actors.readerKey)
    anonymous = restAs(actors.anonymous)
  })

  /** A fresh public report written by `as` (a draft unless `status` says published). */
  const createReport = async (as: ReturnType<typeof restAs>, status: 'draft' | 'published', title = unique('Rapport')) => {
    const response = await as(`/api/reports${status === 'draft' ? '?draft=true' : ''}`, {
      method: 'POST',
      body: { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', _status: status },
    })
    expect(response.status, show(response)).toBe(201)
    return response.body.doc as { id: number | string; title: string }
  }

  /** What the admin sees as the newest state (the latest draft, if any). */
  const latestAsAdmin = async (id: number | string) => (await admin(`/api/reports/${id}?draft=true&depth=0`)).body
  /** The main document's status, straight from the database (not the newest draft). */
  const mainStatus = async (id: number | string) =>
    ((await payload.findByID({ collection: 'reports', id, draft: false, overrideAccess: true, depth: 0 })) as { _status?: string })._status
  const userAsAdmin = async (id: number | string | undefined) => {
    const response = await admin(`/api/users/${id}?depth=0`)
    expect(response.status, show(response)).toBe(200)
    return response.body
  }
  /** A dedicated user, so that password changes and lockouts do not disturb the shared actors. */
  const createUser = async (role: string, password = PASSWORD) => {
    const email = `${role}-${randomUUID().slice(0, 8)}@escalation.test`
    const response = await admin('/api/users', { method: 'POST', body: { email, password, name: role, roles: [role] } })
    expect(response.status, show(response)).toBe(201)
    return { id: response.body.doc.id as number | string, email }
  }
  const loginStatus = async (email: string, password: string, client?: string) =>
    api('/api/users/login', { method: 'POST', body: { email, password }, headers: client ? { 'x-forwarded-for': client } : {} })

  describe('users: nobody but an admin grants roles or creates users', () => {
    it('refuses an editor who gives themselves the admin role over REST', async () => {
      const response = await editor(`/api/users/${actors.editor.userId}`, { method: 'PATCH', body: { roles: ['admin'] } })
      expectRefused(response, 403, ONLY_ADMIN_ROLES)
      expect((await userAsAdmin(actors.editor.userId)).roles).toEqual(['editor'])
    })

    it('refuses an editor who gives themselves the admin role over GraphQL', async () => {
      const response = await graphqlAs(actors.editor)(
        'mutation ($id: Int!, $data: mutationUserUpdateInput!) { updateUser(id: $id, data: $data) { id roles } }',
        { id: Number(actors.editor.userId), data: { roles: ['admin'] } },
      )
      expectGraphqlRefused(response, 'updateUser', ONLY_ADMIN_ROLES)
      expect((await userAsAdmin(actors.editor.userId)).roles).toEqual(['editor'])
    })

    it('refuses a role change hidden next to an allowed change (nothing of the request is saved)', async () => {
      const before = await userAsAdmin(actors.editor.userId)
      const response = await editor(`/api/users/${actors.editor.userId}`, { method: 'PATCH', body: { name: 'Smyger', roles: ['editor', 'publisher'] } })
      expectRefused(response, 403, ONLY_ADMIN_ROLES)
      const after = await userAsAdmin(actors.editor.userId)
      expect(after.roles).toEqual(['editor'])
      expect(after.name).toBe(before.name)
    })

    it('lets an editor change their own name', async () => {
      const name = unique('Redaktör')
      const response = await editor(`/api/users/${actors.editor.userId}`, { method: 'PATCH', body: { name } })
      expect(response.status, show(response)).toBe(200)
      const after = await userAsAdmin(actors.editor.userId)
      expect(after.name).toBe(name)
      expect(after.roles).toEqual(['editor'])
    })

    it('lets a reader change their own name and password', async () => {
      const user = await createUser('reader')
      const token = (await loginStatus(user.email, PASSWORD)).body.token
      const name = unique('Läsare')
      const newPassword = `new-${randomUUID()}`
      const response = await api(`/api/users/${user.id}`, { method: 'PATCH', token, body: { name, password: newPassword } })
      expect(response.status, show(response)).toBe(200)
      expect((await userAsAdmin(user.id)).name).toBe(name)
      expect((await loginStatus(user.email, newPassword)).status).toBe(200)
      expect((await loginStatus(user.email, PASSWORD)).status).toBe(401)
    })

    it('keeps a reader from reading or changing another user', async () => {
      const before = await userAsAdmin(actors.editor.userId)
      const read = await reader(`/api/users/${actors.editor.userId}`)
      expect([403, 404], show(read)).toContain(read.status)
      expect(JSON.stringify(read.body)).not.toContain(actors.editor.email)

      const update = await reader(`/api/users/${actors.editor.userId}`, { method: 'PATCH', body: { name: 'Kapad' } })
      expect([403, 404], show(update)).toContain(update.status)
      expect((await userAsAdmin(actors.editor.userId)).name).toBe(before.name)

      // The list holds only the reader's own account.
      const list = await reader('/api/users?limit=100&depth=0')
      expect(list.status).toBe(200)
      expect(list.body.docs.map((user: { id: unknown }) => user.id)).toEqual([actors.reader.userId])
    })

    it('lets only an admin create users', async () => {
      for (const [who, as] of [
        ['publisher', () => publisher],
        ['editor', () => editor],
        ['reader', () => reader],
      ] as const) {
        const email = `${who}-made-${randomUUID().slice(0, 8)}@escalation.test`
        const response = await as()('/api/users', { method: 'POST', body: { email, password: PASSWORD, roles: ['reader'] } })
        expectRefused(response, 403)
        const found = await admin(`/api/users?where[email][equals]=${encodeURIComponent(email)}`)
        expect(found.body.totalDocs, `${who} created a user`).toBe(0)
      }
      const email = `admin-made-${randomUUID().slice(0, 8)}@escalation.test`
      const made = await admin('/api/users', { method: 'POST', body: { email, password: PASSWORD, roles: ['reader'] } })
      expect(made.status, show(made)).toBe(201)
    })
  })

  describe('editors cannot publish a draft', () => {
    let draft: { id: number | string; title: string }

    beforeAll(async () => {
      draft = await createReport(editor, 'draft')
    })

    /** After each refusal: still a draft everywhere (newest state, main document, public API). */
    const expectStillDraft = async () => {
      const latest = await latestAsAdmin(draft.id)
      expect(latest._status).toBe('draft')
      expect(latest.title).toBe(draft.title)
      expect(await mainStatus(draft.id)).toBe('draft')
      expect((await anonymous(`/api/reports/${draft.id}`)).status).toBe(404)
    }

    // Payload compacts permissions: `true`, or `{ permission: true, ... }`; a refusal is absent or false.
    const permitted = (value: unknown) => value === true || (value as { permission?: boolean } | undefined)?.permission === true
    // The admin panel asks this exact question to decide whether to show the Publish button.
    it('tells the admin panel that editors may save but not publish (no Publish button)', async () => {
      const ask = async (actor: typeof editor, data: Record<string, unknown>) =>
        permitted((await actor(`/api/reports/access/${draft.id}`, { method: 'POST', body: data })).body.update)
      expect(await ask(editor, { _status: 'draft' })).toBe(true)
      expect(await ask(editor, { _status: 'published' })).toBe(false)
      expect(await ask(publisher, { _status: 'published' })).toBe(true)
    })

    it.each([
      ['without a draft parameter', ''],
      ['with ?draft=false', '?draft=false'],
      ['with ?draft=true', '?draft=true'],
    ])('refuses REST PATCH _status published %s', async (_label, query) => {
      const response = await editor(`/api/reports/${draft.id}${query}`, { method: 'PATCH', body: { _status: 'published' } })
      expectRefused(response, 403, ONLY_PUBLISHER)
      await expectStillDraft()
    })

    // Payload's GraphQL resolver parses `draft` with an operator-precedence slip, so each form is tried.
    it.each([
      ['draft omitted', ''],
      ['draft: false', ', draft: false'],
      ['draft: true', ', draft: true'],
    ])('refuses GraphQL updateReport _status published (%s)', async (_label, draftArgument) => {
      const response = await graphqlAs(actors.editor)(
        `mutation ($id: Int!) { updateReport(id: $id, data: { _status: published }${draftArgument}) { id _status } }`,
        { id: Number(draft.id) },
      )
      expectGraphqlRefused(response, 'updateReport', ONLY_PUBLISHER)
      await expectStillDraft()
    })

    it('refuses a REST create that is published at once', async () => {
      const title = unique('Direktpublicerad')
      for (const query of ['', '?draft=true', '?draft=false']) {
        const response = await editor(`/api/reports${query}`, {
          method: 'POST',
          body: { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', _status: 'published' },
        })
        expectRefused(response, 403, ONLY_PUBLISHER)
      }
      const found = await admin(`/api/reports?draft=true&where[title][equals]=${encodeURIComponent(title)}`)
      expect(found.body.totalDocs).toBe(0)
    })

    it('refuses a GraphQL createSection that is published at once', async () => {
      const title = unique('Avsnitt direktpublicerat')
      for (const draftArgument of ['', ', draft: false', ', draft: true']) {
        const response = await graphqlAs(actors.editor)(
          `mutation ($title: String!) { createSection(data: { title: $title, kind: other, _status: published }${draftArgument}) { id _status } }`,
          { title },
        )
        expectGraphqlRefused(response, 'createSection', ONLY_PUBLISHER)
      }
      const found = await admin(`/api/sections?draft=true&where[title][equals]=${encodeURIComponent(title)}`)
      expect(found.body.totalDocs).toBe(0)
    })

    it('still lets an editor create a section as a draft over GraphQL (the refusal is about publishing)', async () => {
      const title = unique('Avsnitt utkast')
      const response = await graphqlAs(actors.editor)(
        `mutation ($title: String!) { createSection(data: { title: $title, kind: other, _status: draft }, draft: true) { id _status } }`,
        { title },
      )
      expect(response.body.errors, show(response)).toBeUndefined()
      expect(response.body.data.createSection._status).toBe('draft')
    })
  })

  describe('editors cannot change a published report, only save drafts of it', () => {
    let report: { id: number | string; title: string }
    const draftTitle = unique('Nytt utkast')

    beforeAll(async () => {
      report = await createReport(publisher, 'published')
    })

    /** What consumer sites see: the published report, unchanged. */
    const expectPublishedUnchanged = async () => {
      const seen = await anonymous(`/api/reports/${report.id}?depth=0`)
      expect(seen.status, show(seen)).toBe(200)
      expect(seen.body.title).toBe(report.title)
      expect(await mainStatus(report.id)).toBe('published')
    }

    it('refuses an unpublish (PATCH _status draft without the draft flag)', async () => {
      const response = await editor(`/api/reports/${report.id}`, { method: 'PATCH', body: { _status: 'draft' } })
      expectRefused(response, 403, ONLY_PUBLISHER)
      await expectPublishedUnchanged()
    })

    it('refuses a direct edit without the draft flag', async () => {
      const response = await editor(`/api/reports/${report.id}`, { method: 'PATCH', body: { title: unique('Direkt') } })
      expectRefused(response, 403, ONLY_PUBLISHER)
      await expectPublishedUnchanged()
      expect((await latestAsAdmin(report.id)).title).toBe(report.title)
    })

    it('saves a draft that leaves the published version as it was', async () => {
      const response = await editor(`/api/reports/${report.id}?draft=true`, { method: 'PATCH', body: { title: draftTitle } })
      expect(response.status, show(response)).toBe(200)
      expect((await latestAsAdmin(report.id)).title).toBe(draftTitle)
      await expectPublishedUnchanged()
    })

    it('refuses restoring a version (which would publish it)', async () => {
      const versions = await admin(`/api/reports/versions?where[parent][equals]=${report.id}&sort=-updatedAt&depth=0`)
      const draftVersion = versions.body.docs.find((version: any) => version.version.title === draftTitle)
      expect(draftVersion, JSON.stringify(versions.body.docs)).toBeDefined()

      const response = await editor(`/api/reports/versions/${draftVersion.id}`, { method: 'POST' })
      expectRefused(response, 403, ONLY_PUBLISHER)
      await expectPublishedUnchanged()
    })

    it('refuses deleting it', async () => {
      const response = await editor(`/api/reports/${report.id}`, { method: 'DELETE' })
      expectRefused(response, 403)
      await expectPublishedUnchanged()
    })

    it('lets an editor delete a report that was never published', async () => {
      const draft = await createReport(editor, 'draft')
      const response = await editor(`/api/reports/${draft.id}`, { method: 'DELETE' })
      expect(response.status, show(response)).toBe(200)
      expect((await admin(`/api/reports/${draft.id}?draft=true`)).status).toBe(404)
    })
  })

  describe('publishers publish, unpublish, restore and delete', () => {
    it('carries out each step a publisher asks for', async () => {
      const first = await createReport(publisher, 'draft')

      const publish = await publisher(`/api/reports/${first.id}`, { method: 'PATCH', body: { _status: 'published' } })
      expect(publish.status, show(publish)).toBe(200)
      expect((await anonymous(`/api/reports/${first.id}`)).body.title).toBe(first.title)

      const secondTitle = unique('Ändrad')
      const edit = await publisher(`/api/reports/${first.id}`, { method: 'PATCH', body: { title: secondTitle } })
      expect(edit.status, show(edit)).toBe(200)
      expect((await anonymous(`/api/reports/${first.id}`)).body.title).toBe(secondTitle)

      const unpublish = await publisher(`/api/reports/${first.id}`, { method: 'PATCH', body: { _status: 'draft' } })
      expect(unpublish.status, show(unpublish)).toBe(200)
      expect(await mainStatus(first.id)).toBe('draft')
      expect((await anonymous(`/api/reports/${first.id}`)).status).toBe(404)

      // Restoring the first published version publishes it again, with its old title.
      const versions = await admin(`/api/reports/versions?where[parent][equals]=${first.id}&sort=updatedAt&depth=0`)
      const published = versions.body.docs.find((v: any) => v.version.title === first.title && v.version._status === 'published')
      expect(published, JSON.stringify(versions.body.docs)).toBeDefined()
      const restore = await publisher(`/api/reports/versions/${published.id}`, { method: 'POST' })
      expect(restore.status, show(restore)).toBe(200)
      expect(await mainStatus(first.id)).toBe('published')
      expect((await anonymous(`/api/reports/${first.id}`)).body.title).toBe(first.title)

      const remove = await publisher(`/api/reports/${first.id}`, { method: 'DELETE' })
      expect(remove.status, show(remove)).toBe(200)
      expect((await admin(`/api/reports/${first.id}?draft=true`)).status).toBe(404)
    })
  })

  describe('sign-in throttling: only an admin lifts it early', () => {
    it('makes the client that sent five wrong passwords wait; only an admin unlock lets it try again sooner', async () => {
      const user = await createUser('editor')
      // A client of its own (the server trusts X-Forwarded-For from loopback), so that the
      // suite's other sign-ins from 127.0.0.1 are not throttled along with it.
      const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await loginStatus(user.email, `wrong-${attempt}`, client)).status).toBe(401)
      }
      expectRefused(await loginStatus(user.email, PASSWORD, client), 429, THROTTLED)
      // Nobody else is locked out: the user signs in from elsewhere.
      expect((await loginStatus(user.email, PASSWORD)).status).toBe(200)

      for (const [who, as] of [
        ['publisher', () => publisher],
        ['editor', () => editor],
        ['reader', () => reader],
        ['anonymous', () => anonymous],
      ] as const) {
        const response = await as()('/api/users/unlock', { method: 'POST', body: { email: user.email } })
        expect([401, 403], `${who}: ${show(response)}`).toContain(response.status)
      }
      // Payload offers no unlockUser mutation without an account lock; either way it does nothing.
      const graphqlUnlock = await graphqlAs(actors.publisher)('mutation ($email: String!) { unlockUser(email: $email) }', { email: user.email })
      expect(graphqlUnlock.body.errors?.length, show(graphqlUnlock)).toBeGreaterThan(0)
      expect(graphqlUnlock.body.data?.unlockUser ?? null).not.toBe(true)

      // Still throttled after all those refused unlocks.
      expectRefused(await loginStatus(user.email, PASSWORD, client), 429, THROTTLED)

      const unlock = await admin('/api/users/unlock', { method: 'POST', body: { email: user.email } })
      expect(unlock.status, show(unlock)).toBe(200)
      expect((await loginStatus(user.email, PASSWORD, client)).status).toBe(200)
    })
  })

  describe('system collections and endpoints', () => {
    it('lets only an admin run jobs', async () => {
      for (const as of [reader, editor, readerKey]) {
        // The run endpoint is a GET (for cron services): refused for lack of access (Payload says 401).
        const get = await as('/api/payload-jobs/run?queue=escalation-test')
        expect([401, 403], show(get)).toContain(get.status)
        // A POST is not a way around it.
        const post = await as('/api/payload-jobs/run?queue=escalation-test', { method: 'POST' })
        expect(post.status, show(post)).toBeGreaterThanOrEqual(400)
        expect(post.status).toBeLessThan(500)
      }
      // The refusal above is access, not a missing route: the admin may run (an empty queue).
      const asAdmin = await admin('/api/payload-jobs/run?queue=escalation-test')
      expect(asAdmin.status, show(asAdmin)).toBe(200)
    })

    it('hides the job queue from readers and editors', async () => {
      expectRefused(await reader('/api/payload-jobs'), 403)
      expectRefused(await readerKey('/api/payload-jobs'), 403)
      expectRefused(await editor('/api/payload-jobs'), 403)
    })

    it('hides document locks from readers (staff only)', async () => {
      expectRefused(await reader('/api/payload-locked-documents'), 403)
      expectRefused(await readerKey('/api/payload-locked-documents'), 403)
      expect((await editor('/api/payload-locked-documents')).status).toBe(200)
    })
  })

  describe('an API key carries its reader role and nothing more', () => {
    it('reads the published internal seed report (anonymous cannot)', async () => {
      const query = `/api/reports?where[slug][equals]=${SEED_SLUG}&depth=0`
      const response = await readerKey(query)
      expect(response.status, show(response)).toBe(200)
      expect(response.body.totalDocs).toBe(1)
      expect(response.body.docs[0]).toMatchObject({ audience: 'internal', _status: 'published' })
      expect((await readerKey(`/api/reports/${response.body.docs[0].id}`)).status).toBe(200)
      expect((await anonymous(query)).body.totalDocs).toBe(0)
    })

    it('cannot read drafts', async () => {
      const draft = await createReport(publisher, 'draft')
      expect((await readerKey(`/api/reports/${draft.id}?draft=true`)).status).toBe(404)
      const list = await readerKey(`/api/reports?draft=true&where[id][equals]=${draft.id}`)
      expect(list.body.totalDocs ?? 0).toBe(0)

      // A published report with a pending draft: the key sees the published title, never the draft's.
      const report = await createReport(publisher, 'published')
      const draftTitle = unique('Hemligt utkast')
      expect((await editor(`/api/reports/${report.id}?draft=true`, { method: 'PATCH', body: { title: draftTitle } })).status).toBe(200)
      const seen = await readerKey(`/api/reports/${report.id}?draft=true`)
      expect(seen.status).toBe(200)
      expect(seen.body.title).toBe(report.title)
      expect(JSON.stringify(seen.body)).not.toContain(draftTitle)
    })

    it('cannot create content', async () => {
      const title = unique('Nyckel skapar')
      const response = await readerKey('/api/reports?draft=true', {
        method: 'POST',
        body: { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', _status: 'draft' },
      })
      expectRefused(response, 403)
      expect((await admin(`/api/reports?draft=true&where[title][equals]=${encodeURIComponent(title)}`)).body.totalDocs).toBe(0)
    })

    it('is the key user, a reader, on /api/users/me', async () => {
      const me = await readerKey('/api/users/me')
      expect(me.status, show(me)).toBe(200)
      expect(me.body.user.id).toBe(actors.readerKey.userId)
      expect(me.body.user.email).toBe(actors.readerKey.email)
      expect(me.body.user.roles).toEqual(['reader'])
    })
  })

  describe('readers and API keys stay out of the admin panel, other users and versions', () => {
    it.each(['reader', 'readerKey'] as const)('%s', async (who) => {
      const as = restAs(actors[who])
      // The admin panel is for staff. Payload leaves `canAccessAdmin` out when it is false.
      const access = await as('/api/access')
      expect(access.status).toBe(200)
      expect(access.body.canAccessAdmin ?? false).toBe(false)

      const otherUser = await as(`/api/users/${actors.admin.userId}`)
      expect([403, 404], show(otherUser)).toContain(otherUser.status)
      expect(JSON.stringify(otherUser.body)).not.toContain(actors.admin.email)

      expectRefused(await as('/api/reports/versions'), 403)
      const seed = (await as(`/api/reports?where[slug][equals]=${SEED_SLUG}&depth=0`)).body.docs[0]
      expect(seed).toBeDefined()
      const seedVersion = (await admin(`/api/reports/versions?where[parent][equals]=${seed.id}&limit=1`)).body.docs[0]
      expect(seedVersion).toBeDefined()
      expectRefused(await as(`/api/reports/versions/${seedVersion.id}`), 403)
    })

    it('while staff do reach the admin panel (the check above can tell them apart)', async () => {
      expect((await editor('/api/access')).body.canAccessAdmin).toBe(true)
    })
  })
})
