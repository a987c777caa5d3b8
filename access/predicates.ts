/**
 * Small named access predicates. Collections compose these; no role logic lives inline
 * in a collection. A predicate returns true, false, or a Where that narrows what is visible.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { canPublish, hasRole, isStaffUser, type MaybeUser, type Role } from './roles'

export const nobody: Access = () => false

const hasAnyRole =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

export const isAdmin = hasAnyRole('admin')
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
export const isPublisher: Access = ({ req }) => canPublish(req.user)

export const fieldIsAdmin: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
export const fieldIsStaff: FieldAccess = ({ req }) => isStaffUser(req.user)
/** Personal data such as distribution-list recipients: admins and publishers only. */
export const fieldIsPublisher: FieldAccess = ({ req }) => canPublish(req.user)
/** Internal details (e.g. a direct phone number): staff and readers, never anonymous callers. */
export const fieldIsInternal: FieldAccess = ({ req }) => isStaffUser(req.user) || hasRole(req.user, 'reader')
export const fieldNobody: FieldAccess = () => false

/** The audiences a caller may read: readers see internal and public, anonymous only public. */
function visibleAudiences(user: MaybeUser): string[] {
  return isStaffUser(user) || hasRole(user, 'reader') ? ['internal', 'public'] : ['public']
}

const published: Where = { _status: { equals: 'published' } }
const notPublished: Where = { _status: { not_equals: 'published' } }

/**
 * Read access for content: staff read everything (drafts included); everyone else reads
 * published documents that also satisfy `publicFilter(req)` (audience, active ...).
 */
export const staffOrPublished =
  (publicFilter?: (req: PayloadRequest) => Where): Access =>
  ({ req }) => {
    if (isStaffUser(req.user)) return true
    return publicFilter ? { and: [published, publicFilter(req)] } : published
  }

export const audienceVisibleTo = (req: PayloadRequest): Where => ({ audience: { in: visibleAudiences(req.user) } })
export const activeOnly = (): Where => ({ active: { equals: true } })

/**
 * Create/update of drafted content: staff only, and only publishers may write a document
 * whose status is "published". Payload's admin asks this with `_status: 'published'` to
 * decide whether to show the Publish button, so editors do not get one.
 */
export const staffWritesDraftsPublishersPublish: Access = ({ req, data }) => {
  if (!isStaffUser(req.user)) return false
  if (data?._status === 'published') return canPublish(req.user)
  return true
}

/** Publishers delete anything; editors only what was never published (or is unpublished). */
export const publisherOrUnpublished: Access = ({ req }) => {
  if (canPublish(req.user)) return true
  return isStaffUser(req.user) ? notPublished : false
}

/** Admins manage every user; everyone else only their own account. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  return req.user ? { id: { equals: req.user.id } } : false
}

/** The admin panel is for staff; readers and API keys use the API only. */
export const staffPanel = ({ req }: { req: PayloadRequest }) => isStaffUser(req.user)
