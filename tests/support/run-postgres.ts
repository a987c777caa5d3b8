/**
 * `npm run test:postgres`: the same suite against PostgreSQL, in a fresh database created
 * for this run on POSTGRES_URL's server (default: the local one) and dropped afterwards.
 */
import { spawnSync } from 'node:child_process'

import { freshDatabase } from './fresh-database'

const server = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const database = await freshDatabase(server)
console.log(`test:postgres: fresh database ${new URL(database.url).pathname.slice(1)} on ${new URL(server).host}`)
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.url },
})
await database.drop()
process.exit(run.status ?? 1)
