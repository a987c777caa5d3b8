/**
 * Published reads served from memory. A GET of content by a caller who may only see published
 * content (anonymous, reader) is answered from the published-read cache when it can be, with an
 * ETag (304 on If-None-Match) and CDN-friendly Cache-Control; otherwise Payload answers and the
 * response is kept, indexed by the documents it was built from (see src/cache/).
 */
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { type CallerLevel, callerLevel, rememberCallerLevel, rememberedCallerLevel } from '../auth/caller'
import { cachingEnabled, publishedCache } from '../cache/registry'
import { type CachedResponse, etagOf, KEPT_HEADERS } from '../cache/published-cache'
import { traceRequest } from '../cache/request-context'
import { env } from '../env'
import { cacheResponses } from '../observability/metrics'
import { databaseDownIs503 } from './health'
import { sendFetchResponse, toFetchRequest } from './fetch-bridge'

type FetchHandler = (request: Request) => Promise<Response>
/** Answers a read for a caller of this level without Payload, or undefined to let Payload answer. */
type EditionReader = (request: Request, level: CallerLevel) => Promise<Response | undefined>

const CACHE_CONTROL: Record<CallerLevel, string> = {
  // Browsers revalidate every time (a 304 is cheap); shared caches may keep it 10 s. Chromium
  // honours stale-while-revalidate in the browser too, so that goes to CDNs only (below).
  public: 'public, max-age=0, s-maxage=10, must-revalidate',
  // A reader's copy is for that browser only, revalidated every time.
  internal: 'private, no-cache',
  staff: 'private, no-store',
}

const CDN_CACHE_CONTROL = 'public, s-maxage=10, stale-while-revalidate=60'

/**
 * Misses being computed right now, by cache key. Readers arriving meanwhile wait for that
 * answer instead of each running Payload: after a start-up or an invalidation, a popular page's
 * readers would otherwise all compute it at once (200 users at a cold start measured seconds).
 * A waiter is answered from the cache once the computation is done, so only with an answer that
 * was kept (no write touched it meanwhile); otherwise it computes its own.
 */
const missesInFlight = new Map<string, Promise<void>>()

export function cachedGet(
  payload: Payload,
  handler: FetchHandler,
  options: { corsOrigins: string[] | '*'; isCacheable?: (body: Buffer) => boolean; fromEdition?: EditionReader },
): RequestHandler {
  return async (req, res, next) => {
    try {
      const level = await callerLevel(req, payload)
      const useCache = level !== 'staff' && cachingEnabled()
      const key = `${level} ${req.originalUrl}`
      const compute = () => computeAndSend(req, res, { payload, handler, level, key, useCache, ...options })
      if (!useCache) return void (await compute())

      const inFlight = missesInFlight.get(key)
      if (inFlight) await inFlight
      const hit = publishedCache.get(key)
      if (hit) return void send(req, res, hit, level, 'hit', options.corsOrigins)
      if (inFlight) return void (await compute()) // what it computed could not be kept: our own

      const computing = compute()
      const settled = computing.then(
        () => undefined,
        () => undefined,
      )
      missesInFlight.set(key, settled)
      void settled.then(() => missesInFlight.delete(key))
      await computing
    } catch (error) {
      next(error)
    }
  }
}

/**
 * Runs Payload for a GET, sends its answer, and keeps it in the cache when it may: only a 200
 * built for exactly the level it would be stored under. The level comes from the user Payload's
 * own operations ran as (noted by the collections' read hooks), not from our prediction: a
 * response built for an editor never reaches the anonymous cache, whatever the headers looked like.
 */
async function computeAndSend(
  req: ExpressRequest,
  res: ExpressResponse,
  context: {
    payload: Payload
    handler: FetchHandler
    level: CallerLevel
    key: string
    useCache: boolean
    corsOrigins: string[] | '*'
    isCacheable?: (body: Buffer) => boolean
    fromEdition?: EditionReader
  },
) {
  const { payload, handler, level, key, useCache } = context
  const ticket = publishedCache.ticket()
  const { result: response, trace } = await traceRequest(async () => {
    const request = await toFetchRequest(req, res)
    // A reader's read of a published report is built from its edition when it can be (src/http/edition-reads.ts).
    return (await context.fromEdition?.(request, level)) ?? handler(request)
  })
  if (env().LAGESBILD_DEBUG_HEADERS === '1') res.setHeader('x-lagesbild-db-calls', String(trace.databaseCalls))
  const servedTo = trace.servedTo.size === 1 ? [...trace.servedTo][0] : undefined
  if (servedTo) rememberCallerLevel(req, servedTo)
  if (!useCache || response.status !== 200 || servedTo !== level) {
    res.setHeader('cache-control', CACHE_CONTROL.staff)
    res.setHeader('x-lagesbild-cache', 'bypass')
    cacheResponses.inc({ result: 'bypass' })
    return void (await sendFetchResponse(await databaseDownIs503(response, payload), res))
  }
  const body = Buffer.from(await response.arrayBuffer())
  const entry: CachedResponse = {
    status: 200,
    contentType: response.headers.get('content-type') ?? 'application/json',
    headers: Object.fromEntries(KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : []))),
    body,
    etag: etagOf(body),
    dependencies: [...trace.dependencies],
  }
  const kept = (context.isCacheable?.(body) ?? true) && publishedCache.set(key, entry, ticket)
  send(req, res, entry, level, kept ? 'miss' : 'bypass', context.corsOrigins)
}

/**
 * Answers a request from the cache before Express sees it, when it can: a GET of an API path
 * whose caller is known without a database lookup (no credentials, or credentials seen in the
 * last seconds) and whose response is cached. Returns false to let Express handle it. A hit is
 * most of the traffic of a consumer site, and routing it through Express's routers costs about a
 * quarter of its time (bench/RESULTS.md).
 */
export function serveCachedHit(corsOrigins: string[] | '*'): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/') || !cachingEnabled()) return false
    const level = rememberedCallerLevel(req)
    if (!level || level === 'staff') return false
    const hit = publishedCache.get(`${level} ${req.url}`)
    if (!hit) return false
    send(req, res, hit, level, 'hit', corsOrigins)
    return true
  }
}

function send(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, level: CallerLevel, state: string, corsOrigins: string[] | '*') {
  cacheResponses.inc({ result: state })
  const headers: Record<string, string> = {
    ...entry.headers,
    etag: entry.etag,
    'cache-control': CACHE_CONTROL[level],
    vary: 'Authorization, Cookie, Origin',
    'x-lagesbild-cache': state,
  }
  // Honoured by CDNs (Cloudflare, Fastly, Akamai ...), ignored by browsers.
  if (level === 'public') headers['cdn-cache-control'] = CDN_CACHE_CONTROL
  addCors(req, headers, corsOrigins)
  if (req.headers['if-none-match'] === entry.etag) return void res.writeHead(304, headers).end()
  headers['content-type'] = entry.contentType
  headers['content-length'] = String(entry.body.length)
  res.writeHead(entry.status, headers).end(entry.body)
}

/** The CORS headers Payload would have sent, since a cached answer does not go through Payload. */
function addCors(req: IncomingMessage, headers: Record<string, string>, corsOrigins: string[] | '*') {
  const origin = req.headers.origin
  if (corsOrigins === '*') headers['access-control-allow-origin'] = '*'
  else if (origin && corsOrigins.includes(origin)) {
    headers['access-control-allow-origin'] = origin
    headers['access-control-allow-credentials'] = 'true'
  }
}
