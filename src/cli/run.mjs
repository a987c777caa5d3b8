/**
 * `node src/cli/run.mjs <entry.ts> [arguments]`: runs one of our TypeScript entry points (the
 * server: npm start and npm run dev; the scripts: import, export, seed, recipients:import,
 * users:reset-password) as a single esbuild bundle of our own code, every package left to Node.
 *
 * Why not tsx: under Node 20 tsx resolves and loads every module, Payload's thousands included,
 * through the off-thread loader hooks. Loading Payload, its SQL adapters and Lexical took 2.3 s of
 * CPU with plain Node and 5.6 s under tsx (measured; bench/RESULTS.md has a script's whole
 * time); the production server listened after 3.6 s instead of 5.1-5.8 s. Bundling our ~200
 * files takes esbuild a fraction of a second.
 *
 * Each of our files keeps its own `import.meta.url`, so paths computed from it (seed files, the
 * admin's import map) point where they did. The bundle goes to node_modules/.cache.
 */
import { build, stop } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node src/cli/run.mjs <entry.ts> [arguments]')
  process.exit(2)
}
const entryFile = path.resolve(root, entry)
const cacheDir = path.join(root, 'node_modules/.cache/lagesbild-scripts')

/** Gives every bundled file its own URL where it says `import.meta.url` (a bundle has one URL for all). */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async ({ path: file }) => ({
      contents: (await readFile(file, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href)),
      loader: file.endsWith('x') ? 'tsx' : 'ts',
    }))
  },
}

const { outputFiles } = await build({
  entryPoints: [entryFile],
  outfile: path.join(cacheDir, 'bundle.mjs'),
  write: false,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [ownImportMetaUrl],
})
// esbuild's service process would otherwise stay for the life of the server (about 33 MB each).
await stop()
// Named by its content and renamed into place when complete: scripts started at the same time
// (the tests run several) never read each other's half-written bundle.
const bundle = outputFiles[0].contents
const name = `${path.relative(root, entryFile).replace(/[\\/]/g, '_')}.${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.mjs`
const outfile = path.join(cacheDir, name)
if (!existsSync(outfile)) {
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(`${outfile}.${process.pid}.tmp`, bundle)
  renameSync(`${outfile}.${process.pid}.tmp`, outfile)
}
// How a cluster primary (src/cluster/primary.ts) starts its workers the same way.
process.env.LAGESBILD_LAUNCHER = fileURLToPath(import.meta.url)
// Stack traces name our .ts files and lines.
process.setSourceMapsEnabled(true)
// The script sees its own arguments, as when run directly.
process.argv = [process.argv[0], entryFile, ...args]
await import(pathToFileURL(outfile).href)
