/**
 * Synthetic report files (tests, and the benchmark's imports): the seed report re-dated N times
 * (one report per day), so every file is a real, valid report with its own slug and its own actions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { SEED_REPORT_FILE } from '../../seed/seed'

const DAY_MS = 86_400_000

/** The seed report compiled on `day` (YYYY-MM-DD), its actions dated that day with titles unique to it. */
export function redatedSeed(day: string, label: string): string {
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
