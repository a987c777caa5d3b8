/**
 * Remembered credentials: what Payload concluded about a credential, kept for a few seconds so a
 * consumer site that sends the same API key or token on every request is looked up once, not on
 * every request. One bounded memo per kind of answer; any change to any user forgets all of them
 * at once (src/cache/registry.ts forgets them here and, through Redis, in every other process).
 */
const REMEMBER_MS = 10_000
const LIMIT = 10_000

class RememberedCredentials<T> {
  readonly #entries = new Map<string, { value: T; expires: number }>()

  get(key: string): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expires > Date.now()) return entry.value
    this.#entries.delete(key)
    return undefined
  }

  set(key: string, value: T): void {
    // Past the limit, start over: an attacker sending endless fresh tokens costs lookups, not memory.
    if (this.#entries.size >= LIMIT) this.#entries.clear()
    this.#entries.set(key, { value, expires: Date.now() + REMEMBER_MS })
  }

  clear(): void {
    this.#entries.clear()
  }
}

const everyMemo: RememberedCredentials<unknown>[] = []

/** A memo that `forgetAllCredentials` clears. */
export function rememberedCredentials<T>(): RememberedCredentials<T> {
  const memo = new RememberedCredentials<T>()
  everyMemo.push(memo as RememberedCredentials<unknown>)
  return memo
}

/** A user changed somewhere (key revoked, role changed, user deleted): forget every credential. */
export function forgetAllCredentials(): void {
  for (const memo of everyMemo) memo.clear()
}
