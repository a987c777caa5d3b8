/**
 * Only publishers (and admins) change what readers see. Editors save drafts: a draft version
 * leaves the published document untouched, but any write that would publish, unpublish,
 * overwrite a published document in place or restore an old version is refused with 403.
 *
 * This runs as a beforeOperation hook because only there is the operation's `draft` argument
 * visible: the data alone cannot tell "save a draft" from "unpublish" (both say _status: draft),
 * and GraphQL's own draft handling must not be trusted as a security boundary.
 */
import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { canPublish, isStaffUser } from '../../access/roles'
import { wasPublishedAtStart } from './publication-state'

const refuse = (what: string) => new APIError(`Only a publisher can ${what}. Save your changes as a draft instead.`, 403, undefined, true)

export const guardPublishing: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (overrideAccess || canPublish(req.user)) return args
  const { data, draft, id } = args as { data?: { _status?: string }; draft?: boolean; id?: number | string }
  const status = data?._status

  if (operation === 'create' && status === 'published') throw refuse('publish')
  if (operation === 'restoreVersion' && !draft) throw refuse('restore a version')
  if (operation !== 'update') return args

  if (status === 'published') throw refuse('publish')
  if (draft) return args // a draft version: the published document stays as it is
  if (id === undefined) throw refuse('update several documents without saving drafts')
  // Noted by notePublicationState, which runs before this guard.
  if (wasPublishedAtStart(req, collection.slug, id)) throw refuse(status === 'draft' ? 'unpublish' : 'change published content')
  return args
}

/**
 * Drafts exist only for staff. Anyone else asking for `draft: true` (REST ?draft=true or the
 * GraphQL argument) reads published documents as if they had not asked, instead of getting
 * the latest versions filtered down to nothing.
 */
export const publishedOnlyForReaders: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'read' && !isStaffUser(req.user) && (args as { draft?: boolean }).draft) {
    return { ...args, draft: false }
  }
  return args
}
