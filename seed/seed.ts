/**
 * Seeding: the real seed report (seed/regional-rapport-2025-04-03.txt) loaded through the
 * report parser and the Local API, plus an admin account when asked for. Idempotent.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'

import { env } from '../src/env'
import { type ImportOutcome, importReportFiles } from '../src/import-export/import-reports'

const seedDir = path.dirname(fileURLToPath(import.meta.url))
export const SEED_REPORT_FILE = path.join(seedDir, 'regional-rapport-2025-04-03.txt')

/** Loads the seed report through the importer, as published internal content. */
export async function seedReports(payload: Payload): Promise<ImportOutcome[]> {
  const summary = await importReportFiles(payload, [SEED_REPORT_FILE], { status: 'published', audience: 'internal' })
  const failure = summary.outcomes.find((outcome) => outcome.status === 'failed')
  if (failure?.status === 'failed') throw new Error(failure.errors.join('\n'))
  return summary.outcomes
}

export type AdminOutcome = 'created' | 'exists' | 'skipped'

/**
 * Creates an admin with the given credentials unless a user with that email exists; an
 * existing user's password is never changed (we say so instead).
 */
export async function ensureAdmin(payload: Payload, email: string | undefined, password: string | undefined): Promise<AdminOutcome> {
  if (!email || !password) return 'skipped'
  const existing = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  if (existing.docs.length) return 'exists'
  await payload.create({ collection: 'users', data: { email, password, name: 'Administratör', roles: ['admin'] } })
  return 'created'
}

/**
 * Development start-up on an empty database: seed the report and create a development admin.
 * Credentials come from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD, or are generated and printed once.
 */
export async function seedIfEmpty(payload: Payload, { announceAdmin }: { announceAdmin: boolean }) {
  const settings = env()
  if (settings.NODE_ENV === 'production') return
  const [reports, users] = await Promise.all([payload.count({ collection: 'reports' }), payload.count({ collection: 'users' })])
  if (reports.totalDocs === 0) {
    const results = await seedReports(payload)
    payload.logger.info(`Seeded ${results.map((r) => path.basename(r.file)).join(', ')}`)
  }
  if (users.totalDocs === 0) {
    const email = settings.SEED_ADMIN_EMAIL ?? 'admin@lagesbild.local'
    const password = settings.SEED_ADMIN_PASSWORD ?? randomBytes(9).toString('base64url')
    await ensureAdmin(payload, email, password)
    if (announceAdmin) {
      const shown = settings.SEED_ADMIN_PASSWORD ? '(from SEED_ADMIN_PASSWORD)' : password
      console.log(`\n  Development admin created: ${email} / ${shown}\n  (shown once; change it in the admin under your account)\n`)
    }
  }
}
