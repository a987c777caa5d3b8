/**
 * Drafts, versions and scheduled publishing: drafts stay invisible to anonymous readers,
 * every save leaves a version, and a scheduled publish is carried out by the job runner
 * inside the server process (the test only queues the job and watches the API).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, login } from './support/api'
import { localPayload } from './support/local-payload'

describe('drafts, versions and scheduled publishing', () => {
  let token: string
  let payload: Payload

  beforeAll(async () => {
    token = await login()
    payload = await localPayload()
  })

  const createDraft = async (title: string) => {
    const response = await api('/api/reports?draft=true', {
      method: 'POST',
      token,
      body: { title, compiledAt: '2025-05-01T07:00:00.000Z', audience: 'public', _status: 'draft' },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }

  it('keeps a draft from anonymous readers until it is published, with versions', async () => {
    const draft = await createDraft(`Utkast ${Date.now()}`)
    expect((await api(`/api/reports/${draft.id}`)).status).toBe(404)
    expect((await api(`/api/reports/${draft.id}`, { token })).status).toBe(200)

    const published = await api(`/api/reports/${draft.id}`, { method: 'PATCH', token, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    const anonymous = await api(`/api/reports/${draft.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.title).toBe(draft.title)

    const versions = await api(`/api/reports/versions?where[parent][equals]=${draft.id}`, { token })
    expect(versions.status).toBe(200)
    expect(versions.body.totalDocs).toBeGreaterThanOrEqual(2)
    expect(versions.body.docs.map((v: any) => v.version._status)).toContain('draft')
  })

  it('publishes a scheduled report through the in-process job runner', async () => {
    const draft = await createDraft(`Schemalagd ${Date.now()}`)
    const admin = (await payload.find({ collection: 'users', where: { roles: { contains: 'admin' } }, limit: 1 })).docs[0]
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 2_000),
      input: { type: 'publish', doc: { relationTo: 'reports', value: String(draft.id) as never }, user: { relationTo: 'users', value: admin.id } },
    })
    expect((await api(`/api/reports/${draft.id}`)).status).toBe(404)

    const deadline = Date.now() + 30_000
    let status = 404
    while (Date.now() < deadline && status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      status = (await api(`/api/reports/${draft.id}`)).status
    }
    expect(status).toBe(200)
  })
})
