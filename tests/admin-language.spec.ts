/**
 * The admin is Swedish unless the user chose English (src/admin/language/admin-language.ts): the
 * browser's Accept-Language is ignored, the `payload-lng` cookie (the user's choice) is not, and
 * signing in puts the user's own choice, kept in their preferences, back in that cookie. The print
 * and preview views' error pages speak the same language.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { type Actors, createActors, PASSWORD, restAs } from './support/actors'
import { api, baseUrl } from './support/api'

const signIn = (email: string, headers: Record<string, string> = {}) =>
  api('/api/users/login', { method: 'POST', body: { email, password: PASSWORD }, headers })
const languageCookieOf = (response: { headers: Headers }) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('payload-lng='))
    ?.split(';')[0]

describe('the admin language', () => {
  let actors: Actors

  beforeAll(async () => {
    actors = await createActors()
  })

  it("answers in Swedish whatever language the browser asks for, in English when the user's cookie says so", async () => {
    const email = actors.editor.email!
    expect((await signIn(email, { 'accept-language': 'en-US,en;q=0.9' })).body.message).toBe('Autentisering godkänd')
    expect((await signIn(email)).body.message).toBe('Autentisering godkänd')
    expect((await signIn(email, { 'accept-language': 'en-US,en;q=0.9', cookie: 'payload-lng=en' })).body.message).toBe('Authentication Passed')
    expect((await signIn(email, { 'accept-language': 'en', cookie: 'payload-lng=sv' })).body.message).toBe('Autentisering godkänd')
  })

  it("puts the user's own language in the cookie at sign-in: Swedish unless they chose English", async () => {
    const editor = actors.editor.email!
    const publisher = actors.publisher.email!
    // A browser someone used in English: signing in without a choice of one's own gives Swedish.
    expect(languageCookieOf(await signIn(editor, { cookie: 'payload-lng=en' }))).toBe('payload-lng=sv')

    // The account view's choice, as the admin keeps it (src/admin/language/RememberLanguage.tsx).
    const chose = await restAs(actors.editor)('/api/payload-preferences/admin-language', { method: 'POST', body: { value: 'en' } })
    expect(chose.status, JSON.stringify(chose.body)).toBe(200)
    expect(languageCookieOf(await signIn(editor))).toBe('payload-lng=en')
    expect(languageCookieOf(await signIn(editor, { 'accept-language': 'sv', cookie: 'payload-lng=sv' }))).toBe('payload-lng=en')
    // Nobody else's.
    expect(languageCookieOf(await signIn(publisher, { cookie: 'payload-lng=en' }))).toBe('payload-lng=sv')

    // Back to Swedish.
    await restAs(actors.editor)('/api/payload-preferences/admin-language', { method: 'POST', body: { value: 'sv' } })
    expect(languageCookieOf(await signIn(editor))).toBe('payload-lng=sv')
  })

  it("writes the print and preview views' error pages in Swedish, in English for a user who chose it", async () => {
    const page = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(`${baseUrl()}${path}`, { headers })
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }
    }
    const missing = await page('/reports/987654321/print', { 'accept-language': 'en-US,en;q=0.9' })
    expect(missing).toMatchObject({ status: 404, type: expect.stringMatching(/^text\/html/) })
    expect(missing.body).toContain('<html lang="sv">')
    expect(missing.body).toContain('Rapporten finns inte, eller så har du inte behörighet att läsa den.')
    expect(missing.body).not.toMatch(/No such report/)
    expect((await page('/reports/987654321/print', { cookie: 'payload-lng=en' })).body).toContain('No such report, or you may not read it.')

    const preview = await page('/reports/987654321/preview', { 'accept-language': 'en' })
    expect(preview.status).toBe(401)
    expect(preview.body).toContain('Förhandsvisningen är till för redaktörer och utgivare som är inloggade i administrationen.')
  })
})
