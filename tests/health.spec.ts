/**
 * Liveness and readiness. /readyz must say 503 (with a reason) when the database stops and
 * recover by itself when it is back; SIGTERM lets in-flight requests finish, then exits 0.
 * The database is "stopped" by cutting a TCP proxy in front of PostgreSQL.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { api } from './support/api'
import { startServer, type ServerProcess } from './support/server-process'
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy'
import { TEST_ADMIN } from './support/test-database'

const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

describe('health endpoints', () => {
  it('GET /healthz says the process is alive', async () => {
    const response = await api('/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('GET /readyz says the database answers', async () => {
    const response = await api('/readyz')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('ready')
  })
})

describe('readiness when the database stops (PostgreSQL behind a proxy)', () => {
  let proxy: TcpProxy | undefined
  let server: ServerProcess | undefined
  const database = `lagesbild_ready_${randomUUID().slice(0, 8)}`

  afterAll(async () => {
    await server?.stop('SIGKILL')
    await proxy?.close()
    const admin = new pg.Client({ connectionString: ADMIN_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  })

  it('turns 503 with a reason, then recovers when the database is back', async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
    proxy = await startTcpProxy('127.0.0.1', 5432)
    server = await startServer({ env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/${database}`, AUTO_SEED: 'false' } })

    const readyz = () =>
      fetch(`${server!.url}/readyz`)
        .then(async (r) => ({ status: r.status, body: await r.json() }))
        .catch((error) => {
          throw new Error(`${error.message}; server output:\n${server!.output().slice(-3000)}`)
        })
    expect((await readyz()).status).toBe(200)

    await proxy.cut()
    const down = await readyz()
    expect(down.status).toBe(503)
    expect(down.body.reason).toMatch(/database/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    // API calls fail fast with 503 and a reason, instead of hanging or answering 500.
    const started = Date.now()
    const api = await fetch(`${server.url}/api/reports?limit=1&n=${Date.now()}`)
    expect(api.status).toBe(503)
    expect(api.headers.get('retry-after')).toBe('5')
    expect(JSON.stringify(await api.json())).toMatch(/database is not available/)
    expect(Date.now() - started).toBeLessThan(10_000)

    await proxy.restore()
    const deadline = Date.now() + 20_000
    let status = 503
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      status = (await readyz()).status
    }
    expect(status).toBe(200)
  })
})

describe('graceful shutdown', () => {
  it('finishes an in-flight request on SIGTERM, then exits 0 and closes the database', async () => {
    const server = await startServer({ env: { DATABASE_URL: process.env.DATABASE_URL, AUTO_SEED: 'false' } })
    // A login whose body arrives in two halves, with SIGTERM in between: the request is
    // in flight when the signal comes, and must still be answered.
    const body = JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
    const { port } = new URL(server.url)
    const answered = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/users/login',
          method: 'POST',
          // "100 Continue" comes back once the server has read the headers: from then on the
          // request is in flight, however loaded the machine is.
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
        },
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
    let exited: Promise<number | null> | undefined
    expect(await answered).toBe(200)
    expect(await exited).toBe(0)
    expect(server.output()).toContain('closed')
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})
