// The site calls the CMS's persisted queries by name (?id=latestReport), so the CMS runs ITS copy of
// each query. The copies in src/queries/*.graphql exist only so graphql-codegen can type the
// responses: they must be identical to the CMS's texts, or the types would describe another query.
//
//   node scripts/check-queries.mjs          fails (exit 1) naming every query that drifted
//   node scripts/check-queries.mjs --write  copies the CMS's current texts into src/queries/
//
// The CMS file is TypeScript; this site's own TypeScript compiler transpiles it in memory.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const here = path.dirname(fileURLToPath(import.meta.url))
const siteRoot = path.resolve(here, '..')
const queriesDir = path.join(siteRoot, 'src', 'queries')
const cmsFile = path.resolve(siteRoot, '..', '..', 'src', 'graphql', 'persisted-queries.ts')

/** PERSISTED_QUERIES as the CMS builds it (the file has no imports but node:crypto). */
export async function loadCmsQueries(file = cmsFile) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  })
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)
  return module.PERSISTED_QUERIES
}

/** One .graphql file per query this site uses; its name is the persisted query's id. */
export function siteQueryFiles() {
  return readdirSync(queriesDir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => ({ id: name.slice(0, -'.graphql'.length), file: path.join(queriesDir, name) }))
}

/** Problems, one line each; empty when every copy matches the CMS byte for byte. */
export async function checkQueries() {
  const cms = await loadCmsQueries()
  const files = siteQueryFiles()
  if (files.length === 0) return [`no .graphql files in ${queriesDir}`]
  return files.flatMap(({ id, file }) => {
    if (!Object.hasOwn(cms, id)) return [`${path.basename(file)}: the CMS has no persisted query "${id}" (known: ${Object.keys(cms).join(', ')})`]
    // Files end with one newline; the CMS's texts do not.
    const text = readFileSync(file, 'utf8').replace(/\n$/, '')
    return text === cms[id]
      ? []
      : [
          `${path.basename(file)} differs from PERSISTED_QUERIES.${id} in src/graphql/persisted-queries.ts (run: npm run check:queries -- ` +
            `--write, then npm run codegen)`,
        ]
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    const cms = await loadCmsQueries()
    for (const { id, file } of siteQueryFiles()) {
      if (Object.hasOwn(cms, id)) writeFileSync(file, `${cms[id]}\n`)
    }
  }
  const problems = await checkQueries()
  for (const problem of problems) console.error(problem)
  if (problems.length > 0) process.exit(1)
  console.log(
    `persisted queries identical to the CMS: ${siteQueryFiles()
      .map(({ id }) => id)
      .join(', ')}`,
  )
}
