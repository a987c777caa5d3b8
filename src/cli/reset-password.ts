/**
 * `npm run users:reset-password -- <email>`: gives the user a new, generated password and prints it
 * on standard output (once; nothing else goes there). For the developer or operator at the server
 * who missed the admin password printed by the first `npm run dev`, or lost it: they change it in
 * the admin afterwards. Uses the committed migrations like every script (DATABASE_PUSH=off).
 */
import { writeData } from './data-stdout'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import { assertMigrated } from '../database'
import config from '../payload.config'

const { positionals } = parseArgs({ allowPositionals: true })
if (positionals.length !== 1 || !positionals[0].includes('@')) fail('usage: npm run users:reset-password -- <email>', 2)
// Payload stores addresses in lower case.
const email = positionals[0].trim().toLowerCase()

const payload = await getPayload({ config })
let exitCode = 0
try {
  await assertMigrated(payload as never)
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, select: { email: true } })
  if (docs.length === 0) {
    console.error(`no user has the e-mail address ${email} (an admin sees every user in the admin under Användare)`)
    exitCode = 1
  } else {
    // 16 characters from 96 random bits: a throwaway the user replaces under their account.
    const password = randomBytes(12).toString('base64url')
    await payload.update({ collection: 'users', id: docs[0].id, data: { password }, overrideAccess: true })
    console.error(`new password for ${email} (shown once; change it in the admin under your account):`)
    await writeData(`${password}\n`)
  }
} finally {
  await payload.destroy()
}
process.exit(exitCode)

function fail(message: string, code: number): never {
  console.error(message)
  process.exit(code)
}
