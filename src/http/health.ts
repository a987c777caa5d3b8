import express, { type Router } from 'express'
import type { Payload } from 'payload'

import type { Readiness } from '../cluster/messages'

const READY_TIMEOUT_MS = 2_000

/** Resolves when the database answers a trivial query, rejects on error or after the timeout. */
async function pingDatabase(payload: Payload, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([payload.count({ collection: 'users', overrideAccess: true }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * /healthz: the process is alive. /readyz: the database answers (503 with the reason if not);
 * in a multi-process server it answers for the whole server: how many workers are listening of
 * how many there should be (`wholeServer`, from the primary), 503 once the server drains.
 * The server listens only once Payload has started, so there is always an instance to ask; after
 * SIGTERM, connections kept alive may still ask while in-flight requests finish: isShuttingDown
 * makes /readyz say 503 then, so a load balancer stops sending traffic here.
 */
export function healthRouter(payload: Payload, isShuttingDown: () => boolean, wholeServer?: () => Promise<Readiness | undefined>): Router {
  const router = express.Router()
  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store')
    if (isShuttingDown()) return void res.status(503).json({ status: 'unavailable', reason: 'shutting down' })
    const server = await wholeServer?.()
    if (server?.shuttingDown) return void res.status(503).json({ status: 'unavailable', reason: 'shutting down', workers: server })
    const workers = server ? { workers: { ready: server.ready, expected: server.expected } } : {}
    try {
      await pingDatabase(payload)
      res.json({ status: 'ready', database: payload.db.name, ...workers })
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: `database: ${(error as Error).message}`, ...workers })
    }
  })
  return router
}

/**
 * Payload answers 500 when the database is gone. If a quick ping confirms that, the caller gets
 * 503 with Retry-After instead: "try again shortly", not "we have a bug".
 */
export async function databaseDownIs503(response: Response, payload: Payload): Promise<Response> {
  if (response.status !== 500) return response
  try {
    await pingDatabase(payload, 1_000)
    return response
  } catch {
    return Response.json(
      { errors: [{ message: 'The database is not available right now; try again shortly.' }] },
      { status: 503, headers: { 'retry-after': '5' } },
    )
  }
}
