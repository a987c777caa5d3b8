/**
 * Mailing editions, end to end, against a real SMTP server (smtp-server, its own process on a
 * loopback port, tests/support/smtp-sink-process.ts) and a server of its own on a fresh database (seeded:
 * the suite's server has no SMTP_URL and would capture the mail instead). Messages are parsed
 * with mailparser and compared with the edition's exports.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { INTERRUPTED } from '../src/sending/claim'
import { apiClient } from './support/api'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'
import { loopbackPort, received, smtpSink, type SmtpSink } from './support/smtp-sink-process'
import { TEST_ADMIN } from './support/test-database'

const MAIL_FROM = 'Regional rapport <rapport@region.example>'
const LEASE_MS = 8_000

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

const address = (label: string) => `${label}-${randomUUID().slice(0, 6)}@region.example`

describe('mailing editions to distribution lists over SMTP', () => {
  let database: FreshDatabase
  let server: ServerProcess
  let serverEnv: Record<string, string | undefined>
  let api: ReturnType<typeof apiClient>
  let token: string
  let seedId: number | string
  const mailFile = path.join(mkdtempSync(path.join(tmpdir(), 'lagesbild-smtp-')), 'received.jsonl')
  let sink: SmtpSink
  const rejected = address('okand')
  const deferred = address('gralistad')

  const call = async (url: string, method = 'GET', body?: unknown) => {
    const response = await api(url, { method, body, token })
    return response
  }
  const createList = async (name: string, distribution: string, emails: string[]) => {
    const response = await call('/api/distribution-lists', 'POST', {
      name: `${name} ${randomUUID().slice(0, 6)}`,
      distribution,
      recipients: emails.map((email, index) => ({ name: `Mottagare ${index + 1}`, email })),
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc as { id: number | string; name: string }
  }
  /** A new report from the seed report (real parts), published for these distributions; returns it and its edition. */
  const publishReport = async (distribution: string[]) => {
    const next = await call(`/api/reports/${seedId}/next`, 'POST')
    expect(next.status, JSON.stringify(next.body)).toBe(201)
    const id = next.body.doc.id
    const title = `Regional rapport ${randomUUID().slice(0, 6)}`
    const started = Date.now()
    const published = await call(`/api/reports/${id}`, 'PATCH', { title, distribution, _status: 'published' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const publishMs = Date.now() - started
    const edition = (await call(`/api/editions?where[report][equals]=${id}&sort=-number&limit=1&depth=0`)).body.docs[0]
    return { id, title, edition, publishMs }
  }
  const deliveriesOf = async (editionId: unknown) =>
    (await call(`/api/deliveries?where[edition][equals]=${editionId}&limit=1000&depth=0`)).body.docs as Record<string, any>[]
  const allSettled = async (editionId: unknown, count: number) => {
    let last: Record<string, any>[] = []
    try {
      return await waitFor(`${count} settled deliveries of edition ${editionId}`, async () => {
        last = await deliveriesOf(editionId)
        return last.length === count && last.every((row) => row.status === 'sent' || row.status === 'failed') ? last : undefined
      })
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(last.map(({ email, status, attempts, error }) => ({ email, status, attempts, error })))}`)
    }
  }

  beforeAll(async () => {
    const port = await loopbackPort()
    sink = smtpSink(port, mailFile)
    await sink.start({ SMTP_SINK_REJECT: rejected, SMTP_SINK_DEFER_ONCE: deferred })
    database = await freshDatabase()
    serverEnv = {
      DATABASE_URL: database.url,
      AUTO_SEED: 'true',
      REDIS_URL: undefined,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM,
      MAIL_REPLY_TO: 'kommunikation@region.example',
      MAIL_RETRY_DELAY_MS: '500',
      // Short, so that the last test sees a dead process's claim expire; renewed every third of it.
      MAIL_SENDING_LEASE_MS: String(LEASE_MS),
      JOBS_CRON: '* * * * * *',
    }
    server = await startServer({ env: serverEnv })
    api = apiClient(server.url)
    const login = await api('/api/users/login', { method: 'POST', body: TEST_ADMIN })
    token = login.body.token
    seedId = (await call('/api/reports?limit=1&depth=0')).body.docs[0].id
  })

  afterAll(async () => {
    await server?.stop()
    await sink?.kill()
    await database?.drop()
  })

  it('sends each recipient of two lists exactly one message: the edition’s e-mail HTML and text, with List-Id and Message-ID', async () => {
    const shared = address('bada')
    const managers = [address('chef'), address('chef'), shared]
    const leaders = [address('politiker'), shared]
    const managersList = await createList('Chefer', 'managers', managers)
    const leadersList = await createList('Politisk ledning', 'politicalLeadership', leaders)
    await createList('Inaktiv', 'managers', [address('inaktiv')]).then((list) => call(`/api/distribution-lists/${list.id}`, 'PATCH', { active: false }))

    const report = await publishReport(['managers', 'politicalLeadership'])
    const rows = await allSettled(report.edition.id, 4)
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent'])

    const html = (await call(`/api/reports/${report.id}/export?format=html`)).body as string
    const text = (await call(`/api/reports/${report.id}/export?format=text`)).body as string
    const mails = (await received(mailFile)).filter(({ mail }) => mail.subject?.startsWith(report.title))
    const recipients = [...new Set([...managers, ...leaders])]
    expect(mails.map(({ to }) => to.join()).sort()).toEqual([...recipients].sort())
    for (const { to, mail } of mails) {
      expect(mail.subject).toMatch(new RegExp(`^${report.title} – \\d{4}-\\d{2}-\\d{2}$`))
      expect(mail.from?.value[0]).toEqual({ address: 'rapport@region.example', name: 'Regional rapport' })
      expect(mail.replyTo?.value[0].address).toBe('kommunikation@region.example')
      expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@region\.example>$/)
      const listName = leaders.includes(to[0]) && !managers.includes(to[0]) ? leadersList.name : managersList.name
      const listId = mail.headerLines.find((header) => header.key === 'list-id')?.line
      expect(listId).toMatch(new RegExp(`^List-Id: "${listName}" <[a-z0-9-]+\\.region\\.example>$`, 'i'))
      expect(mail.html).toBe(html)
      expect(mail.text).toBe(text)
    }
    const row = rows.find((r) => r.email === shared)!
    expect(row).toMatchObject({ listName: managersList.name, attempts: 1, editionNumber: 1, kind: 'edition' })
    expect(row.smtpResponse).toMatch(/^250/)

    // Republishing the same content records no new edition, and mails nothing again.
    const again = await call(`/api/reports/${report.id}`, 'PATCH', { _status: 'published' })
    expect(again.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect((await received(mailFile)).filter(({ mail }) => mail.subject?.startsWith(report.title))).toHaveLength(recipients.length)
  }, 180_000)

  it('does not retry a 550 (unknown mailbox), retries a 451 until it is delivered', async () => {
    const ok = address('ok')
    await createList('Intranät', 'intranet', [rejected, deferred, ok])
    const report = await publishReport(['intranet'])
    const rows = await allSettled(report.edition.id, 3)
    const byEmail = Object.fromEntries(rows.map((row) => [row.email, row]))
    expect(byEmail[rejected]).toMatchObject({ status: 'failed', attempts: 1 })
    expect(byEmail[rejected].smtpResponse).toMatch(/^550/)
    expect(byEmail[rejected].error).toMatch(/EENVELOPE/)
    expect(byEmail[deferred]).toMatchObject({ status: 'sent', attempts: 2 })
    expect(byEmail[ok]).toMatchObject({ status: 'sent', attempts: 1 })
    const mails = (await received(mailFile)).filter(({ mail }) => mail.subject?.startsWith(report.title))
    expect(mails.map(({ to }) => to[0]).sort()).toEqual([deferred, ok].sort())

    // The report's delivery summary lists the failure; "Skicka igen" retries the failed recipient only.
    const summary = await call(`/api/reports/${report.id}/deliveries`)
    expect(summary.status).toBe(200)
    expect(summary.body.editions).toEqual([
      { edition: 1, sent: 2, failed: 1, pending: 0, failures: [expect.objectContaining({ email: rejected, attempts: 1 })] },
    ])
    const resent = await call(`/api/reports/${report.id}/resend?edition=1`, 'POST')
    expect(resent.body.queued).toBe(1)
    await waitFor('the resend to fail again', async () => {
      const row = (await deliveriesOf(report.edition.id)).find((r) => r.email === rejected)
      return row?.status === 'failed' && row.attempts === 2 ? row : undefined
    })
    expect((await received(mailFile)).filter(({ mail }) => mail.subject?.startsWith(report.title))).toHaveLength(2)
  }, 180_000)

  it('sends a test of the newest draft to the signed-in user only, and logs it', async () => {
    const next = await call(`/api/reports/${seedId}/next`, 'POST')
    const draft = next.body.doc
    const response = await call(`/api/reports/${draft.id}/send-test`, 'POST')
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.email).toBe(TEST_ADMIN.email)
    const mail = await waitFor('the test mail', async () => (await received(mailFile)).find(({ mail }) => mail.subject === `[Provutskick] ${draft.title}`))
    expect(mail.to).toEqual([TEST_ADMIN.email])
    expect(mail.mail.html).toBe((await call(`/api/reports/${draft.id}/export?format=html&draft=true`)).body)
    const log = await call(`/api/deliveries?where[report][equals]=${draft.id}&depth=0`)
    expect(log.body.docs).toEqual([expect.objectContaining({ kind: 'test', status: 'sent', email: TEST_ADMIN.email, requestedBy: TEST_ADMIN.email })])
  })

  it('after the SMTP server is killed mid-send and restarted, everyone has the edition once', async () => {
    await sink.kill()
    await sink.start({ SMTP_SINK_HANG_AFTER: '3' })
    const everyone = Array.from({ length: 12 }, () => address('krasch'))
    await createList('Externa', 'publicWebsite', everyone)
    const report = await publishReport(['publicWebsite'])
    await waitFor('the SMTP server to hang mid-send', async () => (sink.log().includes('hanging') ? true : undefined))
    await sink.kill('SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await sink.start()

    const rows = await allSettled(report.edition.id, everyone.length)
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([])
    const mails = (await received(mailFile)).filter(({ mail }) => mail.subject?.startsWith(report.title))
    expect(mails.map(({ to }) => to[0]).sort()).toEqual([...everyone].sort())
    expect(rows.some((row) => row.attempts > 1)).toBe(true)
  }, 240_000)

  it('a server killed while handing a message to SMTP: the delivery fails as interrupted, is not resent by itself, and "Skicka igen" sends it', async () => {
    await sink.kill()
    await sink.start({ SMTP_SINK_HANG_AFTER: '0' })
    // Only this test's recipient gets the edition: the earlier tests' lists are switched off.
    for (const list of (await call('/api/distribution-lists?limit=100&depth=0')).body.docs)
      expect((await call(`/api/distribution-lists/${list.id}`, 'PATCH', { active: false })).status).toBe(200)
    const recipient = address('avbruten')
    await createList('Avbrutna', 'managers', [recipient])
    const report = await publishReport(['managers'])
    const rowOf = async () => (await deliveriesOf(report.edition.id)).find((row) => row.email === recipient)
    await waitFor('the message to be handed to SMTP', async () => (sink.log().includes(`hanging on a message to ${recipient}`) ? true : undefined))
    // While its server lives the claim is renewed: two leases later the row is still being sent.
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS))
    expect(await rowOf()).toMatchObject({ status: 'sending', attempts: 1 })

    await server.stop('SIGKILL')
    await sink.kill()
    await sink.start()
    server = await startServer({ env: serverEnv })
    api = apiClient(server.url)
    const failed = await waitFor('the dead claim to expire', async () => {
      const row = await rowOf()
      return row?.status === 'failed' ? row : undefined
    })
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: INTERRUPTED, smtpResponse: null })
    const summary = await call(`/api/reports/${report.id}/deliveries`)
    expect(summary.body.editions).toEqual([
      { edition: 1, sent: 0, failed: 1, pending: 0, failures: [expect.objectContaining({ email: recipient, error: INTERRUPTED })] },
    ])
    // Nobody knows whether it arrived, so nothing resends it by itself.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(await rowOf()).toMatchObject({ status: 'failed', attempts: 1 })
    expect((await received(mailFile)).filter(({ to }) => to.includes(recipient))).toHaveLength(0)

    const resent = await call(`/api/reports/${report.id}/resend?edition=1`, 'POST')
    expect(resent.body.queued).toBe(1)
    const sent = await waitFor('the resend', async () => {
      const row = await rowOf()
      return row?.status === 'sent' ? row : undefined
    })
    expect(sent).toMatchObject({ attempts: 2, error: null })
    expect((await received(mailFile)).filter(({ to }) => to.includes(recipient))).toHaveLength(1)
  }, 300_000)
})
