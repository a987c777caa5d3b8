/**
 * The mailing benchmark, against a running production server whose SMTP_URL points at the local
 * SMTP server (smtp-server, tests/support/smtp-sink.ts, writing each accepted message to
 * `mailFile`): one edition mailed to BENCH_MAIL_RECIPIENTS (2,000) addresses on two active lists,
 * timed from the publish request until every delivery row is settled; and the publish request's
 * own latency when the report's distribution names those lists and when it names none. Mailing is
 * queued, never done by the publish request, so the two latencies should be alike.
 */
import { existsSync, readFileSync } from 'node:fs'

import { blocksToLexical } from '../src/report-format/lexical'
import { apiClient } from '../tests/support/api'

export interface MailRun {
  publishMs: number
  /** From the publish request until the SMTP server accepted the first message / until every row was sent or failed. */
  firstMessageSeconds: number
  deliveredSeconds: number
  sent: number
  failed: number
  /** Messages the SMTP server accepted for this edition, and to how many distinct addresses. */
  received: number
  distinct: number
}

export interface MailBenchResult {
  recipients: number
  lists: number
  jobsCron: string
  withoutLists: number[]
  runs: MailRun[]
}

const PASSWORD = 'bench-mail-password-1'
const LISTS = [
  { name: 'Politisk ledning', distribution: 'politicalLeadership' },
  { name: 'Chefer', distribution: 'managers' },
]

/** The accepted messages' envelope recipients, one entry per message, in order. */
const acceptedSoFar = (file: string): string[][] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { to: string[] }).to)
    : []

export async function benchMail(
  baseUrl: string,
  mailFile: string,
  options: { recipients: number; runs: number; samples: number; log: (message: string) => void },
): Promise<Omit<MailBenchResult, 'jobsCron'>> {
  const { recipients, runs, samples, log } = options
  const api = apiClient(baseUrl)
  const first = await api('/api/users/first-register', { method: 'POST', body: { email: 'bench-mail@bench.local', password: PASSWORD, name: 'Bench' } })
  if (first.status !== 200) throw new Error(`first-register: ${first.status} ${JSON.stringify(first.body).slice(0, 500)}`)
  const token: string = first.body.token
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const response = await api(path, { method, body, token })
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`)
    return response.body
  }

  const section = (
    await call('/api/sections', 'POST', {
      title: 'Läget i korthet',
      kind: 'situationSummary',
      _status: 'published',
      body: blocksToLexical([{ type: 'paragraph', inlines: [{ type: 'text', text: 'Benchmark av utskick.' }] }]),
    })
  ).doc.id
  const perList = Math.ceil(recipients / LISTS.length)
  for (const [index, list] of LISTS.entries()) {
    const emails = Array.from({ length: recipients }, (_, n) => n).filter((n) => Math.floor(n / perList) === index)
    await call('/api/distribution-lists', 'POST', {
      ...list,
      recipients: emails.map((n) => ({ name: `Mottagare ${n + 1}`, email: `mottagare-${n + 1}@bench.local` })),
    })
  }
  log(`mail: ${recipients} recipients on ${LISTS.length} lists`)

  let reports = 0
  /** A new draft naming `distribution`, then its publish request, timed. */
  const publish = async (distribution: string[]) => {
    const title = `Regional rapport utskick ${++reports}`
    const draft = await call('/api/reports?draft=true', 'POST', {
      title,
      compiledAt: new Date(Date.UTC(2026, 0, reports, 8)).toISOString(),
      sections: [section],
      distribution,
      _status: 'draft',
    })
    const started = performance.now()
    await call(`/api/reports/${draft.doc.id}`, 'PATCH', { _status: 'published' })
    const publishMs = performance.now() - started
    const edition = (await call(`/api/editions?where[report][equals]=${draft.doc.id}&limit=1&depth=0`)).docs[0]
    return { publishMs, started, edition: edition.id as number }
  }

  // "intranet": a distribution no active list serves, so nothing is mailed. One unmeasured first:
  // the server's first publish also compiles its code paths.
  await publish(['intranet'])
  const withoutLists: number[] = []
  for (let sample = 0; sample < samples; sample++) withoutLists.push((await publish(['intranet'])).publishMs)
  log(`mail: publish without lists ${withoutLists.map((ms) => ms.toFixed(0)).join(', ')} ms`)

  const results: MailRun[] = []
  for (let run = 0; run < runs; run++) {
    const before = acceptedSoFar(mailFile).length
    const { publishMs, started, edition } = await publish(LISTS.map((list) => list.distribution))
    let firstMessageSeconds = NaN
    const deadline = Date.now() + 30 * 60_000
    for (;;) {
      if (Number.isNaN(firstMessageSeconds) && acceptedSoFar(mailFile).length > before) firstMessageSeconds = (performance.now() - started) / 1000
      const settled = await call(`/api/deliveries?where[edition][equals]=${edition}&where[status][in]=sent,failed&limit=1&depth=0`)
      if (settled.totalDocs >= recipients) break
      if (Date.now() > deadline) throw new Error(`mail run ${run + 1}: ${settled.totalDocs} of ${recipients} deliveries settled after 30 minutes`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const deliveredSeconds = (performance.now() - started) / 1000
    const failed = (await call(`/api/deliveries?where[edition][equals]=${edition}&where[status][equals]=failed&limit=1&depth=0`)).totalDocs
    const accepted = acceptedSoFar(mailFile).slice(before)
    const result = {
      publishMs,
      firstMessageSeconds,
      deliveredSeconds,
      sent: recipients - failed,
      failed,
      received: accepted.length,
      distinct: new Set(accepted.flat()).size,
    }
    log(`mail: run ${run + 1}: publish ${publishMs.toFixed(0)} ms, delivered in ${deliveredSeconds.toFixed(1)} s, ${result.received} received`)
    results.push(result)
  }
  return { recipients, lists: LISTS.length, withoutLists, runs: results }
}
