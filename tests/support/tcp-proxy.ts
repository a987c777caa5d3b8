/**
 * A loopback TCP proxy that can be cut and restored: lets a test "stop the database" under a
 * running server without touching the real database server.
 */
import net from 'node:net'

export interface TcpProxy {
  port: number
  /** Refuse new connections and drop the open ones. */
  cut: () => Promise<void>
  restore: () => Promise<void>
  /** Delay everything the target sends back by this many milliseconds (0: none): a slow link. */
  setLatency: (milliseconds: number) => void
  close: () => Promise<void>
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  let port = 0
  let latency = 0
  /** Per connection: what the target sent back, waiting for its due time. */
  const returnQueues = new Set<{ queue: { chunk: Buffer; due: number }[]; release: () => void }>()

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream)
        // Chunks wait their turn in one queue, so the stream stays in order when the latency changes.
        const queue: { chunk: Buffer; due: number }[] = []
        const release = () => {
          while (queue.length > 0 && queue[0].due <= Date.now()) {
            const { chunk } = queue.shift()!
            if (client.writable) client.write(chunk)
          }
          if (queue.length > 0) setTimeout(release, queue[0].due - Date.now())
        }
        upstream.on('data', (chunk: Buffer) => {
          queue.push({ chunk, due: Date.now() + latency })
          if (queue.length === 1) release()
        })
        upstream.on('end', () => client.end())
        const returnQueue = { queue, release }
        returnQueues.add(returnQueue)
        client.on('close', () => returnQueues.delete(returnQueue))
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      if (server) server.close(() => resolve())
      else resolve()
      server = undefined
    })

  await listen()
  return {
    get port() {
      return port
    },
    cut: stop,
    restore: listen,
    setLatency: (milliseconds) => {
      latency = milliseconds
      // What is already waiting is due no later than the new latency allows.
      const latest = Date.now() + milliseconds
      for (const { queue, release } of returnQueues) {
        for (const item of queue) item.due = Math.min(item.due, latest)
        release()
      }
    },
    close: stop,
  }
}
