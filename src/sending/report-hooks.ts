/**
 * When publishing a report records a new edition and the report's distribution names lists, one
 * `sendEdition` job is queued, in the publication's transaction (one row, however many
 * recipients): a publication that rolls back mails nothing, and the publisher never waits for
 * the mailing, which the job runner does afterwards (src/sending/tasks.ts). A republication that
 * records no new edition (the same content) mails nothing again.
 */
import type { CollectionAfterChangeHook } from 'payload'

import { requestState } from '../../collections/hooks/request-state'

export const queueEditionMailing: CollectionAfterChangeHook = async ({ data, doc, previousDoc, req }) => {
  const editionId = requestState(req).recordedEditions?.get(String(doc.id))
  // A caller's `select` may trim `doc`; what was written is the previous document plus `data`.
  const written = { ...previousDoc, ...data, ...doc }
  if (editionId === undefined || written._status !== 'published' || (written.distribution ?? []).length === 0) return doc
  requestState(req).recordedEditions?.delete(String(doc.id))
  try {
    await req.payload.jobs.queue({ task: 'sendEdition', input: { editionId: String(editionId) }, req })
  } catch (error) {
    // A mailing that cannot be queued must not undo the publication; the log says so.
    req.payload.logger.error({ err: error, msg: `the mailing of edition ${editionId} (report ${doc.id}) was not queued` })
  }
  return doc
}
