/**
 * `npm run recipients:import -- <file.csv> --list <name> [--distribution <value>] [--append]`
 *
 * Replaces the recipients of the distribution list <name> by those in the file (with --append:
 * adds them). A list that does not exist yet is created, for the report distribution given by
 * --distribution. Every line of the file is checked first; a file with any error writes nothing
 * and prints each error with its line number (exit code 1).
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import { MAX_RECIPIENTS } from '../../collections/DistributionLists'
import { DISTRIBUTION_OPTIONS } from '../../collections/fields/distribution'
import { assertMigrated } from '../database'
import config from '../payload.config'
import { parseRecipientsCsv, type Recipient } from './recipients-csv'

const USAGE = 'usage: npm run recipients:import -- <file.csv> --list <name> [--distribution <value>] [--append]'
const DISTRIBUTIONS = DISTRIBUTION_OPTIONS.map((option) => option.value)

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { list: { type: 'string' }, distribution: { type: 'string' }, append: { type: 'boolean', default: false } },
    })
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`)
  }
})()
if (positionals.length !== 1 || !values.list?.trim()) fail(USAGE)
if (values.distribution && !DISTRIBUTIONS.includes(values.distribution))
  fail(`--distribution must be one of ${DISTRIBUTIONS.join(', ')}, not "${values.distribution}"`)

const listName = values.list.trim()
let text: string
try {
  text = await readFile(positionals[0], 'utf8')
} catch (error) {
  fail(`cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
}
const parsed = parseRecipientsCsv(text)
if (!parsed.ok) {
  console.error(`${positionals[0]}: ${parsed.errors.length} error(s), nothing imported`)
  for (const error of parsed.errors) console.error(`  ${error}`)
  process.exit(1)
}

const payload = await getPayload({ config })
// Scripts never change the schema (DATABASE_PUSH=off): they need a migrated database.
await assertMigrated(payload as never)
const { docs } = await payload.find({ collection: 'distribution-lists', where: { name: { equals: listName } }, limit: 1, depth: 0, overrideAccess: true })
const list = docs[0]
if (!list && !values.distribution) await exit(2, `no distribution list "${listName}": give --distribution (${DISTRIBUTIONS.join(', ')}) to create it`)

const existing: Recipient[] =
  values.append && list ? (list.recipients ?? []).map(({ name, email, organisation }) => ({ name, email, organisation: organisation ?? undefined })) : []
const known = new Set(existing.map((recipient) => recipient.email.toLowerCase()))
const alreadyListed = parsed.recipients.filter((recipient) => known.has(recipient.email.toLowerCase()))
if (alreadyListed.length > 0) {
  await exit(1, `${alreadyListed.length} recipient(s) already on "${listName}", nothing imported:\n${alreadyListed.map((r) => `  ${r.email}`).join('\n')}`)
}
const recipients = [...existing, ...parsed.recipients]
if (recipients.length > MAX_RECIPIENTS) await exit(1, `${recipients.length} recipients: a list holds at most ${MAX_RECIPIENTS}, nothing imported`)

try {
  if (list) {
    await payload.update({
      collection: 'distribution-lists',
      id: list.id,
      data: { recipients, ...(values.distribution ? { distribution: values.distribution as never } : {}) },
      depth: 0,
      overrideAccess: true,
    })
  } else {
    await payload.create({
      collection: 'distribution-lists',
      data: { name: listName, distribution: values.distribution as never, active: true, recipients },
      depth: 0,
      overrideAccess: true,
    })
  }
} catch (error) {
  await exit(1, `nothing imported: ${(error as Error).message}`)
}
await exit(0, `${list ? 'updated' : 'created'} "${listName}": ${recipients.length} recipient(s)${values.append ? ` (${parsed.recipients.length} added)` : ''}`)

async function exit(code: number, message: string): Promise<never> {
  if (code === 0) console.log(message)
  else console.error(message)
  await payload.destroy()
  process.exit(code)
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
