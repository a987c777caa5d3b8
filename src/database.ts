/**
 * The one place that knows which database we talk to. Collections know nothing of it.
 *   DATABASE_URL unset      -> SQLite file data/lagesbild.db (the embedded default)
 *   file:<path>             -> SQLite at that path
 *   postgres(ql)://...      -> PostgreSQL
 *   mongodb(+srv)://...     -> MongoDB (needs a replica set for transactions)
 * SQL adapters push the schema in development; in production the committed migrations
 * (one folder per adapter) are applied at start-up through `prodMigrations`.
 */
import type { mongooseAdapter as MongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import { withDatabaseEvents } from './cache/database-events'
import { withSerializedSqliteTransactions } from './sqlite-transactions'

type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const DEFAULT_SQLITE_FILE = 'data/lagesbild.db'

export function databaseKind(url: string | undefined): DatabaseKind {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(`DATABASE_URL: unsupported scheme in "${url.split(':')[0]}:"`)
}

function migrationDir(kind: Exclude<DatabaseKind, 'mongodb'>, projectRoot = process.cwd()) {
  return path.resolve(projectRoot, 'src', 'migrations', kind)
}

export function databaseAdapter(url: string | undefined, poolSize = 20, push = true): DatabaseAdapterObj {
  return withDatabaseEvents(baseAdapter(url, poolSize, push))
}

function baseAdapter(url: string | undefined, poolSize: number, push: boolean): DatabaseAdapterObj {
  const kind = databaseKind(url)
  if (kind === 'postgres') {
    return postgresAdapter({
      // Waiting longer than 3 s for a connection means the database is gone: fail fast (503).
      // Under load the wait stays short because writes queue before they take one (src/http/write-gate.ts).
      pool: { connectionString: url, connectionTimeoutMillis: 3_000, max: poolSize },
      migrationDir: migrationDir('postgres'),
      prodMigrations: postgresMigrations,
      push,
    })
  }
  if (kind === 'mongodb') {
    // Loaded only when used: mongoose adds about 0.4 s of CPU to every start-up on SQLite or PostgreSQL.
    const { mongooseAdapter } = createRequire(import.meta.url)('@payloadcms/db-mongodb') as { mongooseAdapter: typeof MongooseAdapter }
    return mongooseAdapter({ url: url as string })
  }
  const file = url ? url.slice('file:'.length) : DEFAULT_SQLITE_FILE
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const busyTimeout = 5_000
  const adapter = sqliteAdapter({
    client: { url: `file:${file}` },
    // WAL: readers never wait for the writer, and a crash never leaves a half-written page.
    wal: true,
    busyTimeout,
    // Off by default in Payload's SQLite adapter; we need them (see sqlite-transactions.ts).
    transactionOptions: {},
    migrationDir: migrationDir('sqlite'),
    prodMigrations: sqliteMigrations,
    push,
  })
  return withSerializedSqliteTransactions(adapter, busyTimeout)
}

/**
 * Keeps a lost database connection from killing the process. node-postgres emits 'error' on a
 * client when the server goes away: on idle pooled clients through the pool, and on clients that
 * are busy (a query running, e.g. the job runner's) on the client itself. An unhandled 'error'
 * event is fatal, so every client gets a listener. Requests fail with 503 meanwhile (see
 * /readyz) and the pool reconnects when the database is back.
 */
type ErrorEmitter = { on: (event: 'error', listener: (error: Error) => void) => void }
type PgPool = ErrorEmitter & { on: (event: 'connect', listener: (client: ErrorEmitter) => void) => void; _clients?: ErrorEmitter[] }

export function guardDatabaseConnection(payload: { db: unknown; logger: { warn: (msg: string) => void } }) {
  const pool = (payload.db as { pool?: PgPool }).pool
  if (!pool) return
  const warn = (error: Error) => payload.logger.warn(`database connection lost: ${error.message}`)
  pool.on('error', warn)
  pool.on('connect', (client) => client.on('error', warn))
  for (const client of pool._clients ?? []) client.on('error', warn)
}

/**
 * For scripts, which never change the schema: stops with what to do when the database lacks a
 * committed migration. A database whose schema was pushed in development (Payload records that
 * as the migration "dev") is taken as it is.
 */
export async function assertMigrated(
  payload: { db: { name?: string }; find: (args: never) => Promise<{ docs: { name?: string }[] }> },
  kind = databaseKind(process.env.DATABASE_URL),
) {
  if (kind === 'mongodb') return
  const committed = (kind === 'postgres' ? postgresMigrations : sqliteMigrations).map((migration) => migration.name)
  let applied: Set<string | undefined>
  try {
    const { docs } = await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0, select: { name: true } } as never)
    applied = new Set(docs.map((doc) => doc.name))
  } catch {
    applied = new Set()
  }
  if (applied.has('dev')) return
  const missing = committed.filter((name) => !applied.has(name))
  if (missing.length === 0) return
  console.error(`The database is behind the committed migrations (missing ${missing.join(', ')}): run npm run migrate`)
  process.exit(1)
}
