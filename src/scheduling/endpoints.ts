/**
 * REST for scheduled publishing of one collection's documents (mounted on reports):
 *   GET    /api/reports/:id/schedule            upcoming events, soonest first
 *   POST   /api/reports/:id/schedule            {"type":"publish"|"unpublish","at":"<ISO instant>"}
 *   DELETE /api/reports/:id/schedule/:jobId     cancels one
 * Only publishers may use them; a time must lie ahead; each change is in the audit log.
 */
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { cancelScheduledPublishing, schedulePublishing, upcomingSchedule } from './scheduled-publishing'

/** Refusals become JSON errors with their status; anything else is the server's fault. */
async function answer(work: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return Response.json(await work(), { status, headers: { 'cache-control': 'private, no-store' } })
  } catch (error) {
    if (error instanceof APIError && error.status < 500) return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
    throw error
  }
}

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = await req.json?.()
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // falls through to the refusal below
  }
  throw new APIError('The body must be a JSON object: {"type":"publish","at":"2026-12-01T21:34:00Z"}.', 400, undefined, true)
}

export function scheduleEndpoints(collection: string): Endpoint[] {
  const id = (req: PayloadRequest) => req.routeParams?.id as string
  return [
    { path: '/:id/schedule', method: 'get', handler: (req) => answer(async () => ({ docs: await upcomingSchedule(req, collection, id(req)) })) },
    {
      path: '/:id/schedule',
      method: 'post',
      handler: (req) =>
        answer(async () => {
          const body = await jsonBody(req)
          return { doc: await schedulePublishing(req, { collection, id: id(req), type: body.type, at: body.at }) }
        }, 201),
    },
    {
      path: '/:id/schedule/:jobId',
      method: 'delete',
      handler: (req) => answer(async () => ({ doc: await cancelScheduledPublishing(req, req.routeParams?.jobId, { collection, id: id(req) }) })),
    },
  ]
}
