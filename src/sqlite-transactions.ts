/**
 * Transactions on SQLite, made safe. Payload's SQLite adapter ships with transactions off. Turned
 * on as they are, the libsql driver hands its own connection to each transaction, never closes it
 * (a leaked connection per write: gigabytes over a large import), and opens a fresh connection
 * without a busy timeout for everything else; two writers in one process then fail with
 * SQLITE_BUSY, and since the driver is synchronous a busy wait would block the event loop the
 * other writer needs. So, in each process:
 *   - every transaction gets a connection of its own, with a busy timeout, closed when it ends;
 *   - write transactions run one at a time (SQLite allows one writer anyway), and writes outside
 *     a transaction wait for the running one to finish;
 *   - writers in *other* processes (a CLI import next to the server) wait on the busy timeout.
 */
import { createClient, type Client, type InStatement, type Transaction } from '@libsql/client'
import type { DatabaseAdapterObj } from 'payload'

const WRITE_METHODS = [
  'create', 'createGlobal', 'createVersion', 'createGlobalVersion', 'updateOne', 'updateMany', 'updateGlobal',
  'updateVersion', 'updateGlobalVersion', 'updateJobs', 'upsert', 'deleteOne', 'deleteMany', 'deleteVersions',
] as const

/** If a lock is held this long, something called the database without passing its `req`: go on regardless. */
const LOCK_PATIENCE_MS = 15_000

class WriteLock {
  #tail: Promise<void> = Promise.resolve()

  async acquire(onTimeout: () => void): Promise<() => void> {
    let release!: () => void
    const previous = this.#tail
    this.#tail = new Promise((resolve) => (release = resolve))
    let timer: NodeJS.Timeout | undefined
    await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(() => (onTimeout(), resolve()), LOCK_PATIENCE_MS)))])
    clearTimeout(timer)
    return release
  }
}

type Adapter = Record<string, any> & { client: Client; clientConfig: { url: string }; sessions: Record<string, unknown> }

/** A transaction on its own connection, which is closed when the transaction ends. */
async function transactionOnOwnConnection(url: string, busyTimeoutMs: number, mode: string): Promise<Transaction> {
  const connection = createClient({ url })
  await connection.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  await connection.execute(mode === 'read' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE')
  let open = true
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (!open) return
    open = false
    try {
      await connection.execute(statement)
    } finally {
      connection.close()
    }
  }
  return {
    execute: (statement: InStatement) => connection.execute(statement),
    // Statements run one by one inside this transaction (the driver's batch would begin another).
    batch: async (statements: InStatement[]) => {
      const results = []
      for (const statement of statements) results.push(await connection.execute(statement))
      return results
    },
    executeMultiple: (sql: string) => connection.executeMultiple(sql),
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close: () => void end('ROLLBACK'),
    get closed() {
      return !open
    },
  } as unknown as Transaction
}

export function withSerializedSqliteTransactions(base: DatabaseAdapterObj, busyTimeoutMs: number): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as unknown as Adapter
      const lock = new WriteLock()
      const releases = new Map<string | number, () => void>()
      const warn = () => args.payload.logger.warn('SQLite write lock held for 15 s; continuing without it')

      const connect = adapter.connect
      adapter.connect = async function (...connectArgs: unknown[]) {
        await connect.apply(this, connectArgs)
        const client = this.client as Client
        client.transaction = ((mode: string = 'write') => transactionOnOwnConnection(this.clientConfig.url, busyTimeoutMs, mode)) as Client['transaction']
      }

      const begin = adapter.beginTransaction
      adapter.beginTransaction = async function (options: unknown) {
        const release = await lock.acquire(warn)
        try {
          const id = await begin.call(this, options)
          releases.set(id, release)
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
        const end = adapter[name]
        adapter[name] = async function (incomingId: unknown) {
          const id = (incomingId instanceof Promise ? await incomingId : incomingId) as string
          try {
            return await end.call(this, id)
          } finally {
            releases.get(id)?.()
            releases.delete(id)
          }
        }
      }
      for (const name of WRITE_METHODS) {
        const write = adapter[name]
        if (typeof write !== 'function') continue
        adapter[name] = async function (writeArgs: { req?: { transactionID?: unknown } }) {
          const transactionID = await writeArgs?.req?.transactionID
          if (transactionID !== undefined && this.sessions[transactionID as string]) return write.call(this, writeArgs)
          const release = await lock.acquire(warn)
          try {
            return await write.call(this, writeArgs)
          } finally {
            release()
          }
        }
      }
      return adapter as never
    },
  }
}
