/**
 * BENCH_BEFORE_REF=<commit>: the cold-start waves also run on that commit's code (say, the one
 * before a fix). Its tree is unpacked with `git archive` into the run's temporary directory,
 * shares this node_modules, and gets the current database scripts (bench/prepare-db.ts and what
 * it imports, tests/support/generate-reports.ts included). Nothing in this repository is touched.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'

import { root } from './servers'

export function sourceTreeAt(ref: string, dir: string): { tree: string; label: string } {
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim()
  const tree = path.join(dir, 'before')
  mkdirSync(tree)
  execFileSync('tar', ['-x', '-C', tree], { input: execFileSync('git', ['-C', root, 'archive', ref], { maxBuffer: 1 << 30 }) })
  symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'))
  for (const file of ['bench/prepare-db.ts', 'bench/import.ts', 'bench/generate-reports.ts', 'tests/support/generate-reports.ts']) {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true })
    copyFileSync(path.join(root, file), path.join(tree, file))
  }
  return { tree, label: git('log', '-1', '--format=%h', ref) }
}
