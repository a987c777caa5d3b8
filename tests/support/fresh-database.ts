/**
 * A fresh, empty database of the same kind as the suite's (SQLite file, PostgreSQL database
 * on the same server, or MongoDB database on the same server), for specs that need one.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { databaseKind } from '../../src/database'

export interface FreshDatabase {
  url: string
  drop: () => Promise<void>
}

export async function freshDatabase(suiteUrl = process.env.DATABASE_URL): Promise<FreshDatabase> {
  const kind = databaseKind(suiteUrl)
  const name = `lagesbild_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-fresh-'))
    return { url: `file:${path.join(dir, 'fresh.db')}`, drop: async () => {} }
  }
  const url = new URL(suiteUrl!)
  url.pathname = `/${name}`
  if (kind === 'mongodb') return { url: url.toString(), drop: async () => {} }
  await withPostgresAdmin(suiteUrl!, (client) => client.query(`CREATE DATABASE ${name}`))
  return {
    url: url.toString(),
    drop: async () => {
      await withPostgresAdmin(suiteUrl!, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

export async function withPostgresAdmin<T>(anyUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(anyUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
