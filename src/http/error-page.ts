/**
 * The print and preview views' error pages: a short page in the admin's language (Swedish unless
 * the reader chose English in the admin), with the way back to the admin.
 */
import type { Request, Response } from 'express'

import { type AdminLanguage, languageFromCookies } from '../admin/language/admin-language'

const MESSAGES = {
  notFound: {
    sv: 'Rapporten finns inte, eller så har du inte behörighet att läsa den.',
    en: 'No such report, or you may not read it.',
  },
  previewIsForStaff: {
    sv: 'Förhandsvisningen är till för redaktörer och utgivare som är inloggade i administrationen.',
    en: 'Preview is for editors and publishers signed in to the admin.',
  },
  backToAdmin: { sv: 'Till administrationen', en: 'To the admin' },
} satisfies Record<string, Record<AdminLanguage, string>>

export type ErrorPageMessage = Exclude<keyof typeof MESSAGES, 'backToAdmin'>

export function sendErrorPage(req: Request, res: Response, status: number, message: ErrorPageMessage): void {
  const language = languageFromCookies(req.headers.cookie)
  const text = MESSAGES[message][language]
  res
    .status(status)
    .set('cache-control', 'private, no-store')
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${text}</title></head>` +
        `<body style="font-family:Arial, Helvetica, sans-serif;margin:48px auto;max-width:640px;padding:0 16px;line-height:1.5">` +
        `<p>${text}</p><p><a href="/admin">${MESSAGES.backToAdmin[language]}</a></p></body></html>`,
    )
}
