/**
 * Mixed load against the suite's server: anonymous and reader reads of published content (REST,
 * persisted GraphQL, uncached lists) while editors create and rename draft sections. No answer is a
 * 5xx, every request gets an answer, and every acknowledged write is in the database afterwards.
 * A short run (the suite shares 2 cores); the 200-user, 60-second run on PostgreSQL against the
 * production server is in `npm run bench` (bench/RESULTS.md). Speed is not asserted here.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, restAs } from './support/actors'
import { baseUrl, persistedQueryPath } from './support/api'
import { runMixedLoad, verifyWrites } from './support/mixed-load'
import { paragraphBody } from './support/rich-text'

const USERS = Number(process.env.LOAD_TEST_USERS ?? 40)
const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? 10)

describe('mixed reads and writes under concurrent load', () => {
  let actors: Actors
  const paths = { public: [] as string[], internal: [] as string[] }

  beforeAll(async () => {
    actors = await createActors()
    const publish = async (audience: 'public' | 'internal') => {
      const title = `Last ${audience} ${randomUUID().slice(0, 8)}`
      const body = { _status: 'published', title, kind: 'other', body: paragraphBody(title) }
      const section = await restAs(actors.admin)('/api/sections', { method: 'POST', body })
      expect(section.status, JSON.stringify(section.body)).toBe(201)
      const report = await restAs(actors.admin)('/api/reports', {
        method: 'POST',
        body: { _status: 'published', title, compiledAt: '2025-06-01T07:00:00.000Z', audience, sections: [section.body.doc.id] },
      })
      expect(report.status, JSON.stringify(report.body)).toBe(201)
      return report.body.doc as { id: number; slug: string }
    }
    const open = await publish('public')
    const internal = await publish('internal')
    // Cacheable reads, and a list that changes with every write (so it keeps missing the cache).
    paths.public = [
      `/api/reports/${open.id}?depth=1`,
      persistedQueryPath(open.slug),
      '/api/reports?limit=5&sort=-compiledAt',
      `/api/sections?limit=5&sort=-updatedAt`,
    ]
    paths.internal = [`/api/reports/${internal.id}?depth=1`, persistedQueryPath(internal.slug), '/api/reports?limit=5&where[audience][equals]=internal']
  })

  it(`answers ${USERS} concurrent users for ${SECONDS} s without a 5xx and loses no acknowledged write`, { timeout: 180_000 }, async () => {
    const result = await runMixedLoad({
      baseUrl: baseUrl(),
      users: USERS,
      seconds: SECONDS,
      writerEvery: 5,
      editor: actors.editor.authorization!,
      reader: actors.readerKey.authorization!,
      anonymousPaths: paths.public,
      readerPaths: paths.internal,
    })
    expect(result.failures, 'requests without an answer').toEqual([])
    expect(result.serverErrors, `statuses: ${JSON.stringify(result.statuses)}`).toBe(0)
    // Only expected answers: reads 200 (304 needs If-None-Match, which the load does not send), writes 200/201.
    expect(Object.keys(result.statuses).sort()).toEqual(expect.arrayContaining(['200', '201']))
    expect(Object.keys(result.statuses).filter((status) => !['200', '201'].includes(status))).toEqual([])
    for (const kind of ['anonymous read', 'reader read', 'editor write'] as const) expect(result.byKind[kind].requests, kind).toBeGreaterThan(0)
    expect(result.acknowledged.created.size).toBeGreaterThan(result.writers)
    expect(result.acknowledged.renamed.size).toBeGreaterThan(0)
    expect(await verifyWrites(baseUrl(), actors.editor.authorization!, result.acknowledged)).toEqual([])
  })

  it('the verification notices a write that is gone (it can fail)', async () => {
    const created = await restAs(actors.editor)('/api/sections?draft=true', { method: 'POST', body: { title: 'Load verification #0', kind: 'other' } })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const acknowledged = {
      created: new Map([[id, 'Load verification #0']]),
      renamed: new Map([[id, { title: 'Load verification #3', sequence: 3 }]]),
    }
    expect(await verifyWrites(baseUrl(), actors.editor.authorization!, acknowledged)).toEqual([
      `section ${id}: last acknowledged title "Load verification #3", found "Load verification #0"`,
    ])
    expect((await restAs(actors.admin)(`/api/sections/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await verifyWrites(baseUrl(), actors.editor.authorization!, { created: new Map([[id, 'x']]), renamed: new Map() })).toEqual([
      `section ${id} ("x") was created (201) but is gone`,
    ])
  })
})
