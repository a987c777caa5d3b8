/**
 * payload-types.ts and schema.graphql are committed for consumers; they must match the
 * config. Regenerate both into a temp folder and compare (run `npm run generate` to fix).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'
import { describe, expect, it } from 'vitest'

import configPromise from '../src/payload.config'
import { databaseKind } from '../src/database'

const root = path.resolve(import.meta.dirname, '..')
// MongoDB ids are strings, so its types legitimately differ; the committed files are for SQL ids.
const sqlIds = databaseKind(process.env.DATABASE_URL) !== 'mongodb'

describe.runIf(sqlIds)('generated files', () => {
  it('payload-types.ts matches the config', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'types-')), 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = out
    await generateTypes(await configPromise, { log: false })
    expect(readFileSync(out, 'utf8'), 'run `npm run generate:types`').toBe(readFileSync(path.join(root, 'src', 'payload-types.ts'), 'utf8'))
  })

  // Through the real CLI: in-process, vitest would load two copies of graphql.
  it('schema.graphql matches the config', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.graphql')
    execFileSync(path.join(root, 'node_modules', '.bin', 'payload-graphql'), ['generate:schema'], {
      cwd: root,
      env: { ...process.env, PAYLOAD_GRAPHQL_SCHEMA_PATH: out, NODE_OPTIONS: '--conditions=production' },
      stdio: 'pipe',
    })
    expect(readFileSync(out, 'utf8'), 'run `npm run generate:graphql`').toBe(readFileSync(path.join(root, 'schema.graphql'), 'utf8'))
  })
})
