/**
 * The large database for the read-latency comparison: BENCH_LARGE reports, all imported with the
 * real importer. That takes over ten minutes here, so the result is kept between runs in
 * node_modules/.cache/lagesbild-bench/, under a hash of everything that decides its content
 * (migrations, collections, access, importer, report format, seed, these scripts, the lockfile).
 * A change to any of them, or BENCH_LARGE_REBUILD=1, rebuilds it.
 *
 * Why not copy rows in SQL (seconds instead of minutes)? Tried: a 7,002-report database made by
 * copying had the importer's exact row counts, yet the anonymous list query ran 7x faster on it
 * than on an imported one (11 vs 76 ms per execution). Copied rows sit together on disk; imported
 * ones are interleaved with versions and audit entries, and that query touches every report row.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { PreparedDatabase } from './prepare-db'
import { root, runScript } from './servers'

const INPUTS = [
  'src/migrations/sqlite',
  'collections',
  'access',
  'src/reports',
  'src/report-format',
  'src/import-export',
  'src/cache',
  'src/payload.config.ts',
  'src/database.ts',
  'src/sqlite-transactions.ts',
  'seed',
  'bench/generate-reports.ts',
  'tests/support/generate-reports.ts',
  'bench/prepare-db.ts',
  'bench/import.ts',
  'package-lock.json',
]
const CHUNK = 1000

function files(entry: string): string[] {
  const full = path.join(root, entry)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)))
}

function sourceHash(): string {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(files)) hash.update(file).update(readFileSync(path.join(root, file)))
  return hash.digest('hex').slice(0, 16)
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(to + suffix, { force: true })
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix)
  }
}

/**
 * A working copy (in `dir`) of the large database: the main database (imported, with the
 * benchmark reports and the reader) plus imported reports up to `total`, 1,000 per process.
 */
export async function largeDatabase(
  main: PreparedDatabase,
  mainReports: number,
  total: number,
  dir: string,
  log: (message: string) => void,
): Promise<{ db: PreparedDatabase; cached: boolean }> {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'lagesbild-bench')
  const key = `large-${total}-${mainReports}-${sourceHash()}`
  const cached = path.join(cacheDir, `${key}.db`)
  const file = path.join(dir, 'large.db')
  const reuse = existsSync(`${cached}.json`) && process.env.BENCH_LARGE_REBUILD !== '1'
  if (!reuse) {
    copyDatabase(main.file, file)
    const started = sourceHash()
    // `done` reports are in the database; the next chunk's report days start after the main ones.
    for (let done = mainReports; done < total; done += CHUNK) {
      if (sourceHash() !== started) throw new Error(`sources changed while the large database was being built (${INPUTS.join(', ')}); run again`)
      log(`large database: ${done} of ${total} reports imported`)
      await runScript('bench/prepare-db.ts', {}, [file, String(Math.min(CHUNK, total - done)), String(done)])
    }
    mkdirSync(cacheDir, { recursive: true })
    for (const old of readdirSync(cacheDir)) if (old.startsWith(`large-${total}-`)) rmSync(path.join(cacheDir, old))
    copyDatabase(file, cached)
    writeFileSync(`${cached}.json`, JSON.stringify({ ...main, file: cached }))
  } else {
    log(`large database: reusing ${path.relative(root, cached)}`)
    copyDatabase(cached, file)
  }
  const fixtures = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as PreparedDatabase
  return { db: { ...fixtures, file }, cached: reuse }
}
