/**
 * Benchmark-only report files. The plain generated reports (the seed re-dated, one per day) are
 * made by tests/support/generate-reports.ts, which tests use too.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { redatedSeed } from '../tests/support/generate-reports'

/** An extra, sixth section ("other" kind) inserted before the communication actions. */
const EXTRA_SECTION = `Övriga frågor

- Frågor från medarbetare samlas in löpande och besvaras på intranätet.
 - De vanligaste frågorna gäller journalföring under pausen och [planerade utbildningar](#).
- Nästa rapport sammanställs om en vecka.

`

/**
 * The report the read benchmarks fetch: the seed with a sixth section, compiled on `day`
 * (outside the range generateReportFiles uses, so slugs never collide).
 */
export function generateBenchReportFile(dir: string, day: string, label = 'Benchmark'): string {
  mkdirSync(dir, { recursive: true })
  const text = redatedSeed(day, label).replace('Kommunikativa åtgärder, urval', `${EXTRA_SECTION}Kommunikativa åtgärder, urval`)
  const file = path.join(dir, `bench-${day}.txt`)
  writeFileSync(file, text)
  return file
}
