/**
 * The human views of a report: the A4 print page (what the caller may read) and the draft
 * preview behind the admin's Preview button (staff only).
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, restAs } from './support/actors'
import { baseUrl } from './support/api'

const view = async (path: string, authorization?: string) => {
  const response = await fetch(`${baseUrl()}${path}`, { headers: authorization ? { authorization } : {} })
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }
}

describe('print and preview views', () => {
  let actors: Actors
  let published: { id: number | string; title: string; slug: string }
  let internal: { id: number | string; slug: string }

  beforeAll(async () => {
    actors = await createActors()
    const admin = restAs(actors.admin)
    const create = async (data: Record<string, unknown>) =>
      (await admin('/api/reports', { method: 'POST', body: { compiledAt: '2025-06-02T07:00:00.000Z', ...data } })).body.doc
    published = await create({
      title: `Utskrift ${randomUUID().slice(0, 6)}`,
      audience: 'public',
      _status: 'published',
      collectedInformation: [{ label: 'FAQ <om> pausen', url: 'https://example.org/faq?a=1&b=2' }],
    })
    internal = await create({ title: `Intern utskrift ${randomUUID().slice(0, 6)}`, audience: 'internal', _status: 'published' })
    await admin(`/api/reports/${published.id}?draft=true`, { method: 'PATCH', body: { title: `${published.title} (utkast)` } })
  })

  it('prints a published public report as an A4 page for anyone', async () => {
    const page = await view(`/reports/${published.id}/print`)
    expect(page.status).toBe(200)
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body).toContain('@page { size: A4')
    expect(page.body).toContain(`<h1`)
    expect(page.body).toContain(published.title)
    expect(page.body).not.toContain('(utkast)')
    expect(page.body).toContain('FAQ &lt;om&gt; pausen')
    expect(page.body).toContain('href="https://example.org/faq?a=1&amp;b=2"')
  })

  it('does not print an internal report for anonymous callers, but does for readers', async () => {
    expect((await view(`/reports/${internal.id}/print`)).status).toBe(404)
    expect((await view(`/reports/${internal.id}/print`, actors.readerKey.authorization)).status).toBe(200)
  })

  it('prints a report by its slug as by its id, under the same access rules', async () => {
    const bySlug = await view(`/reports/${published.slug}/print`)
    expect(bySlug.status).toBe(200)
    expect(bySlug.body).toBe((await view(`/reports/${published.id}/print`)).body)
    expect((await view(`/reports/${internal.slug}/print`)).status).toBe(404)
    const internalBySlug = await view(`/reports/${internal.slug}/print`, actors.readerKey.authorization)
    expect(internalBySlug.status).toBe(200)
    expect(internalBySlug.body).toBe((await view(`/reports/${internal.id}/print`, actors.readerKey.authorization)).body)
    expect((await view('/reports/no-such-report-2025-01-01/print')).status).toBe(404)
  })

  it('previews the latest draft for staff only', async () => {
    expect((await view(`/reports/${published.id}/preview`)).status).toBe(401)
    expect((await view(`/reports/${published.id}/preview`, actors.reader.authorization)).status).toBe(403)
    const preview = await view(`/reports/${published.id}/preview`, actors.editor.authorization)
    expect(preview.status).toBe(200)
    expect(preview.body).toContain(`${published.title} (utkast)`)
    expect(preview.body).toContain('Förhandsvisning')
  })
})
