/**
 * `npm run backup -- [file]`: an online, consistent copy of the embedded SQLite database, taken
 * while the server keeps serving (SQLite's VACUUM INTO writes one transaction's snapshot).
 * `npm run restore -- <file>`: puts a backup in place of the database; stop the server first.
 * PostgreSQL and MongoDB have their own tools (pg_dump / mongodump): see the README.
 */
import { createClient } from '@libsql/client'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { DEFAULT_SQLITE_FILE, databaseKind } from './database'
import { envVariables } from './env'

const url = envVariables('DATABASE_URL').DATABASE_URL
if (databaseKind(url) !== 'sqlite') {
  console.error('backup/restore here is for the embedded SQLite database; use pg_dump or mongodump (README: Backup and restore)')
  process.exit(2)
}
const databaseFile = path.resolve(url ? url.slice('file:'.length) : DEFAULT_SQLITE_FILE)
const { positionals } = parseArgs({ allowPositionals: true, args: process.argv.slice(3) })
const command = process.argv[2]

if (command === 'backup') {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = path.resolve(positionals[0] ?? path.join('data', 'backups', `lagesbild-${stamp}.db`))
  if (existsSync(target)) fail(`${target} exists already`)
  mkdirSync(path.dirname(target), { recursive: true })
  const client = createClient({ url: `file:${databaseFile}` })
  await client.execute('PRAGMA busy_timeout = 10000')
  await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  client.close()
  console.log(`backup written: ${target}`)
} else if (command === 'restore') {
  const source = positionals[0] ? path.resolve(positionals[0]) : fail('usage: npm run restore -- <backup file>')
  if (!existsSync(source)) fail(`${source}: no such file`)
  const check = createClient({ url: `file:${source}` })
  const { rows } = await check.execute('PRAGMA integrity_check')
  check.close()
  if (rows[0]?.[0] !== 'ok') fail(`${source} fails SQLite's integrity check: ${String(rows[0]?.[0])}`)
  mkdirSync(path.dirname(databaseFile), { recursive: true })
  // Keep the database being replaced next to it, and drop its WAL so it cannot be replayed onto the backup.
  if (existsSync(databaseFile)) renameSync(databaseFile, `${databaseFile}.before-restore`)
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true })
  copyFileSync(source, databaseFile)
  console.log(`restored ${source} to ${databaseFile} (the previous database is at ${databaseFile}.before-restore)`)
} else {
  fail('usage: backup [file] | restore <file>')
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
