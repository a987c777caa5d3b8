/**
 * Review of a draft report ("Klar för granskning"): an editor marks the latest draft ready; a
 * publisher finds it on the desk and in the report list, and either publishes it (which clears
 * the state) or sends it back with a note that the editor sees on the report.
 *
 *   POST /api/reports/:id/review   {"action":"ready"} | {"action":"sendBack","note":"…"}
 *   GraphQL: markReportReadyForReview(id), sendReportBack(id, note)
 *
 * The step is a draft save made with the caller's own access (document locks and the publishing
 * guard apply), so the audit log records it in the same transaction as "readyForReview" or
 * "sentBack", with the note as its detail.
 */
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { isStaffUser, mayMarkReadyForReview, maySendBackFromReview } from '../../access/roles'
import { REVIEW_NOTE_MAX_LENGTH, type ReviewState } from '../../collections/Reports/review-field'
import { requestState } from '../../collections/hooks/request-state'

export const REVIEW_ACTIONS = ['ready', 'sendBack'] as const
type ReviewAction = (typeof REVIEW_ACTIONS)[number]
type Doc = Record<string, any>

const refuse = (message: string, status: number) => new APIError(message, status, undefined, true)

const nameOf = (user: PayloadRequest['user']) => {
  const person = user as { name?: string | null; email?: string } | null
  return person?.name || person?.email || 'okänd'
}

function checkRequest(req: PayloadRequest, action: unknown, note: unknown): { action: ReviewAction; note: string | null } {
  if (!isStaffUser(req.user)) throw refuse('Only editors, publishers and admins take part in review.', req.user ? 403 : 401)
  if (!REVIEW_ACTIONS.includes(action as ReviewAction)) throw refuse(`"action" must be one of ${REVIEW_ACTIONS.join(', ')}.`, 400)
  if (note !== undefined && note !== null && typeof note !== 'string') throw refuse('"note" must be a string.', 400)
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > REVIEW_NOTE_MAX_LENGTH) throw refuse(`"note" is longer than ${REVIEW_NOTE_MAX_LENGTH} characters.`, 400)
  if (action === 'ready') {
    if (!mayMarkReadyForReview(req.user)) throw refuse('You may not mark reports ready for review.', 403)
    if (text) throw refuse('Marking ready takes no note: only a publisher sending a report back writes one.', 400)
    return { action, note: null }
  }
  if (!maySendBackFromReview(req.user)) throw refuse('Only a publisher can send a report back.', 403)
  if (!text) throw refuse('"note" is required: tell the editor what to change.', 400)
  return { action: 'sendBack', note: text }
}

/** Refused when the step makes no sense for the report as it stands (409). */
function checkTransition(report: Doc, action: ReviewAction) {
  const state = (report.review?.state ?? 'none') as ReviewState
  if (report._status === 'published') throw refuse('The report has no unpublished changes to review.', 409)
  if (action === 'ready' && state === 'ready') throw refuse('The report is already marked ready for review.', 409)
  if (action === 'sendBack' && state !== 'ready') throw refuse('Only a report marked ready for review can be sent back.', 409)
}

export async function reviewReport(req: PayloadRequest, id: number | string, requested: { action: unknown; note?: unknown }): Promise<Doc> {
  const { action, note } = checkRequest(req, requested.action, requested.note)
  const access = { overrideAccess: false, user: req.user, req } as const
  // The latest version: what the publisher will review.
  const report = (await req.payload.findByID({ collection: 'reports', id, draft: true, depth: 0, disableErrors: true, ...access })) as Doc | null
  if (!report) throw refuse(`No report with id ${String(id).slice(0, 40)} that you may read.`, 404)
  checkTransition(report, action)

  const state = requestState(req)
  state.review = {
    action: action === 'ready' ? 'readyForReview' : 'sentBack',
    state: action === 'ready' ? 'ready' : 'sentBack',
    note,
    by: nameOf(req.user),
    at: new Date().toISOString(),
  }
  try {
    // Document locks hold: someone else editing the report must not lose their session to it.
    return (await req.payload.update({ collection: 'reports', id, draft: true, depth: 0, data: {}, overrideLock: false, ...access })) as Doc
  } finally {
    delete state.review
  }
}

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = await req.json?.()
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // falls through to the refusal below
  }
  throw refuse('The body must be a JSON object: {"action":"ready"} or {"action":"sendBack","note":"…"}.', 400)
}

export const reviewEndpoint: Endpoint = {
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    try {
      const body = await jsonBody(req)
      const doc = await reviewReport(req, req.routeParams?.id as string, { action: body.action, note: body.note })
      return Response.json({ doc, review: doc.review }, { headers: { 'cache-control': 'private, no-store' } })
    } catch (error) {
      if (error instanceof APIError && error.status < 500) return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
      throw error
    }
  },
}
