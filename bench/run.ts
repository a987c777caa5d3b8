/**
 * `npm run bench`: every benchmark in one run, written to bench/RESULTS.md. Speed is measured
 * here, against a floor measured in the same run, never asserted in tests.
 *
 *   BENCH_DURATION=10  seconds per load scenario     BENCH_WARMUP=2       unmeasured seconds before each
 *   BENCH_CONNECTIONS=50                              BENCH_REPORTS=1000   reports imported (import benchmark, main database)
 *   BENCH_LARGE=10000  reports in the large database (imported; kept between runs, BENCH_LARGE_REBUILD=1 rebuilds it)
 *   BENCH_LATENCY_CONNECTIONS=1  connections for the 10 vs BENCH_LARGE read-latency group
 *   BENCH_BUILD=1      also time `npm run build`
 *   BENCH_BEFORE_REF=<commit>  also run the cold-start waves on that commit's code (bench/before.ts)
 *   BENCH_KEEP=1       keep the run's temporary directory (databases) instead of deleting it
 *   BENCH_ONLY=load    run only the mixed load and print its section
 *   BENCH_LOAD=0       skip the mixed read/write load on PostgreSQL (BENCH_LOAD_USERS=200, BENCH_LOAD_SECONDS=60,
 *                      BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test: the server it makes a fresh database on)
 *   BENCH_WORKERS=1,2  worker counts (WEB_CONCURRENCY) of the "1 vs 2 workers" rows: cold reads and the mixed load; 0: skip them
 *   BENCH_ONLY=workers run only those rows and print them
 *   BENCH_IMPORT_POSTGRES=0  skip the import benchmark on a fresh PostgreSQL database (BENCH_REPORTS reports)
 *   BENCH_MAIL_RECIPIENTS=2000  addresses one edition is mailed to over SMTP (bench/mail.ts); 0: skip the mailing
 *   BENCH_MAIL_RUNS=2  mailings (each its own edition)   BENCH_MAIL_SAMPLES=5  publishes without lists, for comparison
 *   BENCH_ONLY=mail    run only the mailing, print its section and put it in place of the one in RESULTS.md
 *
 * Servers are the production server (`node --import tsx src/server.ts`, NODE_ENV=production,
 * --conditions=production) with LAGESBILD_ADMIN=off (API only: no `next build` needed), on
 * 127.0.0.1, each on its own SQLite file filled by the real importer (bench/prepare-db.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'

import { sourceTreeAt } from './before'
import { benchBuild } from './build'
import { fireAtOnce, summarize } from './cold-start'
import type { ImportBenchResult } from './import'
import { childrenOf, type CoresUsed, measureCores } from './cpu'
import { benchImportCli } from './import-cli'
import { largeDatabase } from './large-db'
import { benchMail } from './mail'
import type { LoadDatabase } from './prepare-load-db'
import type { PreparedDatabase } from './prepare-db'
import { type Group, loadSection, MAIL_TITLE, mailSection, renderResults, type Results, workerTable } from './results'
import { CONNECTIONS, DURATION, WARMUP, apiKeyHeader, graphqlPost, measure, probe, type Row, type Scenario } from './scenarios'
import { killAll, runScript, startChild, startLagesbild, STOP_GRACE_MS, track } from './servers'
import { persistedQueryPath } from '../tests/support/api'
import { freshDatabase } from '../tests/support/fresh-database'
import { runMixedLoad, verifyWrites } from '../tests/support/mixed-load'
import type { ServerProcess } from '../tests/support/server-process'
import { loopbackPort, smtpSink } from '../tests/support/smtp-sink-process'

type Prepared = ImportBenchResult & { then: PreparedDatabase }

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000)
const LARGE = Number(process.env.BENCH_LARGE ?? 10_000)
const SMALL = 10
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
/** Latency, not throughput: one connection, so a request never waits behind another. */
const LATENCY_CONNECTIONS = Number(process.env.BENCH_LATENCY_CONNECTIONS ?? 1)
const CACHE_OFF = { LAGESBILD_CACHE: 'off' }
/** Stock Payload: no cache and no reads built from editions (src/http/edition-reads.ts). */
const STOCK = { ...CACHE_OFF, LAGESBILD_EDITION_READS: 'off' }
const work = mkdtempSync(path.join(tmpdir(), 'lagesbild-bench-'))
/** The title of the benchmark reports' sixth section: an answer without it is not the full report. */
const SIXTH_SECTION = 'Övriga frågor'
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

/** Fills a database with the importer; the two benchmark reports count towards `total`. */
async function prepare(name: string, total: number): Promise<Prepared> {
  log(`importing ${total - 2} reports + 2 benchmark reports into ${name}.db`)
  return runScript<Prepared>('bench/prepare-db.ts', {}, [path.join(work, `${name}.db`), String(total - 2)])
}

/** Runs `work` against a freshly started server and stops it afterwards, whatever happens. */
async function withServer<T>(
  server: Promise<ServerProcess>,
  work: (server: ServerProcess) => Promise<T>,
): Promise<T & { peakRssMb: number; workerPeakRssMb: number[] }> {
  const started = await server
  try {
    const result = await work(started)
    // With WEB_CONCURRENCY > 1 the child is the primary and the workers are its children.
    const workers = childPids(started.child.pid!).map(peakRssMb)
    const own = peakRssMb(started.child.pid!)
    return { ...result, peakRssMb: own + workers.reduce((sum, mb) => sum + mb, 0), workerPeakRssMb: workers.length ? workers : [own] }
  } finally {
    await started.stop('SIGTERM', { forceAfterMs: STOP_GRACE_MS })
  }
}

function peakRssMb(pid: number): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return hwm ? Number(hwm[1]) / 1024 : NaN
}

/** The worker processes of a primary: its node children (not a helper such as a bundler's service). */
function childPids(pid: number): number[] {
  return childrenOf(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'node'
    } catch {
      return false // gone meanwhile
    }
  })
}

async function measureAll(url: string, scenarios: Scenario[], connections = CONNECTIONS): Promise<Row[]> {
  const rows: Row[] = []
  for (const scenario of scenarios) {
    const row = await measure(url, scenario, { connections })
    log(
      `  ${row.name}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
        `${row.statuses}${row.probeOk ? '' : `; probe: ${row.probe}`}`,
    )
    rows.push(row)
  }
  return rows
}

/** (d) and (e): REST and the persisted GraphQL query, each warm (same URL) and cold (every request a miss). */
function optimisedScenarios(letter: 'd' | 'e', report: { id: number; slug: string }, headers?: Record<string, string>): Scenario[] {
  const rest = `/api/reports/${report.id}?depth=1`
  const graphql = persistedQueryPath(report.slug)
  const common = { headers, expect: SIXTH_SECTION }
  return [
    { ...common, key: `${letter}.rest.warm`, name: `(${letter}) REST GET /api/reports/:id?depth=1, warm`, path: rest },
    { ...common, key: `${letter}.rest.cold`, name: `(${letter}) REST GET /api/reports/:id?depth=1, cold (unique URL per request)`, path: rest, cold: true },
    { ...common, key: `${letter}.graphql.warm`, name: `(${letter}) GraphQL GET persisted reportBySlug, warm`, path: graphql },
    {
      ...common,
      key: `${letter}.graphql.cold`,
      name: `(${letter}) GraphQL GET persisted reportBySlug, cold (unique URL per request)`,
      path: graphql,
      cold: true,
    },
  ]
}

/** (f): what a consumer site's uncached reads cost when built from the edition, anonymous and as a reader with an API key. */
function editionScenarios({ publicReport, internalReport, apiKey }: PreparedDatabase): Scenario[] {
  const reader = apiKeyHeader(apiKey)
  const scenarios = (who: string, report: { id: number; slug: string }, headers?: Record<string, string>): Scenario[] =>
    [
      { key: `f.rest.${who}`, name: `(f) REST GET /api/reports/:id, default depth, ${who}, cold`, path: `/api/reports/${report.id}`, headers, cold: true },
      { key: `f.graphql.${who}`, name: `(f) GraphQL GET persisted reportBySlug, ${who}, cold`, path: persistedQueryPath(report.slug), headers, cold: true },
    ].map((scenario) => ({ ...scenario, expect: SIXTH_SECTION }))
  return [...scenarios('anonymous', publicReport), ...scenarios('reader', internalReport, reader)]
}

/**
 * One connection, so that latency is the server's time for one request, not a queue: at 50
 * connections a p99 of 50 ms needs about 1 ms of server time per request (50 queued ahead).
 */
function serviceTime(report: { id: number }): Scenario {
  return {
    key: 'f.rest.anonymous.one',
    name: '(f) REST GET /api/reports/:id, default depth, anonymous, cold, 1 connection (time per request)',
    path: `/api/reports/${report.id}`,
    cold: true,
    expect: SIXTH_SECTION,
  }
}

/** The import benchmark on a fresh PostgreSQL database: the same importer and number of reports as on SQLite. */
async function postgresImport(): Promise<ImportBenchResult | { error: string }> {
  const database = await freshDatabase(POSTGRES_URL)
  try {
    log(`importing ${REPORTS} reports into a fresh PostgreSQL database`)
    return await runScript<ImportBenchResult>('bench/import-postgres.ts', { DATABASE_URL: database.url }, [String(REPORTS)])
  } catch (error) {
    log(`PostgreSQL import failed: ${(error as Error).message}`)
    return { error: (error as Error).message.slice(0, 2000) }
  } finally {
    await database.drop()
  }
}

/** 200 users for 60 s of reads and editor writes, production server (`workers` processes) on a fresh PostgreSQL database. */
async function mixedLoad(workers = 1): Promise<Results['load']> {
  const users = Number(process.env.BENCH_LOAD_USERS ?? 200)
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60)
  const reports = 200
  const database = await freshDatabase(POSTGRES_URL)
  try {
    log(`mixed load: preparing PostgreSQL (migrations, ${reports} reports)`)
    const env = { NODE_ENV: 'production', NODE_OPTIONS: '--conditions=production', DATABASE_URL: database.url }
    const db = await runScript<LoadDatabase>('bench/prepare-load-db.ts', env, [String(reports)])
    log(`mixed load: ${users} users for ${seconds} s`)
    const editor = `users API-Key ${db.editorKey}`
    const outcome = await withServer(startLagesbild('unused', { DATABASE_URL: database.url, WEB_CONCURRENCY: String(workers) }), async (server) => {
      const { result, cores } = await measureCores(server.child.pid!, () =>
        runMixedLoad({
          baseUrl: server.url,
          users,
          seconds,
          editor,
          reader: `users API-Key ${db.readerKey}`,
          anonymousPaths: [
            ...db.publicReports.slice(0, 5).map((report) => `/api/reports/${report.id}?depth=1`),
            ...db.publicReports.slice(5, 10).map((report) => persistedQueryPath(report.slug)),
            '/api/reports?limit=10&sort=-compiledAt',
            '/api/graphql?id=reportList',
          ],
          readerPaths: [`/api/reports/${db.internalReport.id}?depth=1`, persistedQueryPath(db.internalReport.slug)],
        }),
      )
      return { result, cores, lostWrites: await verifyWrites(server.url, editor, result.acknowledged) }
    })
    const { result } = outcome
    log(
      `  ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, 5xx ${result.serverErrors}, ` +
        `no answer ${result.failures.length}, lost writes ${outcome.lostWrites.length}; p99 ${Object.entries(result.byKind)
          .map(([kind, stats]) => `${kind} ${stats.p99.toFixed(0)} ms`)
          .join(', ')}`,
    )
    return { ...outcome, reports: reports + 1, workers }
  } catch (error) {
    log(`mixed load failed: ${(error as Error).message}`)
    return { error: (error as Error).message.slice(0, 2000) }
  } finally {
    await database.drop()
  }
}

const MAIL_RECIPIENTS = Number(process.env.BENCH_MAIL_RECIPIENTS ?? 2000)

/** One edition mailed to MAIL_RECIPIENTS addresses through a local SMTP server, on a fresh SQLite database (bench/mail.ts). */
async function mailing(): Promise<Results['mail']> {
  if (MAIL_RECIPIENTS <= 0) return undefined
  const mailFile = path.join(work, 'mail-received.jsonl')
  const sink = smtpSink(await loopbackPort(), mailFile, { onSpawn: track })
  try {
    await sink.start()
    const env = { SMTP_URL: sink.url, MAIL_FROM: 'Lägesbild <rapport@bench.local>' }
    const result = await withServer(startLagesbild(path.join(work, 'mail.db'), env), (server) =>
      benchMail(server.url, mailFile, {
        recipients: MAIL_RECIPIENTS,
        runs: Number(process.env.BENCH_MAIL_RUNS ?? 2),
        samples: Number(process.env.BENCH_MAIL_SAMPLES ?? 5),
        log,
      }),
    )
    return { ...result, jobsCron: process.env.JOBS_CRON ?? '*/10 * * * * * (the default)' }
  } catch (error) {
    log(`mailing failed: ${(error as Error).message}`)
    return { error: (error as Error).message.slice(0, 2000) }
  } finally {
    await sink.kill()
  }
}

/** BENCH_ONLY=mail: the mailing section, printed and put in place of RESULTS.md's (or added at its end). */
async function onlyMail() {
  const section = mailSection(await mailing(), `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`).join('\n')
  console.log(section)
  const file = new URL('./RESULTS.md', import.meta.url)
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const start = current.indexOf(`${MAIL_TITLE}\n`)
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + 1)
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${end < 0 ? '' : current.slice(end + 1)}`
  writeFileSync(file, updated)
}

const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2')
  .split(',')
  .map(Number)
  .filter((count) => count > 0)

/**
 * Every core: cold REST and cold persisted GraphQL (cache on, every request a miss) with 1 and
 * with 2 worker processes on the same SQLite file (reads only: SQLite readers never wait for each
 * other in WAL mode), and the mixed load on PostgreSQL with each count.
 */
async function workerRows(db: PreparedDatabase): Promise<{ group: Group; loads: NonNullable<Results['loads']>; memory: NonNullable<Results['workerMemory']> }> {
  const rows: Row[] = []
  const memory: NonNullable<Results['workerMemory']> = []
  const cores: ({ workers: number } & CoresUsed)[] = []
  for (const workers of WORKER_COUNTS) {
    log(`${workers} worker(s): cold reads`)
    const result = await withServer(startLagesbild(db.file, { WEB_CONCURRENCY: String(workers) }), async (server) => {
      const scenarios = optimisedScenarios('d', db.publicReport)
        .filter((scenario) => scenario.cold)
        .map((scenario) => ({ ...scenario, key: `workers${workers}.${scenario.key}`, name: `${workers} worker(s): ${scenario.name.replace('(d) ', '')}` }))
      const { result: rows, cores } = await measureCores(server.child.pid!, () => measureAll(server.url, scenarios))
      return { rows, cores }
    })
    rows.push(...result.rows)
    log(`  cores used: server ${result.cores.server.toFixed(2)}, load generator ${result.cores.loadGenerator.toFixed(2)}`)
    cores.push({ workers, ...result.cores })
    memory.push({ workers, perWorkerMb: result.workerPeakRssMb, wholeMb: result.peakRssMb, serverCores: result.cores.server })
  }
  const loads: NonNullable<Results['loads']> = []
  if (process.env.BENCH_LOAD !== '0') for (const workers of WORKER_COUNTS) loads.push(await mixedLoad(workers))
  return {
    group: {
      title: `Every core: ${WORKER_COUNTS.join(' vs ')} worker processes (WEB_CONCURRENCY), cold reads`,
      note:
        `Same database as above, cache on, every request a unique URL (a miss), anonymous, the public benchmark report at depth 1; ` +
        `the load generator shares the machine's ${os.availableParallelism()} cores. Peak RSS per worker: ` +
        memory
          .map((m) => `${m.workers} worker(s): ${m.perWorkerMb.map((mb) => mb.toFixed(0)).join(' + ')} MB, whole server ${m.wholeMb.toFixed(0)} MB`)
          .join('; ') +
        '. Cores used on average over both rows (bench/cpu.ts): ' +
        cores.map((c) => `${c.workers} worker(s): server ${c.server.toFixed(2)}, load generator ${c.loadGenerator.toFixed(2)}`).join('; ') +
        '.',
      rows,
    },
    loads,
    memory,
  }
}

async function main() {
  const started = performance.now()
  const main = await prepare('main', REPORTS + 2)
  log('npm run import of one file on the main database')
  const importCli = await benchImportCli(path.join(work, 'main.db'))
  const importPostgres = process.env.BENCH_IMPORT_POSTGRES === '0' ? undefined : await postgresImport()
  const small = await prepare('small', SMALL)
  const large = await largeDatabase(main.then, main.reports + 2, LARGE, work, log)
  const { publicReport, internalReport, apiKey } = main.then
  const restDefault: Scenario = { name: '', path: `/api/reports/${publicReport.id}`, expect: SIXTH_SECTION }
  const graphql: Scenario = { name: '', path: '/api/graphql', method: 'POST', body: graphqlPost(publicReport.id), expect: SIXTH_SECTION }

  log('cold start: 50 requests at once on fresh connections, right after "listening on"')
  const coldStart: Results['coldStart'] = []
  const variants: { label: string; scenario: Scenario; waves: number; env: Record<string, string>; db?: PreparedDatabase; cwd?: string }[] = [
    { label: 'REST GET /api/reports/:id (default depth), anonymous', scenario: restDefault, waves: 3, env: CACHE_OFF },
    { label: 'the same, LAGESBILD_WARMUP=0', scenario: restDefault, waves: 1, env: { ...CACHE_OFF, LAGESBILD_WARMUP: '0' } },
    { label: 'GraphQL POST, full report, anonymous', scenario: graphql, waves: 1, env: CACHE_OFF },
    { label: 'GET /healthz', scenario: { name: '', path: '/healthz' }, waves: 1, env: CACHE_OFF },
    {
      label: 'cache on: REST GET /api/reports/:id?depth=1, anonymous',
      scenario: { name: '', path: `/api/reports/${publicReport.id}?depth=1` },
      waves: 1,
      env: {},
    },
  ]
  if (process.env.BENCH_BEFORE_REF) {
    const { tree, label } = sourceTreeAt(process.env.BENCH_BEFORE_REF, work)
    log(`cold start before: ${label}, importing ${REPORTS} reports with its code`)
    const before = await runScript<Prepared>('bench/prepare-db.ts', {}, [path.join(work, 'before.db'), String(REPORTS)], tree)
    const beforePath = `/api/reports/${before.then.publicReport.id}`
    variants.unshift(
      {
        label: `before (${label}): REST GET /api/reports/:id (default depth), anonymous`,
        scenario: { ...restDefault, path: beforePath },
        waves: 2,
        env: CACHE_OFF,
        db: before.then,
        cwd: tree,
      },
      {
        label: 'before: GraphQL POST, full report, anonymous',
        scenario: { ...graphql, body: graphqlPost(before.then.publicReport.id) },
        waves: 1,
        env: CACHE_OFF,
        db: before.then,
        cwd: tree,
      },
    )
  }
  for (const { label, scenario, waves, env, db = main.then, cwd } of variants) {
    const result = await withServer(startLagesbild(db.file, env, cwd), async (server) => {
      const summaries = []
      for (let wave = 1; wave <= waves; wave++) summaries.push(summarize(await fireAtOnce(server.url, scenario)))
      return { summaries }
    })
    result.summaries.forEach((summary, index) => coldStart.push({ label: `${label}, wave ${index + 1}`, ...summary }))
  }

  log('stock Payload (LAGESBILD_CACHE=off LAGESBILD_EDITION_READS=off) and the floor')
  const bodyFile = path.join(work, 'floor-body.json')
  const stock = await withServer(startLagesbild(main.then.file, STOCK), async (server) => {
    const depth1 = await probe(server.url, { name: '', path: `/api/reports/${publicReport.id}?depth=1` })
    if (depth1.status !== 200) throw new Error(`GET depth=1 of the benchmark report: ${depth1.status} ${depth1.text.slice(0, 300)}`)
    writeFileSync(bodyFile, depth1.text)
    const floor = await withServer(startChild('bench/floor.ts', { FLOOR_BODY_FILE: bodyFile }), async (floorServer) => ({
      rows: await measureAll(floorServer.url, [
        {
          key: 'floor',
          name: '(a) floor: minimal Express 5, the same report JSON (depth 1) from memory',
          path: `/api/reports/${publicReport.id}`,
          expect: SIXTH_SECTION,
        },
      ]),
    }))
    const rows = await measureAll(server.url, [
      { ...restDefault, key: 'stock.rest', name: '(b) stock REST GET /api/reports/:id, default depth, anonymous' },
      { ...graphql, key: 'stock.graphql', name: '(c) stock GraphQL POST /api/graphql, full report, anonymous' },
    ])
    rows.push(...(await measureAll(server.url, [{ ...serviceTime(publicReport), key: 'stock.rest.one', name: '(b) the same as (b), 1 connection' }], 1)))
    return { rows: [...floor.rows, ...rows], bodyBytes: Buffer.byteLength(depth1.text) }
  })

  log("readers' cold reads from the edition (cache off, one process)")
  const fromEdition = await withServer(startLagesbild(main.then.file, CACHE_OFF), async (server) => ({
    rows: [...(await measureAll(server.url, editionScenarios(main.then))), ...(await measureAll(server.url, [serviceTime(publicReport)], 1))],
  }))

  log('optimised paths (cache on)')
  const optimised = await withServer(startLagesbild(main.then.file), async (server) => ({
    anonymous: await measureAll(server.url, optimisedScenarios('d', publicReport)),
    reader: await measureAll(server.url, [
      ...optimisedScenarios('e', internalReport, apiKeyHeader(apiKey)),
      // What Payload's GraphQL handler costs before any data is read: the ceiling of every GraphQL row.
      {
        key: 'e.graphql.typename',
        name: '(e) GraphQL POST `{ __typename }` (no data: the handler and API-key auth alone), uncached',
        path: '/api/graphql',
        method: 'POST',
        headers: apiKeyHeader(apiKey),
        body: JSON.stringify({ query: '{ __typename }' }),
        expect: '__typename',
      },
    ]),
  }))

  log(`read latency at ${SMALL} and ${LARGE} reports (cache off)`)
  const sizes: Row[] = []
  for (const [which, size, db] of [
    ['small', SMALL, small.then],
    ['large', LARGE, large.db],
  ] as const) {
    const result = await withServer(startLagesbild(db.file, CACHE_OFF), async (server) => ({
      rows: await measureAll(
        server.url,
        [
          {
            key: `${which}.get`,
            name: `${size.toLocaleString('en')} reports: GET /api/reports/:id?depth=1`,
            path: `/api/reports/${db.publicReport.id}?depth=1`,
            expect: SIXTH_SECTION,
          },
          {
            key: `${which}.list`,
            name: `${size.toLocaleString('en')} reports: GET /api/reports?limit=10&sort=-compiledAt`,
            path: '/api/reports?limit=10&sort=-compiledAt',
            expect: '"totalDocs"',
          },
        ],
        LATENCY_CONNECTIONS,
      ),
    }))
    sizes.push(...result.rows)
  }

  const everyCore = WORKER_COUNTS.length ? await workerRows(main.then) : undefined
  // The 1-worker mixed load of the worker rows is the mixed load of this run.
  const load =
    process.env.BENCH_LOAD === '0' ? undefined : (everyCore?.loads.find((run) => run && 'workers' in run && run.workers === 1) ?? (await mixedLoad()))

  log(`mailing one edition to ${MAIL_RECIPIENTS} recipients`)
  const mail = await mailing()

  let build
  if (process.env.BENCH_BUILD === '1') {
    log('npm run build')
    build = await benchBuild()
  }

  const groups: Group[] = [
    {
      title: 'Floor and stock Payload',
      note:
        `${main.reports.toLocaleString('en')} imported reports + the 2 benchmark reports, server with LAGESBILD_CACHE=off (peak RSS ` +
        `${stock.peakRssMb.toFixed(0)} MB). The floor answers with the ${stock.bodyBytes}-byte depth-1 JSON of the benchmark report.`,
      rows: stock.rows,
    },
    {
      title: "Readers' cold reads from the edition (cache off, one process)",
      note:
        `Same database, server with LAGESBILD_CACHE=off (edition reads on): every request is built from the report's row and its latest edition ` +
        `(src/http/edition-reads.ts), not by Payload's resolvers; compare (b) (peak RSS ${fromEdition.peakRssMb.toFixed(0)} MB).`,
      rows: fromEdition.rows,
    },
    {
      title: 'Optimised paths, anonymous (cache on)',
      note: `Same database, the public benchmark report, server with the cache on (peak RSS ${optimised.peakRssMb.toFixed(0)} MB over (d) and (e)).`,
      rows: optimised.anonymous,
    },
    {
      title: 'Optimised paths, reader with an API key (cache on)',
      note: 'Header `Authorization: users API-Key <key>` of a user with the reader role; the report has audience internal.',
      rows: optimised.reader,
    },
    {
      title: `Read latency at ${SMALL} vs ${LARGE.toLocaleString('en')} reports (cache off)`,
      note:
        `Anonymous, the public benchmark report, default depth for the list, at **${LATENCY_CONNECTIONS} ` +
        `connection${LATENCY_CONNECTIONS === 1 ? '' : 's'}** (BENCH_LATENCY_CONNECTIONS) so that latency is the service time of one request, not a ` +
        `queue. ${SMALL} reports: all imported. ${LARGE.toLocaleString('en')} reports: all imported, 1,000 per process, starting from a copy of the ` +
        `main database${large.cached ? ' (this run reused the database a previous run built from the same sources; see bench/large-db.ts)' : ''}.`,
      rows: sizes,
    },
    ...(everyCore ? [everyCore.group] : []),
  ]
  const markdown = renderResults({
    settings: {
      duration: DURATION,
      warmup: WARMUP,
      connections: CONNECTIONS,
      latencyConnections: LATENCY_CONNECTIONS,
      reports: REPORTS,
      large: LARGE,
      small: SMALL,
    },
    importResult: main,
    importCli,
    importPostgres,
    workerMemory: everyCore?.memory,
    coldStart,
    groups,
    build,
    load,
    loads: everyCore?.loads.filter((run) => run && 'workers' in run && run.workers !== 1),
    mail,
    minutes: (performance.now() - started) / 60_000,
  })
  writeFileSync(new URL('./RESULTS.md', import.meta.url), markdown)
  console.log(markdown)
}

/** BENCH_ONLY=workers: the 1 vs 2 workers rows on a freshly imported database, printed (RESULTS.md is left as it is). */
async function onlyWorkers() {
  const prepared = await prepare('main', REPORTS + 2)
  const { group, loads } = await workerRows(prepared.then)
  const floor = group.rows[0]?.requestsPerSecond ?? NaN
  console.log([`## ${group.title}`, '', group.note, '', ...workerTable(group.rows, floor), '', ...loads.flatMap((run) => loadSection(run))].join('\n'))
}

try {
  // BENCH_ONLY=load: just the mixed load, printed (RESULTS.md is left as it is).
  if (process.env.BENCH_ONLY === 'load') console.log(loadSection(await mixedLoad()).join('\n'))
  else if (process.env.BENCH_ONLY === 'workers') await onlyWorkers()
  else if (process.env.BENCH_ONLY === 'mail') await onlyMail()
  else await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  killAll()
  // The databases (hundreds of MB) go too, unless asked to keep them for a look.
  if (process.env.BENCH_KEEP === '1') console.log(`kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
process.exit()
