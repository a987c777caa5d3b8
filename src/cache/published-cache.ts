/**
 * The published-read cache: whole API responses for callers who may only see published content
 * (anonymous and readers), keyed by audience level + URL, bounded (entries and bytes, least
 * recently used out first), and indexed by the documents each response depends on.
 *
 * Invalidation is exact and race-free: a write invalidates its dependencies when it happens and
 * again when its transaction ends, and while it is in flight no response depending on them may be
 * stored. A response whose dependencies were invalidated after it started is not stored either,
 * so a slow read can never put an old body back after a newer write.
 */
import { createHash } from 'node:crypto'

export interface CachedResponse {
  status: number
  contentType: string
  /** Headers of the answer a cached copy must repeat (an export's file name, its edition). */
  headers: Record<string, string>
  body: Buffer
  etag: string
  dependencies: string[]
}

/** Which of a computed answer's headers are part of it, and kept with the cached copy. */
export const KEPT_HEADERS = ['content-disposition', 'x-lagesbild-edition', 'x-lagesbild-sha256'] as const

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

export class PublishedCache {
  readonly #entries = new Map<string, CachedResponse>()
  readonly #keysByDependency = new Map<string, Set<string>>()
  readonly #invalidatedAt = new Map<string, number>()
  readonly #writesInFlight = new Map<string, number>()
  #clock = 0
  #clearedAt = 0
  #bytes = 0

  constructor(
    readonly maxEntries = 5_000,
    readonly maxBytes = 128 * 1024 * 1024,
  ) {}

  get size() {
    return this.#entries.size
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key)
    if (entry) {
      // Move to the back: the front of the Map is the least recently used.
      this.#entries.delete(key)
      this.#entries.set(key, entry)
    }
    return entry
  }

  /** A ticket taken before computing a response; `set` refuses it if a write came in between. */
  ticket(): number {
    return this.#clock
  }

  set(key: string, entry: CachedResponse, ticket: number): boolean {
    const stale = entry.dependencies.some(
      (dependency) => (this.#invalidatedAt.get(dependency) ?? -1) > ticket || (this.#writesInFlight.get(dependency) ?? 0) > 0,
    )
    if (stale || ticket < this.#clearedAt || entry.body.length > this.maxBytes / 10) return false
    this.#remove(key)
    this.#entries.set(key, entry)
    this.#bytes += entry.body.length
    for (const dependency of entry.dependencies) {
      let keys = this.#keysByDependency.get(dependency)
      if (!keys) this.#keysByDependency.set(dependency, (keys = new Set()))
      keys.add(key)
    }
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      this.#remove(this.#entries.keys().next().value as string)
    }
    return true
  }

  invalidate(dependencies: Iterable<string>): void {
    for (const dependency of dependencies) {
      this.#invalidatedAt.set(dependency, ++this.#clock)
      for (const key of this.#keysByDependency.get(dependency) ?? []) this.#remove(key)
      this.#keysByDependency.delete(dependency)
    }
  }

  /** A write touching these dependencies has begun (its transaction is still open). */
  writeStarted(dependencies: string[]): void {
    for (const dependency of dependencies) this.#writesInFlight.set(dependency, (this.#writesInFlight.get(dependency) ?? 0) + 1)
    this.invalidate(dependencies)
  }

  /** The write is committed (or rolled back): drop anything cached meanwhile and allow caching again. */
  writeEnded(dependencies: string[]): void {
    for (const dependency of dependencies) {
      const left = (this.#writesInFlight.get(dependency) ?? 1) - 1
      if (left > 0) this.#writesInFlight.set(dependency, left)
      else this.#writesInFlight.delete(dependency)
    }
    this.invalidate(dependencies)
  }

  /** Forget everything, including responses being computed right now. */
  clear(): void {
    this.#clearedAt = ++this.#clock
    this.#entries.clear()
    this.#keysByDependency.clear()
    this.#bytes = 0
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#bytes -= entry.body.length
    for (const dependency of entry.dependencies) this.#keysByDependency.get(dependency)?.delete(key)
  }
}
