/**
 * Signing in puts the user's own admin language back in the `payload-lng` cookie: English for a
 * user who chose it in their account (kept in their preferences), Swedish for everyone else, so
 * the next person on a shared browser does not inherit someone else's choice.
 */
import type { CollectionAfterLoginHook } from 'payload'

import { DEFAULT_LANGUAGE, isAdminLanguage, LANGUAGE_PREFERENCE, languageCookie } from '../../src/admin/language/admin-language'

export const restoreAdminLanguage: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  // The user is not on req yet: read their own preference as the system, narrowed to them.
  const { docs } = await req.payload.find({
    collection: 'payload-preferences',
    where: { key: { equals: LANGUAGE_PREFERENCE }, 'user.value': { equals: user.id }, 'user.relationTo': { equals: collection.slug } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const chosen = docs[0]?.value
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append('Set-Cookie', languageCookie(isAdminLanguage(chosen) ? chosen : DEFAULT_LANGUAGE))
  return user
}
