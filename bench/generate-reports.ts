/**
 * Synthetic report files for benchmarks: the seed report re-dated N times (one report per day),
 * so every file is a real, valid report with its own slug and its own actions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { SEED_REPORT_FILE } from '../seed/seed'

const DAY_MS = 86_400_000

/** The seed report compiled on `day` (YYYY-MM-DD), its actions dated that day with titles unique to it. */
function redatedSeed(day: string, label: string): string {
  const [, month, date] = day.split('-').map(Number)
  return readFileSync(SEED_REPORT_FILE, 'utf8')
    .replace(/Sammanställd: \d{4}-\d{2}-\d{2}/, `Sammanställd: ${day}`)
    .replace(/^- \d{1,2}\/\d{1,2}: \[(.+)\]/gm, (_m, title: string) => `- ${date}/${month}: [${title} (${day})]`)
    .replace('Den senaste veckan', `${label}: den senaste veckan`)
}

export function generateReportFiles(dir: string, count: number, startDay = '2020-01-01'): string[] {
  mkdirSync(dir, { recursive: true })
  const start = new Date(`${startDay}T12:00:00Z`).getTime()
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10)
    const file = path.join(dir, `rapport-${day}.txt`)
    writeFileSync(file, redatedSeed(day, `Rapport ${i + 1}`))
    files.push(file)
  }
  return files
}

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
