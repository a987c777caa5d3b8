/**
 * REST (/api/...) and GraphQL (/api/graphql) served straight from Express by Payload's own
 * Fetch handlers: the same code path the admin panel uses, without a Next.js round trip.
 */
import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler, type Router } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { sendFetchResponse, toFetchRequest } from './fetch-bridge'

type FetchHandler = (request: Request) => Promise<Response>

function bridge(handler: FetchHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await sendFetchResponse(await handler(toFetchRequest(req)), res)
    } catch (error) {
      next(error)
    }
  }
}

export function payloadApiRouter(config: Promise<SanitizedConfig>): Router {
  const router = express.Router()
  const graphqlPost = GRAPHQL_POST(config) as FetchHandler
  const playground = GRAPHQL_PLAYGROUND_GET(config) as FetchHandler
  router.post('/api/graphql', bridge(graphqlPost))
  router.get('/api/graphql-playground', bridge(playground))
  router.all(/^\/api(\/.*)?$/, bridge((request) => handleEndpoints({ config, request })))
  return router
}
