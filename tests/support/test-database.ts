/**
 * Which database the integration suite runs against. `npm test` -> a fresh SQLite file;
 * `npm run test:postgres` / `test:mongo` set DATABASE_URL to a fresh database of their own.
 * Computed once in the main vitest process and handed to the server and workers via env.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export function prepareTestEnvironment(): void {
  if (process.env.LAGESBILD_TEST_PREPARED) return
  process.env.LAGESBILD_TEST_PREPARED = '1'
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-test-'))
    process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
  }
  ;(process.env as Record<string, string>).NODE_ENV = 'test'
  // A developer's .env configures their own server, never the suite's processes.
  process.env.LAGESBILD_ENV_FILE = 'off'
  process.env.PAYLOAD_SECRET ??= 'test-secret-that-is-long-enough-for-payload-0123456789'
  process.env.SEED_ADMIN_EMAIL ??= 'admin@test.local'
  process.env.SEED_ADMIN_PASSWORD ??= 'admin-password-123'
  // The job runner ticks every second in tests so a scheduled publish is seen quickly.
  process.env.JOBS_CRON ??= '* * * * * *'
  // The suite's processes (server, workers, CLI scripts) share cache invalidations through Redis.
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379'
  process.env.LAGESBILD_DEBUG_HEADERS = '1'
  // Every job runner of the suite signs webhooks alike, whichever server picks a delivery up.
  process.env.WEBHOOK_SECRET ??= 'test-webhook-secret-that-is-long-enough-0123456789'
  // Mail is never sent from tests: it is captured to outbox.jsonl here, where specs read it (src/email).
  delete process.env.SMTP_URL
  process.env.MAIL_CAPTURE_DIR ??= mkdtempSync(path.join(tmpdir(), 'lagesbild-mail-'))
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  process.env.DISABLE_PAYLOAD_HMR = 'true'
}

export const TEST_ADMIN = {
  email: 'admin@test.local',
  password: 'admin-password-123',
}
