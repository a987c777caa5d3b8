/**
 * REST (/api/...) and GraphQL (/api/graphql) served straight from Express by Payload's own
 * Fetch handlers: the same code path the admin panel uses, without a Next.js round trip.
 * Published reads of content and persisted GraphQL queries over GET go through the cache.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler, type Router } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { clientKey, requestClient } from '../auth/sign-in-throttle'
import { findPersistedQuery } from '../graphql/persisted-queries'
import { env } from '../env'
import { cachedGet } from './cached-api'
import { editionReader } from './edition-reads'
import { graphqlConsole } from './graphql-console'
import { databaseDownIs503 } from './health'
import { BadRequestBodyError, PayloadTooLargeError, sendFetchResponse, toFetchRequest } from './fetch-bridge'

type FetchHandler = (request: Request) => Promise<Response>

/** Content reads worth caching: documents, lists and exports (not versions, access or auth). */
const CACHEABLE_REST = /^\/api\/(reports|sections|communication-actions|spokespersons)(\/(?!versions\b|access\b)[^/]+(\/export)?)?\/?$/

function bridge(handler: FetchHandler, payload: Payload): RequestHandler {
  return async (req, res, next) => {
    try {
      const response = await handler(await toFetchRequest(req, res))
      await sendFetchResponse(await databaseDownIs503(response, payload), res)
    } catch (error) {
      if (error instanceof PayloadTooLargeError || error instanceof BadRequestBodyError) {
        return void res.status(error.status).json({ errors: [{ message: error.message }] })
      }
      next(error)
    }
  }
}

export function payloadApiRouter(payload: Payload, corsOrigins: string[] | '*'): Router {
  const router = express.Router()
  const { config } = payload
  // Who is asking, for the sign-in throttle (Express's req.ip: `trust proxy` is set in server.ts).
  router.use((req, _res, next) => requestClient.run(clientKey(req.ip), next))
  const graphqlPost = withClientErrorStatus(GRAPHQL_POST(config) as FetchHandler)
  const rest: FetchHandler = (request) => handleEndpoints({ config, request })

  /** A persisted query over GET, run as the equivalent POST so Payload does the rest. */
  const persistedGraphql: FetchHandler = async (request) => {
    const params = new URL(request.url).searchParams
    const found = findPersistedQuery(params)
    if ('error' in found) return Response.json({ errors: [{ message: found.error }] }, { status: 400 })
    let variables: unknown
    try {
      variables = JSON.parse(params.get('variables') || '{}')
    } catch {
      return Response.json({ errors: [{ message: 'variables must be JSON' }] }, { status: 400 })
    }
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    return graphqlPost(
      new Request(request.url, { method: 'POST', headers, body: JSON.stringify({ query: found.query, variables, operationName: found.name }) }),
    )
  }

  const withoutErrors = (body: Buffer) => !body.includes('"errors"')
  const fromEdition = env().LAGESBILD_EDITION_READS === 'on' ? editionReader(payload) : undefined
  router.get('/api/graphql', cachedGet(payload, persistedGraphql, { corsOrigins, isCacheable: withoutErrors, fromEdition }))
  router.post('/api/graphql', bridge(graphqlPost, payload))
  // Our own offline page instead of Payload's playground, which loads its code from public CDNs.
  router.get('/api/graphql-playground', graphqlConsole({ production: env().NODE_ENV === 'production' }))
  router.get(CACHEABLE_REST, cachedGet(payload, rest, { corsOrigins, fromEdition }))
  router.all(/^\/api(\/.*)?$/, bridge(rest, payload))
  return router
}

/**
 * Payload answers a GraphQL request that never ran (syntax error, unknown field, wrong variable
 * type, limits exceeded) with 200 and `errors` only; that is a client error, so say 400.
 * Execution errors next to data (e.g. access refused on one field) keep their 200, except a
 * request that got nothing because it sent too many sign-ins: 429, as over REST (with Retry-After).
 */
function withClientErrorStatus(handler: FetchHandler): FetchHandler {
  return async (request) => {
    const response = await handler(request)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const text = await response.text()
    let status = 200
    try {
      const json = JSON.parse(text)
      const errors: { extensions?: { statusCode?: number } }[] = Array.isArray(json.errors) ? json.errors : []
      const onlyThrottled = errors.every((error) => error.extensions?.statusCode === 429)
      if (errors.length > 0 && (json.data === undefined || json.data === null)) status = 400
      else if (errors.length > 0 && onlyThrottled && Object.values(json.data).every((value) => value === null)) status = 429
    } catch {
      // not JSON after all: pass it on unchanged
    }
    return new Response(text, { status, headers: response.headers })
  }
}
