import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type Endpoint, type PayloadRequest } from 'payload'

import { hasRole } from '../../access/roles'
import { writeTouched } from '../../src/cache/registry'

/**
 * The very first account becomes an admin: someone must be able to manage users, and on a
 * fresh installation the first person to register (or the seed's admin) is that someone.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}

/**
 * Only admins grant roles. Field-level access would silently drop a role change; we refuse it
 * with 403 instead, so an escalation attempt is visible to the caller and in tests. A form that
 * re-sends the user's unchanged roles (the admin's account page does) is let through.
 */
export const onlyAdminsChangeRoles: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || hasRole(req.user, 'admin')) return args
  if (operation !== 'create' && operation !== 'update') return args
  const { data, id } = args as { data?: { roles?: string[] }; id?: number | string }
  if (!data || !('roles' in data)) return args
  const current =
    operation === 'update' && id !== undefined
      ? await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
  const same = (a: readonly string[] = [], b: readonly string[] = []) => [...a].sort().join() === [...b].sort().join()
  if (!current || !same(current.roles ?? [], data.roles ?? [])) {
    throw new APIError('Only an administrator can change roles.', 403, undefined, true)
  }
  return args
}

/** A changed or deleted user (roles, API key) must not keep its remembered caller level. */
export const forgetCallers = async ({ req, doc }: { req: PayloadRequest; doc: unknown }) => {
  await writeTouched(req, [], { users: true })
  return doc
}

export const NO_EMAIL_VERIFICATION = 'E-mail addresses are not verified here: there is nothing to verify.'

/**
 * Payload registers e-mail verification (POST /api/users/verify/:token, GraphQL verifyEmailUser)
 * even when `auth.verify` is off, and the operation then queries a `_verificationToken` column
 * that does not exist: a 500 for any token (Payload 3.90.2 bug). We verify no addresses, so say
 * so with a 404. Our endpoint comes before Payload's own; GraphQL: src/graphql/payload-fixes.ts.
 */
export const noEmailVerification: Endpoint = {
  path: '/verify/:id',
  method: 'post',
  handler: () => Response.json({ errors: [{ message: NO_EMAIL_VERIFICATION }] }, { status: 404 }),
}
