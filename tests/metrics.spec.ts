/**
 * What operators see: GET /metrics (Prometheus text) refuses callers without METRICS_TOKEN and
 * is absent when none is set; its counters move with the traffic, by route pattern (never a raw
 * id); every response carries a request id (the caller's when sane), and so do the log lines of
 * that request.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, apiClient } from './support/api'
import { type FreshDatabase, freshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'
import { TEST_ADMIN } from './support/test-database'

const TOKEN = `metrics-${randomUUID()}`

/** The value of one series in Prometheus text (0 when absent), labels matched exactly. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]))
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([key, value]) => found[key] === value))
      return Number(match[3])
  }
  return 0
}

describe('GET /metrics', () => {
  let database: FreshDatabase
  let server: ServerProcess
  let token: string
  const call = (path: string, options: Parameters<ReturnType<typeof apiClient>>[1] = {}) => apiClient(() => server.url)(path, options)
  const scrape = async () => {
    const response = await call('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return response.body as string
  }

  beforeAll(async () => {
    database = await freshDatabase()
    server = await startServer({ env: { DATABASE_URL: database.url, METRICS_TOKEN: TOKEN, LOG_SLOW_REQUEST_MS: '0' } })
    token = (await call('/api/users/login', { method: 'POST', body: TEST_ADMIN })).body.token
  })

  afterAll(async () => {
    await server?.stop('SIGTERM', { forceAfterMs: 15_000 })
    await database?.drop()
  })

  it('is absent without METRICS_TOKEN and refuses a caller without the token', async () => {
    // The suite's server has no METRICS_TOKEN.
    expect((await api('/metrics')).status).toBe(404)
    const without = await call('/metrics')
    expect(without.status).toBe(401)
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(JSON.stringify(without.body)).not.toMatch(/lagesbild_http/)
    expect((await call('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401)
    expect((await call('/metrics', { headers: { authorization: TOKEN } })).status).toBe(401)
  })

  it('counts requests by route pattern and status, the cache, invalidations, the write line and the job queue', async () => {
    const created = await call('/api/reports', {
      method: 'POST',
      token,
      body: { title: `Mätt ${randomUUID().slice(0, 8)}`, compiledAt: '2025-06-02T07:00:00.000Z', audience: 'public', _status: 'published' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const before = await scrape()
    const reads = [await call(`/api/reports/${id}`), await call(`/api/reports/${id}`), await call(`/api/reports/${id}`)]
    expect(reads.map((read) => read.headers.get('x-lagesbild-cache'))).toEqual(['miss', 'hit', 'hit'])
    expect((await call(`/api/reports/${id}`, { method: 'PATCH', token, body: { title: 'Ändrad' } })).status).toBe(200)
    expect((await call('/api/reports/999999999')).status).toBe(404)
    const after = await scrape()

    const read = { method: 'GET', route: '/api/reports/:id', status: '200' }
    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels)
    expect(delta('lagesbild_http_requests_total', read)).toBe(3)
    expect(delta('lagesbild_http_request_duration_seconds_count', read)).toBe(3)
    expect(delta('lagesbild_http_requests_total', { method: 'PATCH', route: '/api/reports/:id', status: '200' })).toBe(1)
    expect(delta('lagesbild_http_requests_total', { method: 'GET', route: '/api/reports/:id', status: '404' })).toBe(1)
    expect(delta('lagesbild_cache_responses_total', { result: 'hit' })).toBe(2)
    expect(delta('lagesbild_cache_responses_total', { result: 'miss' })).toBe(1)
    expect(delta('lagesbild_cache_invalidations_total', { origin: 'this process' })).toBeGreaterThanOrEqual(1)
    // Route labels are patterns: no raw id ever becomes a series.
    expect(after).not.toContain(`/api/reports/${id}"`)
    expect(after).not.toContain('/api/reports/999999999')
    expect(after).toMatch(/^lagesbild_write_line_waiting 0$/m)
    expect(after).toMatch(/^lagesbild_jobs\{task="deliverWebhook",state="queued"\} \d+$/m)
    expect(after).toMatch(/^lagesbild_jobs\{task="schedulePublish",state="failed"\} \d+$/m)
    expect(after).toMatch(/^lagesbild_process_resident_memory_bytes \d+/m)
  })

  it('gives every response a request id, the caller’s when it is sane, and puts it on the log lines of that request', async () => {
    const given = `trace-${randomUUID()}`
    const echoed = await call('/api/reports?limit=1', { headers: { 'x-request-id': given } })
    expect(echoed.headers.get('x-request-id')).toBe(given)

    const generated = (await call('/healthz')).headers.get('x-request-id')
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)
    for (const insane of ['has spaces in it', 'x'.repeat(129), 'quote"brace{']) {
      const answer = await call('/healthz', { headers: { 'x-request-id': insane } })
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
    // LOG_SLOW_REQUEST_MS=0 logs every request, through Payload's logger, in readable form in development.
    const deadline = Date.now() + 5_000
    while (!server.output().includes(given) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    const line = server
      .output()
      .split('\n')
      .find((text) => text.includes(given))
    expect(line).toMatch(new RegExp(`\\[${given}\\] request`))
  })
})
