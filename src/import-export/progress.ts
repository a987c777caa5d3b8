/** A progress bar on a terminal; plain lines when the output is a file or a pipe (CI logs). Standard error: progress is not the result. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY)
  return {
    update(done: number, total: number, label: string) {
      if (!tty) {
        stream.write(`[${done}/${total}] ${label}\n`)
        return
      }
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      const line = `${bar} ${done}/${total} ${label}`.slice(0, (stream.columns || 100) - 1)
      stream.write(`\r\x1b[2K${line}`)
      if (done === total) stream.write('\n')
    },
  }
}
