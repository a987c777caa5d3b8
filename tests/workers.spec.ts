/**
 * Several worker processes on one port (WEB_CONCURRENCY=2, src/cluster/), without Redis: a
 * write's invalidation and a changed user reach every worker through the primary before the
 * write answers; a killed worker is replaced while the other answers without a single failure,
 * and the job queue runs in exactly one worker, the replacement included; SIGTERM drains all.
 * Each read goes over a fresh connection, so the primary hands it to the workers in turn; the
 * X-Worker header says which one answered.
 */
import { randomUUID } from 'node:crypto'
import http, { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from './support/api'
import { all, fromEveryWorker, get } from './support/fresh-connection'
import { type FreshDatabase, freshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'
import { TEST_ADMIN } from './support/test-database'

/** A consumer that records webhook deliveries. */
async function startReceiver() {
  const bodies: any[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      bodies.push(JSON.parse(body))
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    bodies,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  }
}

describe('two workers on one port, invalidating through the primary (no Redis)', () => {
  let database: FreshDatabase
  let server: ServerProcess
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let token: string
  const tag = () => randomUUID().slice(0, 8)
  const api = (path: string, options: { method?: string; body?: unknown } = {}) => apiClient(() => server.url)(path, { token, ...options })

  beforeAll(async () => {
    database = await freshDatabase()
    receiver = await startReceiver()
    server = await startServer({
      env: { DATABASE_URL: database.url, WEB_CONCURRENCY: '2', REDIS_URL: undefined, WEBHOOK_URLS: receiver.url },
      timeoutMs: 300_000,
    })
    const login = await apiClient(server.url)('/api/users/login', { method: 'POST', body: TEST_ADMIN })
    expect(login.status).toBe(200)
    token = login.body.token
  }, 320_000)

  afterAll(async () => {
    await server?.stop('SIGTERM', { forceAfterMs: 20_000 })
    await receiver?.close()
    await database?.drop()
  })

  const publish = async (title: string, audience = 'public') => {
    const created = await api('/api/reports', { method: 'POST', body: { title, compiledAt: '2025-06-01T07:00:00.000Z', audience, _status: 'published' } })
    expect(created.status).toBe(201)
    return created.body.doc.id as number
  }

  it('starts two workers, says so in /readyz, and runs the job queue in one of them', async () => {
    expect(server.output()).toMatch(/listening on http:\/\/\S+ \(2 workers\)/)
    expect(server.output().match(/runs the job queue\) listening/g)).toHaveLength(1)
    const readiness = await fromEveryWorker(() => get(`${server.url}/readyz`))
    for (const answer of all(readiness)) expect(answer.body).toMatchObject({ status: 'ready', workers: { ready: 2, expected: 2 } })
  })

  it('shows a published change on the next read on every worker', async () => {
    const id = await publish(`Två processer ${tag()}`)
    const read = () => get(`${server.url}/api/reports/${id}?depth=1`)
    // Every worker has it cached before the change.
    const before = await fromEveryWorker(read)
    for (const answers of before.values()) expect(answers.at(-1)!.headers['x-lagesbild-cache']).toBe('hit')

    const title = `Ändrad ${tag()}`
    expect((await api(`/api/reports/${id}`, { method: 'PATCH', body: { title } })).status).toBe(200)
    for (const answer of all(await fromEveryWorker(read))) expect(answer.body.title).toBe(title)

    expect((await api(`/api/reports/${id}`, { method: 'PATCH', body: { _status: 'draft' } })).status).toBe(200)
    for (const answer of all(await fromEveryWorker(read))) expect(answer.status).toBe(404)
  })

  it('forgets a revoked API key on every worker before the revocation answers', async () => {
    const internal = await publish(`Intern ${tag()}`, 'internal')
    const key = randomUUID()
    const reader = await api('/api/users', {
      method: 'POST',
      body: { email: `key-${tag()}@test.local`, password: 'key-user-password-1', roles: ['reader'], enableAPIKey: true, apiKey: key },
    })
    expect(reader.status).toBe(201)
    const read = () => get(`${server.url}/api/reports/${internal}?depth=0`, { authorization: `users API-Key ${key}` })
    for (const answer of all(await fromEveryWorker(read))) expect(answer.status).toBe(200)

    expect((await api(`/api/users/${reader.body.doc.id}`, { method: 'PATCH', body: { enableAPIKey: false } })).status).toBe(200)
    for (const answer of all(await fromEveryWorker(read))) expect(answer.status).not.toBe(200)
  })

  it('replaces a killed worker while the other answers every request, and the job queue runs once, in the replacement', async () => {
    // One kept-alive connection per worker: each stays on the worker it first reached.
    const lanes = new Map<string, { agent: http.Agent; pid: number }>()
    for (let attempt = 0; attempt < 40 && lanes.size < 2; attempt++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      const answer = await get(`${server.url}/api/reports?limit=1`, {}, agent)
      if (lanes.has(answer.worker)) agent.destroy()
      else lanes.set(answer.worker, { agent, pid: answer.pid })
    }
    expect(lanes.size).toBe(2)
    const jobsPid = Number(/pid (\d+), runs the job queue\) listening/.exec(server.output())![1])
    const [victim, survivor] = [...lanes.entries()].sort(([, a]) => (a.pid === jobsPid ? -1 : 1))
    expect(victim[1].pid).toBe(jobsPid)

    // The survivor's lane reads without pause from before the kill until the replacement listens.
    let replaced = false
    const failures: string[] = []
    let answered = 0
    const steady = (async () => {
      while (!replaced) {
        try {
          const answer = await get(`${server.url}/api/reports?limit=1&n=${answered}`, {}, survivor[1].agent)
          if (answer.status !== 200 || answer.worker !== survivor[0]) failures.push(`${answer.status} from worker ${answer.worker}`)
          answered++
        } catch (error) {
          failures.push((error as Error).message)
        }
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 300))
    process.kill(victim[1].pid, 'SIGKILL')
    const deadline = Date.now() + 180_000
    while (
      Date.now() < deadline &&
      !/exited with SIGKILL; starting a replacement \(runs the job queue\)[\s\S]*runs the job queue\) listening/.test(server.output())
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    replaced = true
    await steady
    expect(failures).toEqual([])
    expect(answered).toBeGreaterThan(0)
    const readiness = await get(`${server.url}/readyz`)
    expect(readiness.body.workers).toEqual({ ready: 2, expected: 2 })
    for (const { agent } of lanes.values()) agent.destroy()

    // The replacement runs the queue, and nobody else does: one publication, one delivery.
    const id = await publish(`Efter bytet ${tag()}`)
    const delivered = () => receiver.bodies.filter((body) => body.id === id && body.event === 'report.published')
    const until = Date.now() + 60_000
    while (delivered().length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250))
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(delivered()).toHaveLength(1)
  }, 300_000)

  it('drains every worker on SIGTERM: a request in flight is answered, then all exit', async () => {
    const workerPids = [...(await fromEveryWorker(() => get(`${server.url}/healthz`))).values()].map((answers) => answers[0].pid)
    // A login whose body arrives after the signal (as in health.spec.ts): in flight when it comes.
    const body = JSON.stringify(TEST_ADMIN)
    let exited: Promise<number | null> | undefined
    const answered = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/users/login`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        },
      )
      request.on('error', reject)
      request.on('continue', () => {
        exited = server.stop('SIGTERM')
        setTimeout(() => request.end(body), 300)
      })
      request.flushHeaders()
    })
    expect(answered).toBe(200)
    expect(await exited).toBe(0)
    expect(server.output()).toContain('every worker has stopped')
    for (const pid of workerPids) expect(() => process.kill(pid, 0)).toThrow()
  })
})
