/**
 * Synthetic report files for benchmarks: the seed report re-dated N times (one report per day),
 * so every file is a real, valid report with its own slug and its own actions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { SEED_REPORT_FILE } from '../seed/seed'

export function generateReportFiles(dir: string, count: number, startDay = '2020-01-01'): string[] {
  mkdirSync(dir, { recursive: true })
  const seed = readFileSync(SEED_REPORT_FILE, 'utf8')
  const start = new Date(`${startDay}T12:00:00Z`).getTime()
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10)
    const [, month, date] = day.split('-').map(Number)
    const text = seed
      .replace(/Sammanställd: \d{4}-\d{2}-\d{2}/, `Sammanställd: ${day}`)
      // Actions dated on the compiled day, with titles unique to the report.
      .replace(/^- \d{1,2}\/\d{1,2}: \[(.+)\]/gm, (_m, title: string) => `- ${date}/${month}: [${title} (${day})]`)
      .replace('Den senaste veckan', `Rapport ${i + 1}: den senaste veckan`)
    const file = path.join(dir, `rapport-${day}.txt`)
    writeFileSync(file, text)
    files.push(file)
  }
  return files
}
