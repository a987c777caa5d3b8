/**
 * The admin's language outside Payload (the print and preview error pages) and the branding
 * settings: Swedish unless the user chose English; the organisation's logo a URL or an image file
 * that exists, never both; a bad value is refused naming the variable.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { languageCookie, languageFromCookies } from '../../src/admin/language/admin-language'
import { parseEnv } from '../../src/env'

const secret = 'x'.repeat(40)
const dir = () => mkdtempSync(path.join(tmpdir(), 'branding-'))

describe('the admin language of a request', () => {
  it.each([
    [undefined, 'sv'],
    ['', 'sv'],
    ['payload-token=abc', 'sv'],
    ['payload-lng=en', 'en'],
    ['payload-token=abc; payload-lng=en; other=1', 'en'],
    ['payload-lng=sv', 'sv'],
    ['payload-lng=de', 'sv'], // not one of the admin's languages
    ['xpayload-lng=en', 'sv'],
  ])('cookies %o: %s', (cookies, language) => {
    expect(languageFromCookies(cookies)).toBe(language)
  })

  it('writes the cookie as Payload reads it, for a year on every path', () => {
    expect(languageCookie('en')).toBe('payload-lng=en; Path=/; Max-Age=31536000; SameSite=Lax')
  })
})

describe('branding settings', () => {
  it('has none by default: the product name and mark alone', () => {
    const env = parseEnv({ PAYLOAD_SECRET: secret }, dir())
    expect([env.ORGANISATION_NAME, env.ORGANISATION_LOGO_URL, env.ORGANISATION_LOGO_FILE]).toEqual([undefined, undefined, undefined])
  })

  it('takes a name and a logo URL, or a logo file that exists', () => {
    const logo = path.join(dir(), 'logo.svg')
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg"/>')
    expect(
      parseEnv({ PAYLOAD_SECRET: secret, ORGANISATION_NAME: ' Västra Götalandsregionen ', ORGANISATION_LOGO_URL: 'https://example.org/logo.png' }, dir()),
    ).toMatchObject({
      ORGANISATION_NAME: 'Västra Götalandsregionen',
      ORGANISATION_LOGO_URL: 'https://example.org/logo.png',
    })
    expect(parseEnv({ PAYLOAD_SECRET: secret, ORGANISATION_LOGO_FILE: logo }, dir()).ORGANISATION_LOGO_FILE).toBe(logo)
  })

  it.each([
    [{ ORGANISATION_LOGO_URL: 'javascript:alert(1)' }, /ORGANISATION_LOGO_URL/],
    [{ ORGANISATION_LOGO_URL: 'logo.png' }, /ORGANISATION_LOGO_URL/],
    [{ ORGANISATION_LOGO_FILE: '/nowhere/logo.png' }, /ORGANISATION_LOGO_FILE: no such file/],
    [{ ORGANISATION_LOGO_FILE: '/etc/passwd' }, /ORGANISATION_LOGO_FILE: must be an .svg/],
    [{ ORGANISATION_NAME: 'x'.repeat(101) }, /ORGANISATION_NAME/],
  ])('refuses %o naming the variable', (vars, message) => {
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, ...vars }, dir())).toThrow(message)
  })

  it('refuses a logo URL and a logo file together', () => {
    const logo = path.join(dir(), 'logo.png')
    writeFileSync(logo, 'png')
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, ORGANISATION_LOGO_URL: 'https://example.org/logo.png', ORGANISATION_LOGO_FILE: logo }, dir())).toThrow(
      /ORGANISATION_LOGO_FILE: set ORGANISATION_LOGO_URL or ORGANISATION_LOGO_FILE, not both/,
    )
  })
})
