/**
 * Signed publish webhooks, end to end: a second server with WEBHOOK_URLS pointing at a small
 * receiver in this test publishes, unpublishes and deletes reports; the job runners (that
 * server's and the suite's, which share the database and the secret) deliver signed POSTs,
 * retry failures with backoff and record every attempt.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '../src/env'
import { deliverWebhookTask } from '../src/webhooks/deliver-task'
import { signWebhook, verifyWebhookSignature } from '../src/webhooks/signature'
import { type Actors, createActors, restAs } from './support/actors'
import { login } from './support/api'
import { localPayload } from './support/local-payload'
import { startServer, type ServerProcess } from './support/server-process'

const SECRET = process.env.WEBHOOK_SECRET!

type Report = { id: number | string; slug: string; title: string }

interface Received {
  headers: IncomingHttpHeaders
  body: string
  /** What the receiver answered; 0 while it holds the request unanswered. */
  answered: number
}

/** A consumer on 127.0.0.1 that records every request and can fail or hang on demand. */
async function startReceiver() {
  const requests: Received[] = []
  const held: ServerResponse[] = []
  let failuresLeft = 0
  let hanging = false
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const received: Received = { headers: req.headers, body, answered: 0 }
      requests.push(received)
      if (hanging) return void held.push(res)
      received.answered = failuresLeft > 0 ? (failuresLeft--, 503) : 204
      res.writeHead(received.answered).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const release = () => held.splice(0).forEach((res) => res.destroy())
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/lagesbild`,
    requests,
    failNext: (count: number) => (failuresLeft = count),
    hang: (on: boolean) => ((hanging = on), on || release()),
    close: () => (release(), server.closeAllConnections(), new Promise((resolve) => server.close(resolve))),
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

type WebhookMessage = { event: string; id: number | string; slug: string; audience: string; occurredAt: string }
const messageOf = (received: Received) => JSON.parse(received.body) as WebhookMessage
const header = (received: Received, name: string) => String(received.headers[name])
const verify = (received: Received, overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({
    body: received.body,
    timestamp: header(received, 'x-lagesbild-timestamp'),
    signature: header(received, 'x-lagesbild-signature'),
    secret: SECRET,
    ...overrides,
  })

describe('signed publish webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let server: ServerProcess
  let payload: Payload
  let actors: Actors
  let token: string

  /** REST on the server that has WEBHOOK_URLS (the suite's own server has none). */
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json().catch(() => undefined) }
  }

  const createDraft = async (title: string) => {
    const body = { title: `${title} ${Date.now()}`, compiledAt: '2025-05-02T07:00:00.000Z', audience: 'public', _status: 'draft' }
    const created = await call('/api/reports?draft=true', 'POST', body)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body.doc as Report
  }
  const setStatus = async (id: number | string, _status: 'published' | 'draft') => {
    const response = await call(`/api/reports/${id}`, 'PATCH', { _status })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  }
  // By slug: SQLite gives a deleted report's id to the next report.
  const requestsFor = (report: Report) => receiver.requests.filter((received) => messageOf(received).slug === report.slug)
  const deliveredEvents = (report: Report) =>
    requestsFor(report)
      .filter((r) => r.answered === 204)
      .map((r) => messageOf(r).event)
  const awaitEvent = (report: Report, event: string, nth = 1) =>
    waitFor(`${event} #${nth} for report ${report.slug}`, () => requestsFor(report).filter((r) => r.answered === 204 && messageOf(r).event === event)[nth - 1])
  const attemptsOf = async (deliveryId: string) =>
    (await payload.find({ collection: 'webhook-deliveries', where: { deliveryId: { equals: deliveryId } }, sort: 'attempt', depth: 0, pagination: false })).docs

  beforeAll(async () => {
    expect(SECRET, 'tests/support/test-database.ts sets WEBHOOK_SECRET').toBeTruthy()
    receiver = await startReceiver()
    server = await startServer({
      env: { WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET: SECRET, JOBS_CRON: '* * * * * *', DATABASE_URL: process.env.DATABASE_URL, AUTO_SEED: 'false' },
    })
    payload = await localPayload()
    actors = await createActors()
    token = await login()
  })

  afterAll(async () => {
    await server?.stop()
    // Retries left for a receiver that is about to close would only fill the suite's log.
    await payload?.db.deleteMany({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'deliverWebhook' } }, { completedAt: { exists: false } }] },
    })
    await receiver?.close()
  })

  it('refuses WEBHOOK_URLS without a good WEBHOOK_SECRET, naming the variable', () => {
    const base = { PAYLOAD_SECRET: 'x'.repeat(40) }
    expect(() => parseEnv({ ...base, WEBHOOK_URLS: 'https://consumer.example/hook' })).toThrow(/WEBHOOK_SECRET: required when WEBHOOK_URLS is set/)
    expect(() => parseEnv({ ...base, WEBHOOK_URLS: 'https://consumer.example/hook', WEBHOOK_SECRET: 'short' })).toThrow(/WEBHOOK_SECRET: must be at least 32/)
    expect(() => parseEnv({ ...base, WEBHOOK_URLS: 'ftp://consumer.example/hook', WEBHOOK_SECRET: SECRET })).toThrow(/WEBHOOK_URLS/)
    const env = parseEnv({ ...base, WEBHOOK_URLS: 'https://a.example/hook, http://b.example/x', WEBHOOK_SECRET: SECRET })
    expect(env.WEBHOOK_URLS).toEqual(['https://a.example/hook', 'http://b.example/x'])
    expect(parseEnv(base).WEBHOOK_URLS).toEqual([])
  })

  it('sends a signed POST with the report when it is published', async () => {
    const report = await createDraft('Webhook publicerad')
    await setStatus(report.id, 'published')
    const received = await awaitEvent(report, 'report.published')

    expect(received.headers['content-type']).toBe('application/json')
    expect(header(received, 'x-lagesbild-event')).toBe('report.published')
    expect(header(received, 'x-lagesbild-delivery')).toMatch(/^\S+$/)
    expect(verify(received)).toBe(true)
    const message = messageOf(received)
    expect(Object.keys(message).sort()).toEqual(['audience', 'edition', 'event', 'id', 'occurredAt', 'slug'])
    // The edition this publication recorded: the one readers now see.
    expect(message).toMatchObject({ event: 'report.published', id: report.id, slug: report.slug, audience: 'public', edition: 1 })
    expect(Date.now() - Date.parse(message.occurredAt)).toBeLessThan(60_000)
    // Creating the draft sent nothing.
    expect(requestsFor(report).map((r) => messageOf(r).event)).toEqual(['report.published'])
  })

  it('signatures fail for a tampered body, another secret, or an old or forged timestamp', async () => {
    const report = await createDraft('Webhook signatur')
    await setStatus(report.id, 'published')
    const received = await awaitEvent(report, 'report.published')

    expect(verify(received, { body: received.body.replace('report.published', 'report.deleted') })).toBe(false)
    expect(verify(received, { body: `${received.body} ` })).toBe(false)
    expect(verify(received, { secret: 'another-secret-that-is-long-enough-0123456789' })).toBe(false)
    expect(verify(received, { timestamp: String(Number(header(received, 'x-lagesbild-timestamp')) + 1) })).toBe(false)
    expect(verify(received, { signature: 'sha256=abc' })).toBe(false)
    // Correctly signed, but an hour old: a replay.
    const old = String(Math.floor(Date.now() / 1000) - 3600)
    const replay = { body: received.body, timestamp: old, signature: signWebhook({ body: received.body, timestamp: old, secret: SECRET }), secret: SECRET }
    expect(verifyWebhookSignature(replay)).toBe(false)
    expect(verifyWebhookSignature({ ...replay, toleranceSeconds: 7200 })).toBe(true)
  })

  it('announces a change in place, an unpublish, a restore and a delete of a published report', async () => {
    const report = await createDraft('Webhook livscykel')
    await setStatus(report.id, 'published')
    await awaitEvent(report, 'report.published')

    const inPlace = await call(`/api/reports/${report.id}`, 'PATCH', { subject: 'Ändrad på plats' })
    expect(inPlace.status).toBe(200)
    await awaitEvent(report, 'report.published', 2)

    await setStatus(report.id, 'draft')
    const unpublished = await awaitEvent(report, 'report.unpublished')
    expect(messageOf(unpublished)).toMatchObject({ id: report.id, slug: report.slug, audience: 'public' })
    expect(verify(unpublished)).toBe(true)

    // Restoring a published version publishes the report again.
    const versions = await call(`/api/reports/versions?where[parent][equals]=${report.id}&where[version._status][equals]=published&sort=-updatedAt&limit=1`)
    expect((await call(`/api/reports/versions/${versions.body.docs[0].id}`, 'POST')).status).toBe(200)
    await awaitEvent(report, 'report.published', 3)
    expect((await call(`/api/reports/${report.id}`, 'DELETE')).status).toBe(200)
    const deleted = await awaitEvent(report, 'report.deleted')
    expect(messageOf(deleted)).toMatchObject({ id: report.id, slug: report.slug })
    expect(verify(deleted)).toBe(true)
    expect(deliveredEvents(report)).toEqual(['report.published', 'report.published', 'report.unpublished', 'report.published', 'report.deleted'])
  })

  it('sends nothing for a draft saved over a published report, or for deleting a report never published', async () => {
    const report = await createDraft('Webhook utkast')
    await setStatus(report.id, 'published')
    await awaitEvent(report, 'report.published')
    const neverPublished = await createDraft('Webhook aldrig publicerad')

    const draft = await call(`/api/reports/${report.id}?draft=true`, 'PATCH', { subject: 'Bara ett utkast', _status: 'draft' })
    expect(draft.status).toBe(200)
    expect((await call(`/api/reports/${neverPublished.id}`, 'DELETE')).status).toBe(200)
    // Queued after both: once it has arrived (plus a tick of the job runner), so would have anything they queued.
    await setStatus(report.id, 'draft')
    await awaitEvent(report, 'report.unpublished')
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(requestsFor(report).map((r) => messageOf(r).event)).toEqual(['report.published', 'report.unpublished'])
    expect(requestsFor(neverPublished)).toEqual([])
  })

  it('retries a failing consumer with backoff and records every attempt, for admins only', async () => {
    receiver.failNext(2)
    const report = await createDraft('Webhook omförsök')
    await setStatus(report.id, 'published')
    await awaitEvent(report, 'report.published')

    const attempts = requestsFor(report)
    expect(attempts.map((r) => r.answered)).toEqual([503, 503, 204])
    const deliveryId = header(attempts[0], 'x-lagesbild-delivery')
    expect(attempts.every((r) => header(r, 'x-lagesbild-delivery') === deliveryId && verify(r))).toBe(true)

    const rows = await waitFor('three finished attempts', async () => {
      const found = await attemptsOf(deliveryId)
      return found.length === 3 && found.every((row) => row.status !== 'sending') ? found : undefined
    })
    expect(rows.map(({ attempt, status, httpStatus, error }) => ({ attempt, status, httpStatus, error: error ?? null }))).toEqual([
      { attempt: 1, status: 'failed', httpStatus: 503, error: 'HTTP 503' },
      { attempt: 2, status: 'failed', httpStatus: 503, error: 'HTTP 503' },
      { attempt: 3, status: 'delivered', httpStatus: 204, error: null },
    ])
    for (const row of rows) {
      expect(row).toMatchObject({ event: 'report.published', reportId: String(report.id), url: receiver.url })
      expect(row.durationMs).toBeGreaterThanOrEqual(0)
    }
    // Exponential backoff: the second retry waited longer than the first.
    const created = rows.map((row) => Date.parse(row.createdAt))
    expect(created[2] - created[1]).toBeGreaterThan(created[1] - created[0] - 500)

    const listPath = `/api/webhook-deliveries?where[deliveryId][equals]=${deliveryId}`
    const asAdmin = await restAs(actors.admin)(listPath)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.totalDocs).toBe(3)
    for (const actor of ['publisher', 'editor', 'reader', 'readerKey', 'anonymous'] as const) {
      expect((await restAs(actors[actor])(listPath)).status, actor).toBe(403)
      expect((await restAs(actors[actor])(`/api/webhook-deliveries/${rows[0].id}`)).status, actor).toBe(403)
    }
    const admin = restAs(actors.admin)
    const forged = { event: 'x', reportId: '1', deliveryId: '1', attempt: 1, attemptKey: 'forged', url: 'https://x.example', status: 'delivered' }
    expect((await admin('/api/webhook-deliveries', { method: 'POST', body: forged })).status).toBe(403)
    expect((await admin(`/api/webhook-deliveries/${rows[0].id}`, { method: 'PATCH', body: { status: 'delivered' } })).status).toBe(403)
    expect((await admin(`/api/webhook-deliveries/${rows[0].id}`, { method: 'DELETE' })).status).toBe(403)
  })

  it('publishes at once while the consumer does not answer, then delivers when it does', async () => {
    receiver.hang(true)
    const report = await createDraft('Webhook ingen svarar')
    const started = Date.now()
    await setStatus(report.id, 'published')
    // Delivering inside the request would take the 5 s delivery timeout.
    expect(Date.now() - started).toBeLessThan(2_000)

    const held = await waitFor('the held request', () => requestsFor(report)[0])
    const deliveryId = header(held, 'x-lagesbild-delivery')
    const [timedOut] = await waitFor('the first attempt to time out', async () => {
      const rows = await attemptsOf(deliveryId)
      return rows[0]?.status === 'failed' ? rows : undefined
    })
    expect(timedOut.error).toMatch(/no answer within 5 s/)
    receiver.hang(false)
    await awaitEvent(report, 'report.published')
    const rows = await waitFor('the delivered attempt', async () => {
      const found = await attemptsOf(deliveryId)
      return found.at(-1)?.status === 'delivered' ? found : undefined
    })
    expect(rows.map((row) => row.status)).toEqual([...rows.slice(0, -1).map(() => 'failed'), 'delivered'])
  })

  it('two job runners handed the same attempt send it once and both report its outcome', async () => {
    // Payload's runner reads the job, then marks it as processing: two servers polling at the same
    // moment can both take it (PostgreSQL). Here both run the task's handler at once.
    const deliveryId = randomUUID()
    const body = JSON.stringify({ event: 'report.published', id: 0, slug: `race-${deliveryId}`, audience: 'public', occurredAt: new Date().toISOString() })
    const input = { deliveryId, url: receiver.url, event: 'report.published', reportId: '0', body }
    const handler = deliverWebhookTask.handler as (args: object) => Promise<{ output: { httpStatus: number } }>
    const run = async () => handler({ input, job: { id: 'race', totalTried: 0 }, req: await createLocalReq({}, payload) })
    const outcomes = await Promise.all([run(), run()])

    expect(outcomes.map((outcome) => outcome.output.httpStatus)).toEqual([204, 204])
    expect(receiver.requests.filter((received) => header(received, 'x-lagesbild-delivery') === deliveryId)).toHaveLength(1)
    expect((await attemptsOf(deliveryId)).map(({ attempt, status }) => ({ attempt, status }))).toEqual([{ attempt: 1, status: 'delivered' }])
  })

  it('sends no attempt twice, although two job runners share the database', async () => {
    const byDelivery = new Map<string, Received[]>()
    for (const received of receiver.requests) {
      const id = header(received, 'x-lagesbild-delivery')
      byDelivery.set(id, [...(byDelivery.get(id) ?? []), received])
    }
    expect(byDelivery.size).toBeGreaterThan(5)
    for (const [deliveryId, requests] of byDelivery) {
      const rows = await attemptsOf(deliveryId)
      expect(requests.length, `delivery ${deliveryId}`).toBe(rows.length)
      expect(rows.map((row) => row.attempt)).toEqual(rows.map((_, index) => index + 1))
    }
  })
})
