/**
 * The seed report, loaded at start-up through the parser and the Local API, comes back from
 * the database with every field intact, and seeding again changes nothing.
 */
import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { parseReport } from '../src/report-format/parse'
import { renderReportText } from '../src/report-format/render-text'
import { loadReportModel } from '../src/reports/load'
import { ensureAdmin, SEED_REPORT_FILE, seedReports } from '../seed/seed'
import { api, login } from './support/api'
import { localPayload } from './support/local-payload'
import { TEST_ADMIN } from './support/test-database'

const SLUG = 'regional-rapport-samordning-vardinformationssystem-2025-04-03'
const seedText = readFileSync(SEED_REPORT_FILE, 'utf8')
const normalise = (text: string) => text.replace(/[ \t]+$/gm, '').trim()

describe('seed report', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await localPayload()
  })

  it('is in the database with every field of the text', async () => {
    const parsed = parseReport(seedText)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const stored = await loadReportModel(payload, SLUG, { user: null, trusted: true })
    expect(stored).toEqual(parsed.report)
    expect(normalise(renderReportText(stored!))).toBe(normalise(seedText))
  })

  it('is published, internal, with the compiler and commissioner from its about text', async () => {
    const token = await login()
    const { body } = await api(`/api/reports?where[slug][equals]=${SLUG}&depth=0`, { token })
    expect(body.docs[0]).toMatchObject({
      _status: 'published',
      audience: 'internal',
      compiledBy: 'Koncernstab kommunikation, Koncernkontoret',
      commissionedBy: 'Samordnad hantering för införande av vårdinformationssystem',
    })
  })

  it('changes nothing when run again (no new documents, versions or timestamps)', async () => {
    const snapshot = async () => {
      const report = await payload.find({ collection: 'reports', where: { slug: { equals: SLUG } }, depth: 0 })
      const counts = await Promise.all(
        (['reports', 'sections', 'communication-actions', 'spokespersons'] as const).map(async (collection) => (await payload.count({ collection })).totalDocs),
      )
      const versions = await payload.countVersions({ collection: 'reports', where: { parent: { equals: report.docs[0].id } } })
      return { updatedAt: report.docs[0].updatedAt, counts, versions: versions.totalDocs }
    }
    const before = await snapshot()
    const results = await seedReports(payload)
    expect(results.map((r) => r.status)).toEqual(['unchanged'])
    expect(await snapshot()).toEqual(before)
  })

  it('never overwrites an existing admin password', async () => {
    expect(await ensureAdmin(payload, TEST_ADMIN.email, 'another-password-999')).toBe('exists')
    await expect(login(TEST_ADMIN.email, TEST_ADMIN.password)).resolves.toBeTruthy()
  })

  it('made the seed admin an admin (the first user)', async () => {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: TEST_ADMIN.email } } })
    expect(docs[0].roles).toEqual(['admin'])
  })
})
