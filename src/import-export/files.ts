/** Finding report files: the given files, and every .txt file below the given folders. */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

export async function collectReportFiles(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined)
    if (!info) throw new Error(`${given}: no such file or folder`)
    if (info.isDirectory()) {
      const entries = await readdir(given, { recursive: true, withFileTypes: true })
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort(),
      )
    } else {
      files.push(given)
    }
  }
  return [...new Set(files)]
}
