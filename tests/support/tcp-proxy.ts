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
  close: () => Promise<void>
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  let port = 0

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server ? server.close(() => resolve()) : resolve()
      server = undefined
    })

  await listen()
  return { get port() { return port }, cut: stop, restore: listen, close: stop }
}
