/**
 * Editions are a record: created by the server when a report is published, never changed or
 * deleted. Access says no to every API caller; this hook says no to everyone else too (hooks,
 * scripts, the Local API with access checks off), except the one write that records an edition.
 */
import { APIError, type CollectionAfterReadHook, type CollectionBeforeOperationHook } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { requestState } from '../../collections/hooks/request-state'
import { audiencesFor, contentFor, type EditionContent } from '../report-format/edition'

const WRITES = new Set(['create', 'update', 'delete', 'restoreVersion'])

export const refuseEditionWrites: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!WRITES.has(operation)) return args
  if (operation === 'create' && requestState(req).recordingEdition) return args
  throw new APIError('Editions are a record of what was published: they cannot be created, changed or deleted.', 403, undefined, true)
}

/** What a caller sees of an edition: an internal action of a public report only if they may see internal content. */
export const editionForCaller: CollectionAfterReadHook = ({ doc, req }) => {
  if (isStaffUser(req.user) || !doc?.content) return doc
  return { ...doc, content: contentFor(doc.content as EditionContent, audiencesFor(hasRole(req.user, 'reader'))) }
}
