/** The mail the server under test wrote instead of sending it (MAIL_CAPTURE_DIR, see src/email). */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface CapturedMail {
  from: { address: string; name: string }
  to: { address: string; name: string }[]
  replyTo?: { address: string; name: string }[]
  subject: string
  html: string
}

export function capturedMail(): CapturedMail[] {
  const file = path.join(process.env.MAIL_CAPTURE_DIR!, 'outbox.jsonl')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

export const mailTo = (address: string) => capturedMail().filter((mail) => mail.to.some((to) => to.address === address))

/** The first mail to this address; it is sent after the request has been answered, so wait a little. */
export async function waitForMail(address: string, timeoutMs = 5_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [mail] = mailTo(address)
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
