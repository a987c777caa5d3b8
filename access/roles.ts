/** The roles a user can hold, from most to least powerful. */
export const ROLES = ['admin', 'publisher', 'editor', 'reader'] as const
export type Role = (typeof ROLES)[number]

/** Roles that work on content in the admin panel. */
const STAFF_ROLES: readonly Role[] = ['admin', 'publisher', 'editor']
/** Roles that may publish, unpublish, delete published content and restore versions. */
const PUBLISHING_ROLES: readonly Role[] = ['admin', 'publisher']

export type MaybeUser = { roles?: readonly (Role | string)[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: readonly Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}

export const isStaffUser = (user: MaybeUser) => hasRole(user, ...STAFF_ROLES)
export const canPublish = (user: MaybeUser) => hasRole(user, ...PUBLISHING_ROLES)

/** Review ("Klar för granskning"): any staff member marks a draft ready; only publishers send one back. */
export const mayMarkReadyForReview = (user: MaybeUser) => isStaffUser(user)
export const maySendBackFromReview = (user: MaybeUser) => canPublish(user)
