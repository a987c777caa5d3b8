/**
 * Report text in, report text out: `npm run import` / `npm run export` as a developer runs
 * them, and the REST export endpoint. Importing then exporting reproduces every file exactly
 * (ignoring leading/trailing blank lines and trailing spaces); bad files are named with line
 * and expectation and leave nothing behind; importing again changes nothing.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { SEED_REPORT_FILE } from '../seed/seed'
import { reportSlug } from '../src/slug'
import { parseReport } from '../src/report-format/parse'
import { type Actors, createActors, restAs } from './support/actors'
import { localPayload } from './support/local-payload'
import { runScript } from './support/run-cli'

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures', 'reports')
const normalise = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\r\n/g, '\n')
    .trim()
const slugOf = (file: string) => {
  const parsed = parseReport(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(`fixture ${file} does not parse`)
  return reportSlug(parsed.report.title, parsed.report.compiledAt)
}

describe('import and export of report text', () => {
  let folder: string
  let goodFiles: string[]
  let payload: Payload
  let actors: Actors

  beforeAll(async () => {
    payload = await localPayload()
    actors = await createActors()
    folder = mkdtempSync(path.join(tmpdir(), 'import-'))
    goodFiles = readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name))
    for (const file of goodFiles) copyFileSync(file, path.join(folder, path.basename(file)))
    // A report whose compiled line is missing: it must be named, with its line, and not written.
    writeFileSync(path.join(folder, 'trasig.txt'), 'Regional rapport Trasig\n\nSammanställd igår\n\nSammanfattande lägesbild\n\n- En punkt.\n')
  })

  it('imports every good file of a folder, names the bad one with its line, and writes nothing of it', async () => {
    const result = await runScript('import', [folder])
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/trasig\.txt, line 3: expected "Sammanställd: YYYY-MM-DD klockan HH:MM"/)
    expect(result.stdout).toMatch(new RegExp(`imported ${goodFiles.length}, updated 0, unchanged 0, failed 1`))
    // Not a terminal here, so progress comes as plain numbered lines rather than a redrawn bar, on standard error.
    expect(result.stderr).toMatch(new RegExp(`^\\[1/${goodFiles.length + 1}\\] trasig\\.txt: failed$`, 'm'))
    expect(result.stderr).not.toContain('\r')
    expect(result.stdout).not.toMatch(/\[1\//)
    const broken = await payload.count({ collection: 'reports', where: { title: { equals: 'Regional rapport Trasig' } } })
    expect(broken.totalDocs).toBe(0)
  })

  it('is idempotent: importing the same files again changes nothing', async () => {
    const before = (await payload.count({ collection: 'sections' })).totalDocs
    const result = await runScript('import', goodFiles)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`imported 0, updated 0, unchanged ${goodFiles.length}, failed 0`))
    expect((await payload.count({ collection: 'sections' })).totalDocs).toBe(before)
  })

  it('imports the seed again as "unchanged" (the seed uses the same importer)', async () => {
    const result = await runScript('import', [SEED_REPORT_FILE])
    expect(result.stdout).toMatch(/imported 0, updated 0, unchanged 1, failed 0/)
  })

  it.each([...readdirSync(FIXTURES), path.basename(SEED_REPORT_FILE)])('round-trips %s byte for byte through the database (CLI export)', async (name) => {
    const source = name === path.basename(SEED_REPORT_FILE) ? SEED_REPORT_FILE : path.join(FIXTURES, name)
    const out = path.join(folder, `${name}.out.txt`)
    const result = await runScript('export', [slugOf(source), '--format', 'text', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(normalise(readFileSync(out, 'utf8'))).toBe(normalise(readFileSync(source, 'utf8')))
  })

  it('never changes the schema: on a database behind the migrations it says "run npm run migrate" and writes nothing', async () => {
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'unmigrated-')), 'empty.db')
    const result = await runScript('import', [SEED_REPORT_FILE], { DATABASE_URL: `file:${empty}` })
    const output = result.stdout + result.stderr
    expect(result.code, output).toBe(1)
    expect(result.stderr).toMatch(/behind the committed migrations .*: run npm run migrate/)
    expect(output).not.toMatch(/Pulling schema|imported \d/)
    const tables = (await import('@libsql/client')).createClient({ url: `file:${empty}` })
    try {
      expect((await tables.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows).toEqual([])
    } finally {
      tables.close()
    }
  }, 180_000)

  it('exports every report to a folder with --all', async () => {
    const out = path.join(folder, 'all')
    const result = await runScript('export', ['--all', '--format', 'markdown', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const written = readdirSync(out)
    expect(written).toContain(`${slugOf(SEED_REPORT_FILE)}.md`)
    expect(written.every((file) => /^[a-z0-9-]+\.md$/.test(file))).toBe(true)
  })

  it('refuses an unknown format with a clear message', async () => {
    const result = await runScript('export', [slugOf(SEED_REPORT_FILE), '--format', 'pdf'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--format must be one of text, markdown, html, json, not "pdf"/)
  })

  describe('REST export endpoint', () => {
    const seedId = async () => (await payload.find({ collection: 'reports', where: { slug: { equals: slugOf(SEED_REPORT_FILE) } }, limit: 1 })).docs[0].id

    it('gives a reader the seed report in each format', async () => {
      const id = await seedId()
      const text = await fetchAs(actors.reader, `/api/reports/${id}/export?format=text`)
      expect(text.status).toBe(200)
      expect(text.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(normalise(text.body)).toBe(normalise(readFileSync(SEED_REPORT_FILE, 'utf8')))
      const markdown = await fetchAs(actors.reader, `/api/reports/${id}/export?format=markdown`)
      expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/)
      expect(markdown.body).toMatch(/^# Regional rapport Samordning vårdinformationssystem/)
      const html = await fetchAs(actors.reader, `/api/reports/${id}/export?format=html`)
      expect(html.headers.get('content-type')).toMatch(/^text\/html/)
      expect(html.body).toMatch(/^<!DOCTYPE html>/i)
      // A reader's copy: private to that browser, revalidated with the ETag every time.
      expect(html.headers.get('cache-control')).toBe('private, no-cache')
    })

    it('does not let anonymous callers export an internal or draft report', async () => {
      const id = await seedId()
      expect((await fetchAs(actors.anonymous, `/api/reports/${id}/export?format=text`)).status).toBe(404)
      const body = { title: `Utkast export ${Date.now()}`, compiledAt: '2025-07-01T08:00:00.000Z', audience: 'public' }
      const draft = await restAs(actors.editor)('/api/reports', { method: 'POST', body })
      expect(draft.status).toBe(201)
      expect((await fetchAs(actors.anonymous, `/api/reports/${draft.body.doc.id}/export?format=text&draft=true`)).status).toBe(404)
      expect((await fetchAs(actors.reader, `/api/reports/${draft.body.doc.id}/export?format=text&draft=true`)).status).toBe(404)
      expect((await fetchAs(actors.editor, `/api/reports/${draft.body.doc.id}/export?format=text&draft=true`)).status).toBe(200)
    })

    it('answers 400 naming the problem for an unknown format', async () => {
      const response = await fetchAs(actors.reader, `/api/reports/${await seedId()}/export?format=pdf`)
      expect(response.status).toBe(400)
      expect(response.body).toMatch(/format must be one of text, markdown, html/)
    })
  })
})

async function fetchAs(actor: { authorization?: string }, urlPath: string) {
  const { inject } = await import('vitest')
  const response = await fetch(`${inject('baseUrl')}${urlPath}`, { headers: actor.authorization ? { authorization: actor.authorization } : {} })
  return { status: response.status, headers: response.headers, body: await response.text() }
}
