/**
 * Which code may import which, checked over the source tree:
 * - tests and bench depend one way: bench/ may import from tests/support/, nothing under tests/
 *   imports from bench/ (what both need lives in tests/support/);
 * - the report format (src/report-format/) stays pure: no Payload, nothing from collections/ or
 *   anywhere else outside src/report-format/ (packages such as zod are fine).
 * Imports are read with TypeScript's own pre-processor: static, type-only, re-exports, dynamic
 * import() and require(), but not comments or strings.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..')
const SOURCE = /\.[cm]?[jt]sx?$/
const SKIP = new Set(['node_modules', '.artifacts', '.next'])

/** Source files under `dir` (repository-relative, with forward slashes). */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(relative)
    return SOURCE.test(entry.name) ? [relative] : []
  })
}

interface Import {
  line: number
  specifier: string
  /** Repository-relative path a relative specifier points at (without extension); undefined for packages. */
  target?: string
}

function importsOf(file: string, text: string): Import[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName, pos }) => ({
    line: text.slice(0, pos).split('\n').length,
    specifier: fileName,
    target: fileName.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)) : undefined,
  }))
}

const within = (target: string | undefined, dir: string) => target !== undefined && (target === dir || target.startsWith(`${dir}/`))

/** What is wrong with one file's imports, one line per forbidden import, naming the file. */
function layeringProblems(file: string, text: string): string[] {
  const problems: string[] = []
  for (const { line, specifier, target } of importsOf(file, text)) {
    const where = `${file}:${line} imports '${specifier}'`
    if (within(file, 'tests') && within(target, 'bench')) {
      problems.push(`${where} (${target}): nothing under tests/ may import from bench/; move what both need into tests/support/ (bench/ may import from there)`)
    }
    if (within(file, 'src/report-format')) {
      if (/^(payload|@payloadcms|@payload-config)(\/|$)/.test(specifier)) {
        problems.push(`${where}: src/report-format/ must stay pure, without Payload; the code that needs Payload belongs in src/ or collections/`)
      } else if (target !== undefined && !within(target, 'src/report-format')) {
        problems.push(
          `${where} (${target}): src/report-format/ must stay pure and import only from itself (and packages), not from collections/ or the rest of src/`,
        )
      }
    }
  }
  return problems
}

function problemsIn(dir: string): { files: string[]; problems: string[] } {
  const files = sourceFiles(dir)
  return { files, problems: files.flatMap((file) => layeringProblems(file, readFileSync(path.join(root, file), 'utf8'))) }
}

describe('layering', () => {
  it('no file under tests/ imports from bench/', () => {
    const { files, problems } = problemsIn('tests')
    expect(files.length, 'the scan finds the specs and their support code').toBeGreaterThan(30)
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('src/report-format/ imports neither Payload nor anything outside itself', () => {
    const { files, problems } = problemsIn('src/report-format')
    expect(files, 'the scan finds the report format').toContain('src/report-format/parse.ts')
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('the check can fail, and names the file and line', () => {
    const spec = [
      "import { paragraphBody } from '../bench/mixed-load'",
      "import type { Row } from '../../bench/scenarios'",
      "// import { nothing } from '../bench/commented-out'",
      "const later = await import('../bench/run')",
      "import { freshDatabase } from './support/fresh-database'",
    ].join('\n')
    expect(layeringProblems('tests/example.spec.ts', spec)).toEqual([
      expect.stringMatching(
        /^tests\/example\.spec\.ts:1 imports '\.\.\/bench\/mixed-load' \(bench\/mixed-load\): nothing under tests\/ may import from bench\//,
      ),
      expect.stringMatching(/^tests\/example\.spec\.ts:4 imports '\.\.\/bench\/run' /),
    ])
    // From tests/support/, two levels up is the repository root.
    expect(layeringProblems('tests/support/example.ts', spec)).toEqual([expect.stringContaining("tests/support/example.ts:2 imports '../../bench/scenarios'")])
    // bench/ may import from tests/support/.
    expect(layeringProblems('bench/example.ts', "import { startServer } from '../tests/support/server-process'")).toEqual([])

    const format = [
      "import { z } from 'zod'",
      "import { createHash } from 'node:crypto'",
      "import type { Payload } from 'payload'",
      "import { Reports } from '../../collections/Reports'",
      "import { settings } from '../env'",
      "import type { ReportModel } from './model'",
      "export { getPayload } from 'payload/node'",
    ].join('\n')
    expect(layeringProblems('src/report-format/example.ts', format)).toEqual([
      expect.stringMatching(/^src\/report-format\/example\.ts:3 imports 'payload': src\/report-format\/ must stay pure/),
      expect.stringMatching(/^src\/report-format\/example\.ts:4 imports '\.\.\/\.\.\/collections\/Reports' \(collections\/Reports\)/),
      expect.stringMatching(/^src\/report-format\/example\.ts:5 imports '\.\.\/env' \(src\/env\)/),
      expect.stringMatching(/^src\/report-format\/example\.ts:7 imports 'payload\/node'/),
    ])
  })
})
