/**
 * The one HTTP client of the tests, e2e specs, smoke check and benchmark: REST, GraphQL and login
 * against a real server. `apiClient(url)` talks to a server of your own (e2e, bench, a spec that
 * starts one); `api`, `graphql` and `login` to the integration suite's server (global setup).
 */
import { inject } from 'vitest'

import { TEST_ADMIN } from './test-database'

/** The integration suite's server, started once by global setup (tests/support/global-setup.ts). */
export const baseUrl = () => inject('baseUrl')

export interface ApiResponse<T = any> {
  status: number
  /** Parsed JSON, or the text when it is not JSON (undefined when empty). */
  body: T
  headers: Headers
}

export interface ApiOptions {
  method?: string
  /** Sent as JSON. */
  body?: unknown
  /** A Payload JWT, sent as `Authorization: JWT <token>`. */
  token?: string
  /** A whole Authorization header value: `JWT <token>`, `users API-Key <key>`. */
  auth?: string
  headers?: Record<string, string>
}

export type ApiClient = <T = any>(path: string, options?: ApiOptions) => Promise<ApiResponse<T>>

/** A client for the server at `base`: its URL, or a function returning it when asked. */
export function apiClient(base: string | (() => string)): ApiClient {
  return async (path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.auth) headers.authorization = options.auth
    if (options.token) headers.authorization = `JWT ${options.token}`
    const response = await fetch(`${typeof base === 'string' ? base : base()}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers }
  }
}

/** REST (any path) on the integration suite's server. */
export const api: ApiClient = apiClient(baseUrl)

export async function graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string) {
  return api<{ data?: T; errors?: { message: string }[] }>('/api/graphql', {
    method: 'POST',
    body: { query, variables },
    token,
  })
}

export async function login(email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<string> {
  const response = await api('/api/users/login', { method: 'POST', body: { email, password } })
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.token
}

/** The GET path of the persisted GraphQL query `reportBySlug` (cacheable): /api/graphql?id=reportBySlug&variables=… */
export function persistedQueryPath(slug: string): string {
  return `/api/graphql?id=reportBySlug&variables=${encodeURIComponent(JSON.stringify({ slug }))}`
}
