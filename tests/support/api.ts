/** Small HTTP helpers for specs: REST, GraphQL and login against the real server. */
import { inject } from 'vitest'

import { TEST_ADMIN } from './test-database'

export const baseUrl = () => inject('baseUrl')

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

export async function api<T = any>(
  path: string,
  options: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.token) headers.authorization = `JWT ${options.token}`
  const response = await fetch(`${baseUrl()}${path}`, {
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
