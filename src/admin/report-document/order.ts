/**
 * Where the document view's "add a section here" and "move up/down" put a section in the report's
 * `sections` relationship. The report lays its sections out by kind (src/report-format/render-text.ts
 * reportBlocksInOrder): the other sections at the top, the "about" texts at the end; so a section moves
 * past its neighbour of the same kind, and a new section (kind "other") goes among the other sections.
 */
export type Id = number | string

/** The ids of a relationship's form value: ids, populated documents or { relationTo, value } pairs. */
export function idsOf(value: unknown): Id[] {
  if (!Array.isArray(value)) return []
  return value
    .map((item) => (item && typeof item === 'object' ? ((item as { value?: Id; id?: Id }).value ?? (item as { id?: Id }).id) : item))
    .filter((id): id is Id => typeof id === 'number' || typeof id === 'string')
}

export const insertAt = (ids: Id[], index: number, id: Id): Id[] => [...ids.slice(0, index), id, ...ids.slice(index)]

export function swap(ids: Id[], a: number, b: number): Id[] {
  const next = [...ids]
  ;[next[a], next[b]] = [next[b], next[a]]
  return next
}

/** For each section (by its index in `sections`), the index of the section shown just above and below it. */
export function neighbours(kinds: string[]): { up?: number; down?: number }[] {
  const group = (about: boolean) => kinds.flatMap((kind, index) => ((kind === 'about') === about ? [index] : []))
  const result: { up?: number; down?: number }[] = kinds.map(() => ({}))
  for (const indexes of [group(false), group(true)]) {
    indexes.forEach((index, position) => {
      result[index] = { up: indexes[position - 1], down: indexes[position + 1] }
    })
  }
  return result
}

/** Where "add a section here" after the last other (non-about) section inserts: just after it, or first when there is none. */
export function endOfOthers(kinds: string[]): number {
  const last = kinds.findLastIndex((kind) => kind !== 'about')
  return last + 1
}

/** Actions are listed newest first: a new one goes before the first older one (at the top while it has no date). */
export function actionPosition(dates: (string | null | undefined)[], date: string | null | undefined): number {
  if (!date) return 0
  const at = dates.findIndex((other) => !other || other < date)
  return at === -1 ? dates.length : at
}
