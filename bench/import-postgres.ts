/**
 * Child process: the import benchmark on PostgreSQL, the same importer and guarantees as on SQLite.
 *   DATABASE_URL=postgres://<a fresh database> node --import tsx bench/import-postgres.ts <number of reports>
 * The committed migrations are applied at start-up (production), then the reports are imported
 * (timed). Prints `RESULT {json}`.
 */
import { benchImport } from './import'

const databaseUrl = process.env.DATABASE_URL
const count = Number(process.argv[2])
if (!databaseUrl?.startsWith('postgres') || !Number.isInteger(count)) throw new Error('usage: DATABASE_URL=postgres://… import-postgres.ts <number of reports>')
const result = await benchImport(count, { databaseUrl, audience: 'public' })
console.log(`RESULT ${JSON.stringify(result)}`)
process.exit(0)
