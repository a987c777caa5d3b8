/**
 * A real SMTP server for the sending specs (smtp-server, from the nodemailer project), run as its
 * own process so a spec can kill -9 it mid-send. Every message it accepts is appended to
 * SMTP_SINK_FILE (one JSON line: envelope recipients and the raw message) before it answers 250,
 * so the file holds exactly what a mail system took responsibility for.
 *
 * SMTP_SINK_PORT       port on 127.0.0.1
 * SMTP_SINK_REJECT     addresses refused at RCPT TO with 550 (unknown mailbox)
 * SMTP_SINK_DEFER_ONCE addresses refused once with 451 (greylisting), accepted afterwards
 *                      (remembered in SMTP_SINK_FILE.deferred, across restarts)
 * SMTP_SINK_HANG_AFTER after accepting this many messages, never answer another DATA
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs'

import { SMTPServer } from 'smtp-server'

const file = process.env.SMTP_SINK_FILE!
const deferredFile = `${file}.deferred`
const list = (name: string) => new Set((process.env[name] ?? '').split(',').filter(Boolean))
const rejected = list('SMTP_SINK_REJECT')
const deferOnce = list('SMTP_SINK_DEFER_ONCE')
const hangAfter = Number(process.env.SMTP_SINK_HANG_AFTER ?? Infinity)
let accepted = 0

const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code })
const deferredBefore = () => new Set(existsSync(deferredFile) ? readFileSync(deferredFile, 'utf8').split('\n') : [])

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    const to = address.address.toLowerCase()
    if (rejected.has(to)) return callback(refusal(550, `5.1.1 <${to}>: mailbox unknown`))
    if (deferOnce.has(to) && !deferredBefore().has(to)) {
      appendFileSync(deferredFile, `${to}\n`)
      return callback(refusal(451, `4.7.1 <${to}>: greylisted, try again later`))
    }
    callback()
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      if (accepted >= hangAfter) {
        console.log(`hanging on a message to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}`)
        return // never answered: the client waits until this process dies
      }
      accepted++
      appendFileSync(file, `${JSON.stringify({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })}\n`)
      callback(null, 'queued')
    })
  },
})

server.listen(Number(process.env.SMTP_SINK_PORT), '127.0.0.1', () => console.log(`smtp sink ready on ${process.env.SMTP_SINK_PORT}`))
