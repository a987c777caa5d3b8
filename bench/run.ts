/**
 * `npm run bench`: runs the benchmarks and writes bench/RESULTS.md. Speed is measured here, in
 * one run against baselines measured in the same run, never asserted in tests.
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'

import { benchImport } from './import'

const count = Number(process.env.BENCH_REPORTS ?? 1000)
const importResult = await benchImport(count)

const lines = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite. Rerun with \`npm run bench\`.`,
  '',
  '## Import',
  '',
  `${importResult.reports} generated reports (the seed re-dated, 5 sections, 5 actions, 1 spokesperson each) imported with the real importer into a fresh SQLite database: parse + validate, then one transaction per report. Baseline: parsing and validating the same files without writing.`,
  '',
  '| what | seconds | reports/s | ratio to baseline | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| baseline: parse + validate only | ${importResult.parseSeconds.toFixed(2)} | ${(importResult.reports / importResult.parseSeconds).toFixed(0)} | 1.0x | |`,
  `| import (${importResult.failed} failed) | ${importResult.importSeconds.toFixed(2)} | ${importResult.reportsPerSecond.toFixed(0)} | ${(importResult.importSeconds / importResult.parseSeconds).toFixed(0)}x | ${importResult.peakRssMb.toFixed(0)} MB |`,
  '',
]
writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'))
console.log(lines.join('\n'))
process.exit(0)
