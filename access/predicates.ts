/**
 * Small named access predicates. Collections compose these; no role logic lives inline
 * in a collection. A predicate returns true, false, or a Where that narrows what is visible.
 */
import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, STAFF_ROLES, type Role } from './roles'

export const anyone: Access = () => true
export const nobody: Access = () => false

export const hasAnyRole =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

export const isAdmin = hasAnyRole('admin')
export const isStaff = hasAnyRole(...STAFF_ROLES)
export const isPublisher = hasAnyRole('admin', 'publisher')
export const isLoggedIn: Access = ({ req }) => Boolean(req.user)

export const fieldIsAdmin: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
export const fieldIsStaffOrReader: FieldAccess = ({ req }) =>
  hasRole(req.user, ...STAFF_ROLES, 'reader')

/** The audiences a caller may read: readers see internal and public, anonymous only public. */
export function visibleAudiences(user: Parameters<typeof hasRole>[0]): string[] {
  return hasRole(user, 'reader') ? ['internal', 'public'] : ['public']
}

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything (drafts included); others read published documents only. */
export const staffOrPublished: Access = ({ req }) => (hasRole(req.user, ...STAFF_ROLES) ? true : published)

/** Staff read everything; others read published documents of an audience they may see. */
export const staffOrPublishedForAudience: Access = ({ req }) => {
  if (hasRole(req.user, ...STAFF_ROLES)) return true
  return { and: [published, { audience: { in: visibleAudiences(req.user) } }] }
}

/** Staff read everything; others read documents (without drafts) of an audience they may see. */
export const staffOrAudience: Access = ({ req }) => {
  if (hasRole(req.user, ...STAFF_ROLES)) return true
  return { audience: { in: visibleAudiences(req.user) } }
}

/** Staff read everything; others only active records. */
export const staffOrActive: Access = ({ req }) =>
  hasRole(req.user, ...STAFF_ROLES) ? true : { active: { equals: true } }

/** Admins manage every user; everyone else only their own account. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  return req.user ? { id: { equals: req.user.id } } : false
}
