/**
 * How many worker processes serve the port. An explicit WEB_CONCURRENCY wins; otherwise one per
 * core in production, and one in development (a single process to debug, and the schema pushed
 * once) and on SQLite: SQLite has one writer per file, so more processes only wait for each other
 * on its busy timeout (docs/SCALING.md).
 */
import { availableParallelism } from 'node:os'

export function workerCount(settings: { WEB_CONCURRENCY?: number; NODE_ENV: string; DATABASE_URL?: string }, cores = availableParallelism()): number {
  if (settings.WEB_CONCURRENCY) return settings.WEB_CONCURRENCY
  if (settings.NODE_ENV !== 'production' || isSqlite(settings.DATABASE_URL)) return 1
  return cores
}

/** As src/database.ts decides, without loading the database adapters into the primary process. */
const isSqlite = (url: string | undefined) => !url || url.startsWith('file:')
