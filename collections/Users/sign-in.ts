/**
 * Sign-in (REST /api/users/login and GraphQL loginUser, both run Payload's login operation):
 * throttled per client instead of Payload's account lock, and with the same answer, in about
 * the same time, whether the account exists or not. See SECURITY.md, "Sign-in throttling".
 */
import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { APIError, type CollectionAfterLoginHook, type CollectionAfterOperationHook, type CollectionBeforeOperationHook } from 'payload'

import { accountKey, requestClient, SignInThrottle } from '../../src/auth/sign-in-throttle'

const signInThrottle = new SignInThrottle()

/** Payload 3.90's password hash (generatePasswordSaltHash): PBKDF2-SHA256, 600,000 rounds, 32 bytes. */
const hashLikePayload = (password: string) => promisify(pbkdf2)(password, randomBytes(32).toString('hex'), 600_000, 32, 'sha256')

const tooMany = (seconds: number, language: string | undefined) => {
  const minutes = Math.ceil(seconds / 60)
  return language === 'en'
    ? `Too many failed sign-ins from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
    : `För många misslyckade inloggningar från din adress. Försök igen om ${minutes} minut${minutes === 1 ? '' : 'er'}.`
}

export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const { email, password } = ((args as { data?: Record<string, unknown> }).data ?? {}) as { email?: unknown; password?: unknown }
  // Without both there is no password to check: Payload answers 400 and nothing is counted.
  if (typeof email !== 'string' || typeof password !== 'string' || !email.trim() || !password.trim()) return args

  const client = requestClient.getStore()
  if (client !== undefined) {
    const wait = signInThrottle.admit(client, accountKey(email))
    if (wait > 0) {
      req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
      throw new APIError(tooMany(wait, req.i18n?.language), 429, { retryAfter: wait }, true)
    }
  }
  // Payload answers an unknown e-mail at once but hashes the password of a known one (~0.2 s):
  // hash for nothing, so that the time of the 401 does not tell which addresses have accounts.
  const { totalDocs } = await req.payload.db.count({ collection: 'users', where: { email: { equals: email.toLowerCase().trim() } }, req })
  if (totalDocs === 0) await hashLikePayload(password)
  return args
}

export const signInSucceeded: CollectionAfterLoginHook = ({ user }) => {
  const client = requestClient.getStore()
  if (client !== undefined) signInThrottle.succeeded(client, accountKey(String(user.email)))
  return user
}

/** An admin's unlock (the REST endpoint; Payload has no lock of its own any more) lifts the throttle for that account. */
export const unlockLiftsThrottle: CollectionAfterOperationHook = ({ args, operation, result }) => {
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (operation === 'unlock' && result && typeof email === 'string') signInThrottle.forgetAccount(accountKey(email))
  return result
}
