/**
 * State our hooks share during one request, under one string key of `req.context`. Not under
 * symbols: Payload's Local API, called with `req`, replaces a `req.context` without string keys
 * by a new empty object (payload/dist/utilities/createLocalReq.js, getRequestContext), which
 * silently dropped symbol-keyed state noted before such a call.
 */
import type { PayloadRequest } from 'payload'

interface RequestState {
  /** `collection:id` -> whether its main document was published when the current write began. */
  publishedAtStart?: Map<string, boolean>
  /** A version is being restored: the change it causes is logged as a restore. */
  restoring?: boolean
  /** The server is recording an edition (src/editions/record.ts): the one write editions allow. */
  recordingEdition?: boolean
  /** Editions recorded by this request, by report id: what a mailing sends (src/sending/). */
  recordedEditions?: Map<string, string | number>
  /** A review step (src/reports/review.ts): the state its draft save writes, and what the audit log calls it. */
  review?: { action: 'readyForReview' | 'sentBack'; state: string; note: string | null; by: string; at: string }
}

export function requestState(req: Pick<PayloadRequest, 'context'>): RequestState {
  const context = req.context as { lagesbild?: RequestState }
  return (context.lagesbild ??= {})
}
