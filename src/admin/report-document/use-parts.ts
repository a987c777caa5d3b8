'use client'
/**
 * The documents a report points at, read over REST with the editor's own session (credentials:
 * include) and `draft=true`, so the editor sees the latest drafts exactly as their access allows:
 * nothing here reads more than the editor may.
 */
import { useEffect, useState } from 'react'

import type { Id } from './order'

export type PartDoc = Record<string, any> & { id: Id }
export type PartCollection = 'sections' | 'communication-actions' | 'spokespersons'

/** What the document view shows of each part (keeps the reads small; no joins). */
const FIELDS: Record<PartCollection, string[]> = {
  sections: ['title', 'kind', 'body', '_status'],
  'communication-actions': ['title', 'date', 'url', '_status'],
  spokespersons: ['name', 'title', '_status'],
}

export interface Parts {
  byId: Record<PartCollection, Map<string, PartDoc>>
  /** Set once the first read has answered. */
  loaded: boolean
  /** The ids changed and their read has not answered yet (a part just added is not missing, only on its way). */
  pending: boolean
  problem?: string
}

async function readAll(api: string, collection: PartCollection, ids: Id[]): Promise<PartDoc[]> {
  if (ids.length === 0) return []
  const query = new URLSearchParams({ draft: 'true', depth: '0', limit: String(ids.length), pagination: 'false' })
  ids.forEach((id, index) => query.append(`where[id][in][${index}]`, String(id)))
  for (const field of FIELDS[collection]) query.append(`select[${field}]`, 'true')
  const response = await fetch(`${api}/${collection}?${query}`, { credentials: 'include' })
  if (!response.ok) throw new Error(`${collection}: HTTP ${response.status}`)
  return ((await response.json()) as { docs: PartDoc[] }).docs
}

/** Reads the parts whenever the ids change or `refresh` does (after a drawer saved one). */
export function useParts(api: string, ids: Record<PartCollection, Id[]>, refresh: string): Parts {
  const key = JSON.stringify(ids)
  const [parts, setParts] = useState<Omit<Parts, 'pending'> & { read?: string }>({
    byId: { sections: new Map(), 'communication-actions': new Map(), spokespersons: new Map() },
    loaded: false,
  })
  useEffect(() => {
    // A read that a newer one has overtaken is let finish and ignored (cancelling it would only add noise).
    let current = true
    const wanted = JSON.parse(key) as Record<PartCollection, Id[]>
    const collections = Object.keys(FIELDS) as PartCollection[]
    Promise.all(collections.map((collection) => readAll(api, collection, wanted[collection])))
      .then((results) => {
        const byId = Object.fromEntries(
          collections.map((collection, index) => [collection, new Map(results[index].map((doc) => [String(doc.id), doc]))]),
        ) as Parts['byId']
        if (current) setParts({ byId, loaded: true, read: key })
      })
      .catch((error: Error) => {
        if (current) setParts((previous) => ({ ...previous, loaded: true, problem: error.message }))
      })
    return () => {
      current = false
    }
  }, [api, key, refresh])
  return { byId: parts.byId, loaded: parts.loaded, problem: parts.problem, pending: parts.read !== key }
}
