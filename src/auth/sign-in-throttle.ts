/**
 * Failed sign-ins counted per client address and per (client, account), in this process's
 * memory. A client over either limit waits; nobody else does, so a stranger can no longer lock
 * a real user out (Payload's own account lock did exactly that). See SECURITY.md, "Sign-in
 * throttling", for the design and its limits.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import { isIPv6 } from 'node:net'

export const SIGN_IN_LIMITS = {
  /** Wrong passwords one client may send for one account ... */
  perAccount: 5,
  /** ... and for all accounts together (password spraying from one address). */
  perClient: 30,
  /** A count is forgotten this long after its last failure; until then a client over a limit waits. */
  windowMs: 15 * 60 * 1000,
  /** Entries kept per map; beyond it the oldest are dropped (memory stays bounded whatever arrives). */
  maxEntries: 20_000,
}

/** The client of the HTTP request being served (set by src/http/payload-api.ts); unset for the Local API. */
export const requestClient = new AsyncLocalStorage<string>()

/** The unit a client is counted by: its IPv4 address, or its IPv6 /64 (one host usually holds a whole /64). */
export function clientKey(ip: string | undefined): string {
  const address = (ip ?? 'unknown').replace(/^::ffff:(?=\d+\.)/, '')
  if (!isIPv6(address)) return address
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`
}

/** Accounts are counted by a digest of the normalised e-mail: a 2 MB "e-mail" costs 32 bytes here. */
export const accountKey = (email: string) => createHash('sha256').update(email.toLowerCase().trim()).digest('base64url')

interface Count {
  failures: number
  expires: number
}

class Counter {
  readonly #counts = new Map<string, Count>()
  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until `key` may try again; 0 if it may now. */
  wait(key: string): number {
    const count = this.#live(key)
    return count && count.failures >= this.limit ? count.expires - this.now() : 0
  }

  fail(key: string) {
    const failures = (this.#live(key)?.failures ?? 0) + 1
    // Re-inserted at the end: Map order is then "least recently failed first", the eviction order.
    this.#counts.delete(key)
    this.#counts.set(key, { failures, expires: this.now() + SIGN_IN_LIMITS.windowMs })
    if (this.#counts.size > SIGN_IN_LIMITS.maxEntries) this.#counts.delete(this.#counts.keys().next().value!)
  }

  /** Takes back one failure counted in advance (the attempt turned out to be right). */
  undo(key: string) {
    const count = this.#live(key)
    if (count) count.failures = Math.max(0, count.failures - 1)
  }

  forget(match: (key: string) => boolean) {
    for (const key of this.#counts.keys()) if (match(key)) this.#counts.delete(key)
  }

  #live(key: string): Count | undefined {
    const count = this.#counts.get(key)
    if (count && count.expires <= this.now()) this.#counts.delete(key)
    return count && count.expires > this.now() ? count : undefined
  }
}

export class SignInThrottle {
  readonly #clients: Counter
  readonly #pairs: Counter

  constructor(now: () => number = Date.now) {
    this.#clients = new Counter(SIGN_IN_LIMITS.perClient, now)
    this.#pairs = new Counter(SIGN_IN_LIMITS.perAccount, now)
  }

  /**
   * Whole seconds this client must wait before signing in as this account, or 0. When it may
   * go ahead the attempt is counted as failed at once, before the password is checked, so that
   * parallel attempts (or many aliased GraphQL mutations in one request) cannot all slip under
   * the limit; `succeeded` takes it back.
   */
  admit(client: string, account: string): number {
    const wait = Math.max(this.#clients.wait(client), this.#pairs.wait(`${client} ${account}`))
    if (wait > 0) return Math.ceil(wait / 1000)
    this.#clients.fail(client)
    this.#pairs.fail(`${client} ${account}`)
    return 0
  }

  /**
   * The right password: this client's failures for this account are forgotten. Its failures for
   * other accounts stay (signing in to one's own account must not reset a spraying budget).
   */
  succeeded(client: string, account: string) {
    this.#clients.undo(client)
    this.#pairs.forget((key) => key === `${client} ${account}`)
  }

  /** An admin unlocked the account: every client may try it again. */
  forgetAccount(account: string) {
    this.#pairs.forget((key) => key.endsWith(` ${account}`))
  }
}
