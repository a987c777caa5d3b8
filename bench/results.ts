/** bench/RESULTS.md: machine facts, targets, one table per group, import, cold start, build. */
import os from 'node:os'

import type { BuildResult } from './build'
import type { summarize } from './cold-start'
import type { CoresUsed } from './cpu'
import type { ImportBenchResult } from './import'
import type { ImportCliRun } from './import-cli'
import type { MailBenchResult } from './mail'
import type { Row } from './scenarios'
import type { MixedLoadResult } from '../tests/support/mixed-load'

export interface Group {
  title: string
  note: string
  rows: Row[]
}

type MixedLoad =
  | {
      result: MixedLoadResult
      lostWrites: string[]
      reports: number
      peakRssMb: number
      workerPeakRssMb?: number[]
      workers?: number
      /** Cores used on average during the load (bench/cpu.ts); absent in runs before it was measured. */
      cores?: CoresUsed
    }
  | { error: string }
  | undefined

export interface Results {
  settings: { duration: number; warmup: number; connections: number; latencyConnections: number; reports: number; large: number; small: number }
  importResult: ImportBenchResult
  /** `npm run import` of one file on the main database: a new report, then the same file again. */
  importCli?: ImportCliRun[]
  /** The same import on a fresh PostgreSQL database. */
  importPostgres?: ImportBenchResult | { error: string }
  /** Peak RSS of each worker process and of the whole server, per worker count (the worker rows). */
  workerMemory?: { workers: number; perWorkerMb: number[]; wholeMb: number; serverCores?: number }[]
  coldStart: ({ label: string } & ReturnType<typeof summarize>)[]
  groups: Group[]
  build?: BuildResult
  /** The mixed read/write load on PostgreSQL, with the writes found missing afterwards. */
  load?: MixedLoad
  /** The same load with more worker processes (BENCH_WORKERS). */
  loads?: MixedLoad[]
  /** One edition mailed to BENCH_MAIL_RECIPIENTS addresses; the publish request with and without lists. */
  mail?: MailBenchResult | { error: string }
  minutes: number
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
const cores = (row: Row) => (row.loadGeneratorCores ?? NaN).toFixed(2)
const times = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x`

/** A group's rows as a table, with the first row as the ratio's base (used for the workers rows printed alone). */
export function workerTable(rows: Row[], base: number): string[] {
  return table(rows, base)
}

/** The same import into a fresh PostgreSQL database (bench/import-postgres.ts), against the SQLite run's baseline. */
function postgresImportRow(run: Results['importPostgres'], parseSeconds: number): string[] {
  if (!run) return []
  if ('error' in run) return [`| import on PostgreSQL: failed: ${run.error.replaceAll('|', '/').replaceAll('\n', ' ').slice(0, 300)} | | | | |`]
  return [
    `| import on PostgreSQL, fresh database at 127.0.0.1:5432 (${run.failed} failed) | ${run.importSeconds.toFixed(2)} | ` +
      `${run.reportsPerSecond.toFixed(0)} | ${(run.importSeconds / parseSeconds).toFixed(0)}x | ${run.peakRssMb.toFixed(0)} MB |`,
  ]
}

/** One file through `npm run import` (target: <= 5 s from command to exit). */
function importCliSection(runs: ImportCliRun[] | undefined): string[] {
  if (!runs) return []
  return [
    '`npm run import -- <one file>` on the migrated database above, from the command to the first report written (its progress line) and ' +
      'to exit (bench/import-cli.ts): a new report, then the same file again. Target: total <= 5 s.',
    '',
    '| run | outcome | to first write s | total s | met (<= 5 s) |',
    '| --- | --- | ---: | ---: | --- |',
    ...runs.map(
      (run, index) =>
        `| ${index + 1} | ${run.outcome} (exit ${run.exitCode}) | ${run.firstWriteSeconds.toFixed(2)} | ${run.totalSeconds.toFixed(2)} | ${run.totalSeconds <= 5 ? 'yes' : '**no**'} |`,
    ),
    '',
  ]
}

function table(rows: Row[], floor: number): string[] {
  return [
    '| scenario | req/s | p50 ms | p99 ms | ratio to floor | non-2xx | load generator cores |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) =>
      row.requests === 0
        ? `| ${row.name} | 0 | | | | no response completed within the run | |`
        : row.available
          ? `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p99)} | ` +
            `${times(row.requestsPerSecond / floor)} | ${row.failed ? `${row.failed} of ${row.requests}` : 0} | ${cores(row)} |`
          : `| ${row.name} | not available | | | | all ${row.requests} (${row.statuses}) | |`,
    ),
  ]
}

interface Target {
  what: string
  measured: string
  met: boolean | undefined
  miss?: string
}

function targets(rows: Map<string, Row>, floor: number): Target[] {
  const list: Target[] = []
  const floorP99 = rows.get('floor')?.p99 ?? NaN
  for (const key of ['d.rest.warm', 'd.graphql.warm']) {
    const row = rows.get(key)
    const what = `anonymous published-report read (${row?.name ?? key}) >= 0.8x floor req/s and p99 <= 15 ms at 50 connections`
    if (!row?.available) {
      list.push({ what, measured: 'not available', met: undefined })
      continue
    }
    const ratio = row.requestsPerSecond / floor
    const misses = [
      ratio < 0.8 ? `req/s at ${times(ratio)} of the floor, ${times(0.8 / ratio)} short of 0.8x` : '',
      row.p99 > 15 ? `p99 ${ms(row.p99)} ms, ${times(row.p99 / 15)} the 15 ms limit` : '',
    ].filter(Boolean)
    list.push({
      what,
      measured: `${times(ratio)} floor, p99 ${ms(row.p99)} ms (the floor's own p99: ${ms(floorP99)} ms)`,
      met: misses.length === 0,
      miss: misses.join('; '),
    })
  }
  const graphql = rows.get('e.graphql.cold')
  const stock = rows.get('stock.rest')
  const what = 'uncached authenticated full-report GraphQL (e, persisted, cold) >= 3x stock REST default depth (b) req/s'
  if (graphql?.available && stock?.available) {
    const ratio = graphql.requestsPerSecond / stock.requestsPerSecond
    const handler = rows.get('e.graphql.typename')
    const why = handler?.available ? `; why: ${graphqlBudget(handler, graphql, stock)}` : ''
    list.push({
      what,
      measured: `${times(ratio)} (${graphql.requestsPerSecond.toFixed(0)} vs ${stock.requestsPerSecond.toFixed(0)} req/s)`,
      met: ratio >= 3,
      miss: ratio < 3 ? `${times(3 / ratio)} short of 3x${why}` : '',
    })
  } else list.push({ what, measured: 'not available', met: undefined })
  for (const key of ['f.rest.anonymous', 'f.graphql.anonymous', 'f.rest.reader', 'f.graphql.reader']) {
    const row = rows.get(key)
    const what = `cold read built from the edition (${row?.name ?? key}) >= 3x stock REST (b) req/s, p99 <= 50 ms at 50 connections`
    if (!row?.available || !stock?.available) {
      list.push({ what, measured: 'not available', met: undefined })
      continue
    }
    const ratio = row.requestsPerSecond / stock.requestsPerSecond
    const misses = [ratio < 3 ? `${times(3 / ratio)} short of 3x` : '', row.p99 > 50 ? `p99 ${ms(row.p99)} ms${p99Reason(rows, row)}` : ''].filter(Boolean)
    list.push({ what, measured: `${times(ratio)}, p99 ${ms(row.p99)} ms`, met: misses.length === 0, miss: misses.join('; ') })
  }
  for (const kind of ['get', 'list']) {
    const [small, large] = [rows.get(`small.${kind}`), rows.get(`large.${kind}`)]
    const what =
      `read latency at ${large?.name.split(' reports')[0] ?? 'the large size'} reports within 1.5x of ` +
      `${small?.name.split(' reports')[0] ?? 'the small size'}: ${kind === 'get' ? 'GET /api/reports/:id?depth=1' : 'list ?limit=10&sort=-compiledAt'}`
    if (!small?.available || !large?.available) {
      list.push({ what, measured: 'not available', met: undefined })
      continue
    }
    const [p50, p99] = [large.p50 / small.p50, large.p99 / small.p99]
    const misses = [p50 > 1.5 ? `p50 ${times(p50)}` : '', p99 > 1.5 ? `p99 ${times(p99)}` : ''].filter(Boolean)
    list.push({
      what,
      measured: `p50 ${times(p50)}, p99 ${times(p99)}`,
      met: misses.length === 0,
      miss: misses.length ? `${misses.join(', ')} (limit 1.5x)` : '',
    })
  }
  return list
}

/** Why a cold read's p99 exceeds 50 ms at 50 connections: its time per request, measured at 1 connection. */
function p99Reason(rows: Map<string, Row>, row: Row): string {
  const one = rows.get('f.rest.anonymous.one')
  if (!one?.available) return ''
  const perRequest = 1000 / one.requestsPerSecond
  return (
    `; why: one request takes ${perRequest.toFixed(2)} ms of server time (1 connection: ${one.requestsPerSecond.toFixed(0)} req/s, ` +
    `p50 ${ms(one.p50)} ms), so 50 connections queue about ${(50 * perRequest).toFixed(0)} ms at the median; p99 <= 50 ms needs <= 1 ms ` +
    `per request and no pauses (garbage collection, the load generator on the same ${os.availableParallelism()} cores: ` +
    `${cores(row)} cores during this row)`
  )
}

/** What the server's processes used in the worker rows, per core, when this run measured it. */
function serverCoresText(results: Results): string {
  const [one, two] = [1, 2].map((workers) => results.workerMemory?.find((m) => m.workers === workers)?.serverCores)
  return one !== undefined && two !== undefined ? `; the server's processes used ${one.toFixed(2)} cores with 1 worker, ${two.toFixed(2)} with 2` : ''
}

const coresText = (cores: CoresUsed) =>
  `server ${cores.server.toFixed(2)}, load generator ${cores.loadGenerator.toFixed(2)}, PostgreSQL ${cores.postgres.toFixed(2)}`

/** Every core, scripts and memory: the targets of the worker rows, the import and the memory per worker. */
function moreTargets(rows: Map<string, Row>, results: Results): Target[] {
  const list: Target[] = []
  for (const kind of ['rest', 'graphql']) {
    const [one, two] = [rows.get(`workers1.d.${kind}.cold`), rows.get(`workers2.d.${kind}.cold`)]
    const what = `2 workers vs 1, cold ${kind === 'rest' ? 'REST' : 'persisted GraphQL'} reads: close to 2x (>= 1.8x) on 2 cores`
    if (!one?.available || !two?.available) {
      list.push({ what, measured: 'not available', met: undefined })
      continue
    }
    const ratio = two.requestsPerSecond / one.requestsPerSecond
    list.push({
      what,
      measured: `${times(ratio)} (${one.requestsPerSecond.toFixed(0)} -> ${two.requestsPerSecond.toFixed(0)} req/s)`,
      met: ratio >= 1.8,
      miss:
        `why: the load generator runs on the same ${os.availableParallelism()} cores and used ${cores(one)} cores with 1 worker, ` +
        `${cores(two)} with 2, leaving the server ${(os.availableParallelism() - two.loadGeneratorCores).toFixed(2)} cores, not 2` +
        serverCoresText(results),
    })
  }
  const loads = [results.load, ...(results.loads ?? [])].flatMap((load) => (load && 'result' in load ? [load] : []))
  const [oneLoad, twoLoad] = [loads.find((load) => (load.workers ?? 1) === 1), loads.find((load) => load.workers === 2)]
  if (oneLoad && twoLoad) {
    const ratio = twoLoad.result.requestsPerSecond / oneLoad.result.requestsPerSecond
    list.push({
      what: `2 workers vs 1, the mixed load on PostgreSQL (${oneLoad.result.users} users): close to 2x (>= 1.8x)`,
      measured: `${times(ratio)} (${oneLoad.result.requestsPerSecond.toFixed(0)} -> ${twoLoad.result.requestsPerSecond.toFixed(0)} req/s)`,
      met: ratio >= 1.8,
      miss:
        `why: the ${oneLoad.result.users} virtual users, PostgreSQL and the server share ${os.availableParallelism()} cores` +
        (oneLoad.cores && twoLoad.cores ? `: cores used with 1 worker ${coresText(oneLoad.cores)}; with 2 ${coresText(twoLoad.cores)}` : ''),
    })
  }
  const imp = results.importResult
  list.push({
    what: `${imp.reports.toLocaleString('en')} reports imported on SQLite in <= 20 s`,
    measured: `${imp.importSeconds.toFixed(1)} s (${imp.reportsPerSecond.toFixed(0)} reports/s)`,
    met: imp.importSeconds <= 20,
    miss: `${times(imp.importSeconds / 20)} the 20 s`,
  })
  const first = results.importCli?.[0]
  if (first) {
    list.push({
      what: '`npm run import` of one file on a migrated database: <= 5 s from command to exit',
      measured: results
        .importCli!.map((run) => `${run.outcome}: ${run.totalSeconds.toFixed(2)} s (first write at ${run.firstWriteSeconds.toFixed(2)} s)`)
        .join('; '),
      met: results.importCli!.every((run) => run.totalSeconds <= 5),
      miss: 'see the import section',
    })
  }
  const perWorker = [
    ...(results.workerMemory ?? []).flatMap((m) => m.perWorkerMb),
    ...loads.flatMap((load) => load.workerPeakRssMb ?? [load.peakRssMb]),
  ].filter((mb) => Number.isFinite(mb))
  if (perWorker.length) {
    const peak = Math.max(...perWorker)
    list.push({
      what: 'peak RSS per worker process <= 400 MB (worker rows and mixed loads)',
      measured: `${peak.toFixed(0)} MB at most (${perWorker.map((mb) => mb.toFixed(0)).join(', ')} MB)`,
      met: peak <= 400,
      miss:
        `${(peak - 400).toFixed(0)} MB over; each worker's published-read cache may hold 128 MB of answers (src/cache/published-cache.ts), ` +
        "and the cold rows' unique URLs fill it",
    })
  }
  return list
}

export function renderResults(results: Results): string {
  const { settings, importResult: imp, groups } = results
  const rows = new Map(groups.flatMap((group) => group.rows).flatMap((row) => (row.key ? [[row.key, row] as const] : [])))
  const floor = rows.get('floor')?.requestsPerSecond ?? NaN
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}, SQLite; the whole run took ` +
      `${results.minutes.toFixed(1)} minutes. The machine is shared and noisy: compare rows of one run, not runs.`,
    '',
    `Rerun with \`npm run bench\`. This run: \`BENCH_DURATION=${settings.duration}\` s per scenario after \`BENCH_WARMUP=${settings.warmup}\` s ` +
      `unmeasured, \`BENCH_CONNECTIONS=${settings.connections}\`, \`BENCH_LATENCY_CONNECTIONS=${settings.latencyConnections}\`, ` +
      `\`BENCH_REPORTS=${settings.reports}\`, \`BENCH_LARGE=${settings.large}\`; \`BENCH_LARGE_REBUILD=1\` re-imports the large database instead of ` +
      `reusing it, \`BENCH_BUILD=1\` adds \`next build\` (bench/run.ts).`,
    '',
    'Every server is the production server (`NODE_ENV=production`, `--conditions=production`, `src/server.ts`) started as a child process on ' +
      '127.0.0.1 port 0, with **`LAGESBILD_ADMIN=off`** (API only, so no `next build` is needed) and its own SQLite file filled by the real ' +
      'importer. Load comes from autocannon in the benchmark process on the same 2 cores (keep-alive connections). "non-2xx" counts non-2xx answers ' +
      'plus connection errors and timeouts; a row whose requests all failed says "not available". Ratios are to the floor\'s req/s. Cache hits are ' +
      'answered by the HTTP server before Express routing (`serveCachedHit`, src/http/cached-api.ts), which is why they can beat the Express floor.',
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...[...targets(rows, floor), ...moreTargets(rows, results)].map(
      (t) => `| ${t.what} | ${t.measured} | ${t.met === undefined ? 'not measured' : t.met ? 'yes' : `**no**: ${t.miss}`} |`,
    ),
    '',
  ]
  for (const group of groups) {
    lines.push(`## ${group.title}`, '', group.note, '', ...table(group.rows, floor), '')
    lines.push(`Response bodies: ${group.rows.map((row) => `${row.key ?? row.name} ${row.bytes.toLocaleString('en')} B`).join(', ')}.`, '')
    const notes = group.rows.filter((row) => row.failed > 0 || !row.probeOk)
    for (const row of notes) {
      const what = row.probeOk ? '' : ' **without the expected content**'
      lines.push(`- ${row.name}: statuses ${row.statuses}; a probe before the load answered${what} \`${row.probe.replaceAll('`', "'")}\``)
    }
    if (notes.length) lines.push('')
  }
  lines.push(
    '## Import',
    '',
    `${imp.reports.toLocaleString('en')} generated reports (the seed re-dated, 5 sections, 5 actions, 1 spokesperson each; audience public) ` +
      `imported with the real importer into a fresh SQLite database: parse + validate, then one transaction per report. Baseline: parsing and ` +
      `validating the same files without writing. This database (plus the two six-section benchmark reports and a reader with an API key) is the ` +
      `one the throughput groups above read.`,
    '',
    '| what | seconds | reports/s | ratio to baseline | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| baseline: parse + validate only | ${imp.parseSeconds.toFixed(2)} | ${(imp.reports / imp.parseSeconds).toFixed(0)} | 1.0x | |`,
    `| import (${imp.failed} failed) | ${imp.importSeconds.toFixed(2)} | ${imp.reportsPerSecond.toFixed(0)} | ` +
      `${(imp.importSeconds / imp.parseSeconds).toFixed(0)}x | ${imp.peakRssMb.toFixed(0)} MB |`,
    ...postgresImportRow(results.importPostgres, imp.parseSeconds),
    '',
    ...importCliSection(results.importCli),
    '## Cold start',
    '',
    `A freshly started server (the ${settings.reports.toLocaleString('en')}-report database; LAGESBILD_CACHE=off unless the row says "cache on"), ` +
      `then at once,` +
      ' the moment it prints "listening on": 50 concurrent requests, each on its own new connection (no keep-alive). Latency of every request ' +
      'from the moment all were sent, listed in completion order (rounded to 10 ms). Later waves go to the same server right after the previous ' +
      'wave completed. Rows starting with "before" ran the code of the commit named (`BENCH_BEFORE_REF`) on a database that code imported. Cause ' +
      'and proposed fix: bench/STALL.md.',
    '',
    '| requests | status | first ms | median ms | last ms | over 1 s |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...results.coldStart.map((c) => `| ${c.label} | ${c.statuses} | ${c.min.toFixed(0)} | ${c.p50.toFixed(0)} | ${c.max.toFixed(0)} | ${c.overOneSecond} |`),
    '',
    'Completion timelines (ms):',
    '',
    ...results.coldStart.map((c) => `- ${c.label}: ${c.timeline}`),
    '',
  )
  lines.push(...uncachedGraphqlSection(rows))
  lines.push(...loadSection(results.load))
  for (const load of results.loads ?? []) lines.push(...loadSection(load))
  lines.push(...mailSection(results.mail))
  if (results.build) {
    const b = results.build
    lines.push(
      '## next build',
      '',
      '`npm run build` (BENCH_BUILD=1), timed from the benchmark process. Largest process: "Maximum resident set size" from `/usr/bin/time -v` ' +
        '(the biggest single process of the tree). Process tree: the summed RSS of every process of the tree, sampled every 250 ms.',
      '',
      '| what | wall time | largest process | process tree peak |',
      '| --- | ---: | ---: | ---: |',
      `| npm run build${b.ok ? '' : ' (FAILED)'} | ${b.seconds.toFixed(0)} s | ` +
        `${b.largestProcessMb ? `${b.largestProcessMb.toFixed(0)} MB` : 'n/a'} | ${b.treePeakMb.toFixed(0)} MB |`,
      '',
    )
  } else lines.push('## next build', '', 'Not measured in this run (set `BENCH_BUILD=1`).', '')
  return lines.join('\n')
}

export function loadSection(load: Results['load']): string[] {
  if (!load) return ['## Mixed load on PostgreSQL', '', 'Not measured in this run (`BENCH_LOAD=0`).', '']
  if ('error' in load) return ['## Mixed load on PostgreSQL', '', `The run failed: ${load.error}`, '']
  const workers = load.workers ?? 1
  const lines = [
    `## Mixed load on PostgreSQL (${load.result.users} users, ${Math.round(load.result.seconds)} s, ${workers} worker process${workers === 1 ? '' : 'es'})`,
    '',
  ]
  const { result: r, lostWrites } = load
  const acknowledged = r.acknowledged.created.size + r.acknowledged.renamed.size
  lines.push(
    `The production server (API only) on a fresh PostgreSQL database (the committed migrations applied, ${load.reports} reports imported) at ` +
      `127.0.0.1:5432, cache on. ${r.users} virtual users for ${r.seconds.toFixed(0)} s, one keep-alive connection each, every user sending its ` +
      `next request as soon as the previous one is answered (tests/support/mixed-load.ts): ${r.writers} editors (API key) creating draft sections ` +
      `and renaming their own; of the other users two in three read anonymously (a published report over REST and the persisted GraphQL query, ` +
      `lists) and one in three as a reader with an API key (an internal report). Peak RSS of the server ${load.peakRssMb.toFixed(0)} MB` +
      `${workers > 1 && load.workerPeakRssMb ? ` (workers ${load.workerPeakRssMb.map((mb) => mb.toFixed(0)).join(' + ')} MB)` : ''}. Load from ` +
      `the same 2 cores${load.cores ? ` (cores used on average during the load: ${coresText(load.cores)})` : ''}.`,
    '',
    '| requests | count | p50 ms | p99 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.byKind).map(([kind, stats]) => `| ${kind} | ${stats.requests} | ${ms(stats.p50)} | ${ms(stats.p99)} | ${ms(stats.max)} |`),
    '',
    `All: ${r.requests} requests, ${r.requestsPerSecond.toFixed(0)} req/s. Statuses: ${Object.entries(r.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(', ')}. **5xx: ${r.serverErrors}**; requests without an answer (network error or no answer in 30 s): ${r.failures.length}.`,
    '',
    `Writes acknowledged: ${r.acknowledged.created.size} sections created, ${r.acknowledged.renamed.size} last renames. ` +
      `Read back afterwards: **${lostWrites.length === 0 ? `all ${acknowledged} there (zero lost writes)` : `${lostWrites.length} missing`}**.`,
    ...lostWrites.slice(0, 10).map((line) => `- ${line}`),
    ...r.failures.slice(0, 10).map((line) => `- no answer: ${line}`),
    ...r.serverErrorSamples.map((line) => `- 5xx: \`${line.replaceAll('`', "'")}\``),
    '',
    'The slowest requests, and when in the run they started:',
    '',
    ...r.slowest.map((slow) => `- ${ms(slow.ms)} ms at ${slow.startedAtSecond.toFixed(1)} s: ${slow.request}`),
    '',
  )
  return lines
}

/** What an uncached GraphQL read costs: built from the edition (persisted, readers) or by Payload's handler (everything else). */
function uncachedGraphqlSection(rows: Map<string, Row>): string[] {
  const [handler, persisted, post, stock] = [rows.get('e.graphql.typename'), rows.get('e.graphql.cold'), rows.get('stock.graphql'), rows.get('stock.rest')]
  if (!handler?.available || !persisted?.available || !post?.available || !stock?.available) return []
  const cost = (row: Row) => `${(1000 / row.requestsPerSecond).toFixed(2)} ms per request (${row.requestsPerSecond.toFixed(0)} req/s)`
  return [
    '## Uncached GraphQL',
    '',
    `A persisted query over GET that misses the cache, asked anonymously or by a reader, is built from the stored edition ` +
      `(src/http/edition-reads.ts) and never reaches Payload's GraphQL handler: ${cost(persisted)}, row (e) cold, close to what the handler alone ` +
      `costs before it reads any data (\`{ __typename }\` with an API key: ${cost(handler)}). Every other GraphQL request (a POST, a query ` +
      `of the caller's own, staff) runs Payload's handler and resolvers: the full report over POST ${cost(post)}, row (c); stock REST ` +
      `${cost(stock)}, row (b).`,
    '',
  ]
}

/** The 3x budget per request against what the GraphQL handler and the full report take, in words. */
function graphqlBudget(handler: Row, full: Row, stock: Row): string {
  const ms = (requestsPerSecond: number) => 1000 / requestsPerSecond
  const [budget, own, report] = [ms(stock.requestsPerSecond) / 3, ms(handler.requestsPerSecond), ms(full.requestsPerSecond)]
  return (
    `3x stock REST leaves ${budget.toFixed(2)} ms of server time per request; Payload's GraphQL handler with API-key auth takes ${own.toFixed(2)} ` +
    `ms of it before reading any data (\`{ __typename }\`), and the full report takes ${report.toFixed(2)} ms, so its resolvers ` +
    `(${(report - own).toFixed(2)} ms) would have to become ${((report - own) / Math.max(budget - own, 0.01)).toFixed(0)}x faster`
  )
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

export const MAIL_TITLE = '## Mailing an edition'

/** The mailing benchmark (bench/mail.ts): delivery time, and the publish request with and without lists. */
export function mailSection(mail: Results['mail'], measuredAt?: string): string[] {
  if (!mail) return [MAIL_TITLE, '', 'Not measured in this run.', '']
  if ('error' in mail) return [MAIL_TITLE, '', `The run failed: ${mail.error}`, '']
  const withLists = mail.runs.map((run) => run.publishMs)
  const each = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ')
  return [
    MAIL_TITLE,
    '',
    `${measuredAt ? `Measured ${measuredAt} (\`BENCH_ONLY=mail\`). ` : ''}The production server (API only, one process, SQLite, ` +
      `the committed migrations applied to a fresh database) with \`SMTP_URL\` pointing at a local smtp-server on 127.0.0.1 ` +
      `(tests/support/smtp-sink.ts, every accepted message appended to a file before it answers 250), \`JOBS_CRON=${mail.jobsCron}\`. ` +
      `${mail.recipients.toLocaleString('en')} recipients (\`BENCH_MAIL_RECIPIENTS\`) on ${mail.lists} active lists; each run publishes a new ` +
      `report whose distribution names both, and waits until every delivery row is sent or failed (bench/mail.ts). Times run from the ` +
      `publish request. The job runner takes at most 100 mail jobs per \`JOBS_CRON\` tick (src/payload.config.ts).`,
    '',
    '| run | publish request ms | first message accepted s | all settled s | messages/s | sent | failed | received by SMTP | distinct addresses |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...mail.runs.map(
      (run, index) =>
        `| ${index + 1} | ${run.publishMs.toFixed(0)} | ${run.firstMessageSeconds.toFixed(1)} | ${run.deliveredSeconds.toFixed(1)} | ` +
        `${(mail.recipients / run.deliveredSeconds).toFixed(0)} | ${run.sent} | ${run.failed} | ${run.received} | ${run.distinct} |`,
    ),
    '',
    'The publish request (`PATCH /api/reports/:id` with `_status: published`, a draft with one section) on the same server, before any mailing ran:',
    '',
    '| publish request | samples | median ms | each ms |',
    '| --- | ---: | ---: | --- |',
    `| distribution names no active list | ${mail.withoutLists.length} | ${median(mail.withoutLists).toFixed(0)} | ${each(mail.withoutLists)} |`,
    `| distribution names the ${mail.recipients.toLocaleString('en')} recipients' lists | ${withLists.length} | ${median(withLists).toFixed(0)} | ${each(withLists)} |`,
    '',
  ]
}
