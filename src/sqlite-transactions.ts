/**
 * Transactions on SQLite, made safe. Payload's SQLite adapter ships with transactions off. Turned
 * on as they are, the libsql driver hands its own connection to each transaction, never closes it
 * (a leaked connection per write: gigabytes over a large import), and opens a fresh connection
 * without a busy timeout for everything else; two writers in one process then fail with
 * SQLITE_BUSY, and since the driver is synchronous a busy wait would block the event loop the
 * other writer needs. So, in each process:
 *   - every transaction gets a connection of its own, with a busy timeout: a read transaction a fresh one,
 *     closed when it ends; write transactions (one at a time) the process's writer connection, kept open;
 *   - one writer at a time (SQLite allows one anyway): a transaction holds the process's writer
 *     lock from its first statement to its end, a write outside a transaction for its duration;
 *   - writers in *other* processes (a CLI import next to the server) wait on the busy timeout.
 *
 * Why the lock is taken at a transaction's first statement, not when it begins: Payload writes
 * outside its own open transaction on purpose. forgot-password begins one, then reserves the
 * rate-limit slot with a write that must not roll back with it (`transactionID: undefined`), and
 * only then writes in the transaction. Locked at BEGIN, that write waited for a lock its own
 * request held until the 15 s patience ran out, then hit SQLITE_BUSY: a 500 after 15-20 s, with
 * every other write of the process frozen meanwhile. A transaction that has run nothing holds
 * nothing, so such a write goes first.
 *
 * Why writes are reentrant: the adapter's write methods call each other (upsert is updateOne),
 * so an inner call made while its outer call holds the lock must not wait for it (a preference
 * save took 15 s). AsyncLocalStorage tells an inner call from another request's.
 *
 * Checked in Payload 3.90.2 (payload/dist): the other writes without the request's transaction
 * (login-attempt counters and lockout, the job runner's updateJobs and job clean-up, scheduled
 * publish) run while their request has no transaction that has run a statement, so they only
 * ever wait for other requests. tests/sqlite-writes.spec.ts covers them.
 */
import { createClient, type Client, type InStatement, type Transaction } from '@libsql/client'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { DatabaseAdapterObj } from 'payload'

const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createVersion',
  'createGlobalVersion',
  'updateOne',
  'updateMany',
  'updateGlobal',
  'updateVersion',
  'updateGlobalVersion',
  'updateJobs',
  'upsert',
  'deleteOne',
  'deleteMany',
  'deleteVersions',
] as const

/** If a lock is held this long, a writer is waiting for itself by a path not foreseen above: go on regardless. */
const LOCK_PATIENCE_MS = 15_000

class WriteLock {
  #tail: Promise<void> = Promise.resolve()

  constructor(private onTimeout: () => void) {}

  async acquire(): Promise<() => void> {
    let release!: () => void
    const previous = this.#tail
    this.#tail = new Promise((resolve) => (release = resolve))
    let timer: NodeJS.Timeout | undefined
    await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(() => (this.onTimeout(), resolve()), LOCK_PATIENCE_MS)))])
    clearTimeout(timer)
    return release
  }
}

type Adapter = Record<string, any> & { client: Client; clientConfig: { url: string }; sessions: Record<string, unknown> }

/** The writer connection between two write transactions (one at a time, under the lock), kept open. */
type IdleWriter = { writer?: Client }

/**
 * A transaction on its own connection. Nothing happens until its first statement, which takes
 * the writer lock, opens the connection and begins; the end commits or rolls back, closes the
 * connection and releases the lock.
 */
function transactionOnOwnConnection(url: string, busyTimeoutMs: number, mode: string, lock: WriteLock, idle: IdleWriter): Transaction {
  let started: Promise<Client> | undefined
  let release = () => {}
  let open = true
  const start = () =>
    (started ??= (async () => {
      if (mode !== 'read') release = await lock.acquire()
      // Under the lock the writer connection is ours alone; a read transaction gets its own.
      const reused = mode !== 'read' ? idle.writer : undefined
      if (reused) idle.writer = undefined
      const connection = reused ?? createClient({ url })
      try {
        if (!reused) await connection.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
        await connection.execute(mode === 'read' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE')
        return connection
      } catch (error) {
        connection.close()
        release()
        throw error
      }
    })())
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    const wasOpen = open
    open = false
    // Never started (nothing to end), or failed to (start() has cleaned up).
    const connection = wasOpen ? await started?.catch(() => undefined) : undefined
    if (!connection) return
    let ended = false
    try {
      await connection.execute(statement)
      ended = true
    } finally {
      // A cleanly ended writer connection is kept for the next transaction (its parsed schema
      // with it: opening one per transaction was most of a large import's time); any other closes.
      if (ended && mode !== 'read' && !idle.writer) idle.writer = connection
      else connection.close()
      release()
    }
  }
  return {
    execute: async (statement: InStatement) => (await start()).execute(statement),
    // Statements run one by one inside this transaction (the driver's batch would begin another).
    batch: async (statements: InStatement[]) => {
      const connection = await start()
      const results = []
      for (const statement of statements) results.push(await connection.execute(statement))
      return results
    },
    executeMultiple: async (sql: string) => (await start()).executeMultiple(sql),
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
      const lock = new WriteLock(() => args.payload.logger.warn('SQLite write lock held for 15 s; continuing without it'))
      /** Set while a write outside a transaction holds the lock, for the calls it makes itself. */
      const holdingWrite = new AsyncLocalStorage<{ held: boolean }>()
      const idle: IdleWriter = {}

      const destroy = adapter.destroy
      adapter.destroy = async function (...destroyArgs: unknown[]) {
        idle.writer?.close()
        idle.writer = undefined
        return destroy?.apply(this, destroyArgs)
      }

      const connect = adapter.connect
      adapter.connect = async function (...connectArgs: unknown[]) {
        await connect.apply(this, connectArgs)
        const client = this.client as Client
        client.transaction = (async (mode: string = 'write') =>
          transactionOnOwnConnection(this.clientConfig.url, busyTimeoutMs, mode, lock, idle)) as Client['transaction']
      }

      for (const name of WRITE_METHODS) {
        const write = adapter[name]
        if (typeof write !== 'function') continue
        adapter[name] = async function (writeArgs: { req?: { transactionID?: unknown } }) {
          const transactionID = await writeArgs?.req?.transactionID
          // In an open transaction: its connection, under the lock the transaction holds (or takes).
          if (transactionID !== undefined && this.sessions[transactionID as string]) return write.call(this, writeArgs)
          // Called by a write that holds the lock already (upsert -> updateOne).
          if (holdingWrite.getStore()?.held) return write.call(this, writeArgs)
          const scope = { held: true }
          const release = await lock.acquire()
          try {
            return await holdingWrite.run(scope, () => write.call(this, writeArgs))
          } finally {
            scope.held = false
            release()
          }
        }
      }
      return adapter as never
    },
  }
}
