/**
 * Payload's e-mail adapter (password-reset mail) and the mailer report mailings use (src/sending/), on nodemailer. SMTP_URL set: SMTP to it.
 * Unset: nothing leaves the machine; each message is appended as one JSON line to
 * `outbox.jsonl` in MAIL_CAPTURE_DIR (default data/mail), where a developer or a test reads it.
 *
 * Not @payloadcms/email-nodemailer: it has no 3.90.2 release, and Payload refuses to start in
 * development with a 3.90.1 package next to 3.90.2 (its dependency check); the adapter is this small.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { appendFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { emailFailures } from '../observability/metrics'

export interface MailSettings {
  SMTP_URL?: string
  MAIL_FROM: string
  MAIL_REPLY_TO?: string
  MAIL_CAPTURE_DIR?: string
}

/** "Name <address>" or a bare address. */
export function parseMailbox(mailbox: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(mailbox)
  return match ? { name: match[1] || 'lagesbild', address: match[2] } : { name: 'lagesbild', address: mailbox.trim() }
}

function outboxFile(captureDir = 'data/mail'): string {
  return path.resolve(captureDir, 'outbox.jsonl')
}

const heldMail = new AsyncLocalStorage<(() => void)[]>()

/**
 * Mail sent while `work` runs leaves once it has succeeded, and not at all if it fails. Payload
 * sends the reset mail inside its transaction: its link could arrive before the token is
 * committed, or carry a token that was rolled back.
 */
export async function sendingMailAfter<T>(work: () => Promise<T>): Promise<T> {
  const held: (() => void)[] = []
  const result = await heldMail.run(held, work)
  for (const send of held) send()
  return result
}

/** What a send returns: the SMTP server's answer (or "captured" for the local capture) and the Message-ID. */
export interface SentMail {
  response: string
  messageId: string
}

export interface Mailer {
  /** Sends now and resolves once the SMTP server accepted the message (or it was captured); rejects with nodemailer's error. */
  send: (message: SendMailOptions) => Promise<SentMail>
  /** The capture file when SMTP_URL is unset. */
  outbox?: string
  /** Whether the SMTP server answers (SMTP_URL set). */
  verify: () => Promise<unknown>
  close: () => void
}

/**
 * A mailing is hundreds of messages at once: a few reused connections (nodemailer's pool) instead
 * of one per message, which SMTP servers throttle. SMTP_URL's own pool/maxConnections win.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl)
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true')
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '5')
  return url.toString()
}

/** The one nodemailer transport of a process: password-reset mail and report mailings share it. */
export function createMailer(settings: MailSettings): Mailer {
  const from = parseMailbox(settings.MAIL_FROM)
  const outbox = settings.SMTP_URL ? undefined : outboxFile(settings.MAIL_CAPTURE_DIR)
  const transport = settings.SMTP_URL ? nodemailer.createTransport(pooled(settings.SMTP_URL)) : nodemailer.createTransport({ jsonTransport: true })
  return {
    outbox,
    close: () => transport.close(),
    verify: () => transport.verify(),
    send: async (message) => {
      const info = await transport.sendMail({ from, replyTo: settings.MAIL_REPLY_TO, ...message })
      if (outbox) {
        await mkdir(path.dirname(outbox), { recursive: true })
        await appendFile(outbox, `${(info as unknown as { message: string }).message}\n`) // jsonTransport: the message as JSON
      }
      return { response: outbox ? `captured in ${outbox}` : String(info.response ?? ''), messageId: String(info.messageId ?? '') }
    },
  }
}

let shared: { settings: MailSettings; mailer: Mailer } | undefined

/** This process's mailer for these settings (created once). */
export function mailerFor(settings: MailSettings): Mailer {
  if (shared?.settings !== settings) shared = { settings, mailer: createMailer(settings) }
  return shared.mailer
}

export function emailAdapter(settings: MailSettings): EmailAdapter {
  const from = parseMailbox(settings.MAIL_FROM)
  return ({ payload }) => {
    const mailer = mailerFor(settings)
    if (mailer.outbox) payload.logger.info(`e-mail: SMTP_URL unset, mail is written to ${mailer.outbox}`)
    else mailer.verify().catch((err: Error) => payload.logger.error({ err, msg: 'e-mail: the SMTP server does not answer' }))

    return {
      name: 'lagesbild-nodemailer',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      // Not awaited: a slow or failing SMTP server must not slow down or fail the request.
      sendEmail: async (message) => {
        const send = () =>
          void mailer.send(message as SendMailOptions).catch((err: Error) => {
            emailFailures.inc()
            payload.logger.error({ err, msg: `e-mail "${message.subject}" was not sent` })
          })
        const held = heldMail.getStore()
        if (held) held.push(send)
        else send()
      },
    }
  }
}
