/** `npm run seed`: load the seed report (idempotent) and, when both are set, the admin from SEED_ADMIN_*. */
import { getPayload } from 'payload'

import { env } from '../src/env'
import config from '../src/payload.config'
import { ensureAdmin, seedReports } from './seed'
import { assertMigrated } from '../src/database'

const settings = env()
const payload = await getPayload({ config })
// Scripts never change the schema (DATABASE_PUSH=off): they need a migrated database.
await assertMigrated(payload as never)
try {
  for (const result of await seedReports(payload)) console.log(`report ${result.file}: ${result.status}`)
  const admin = await ensureAdmin(payload, settings.SEED_ADMIN_EMAIL, settings.SEED_ADMIN_PASSWORD)
  if (admin === 'created') console.log(`admin ${settings.SEED_ADMIN_EMAIL}: created`)
  if (admin === 'exists') console.log(`admin ${settings.SEED_ADMIN_EMAIL}: exists already, password left unchanged`)
} finally {
  await payload.destroy()
}
process.exit(0)
