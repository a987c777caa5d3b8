/**
 * The lagesbild server: Express 5 hosting Payload's REST/GraphQL API and the Next.js admin.
 *   GET /healthz   process alive          GET /readyz   database answers (503 otherwise)
 *   /api/...       REST                   /api/graphql  GraphQL
 *   /admin         Payload admin (Next)   SIGTERM/SIGINT: stop accepting, finish, close the DB
 *   GET /metrics   Prometheus, with METRICS_TOKEN only
 * One process; src/start.ts runs WEB_CONCURRENCY of them as workers of one port (src/cluster/).
 */
import express from 'express'
import { createServer, type Server } from 'node:http'
import { getPayload, handleEndpoints, type Payload } from 'payload'

import { seedIfEmpty } from '../seed/seed'
import { backfillEditions } from './editions/record'
import { stopBroadcast } from './cache/registry'
import type { Readiness } from './cluster/messages'
import { askPrimary, inCluster, tellPrimary } from './cluster/primary-channel'
import { env } from './env'
import { serveCachedHit } from './http/cached-api'
import { LOGO_FILE_PATH } from './admin/branding/branding'
import { logoFile } from './http/branding'
import { favicon } from './http/favicon'
import { healthRouter } from './http/health'
import { ignoreBrowserLanguage } from './http/language'
import { metricsRouter } from './http/metrics'
import { observeRequests } from './http/observe-request'
import { payloadApiRouter } from './http/payload-api'
import { reportViewsRouter } from './http/report-views'
import { writeGate } from './http/write-gate'
import { observePayload } from './observability/metrics'
import { routePatterns } from './observability/route-pattern'
import config from './payload.config'
import { TIME_ZONE } from './report-format/stockholm-time'

// Payload formats some admin dates on the server (the version view) in the process's own zone:
// make that Stockholm, the product's one time zone, whatever zone the host runs in.
process.env.TZ = TIME_ZONE

const settings = env()
const dev = settings.NODE_ENV !== 'production'
const SHUTDOWN_GRACE_MS = 10_000

let shuttingDown = false

async function main() {
  // Payload first: nothing listens until it has started, so every router gets the instance.
  const payload = await getPayload({ config, cron: true })
  if (dev && settings.AUTO_SEED === 'true') await seedIfEmpty(payload, { announceAdmin: true })
  // Reports published before editions existed get edition 1 (a database pushed in development has no data migration).
  const backfilled = await backfillEditions(payload)
  if (backfilled) payload.logger.info(`editions: recorded edition 1 of ${backfilled} published report(s)`)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  const wholeServer = inCluster ? () => askPrimary<Readiness>('readiness', 1_000) : undefined
  app.use(healthRouter(payload, () => shuttingDown, wholeServer))
  app.use(metricsRouter(settings.METRICS_TOKEN))
  app.get('/favicon.ico', favicon)
  if (settings.ORGANISATION_LOGO_FILE) app.get(LOGO_FILE_PATH, logoFile(settings.ORGANISATION_LOGO_FILE))
  const concurrentWrites = settings.MAX_CONCURRENT_WRITES ?? Math.max(2, Math.floor(settings.DATABASE_POOL_SIZE / 2))
  app.use('/api', writeGate(concurrentWrites))
  app.use(payloadApiRouter(payload, settings.CORS_ORIGINS))
  app.use(reportViewsRouter(payload))

  let upgrade: ((...args: never[]) => unknown) | undefined
  if (settings.LAGESBILD_ADMIN === 'on') {
    const { default: next } = await import('next')
    const nextApp = next({ dev, dir: process.cwd(), hostname: 'localhost', port: settings.PORT })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.all(/.*/, (req, res) => handle(req, res))
    upgrade = nextApp.getUpgradeHandler() as never
  } else {
    app.all(/.*/, (_req, res) => res.status(404).json({ errors: [{ message: 'Not found (admin disabled)' }] }))
  }

  await warmUp(payload)

  // Cached published reads are answered before Express routing; everything else goes to Express.
  const cachedHit = serveCachedHit(settings.CORS_ORIGINS)
  observePayload(payload)
  const slugs = [...payload.config.collections, ...payload.config.globals].map((entity) => entity.slug)
  const observed = observeRequests(
    (req, res) => {
      ignoreBrowserLanguage(req)
      if (!cachedHit(req, res)) app(req, res)
    },
    {
      routeOf: routePatterns(slugs),
      logger: payload.logger,
      slowMs: settings.LOG_SLOW_REQUEST_MS,
      debugHeaders: settings.LAGESBILD_DEBUG_HEADERS === '1',
    },
  )
  const server = createServer(observed)
  server.listen(settings.PORT, settings.HOST, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : settings.PORT
    // In a multi-process server the primary says it, once every worker listens (src/cluster/primary.ts).
    if (inCluster) return tellPrimary({ type: 'lagesbild:listening', port })
    // Tests and scripts read this line to learn the port when PORT=0.
    console.log(`lagesbild listening on http://localhost:${port} (admin ${settings.LAGESBILD_ADMIN}, ${payload.db.name})`)
  })
  // HMR websocket in development (Next) goes through the same HTTP server.
  if (upgrade) server.on('upgrade', upgrade as never)
  installShutdown(server, payload)
}

/**
 * Runs the anonymous read path a few dozen times before taking traffic, so V8 has optimised it:
 * otherwise the first burst of requests queues behind slow, unoptimised ones (bench/STALL.md).
 */
async function warmUp(payload: Payload) {
  const rounds = settings.LAGESBILD_WARMUP
  if (rounds === 0) return
  const { docs } = await payload.find({ collection: 'reports', limit: 1, depth: 0, overrideAccess: false })
  for (let i = 0; docs[0] && i < rounds; i++) {
    const request = new Request(`${settings.SERVER_URL}/api/reports/${docs[0].id}`)
    const response = await handleEndpoints({ config: payload.config, request })
    await response.arrayBuffer()
  }
}

function installShutdown(server: Server, payload: Payload) {
  const shutdown = (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`${signal}: closing (finishing in-flight requests)`)
    const force = setTimeout(() => {
      console.error('shutdown grace period over; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    server.close(async () => {
      await stopBroadcast()
      await payload.destroy()
      console.log('closed')
      process.exit(0)
    })
    // Keep-alive connections that are idle now would otherwise hold the server open.
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error) => {
  console.error('lagesbild failed to start:', error)
  process.exit(1)
})
