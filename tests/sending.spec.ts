/**
 * Mailing editions, end to end, against a real SMTP server (smtp-server, its own process on a
 * loopback port, tests/support/smtp-sink.ts) and a server of its own on a fresh database (seeded:
 * the suite's server has no SMTP_URL and would capture the mail instead). Messages are parsed
 * with mailparser and compared with the edition's exports.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type ParsedMail, simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from './support/api'
import { freshDatabase, type FreshDatabase } from './support/fresh-database'
import { startServer, type ServerProcess } from './support/server-process'
import { TEST_ADMIN } from './support/test-database'

const MAIL_FROM = 'Regional rapport <rapport@region.example>'

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** The SMTP server process; `start` again after a kill binds the same port. */
function smtpSink(port: number, file: string) {
  let child: ChildProcess | undefined
  let log = ''
  return {
    log: () => log,
    start: (env: Record<string, string> = {}) =>
      new Promise<void>((resolve, reject) => {
        log = ''
        child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/smtp-sink.ts'], {
          env: { ...process.env, SMTP_SINK_PORT: String(port), SMTP_SINK_FILE: file, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        child.stdout!.on('data', (chunk) => {
          log += chunk
          if (log.includes('smtp sink ready')) resolve()
        })
        child.stderr!.on('data', (chunk) => (log += chunk))
        child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}: ${log}`)))
      }),
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}

interface Received {
  to: string[]
  mail: ParsedMail
}

async function received(file: string): Promise<Received[]> {
  if (!existsSync(file)) return []
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  return Promise.all(
    lines.map(async (line) => {
      const { to, raw } = JSON.parse(line) as { to: string[]; raw: string }
      return { to, mail: await simpleParser(raw) }
    }),
  )
}

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
  let api: ReturnType<typeof apiClient>
  let token: string
  let seedId: number | string
  const mailFile = path.join(mkdtempSync(path.join(tmpdir(), 'lagesbild-smtp-')), 'received.jsonl')
  let sink: ReturnType<typeof smtpSink>
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
    const port = await freePort()
    sink = smtpSink(port, mailFile)
    await sink.start({ SMTP_SINK_REJECT: rejected, SMTP_SINK_DEFER_ONCE: deferred })
    database = await freshDatabase()
    server = await startServer({
      env: {
        DATABASE_URL: database.url,
        AUTO_SEED: 'true',
        REDIS_URL: undefined,
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM,
        MAIL_REPLY_TO: 'kommunikation@region.example',
        MAIL_RETRY_DELAY_MS: '500',
        JOBS_CRON: '* * * * * *',
      },
    })
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
})
