/** Mail settings (src/env.ts) and the sender they name (src/email). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { parseMailbox } from '../../src/email'
import { parseEnv } from '../../src/env'

const parse = (vars: Record<string, string>) => parseEnv({ PAYLOAD_SECRET: 'x'.repeat(40), ...vars }, mkdtempSync(path.join(tmpdir(), 'env-')))

describe('mail settings', () => {
  it.each([
    [{ SMTP_URL: 'http://mail.example.org' }, /SMTP_URL/],
    [{ SMTP_URL: 'mail.example.org:587' }, /SMTP_URL/],
    [{ MAIL_FROM: 'lagesbild' }, /MAIL_FROM/],
    [{ MAIL_REPLY_TO: 'Redaktionen <nope>' }, /MAIL_REPLY_TO/],
  ])('refuses %o naming the variable', (vars, message) => {
    expect(() => parse(vars)).toThrow(message)
  })

  it('accepts SMTP over smtp:// and smtps://, and defaults the sender', () => {
    expect(parse({ SMTP_URL: 'smtps://user:secret@smtp.example.org:465' }).SMTP_URL).toBe('smtps://user:secret@smtp.example.org:465')
    expect(parse({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525')
    expect(parse({}).MAIL_FROM).toBe('lagesbild <noreply@localhost>')
  })

  it('reads the sender as "Name <address>" or a bare address', () => {
    expect(parseMailbox('lagesbild <noreply@localhost>')).toEqual({ name: 'lagesbild', address: 'noreply@localhost' })
    expect(parseMailbox('"Länsstyrelsen, kommunikation" <kom@example.se>')).toEqual({ name: 'Länsstyrelsen, kommunikation', address: 'kom@example.se' })
    expect(parseMailbox('kom@example.se')).toEqual({ name: 'lagesbild', address: 'kom@example.se' })
  })
})
