/**
 * The GraphQL page at /api/graphql-playground works without internet: one document whose code and
 * styles are inline, a Content-Security-Policy that lets it reach nothing but this server, and
 * queries that run against /api/graphql.
 */
import { describe, expect, it } from 'vitest'

import { api, baseUrl, login } from './support/api'

describe('GraphQL page', () => {
  it('references no other host and may reach none', async () => {
    const response = await fetch(`${baseUrl()}/api/graphql-playground`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    // No absolute or protocol-relative URL anywhere: no script, style sheet, font or image from a CDN.
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\/\//i)
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i)
    expect(html).not.toMatch(/@import|url\(/)
    expect(html).toContain('const endpoint = "/api/graphql"')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("connect-src 'self'")
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(html).toContain(`<script nonce="${nonce}">`)
  })

  it('runs the example query it shows against /api/graphql', async () => {
    const html = await (await fetch(`${baseUrl()}/api/graphql-playground`)).text()
    const query = /<textarea id="query"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(html)![1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
    const result = await api('/api/graphql', { method: 'POST', body: { query }, token: await login() })
    expect(result.status, JSON.stringify(result.body)).toBe(200)
    expect(result.body.errors).toBeUndefined()
    expect(result.body.data.Reports.docs.length).toBeGreaterThan(0)
  })
})
