/**
 * The callers of the access tests: one user per role, a reader authenticating with an API key
 * (as a consumer site does), and anonymous. Each knows how to authenticate a request.
 */
import { randomUUID } from 'node:crypto'

import { api, login } from './api'

export const ACTORS = ['admin', 'publisher', 'editor', 'reader', 'readerKey', 'anonymous'] as const
export type Actor = (typeof ACTORS)[number]

export interface ActorCredentials {
  actor: Actor
  /** Authorization header value, or undefined for anonymous. */
  authorization?: string
  userId?: number | string
  email?: string
}

export type Actors = Record<Actor, ActorCredentials>

export const PASSWORD = 'actor-password-123'

/** Creates (through the admin, over REST) one fresh user per role and returns their credentials. */
export async function createActors(): Promise<Actors> {
  const adminToken = await login()
  const suffix = randomUUID().slice(0, 8)
  const makeUser = async (role: string, extra: Record<string, unknown> = {}, label = role) => {
    const email = `${label}-${suffix}@test.local`
    const response = await api('/api/users', { method: 'POST', token: adminToken, body: { email, password: PASSWORD, name: role, roles: [role], ...extra } })
    if (response.status !== 201) throw new Error(`creating ${role}: ${response.status} ${JSON.stringify(response.body)}`)
    return { id: response.body.doc.id, email }
  }
  const jwt = async (role: 'publisher' | 'editor' | 'reader'): Promise<ActorCredentials> => {
    const user = await makeUser(role)
    return { actor: role, authorization: `JWT ${await login(user.email, PASSWORD)}`, userId: user.id, email: user.email }
  }
  const apiKey = randomUUID()
  const keyUser = await makeUser('reader', { enableAPIKey: true, apiKey }, 'reader-key')
  const admin = (await api('/api/users/me', { token: adminToken })).body.user
  return {
    admin: { actor: 'admin', authorization: `JWT ${adminToken}`, userId: admin.id, email: admin.email },
    publisher: await jwt('publisher'),
    editor: await jwt('editor'),
    reader: await jwt('reader'),
    readerKey: { actor: 'readerKey', authorization: `users API-Key ${apiKey}`, userId: keyUser.id, email: keyUser.email },
    anonymous: { actor: 'anonymous' },
  }
}

/** REST as an actor. */
export function restAs(credentials: ActorCredentials) {
  return (path: string, options: { method?: string; body?: unknown } = {}) =>
    api(path, { ...options, headers: credentials.authorization ? { authorization: credentials.authorization } : {} })
}

/**
 * REST as an actor signed in to the admin in a browser: the session cookie, with the header a
 * browser adds (Payload's CSRF check accepts the cookie only with it). An API-key actor has no
 * session: it sends its key, as a consumer site's browser code would.
 */
export function browserAs(credentials: ActorCredentials) {
  const token = credentials.authorization?.startsWith('JWT ') ? credentials.authorization.slice(4) : undefined
  const headers: Record<string, string> = token
    ? { cookie: `lang=sv; payload-token=${token}`, 'sec-fetch-site': 'same-origin' }
    : credentials.authorization
      ? { authorization: credentials.authorization }
      : {}
  return (path: string, options: { method?: string; body?: unknown } = {}) => api(path, { ...options, headers })
}

/** GraphQL as an actor. */
export function graphqlAs(credentials: ActorCredentials) {
  return (query: string, variables?: Record<string, unknown>) =>
    api<{ data?: any; errors?: { message: string; extensions?: { statusCode?: number } }[] }>('/api/graphql', {
      method: 'POST',
      body: { query, variables },
      headers: credentials.authorization ? { authorization: credentials.authorization } : {},
    })
}
