/**
 * `npm run test:mongo`: the same suite against MongoDB when MONGODB_URL points at a server
 * (a replica set, since Payload's transactions need one), in a fresh database per run.
 * Without MONGODB_URL it says so plainly and runs nothing: no mongod can be installed here.
 */
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'

const server = process.env.MONGODB_URL
if (!server) {
  console.log('test:mongo: NOT RUN: MONGODB_URL is not set (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0).')
  process.exit(0)
}
const url = new URL(server)
url.pathname = `/lagesbild_${randomUUID().replaceAll('-', '').slice(0, 12)}`
console.log(`test:mongo: fresh database ${url.pathname.slice(1)} on ${url.host}`)
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString() },
})
process.exit(run.status ?? 1)
