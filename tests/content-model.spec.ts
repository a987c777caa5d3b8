/**
 * The content model over the real HTTP server: a report with sections, actions and a
 * spokesperson is created over REST and read back over REST (with depth) and GraphQL.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, graphql, login } from './support/api'
import { bulletBody } from './support/rich-text'

const listBody = bulletBody('Första punkten')

describe('content model over REST and GraphQL', () => {
  let token: string
  let reportId: number | string
  const unique = `modell-${Date.now()}`

  beforeAll(async () => {
    token = await login()
    const section = await api('/api/sections', {
      method: 'POST',
      token,
      body: { title: `Läget ${unique}`, kind: 'situationSummary', body: listBody, _status: 'published' },
    })
    expect(section.status).toBe(201)
    const action = await api('/api/communication-actions', {
      method: 'POST',
      token,
      body: {
        date: '2025-04-02T12:00:00.000Z',
        title: `Artikel ${unique}`,
        url: 'https://www.vgr.se/nyheter?id=1&x=2',
        channel: 'intranetArticle',
        audience: 'public',
      },
    })
    expect(action.status).toBe(201)
    const person = await api('/api/spokespersons', {
      method: 'POST',
      token,
      body: { name: `Person ${unique}`, title: 'direktör', organisation: 'Koncernkontoret', email: 'p@example.org', phone: '010-123 45 67' },
    })
    expect(person.status).toBe(201)
    const report = await api('/api/reports', {
      method: 'POST',
      token,
      body: {
        title: `Rapport ${unique}`,
        subject: 'Samordning',
        compiledAt: '2025-04-03T07:00:00.000Z',
        audience: 'public',
        distribution: ['politicalLeadership', 'intranet'],
        sections: [section.body.doc.id],
        communicationActions: [action.body.doc.id],
        spokespersons: [person.body.doc.id],
        collectedInformation: [{ label: 'FAQ', url: '#' }],
        compiledBy: 'Koncernstab kommunikation',
        _status: 'published',
      },
    })
    expect(report.status, JSON.stringify(report.body)).toBe(201)
    reportId = report.body.doc.id
  })

  it('makes the slug from title and the Stockholm compiled day', async () => {
    const { body } = await api(`/api/reports/${reportId}?depth=0`, { token })
    expect(body.slug).toBe(`rapport-${unique}-2025-04-03`)
    expect(body.compiledAt).toBe('2025-04-03T07:00:00.000Z')
  })

  it('returns ids at depth 0 and populated documents at depth 1 (REST)', async () => {
    const flat = await api(`/api/reports/${reportId}?depth=0`, { token })
    expect(typeof flat.body.sections[0]).not.toBe('object')
    const deep = await api(`/api/reports/${reportId}?depth=1`, { token })
    expect(deep.body.sections[0].title).toBe(`Läget ${unique}`)
    expect(deep.body.sections[0].body.root.children[0].type).toBe('list')
    expect(deep.body.communicationActions[0].url).toBe('https://www.vgr.se/nyheter?id=1&x=2')
    expect(deep.body.spokespersons[0].organisation).toBe('Koncernkontoret')
    expect(deep.body.collectedInformation).toMatchObject([{ label: 'FAQ', url: '#' }])
  })

  it('answers a nested GraphQL query with the contract field names', async () => {
    const { status, body } = await graphql(
      `
        query ($id: Int!) {
          Report(id: $id) {
            title
            slug
            subject
            compiledAt
            audience
            distribution
            compiledBy
            sections {
              title
              kind
              body
            }
            communicationActions {
              date
              title
              url
              channel
              audience
            }
            spokespersons {
              name
              title
              organisation
              email
              active
            }
            collectedInformation {
              label
              url
            }
          }
        }
      `,
      { id: Number(reportId) },
      token,
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const report = body.data.Report
    expect(report).toMatchObject({
      subject: 'Samordning',
      audience: 'public',
      distribution: ['politicalLeadership', 'intranet'],
      compiledBy: 'Koncernstab kommunikation',
      sections: [{ title: `Läget ${unique}`, kind: 'situationSummary' }],
      communicationActions: [{ title: `Artikel ${unique}`, channel: 'intranetArticle', audience: 'public' }],
      spokespersons: [{ name: `Person ${unique}`, active: true }],
      collectedInformation: [{ label: 'FAQ', url: '#' }],
    })
  })

  it('shows which reports use a section (join)', async () => {
    const report = await api(`/api/reports/${reportId}?depth=0`, { token })
    const section = await api(`/api/sections/${report.body.sections[0]}?depth=1`, { token })
    expect(section.body.usedInReports.docs.map((doc: any) => doc.id ?? doc)).toContain(reportId)
  })

  it('refuses unsafe link URLs with a 400 naming the field', async () => {
    const body = { date: '2025-04-02T12:00:00.000Z', title: 'Farlig', url: 'javascript:alert(1)' }
    const response = await api('/api/communication-actions', { method: 'POST', token, body })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('url')
  })

  it('refuses a duplicate slug with a 400', async () => {
    const response = await api('/api/reports', { method: 'POST', token, body: { title: `Rapport ${unique}`, compiledAt: '2025-04-03T08:00:00.000Z' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('slug')
  })
})
