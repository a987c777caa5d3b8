import type { CollectionBeforeChangeHook } from 'payload'

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
