/**
 * Payload's e-mail adapter (password-reset mail), on nodemailer. SMTP_URL set: SMTP to it.
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

interface MailSettings {
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

export function emailAdapter(settings: MailSettings): EmailAdapter {
  const from = parseMailbox(settings.MAIL_FROM)
  const outbox = settings.SMTP_URL ? undefined : outboxFile(settings.MAIL_CAPTURE_DIR)
  const transport = settings.SMTP_URL ? nodemailer.createTransport(settings.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true })

  return ({ payload }) => {
    if (outbox) payload.logger.info(`e-mail: SMTP_URL unset, mail is written to ${outbox}`)
    else transport.verify().catch((err: Error) => payload.logger.error({ err, msg: 'e-mail: the SMTP server does not answer' }))

    const deliver = async (message: SendMailOptions) => {
      const info = await transport.sendMail({ from, replyTo: settings.MAIL_REPLY_TO, ...message })
      if (!outbox) return
      await mkdir(path.dirname(outbox), { recursive: true })
      await appendFile(outbox, `${(info as unknown as { message: string }).message}\n`) // jsonTransport: the message as JSON
    }
    return {
      name: 'lagesbild-nodemailer',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      // Not awaited: a slow or failing SMTP server must not slow down or fail the request.
      sendEmail: async (message) => {
        const send = () =>
          void deliver(message as SendMailOptions).catch((err: Error) => {
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
