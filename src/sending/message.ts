/**
 * The e-mail that carries an edition: the edition's e-mail HTML export with its text export as
 * the text/plain alternative, so what a recipient reads is what the record says was published.
 */
import { createHash } from 'node:crypto'

import type { SendMailOptions } from 'nodemailer'

import type { EditionDoc } from '../editions/record'
import { parseMailbox } from '../email'
import { editionModel } from '../report-format/edition'
import { renderReportHtml } from '../report-format/render-html'
import { formatStockholm } from '../report-format/stockholm-time'
import { slugify } from '../slug'

export interface MessageSettings {
  MAIL_FROM: string
  MAIL_REPORT_URL?: string
}

export interface MessageRecipient {
  name?: string | null
  email: string
}

export const LINK_TEXT = 'Läs rapporten på webben'

/** "Regional rapport – 2025-04-03": the title and the day it was compiled (Swedish time). */
export function subjectOf(edition: Pick<EditionDoc, 'title' | 'content'>): string {
  return `${edition.title} – ${formatStockholm(new Date(edition.content.compiledAt)).slice(0, 10)}`
}

/** The report's address on the intranet or website (MAIL_REPORT_URL with `{slug}`), if configured. */
export function reportUrl(settings: MessageSettings, slug: string): string | undefined {
  return settings.MAIL_REPORT_URL?.replaceAll('{slug}', encodeURIComponent(slug))
}

/** The HTML and text a recipient of this edition gets: its exports, with a link to the web where configured. */
export function editionBodies(edition: Pick<EditionDoc, 'content' | 'text' | 'slug'>, settings: MessageSettings): { html: string; text: string } {
  const href = reportUrl(settings, edition.slug)
  const html = renderReportHtml(editionModel(edition.content), href ? { link: { href, text: LINK_TEXT } } : {})
  return { html, text: href ? `${edition.text}\n${LINK_TEXT}: ${href}\n` : edition.text }
}

const domainOf = (settings: MessageSettings) => parseMailbox(settings.MAIL_FROM).address.split('@')[1] ?? 'localhost'

/** The same for every attempt of one delivery, so a mail system that saw it once can tell a repeat. */
export function messageIdFor(deliveryKey: string, settings: MessageSettings): string {
  return `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}@${domainOf(settings)}>`
}

/** RFC 2919: a list identifier under the sender's domain; nodemailer adds the list's name, quoted or encoded. */
export function listIdFor(listName: string, settings: MessageSettings): { url: string; comment: string } {
  return { url: `${slugify(listName) || 'lista'}.${domainOf(settings)}`, comment: listName }
}

export function editionMessage(options: {
  edition: Pick<EditionDoc, 'title' | 'content' | 'text' | 'slug'>
  recipient: MessageRecipient
  deliveryKey: string
  listName?: string
  settings: MessageSettings
}): SendMailOptions {
  const { edition, recipient, deliveryKey, listName, settings } = options
  const href = reportUrl(settings, edition.slug)
  return {
    to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email,
    subject: subjectOf(edition),
    ...editionBodies(edition, settings),
    messageId: messageIdFor(deliveryKey, settings),
    ...(listName ? { list: { id: listIdFor(listName, settings) } } : {}),
    headers: {
      ...(href ? { 'Archived-At': `<${href}>` } : {}),
      // No out-of-office replies to a mailing.
      'Auto-Submitted': 'auto-generated',
    },
  }
}
