/**
 * For commands whose standard output is data (`npm run export`, `npm run users:reset-password`):
 * import this module first. From then on whatever the process prints with console.log, info or
 * debug (a library's "Pulling schema from database…", notices) goes to standard error with the
 * logs, and only writeData reaches standard output, so `npm run export -- 1 > report.md` is the
 * report and nothing else. (npm's own banner: see .npmrc.)
 */
import { Console } from 'node:console'

const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr })
console.log = toStderr.log.bind(toStderr)
console.info = toStderr.info.bind(toStderr)
console.debug = toStderr.debug.bind(toStderr)
console.table = toStderr.table.bind(toStderr)
console.dir = toStderr.dir.bind(toStderr)

/** Writes to standard output and resolves once it is flushed (a pipe may take it in pieces). */
export function writeData(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())))
}
