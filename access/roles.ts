/** The roles a user can hold, from most to least powerful. */
export const ROLES = ['admin', 'publisher', 'editor', 'reader'] as const
export type Role = (typeof ROLES)[number]

/** Roles that work in the admin panel on content. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'publisher', 'editor']

type MaybeUser = { roles?: readonly (Role | string)[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))
}
