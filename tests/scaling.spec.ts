/**
 * docs/SCALING.md in small: two nodes of two workers each (four server processes) on one
 * PostgreSQL database, sharing invalidations through Redis. A change published through one node
 * is what every worker of both nodes answers on the next read.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/database'
import { apiClient } from './support/api'
import { type FreshDatabase, freshDatabase } from './support/fresh-database'
import { all, fromEveryWorker, get } from './support/fresh-connection'
import { startServer, type ServerProcess } from './support/server-process'
import { TEST_ADMIN } from './support/test-database'

// Run by `npm run test:postgres` (four servers starting take minutes; the SQLite suite has tests/workers.spec.ts).
describe.runIf(databaseKind(process.env.DATABASE_URL) === 'postgres')('two nodes × two workers on one PostgreSQL database, invalidating through Redis', () => {
  let database: FreshDatabase
  const nodes: ServerProcess[] = []

  beforeAll(async () => {
    database = await freshDatabase()
    const env = { DATABASE_URL: database.url, WEB_CONCURRENCY: '2', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }
    // The first node pushes the schema and seeds the admin; the second finds both done.
    nodes.push(await startServer({ env, timeoutMs: 300_000 }))
    nodes.push(await startServer({ env: { ...env, AUTO_SEED: 'false' }, timeoutMs: 300_000 }))
  }, 620_000)

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop('SIGTERM', { forceAfterMs: 20_000 })))
    await database?.drop()
  })

  it('shows a change published through one node on the next read on all four workers', async () => {
    const [a, b] = nodes
    const login = await apiClient(a.url)('/api/users/login', { method: 'POST', body: TEST_ADMIN })
    expect(login.status).toBe(200)
    const created = await apiClient(a.url)('/api/reports', {
      method: 'POST',
      token: login.body.token,
      body: { title: `Fyra processer ${randomUUID().slice(0, 8)}`, compiledAt: '2025-06-03T07:00:00.000Z', audience: 'public', _status: 'published' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const everyWorker = async () => {
      const answers = []
      for (const node of nodes) answers.push(...all(await fromEveryWorker(() => get(`${node.url}/api/reports/${id}?depth=1`))))
      expect(new Set(answers.map((answer) => answer.pid)).size).toBe(4)
      return answers
    }
    // Every worker of both nodes has it cached before the change.
    const lastByWorker = new Map((await everyWorker()).map((answer) => [answer.pid, answer]))
    for (const answer of lastByWorker.values()) expect(answer.headers['x-lagesbild-cache']).toBe('hit')

    const title = `Ändrad via B ${randomUUID().slice(0, 8)}`
    expect((await apiClient(b.url)(`/api/reports/${id}`, { method: 'PATCH', token: login.body.token, body: { title } })).status).toBe(200)
    for (const answer of await everyWorker()) expect(answer.body.title).toBe(title)
  })
})
