'use client'
/**
 * Nothing an editor typed is lost when they leave a document. Payload autosaves two seconds after
 * the last change; this saves at once, as a draft, when the document is left sooner: its drawer
 * closes or the editor moves to another page of the admin (the view unmounts), or the tab is
 * closed or navigated away (pagehide, with a keepalive request the browser completes after the
 * page is gone). When the editor presses "Spara utkast" or "Publicera", the rich-text editors'
 * newest state goes into the form first (as the pointer goes down, before the click saves). It
 * also keeps the form "modified" when it changed while a save was running:
 * Payload's form marks itself saved when any save returns, so a change typed during "Spara utkast"
 * was otherwise never saved. When a save fails the editor is told, and leaving asks first.
 */
import {
  toast,
  useConfig,
  useDocumentDrawerContext,
  useDocumentEvents,
  useDocumentForm,
  useDocumentInfo,
  useForm,
  useFormModified,
  useFormProcessing,
  useTranslation,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { words } from '../i18n'
import { differs, OpenEditors } from './open-editors'

/** Browsers send a keepalive request after the page is gone only if its body is at most 64 KiB. */
const KEEPALIVE_LIMIT = 60 * 1024
const VOLATILE = ['updatedAt', 'createdAt', '_status']

export function SaveOnExit() {
  const nearestForm = useForm()
  const form = useDocumentForm() ?? nearestForm
  const { id, collectionSlug } = useDocumentInfo()
  // Set when the document is open in a drawer (e.g. made from a report's "Avsnitt" field).
  const { onSave } = useDocumentDrawerContext() ?? {}
  const { reportUpdate } = useDocumentEvents()
  const modified = useFormModified()
  const processing = useFormProcessing()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  // This form's element, and its rich-text editors as the editor uses them.
  const anchor = useRef<HTMLSpanElement>(null)
  const [editors] = useState(() => new OpenEditors())
  const latest = useRef({ modified, id, collectionSlug, onSave, reportUpdate, failed: false, say: words(i18n.language) })
  useEffect(() => {
    latest.current = { ...latest.current, modified, id, collectionSlug, onSave, reportUpdate, say: words(i18n.language) }
  })

  /** The document as the editor sees it: the form's values with each editor's newest state. */
  const currentData = useCallback(() => {
    const data = reduceFieldsToValues(form.getFields(), true) as Record<string, unknown>
    for (const [path, value] of editors.values()) setPath(data, path, value)
    for (const key of VOLATILE) delete data[key]
    return data
  }, [form])

  const hasUnsavedEdits = useCallback(() => {
    if (latest.current.modified) return true
    const data = currentData()
    return [...editors.values()].some(([path]) => differs(form.getDataByPath(path), getPath(data, path)))
  }, [currentData, form])

  const saveNow = useCallback(() => {
    const { id: docId, collectionSlug: slug, say, onSave: saved, reportUpdate: announce } = latest.current
    if (docId === undefined || docId === null || !slug || !hasUnsavedEdits()) return
    const body = JSON.stringify({ ...currentData(), _status: 'draft' })
    const url = `${config.serverURL ?? ''}${config.routes.api}/${slug}/${docId}?draft=true&autosave=true&depth=0`
    const keepalive = body.length <= KEEPALIVE_LIMIT
    void fetch(url, { method: 'PATCH', credentials: 'include', keepalive, headers: { 'content-type': 'application/json' }, body })
      .then(async (response) => {
        latest.current.failed = !response.ok
        if (!response.ok) return void toast.error(say.unsavedNotStored)
        // Tell the admin as Payload's own save would: a document made in a relationship's drawer
        // joins that field, and labels showing the document update.
        const { doc } = await response.json()
        void saved?.({ doc, operation: 'update' } as never)
        announce({ id: docId, doc, entitySlug: slug, operation: 'update', updatedAt: doc?.updatedAt ?? new Date().toISOString() } as never)
      })
      .catch(() => {
        latest.current.failed = true
        toast.error(say.unsavedNotStored)
      })
  }, [config.routes.api, config.serverURL, currentData, hasUnsavedEdits])

  // Leaving the document inside the admin (drawer closed, another page): the view unmounts.
  useEffect(() => () => saveNow(), [saveNow])

  // Leaving the page or closing the tab.
  useEffect(() => {
    const onPageHide = () => saveNow()
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (latest.current.failed && hasUnsavedEdits()) event.preventDefault()
    }
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [hasUnsavedEdits, saveNow])

  // A change made while a save was running must stay unsaved until it is saved.
  const atSaveStart = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (processing) {
      atSaveStart.current = JSON.stringify(currentData())
      return
    }
    if (atSaveStart.current === undefined) return
    const changedMeanwhile = JSON.stringify(currentData()) !== atSaveStart.current
    atSaveStart.current = undefined
    if (changedMeanwhile && !latest.current.modified) form.setModified(true)
  }, [currentData, form, processing])

  useEffect(() => {
    const ownForm = () => anchor.current?.closest('form')
    // An editor the user types in or clicks into becomes known (its element may be gone by the time we need it).
    const notice = (event: Event) => editors.notice(event.target, ownForm())
    // "Spara utkast" / "Publicera" in this document's controls: the editors' newest state goes in first.
    const beforeSave = (event: Event) => {
      const button = (event.target as Element | null)?.closest?.('#action-save-draft, #action-save')
      if (!button || button.closest('form') !== ownForm()) return
      for (const [path, value] of editors.values()) {
        if (!differs(form.getDataByPath(path), value)) continue
        form.dispatchFields({ type: 'UPDATE', path, value })
        form.setModified(true)
      }
    }
    document.addEventListener('focusin', notice, true)
    document.addEventListener('input', notice, true)
    document.addEventListener('pointerdown', beforeSave, true)
    return () => {
      document.removeEventListener('focusin', notice, true)
      document.removeEventListener('input', notice, true)
      document.removeEventListener('pointerdown', beforeSave, true)
    }
  }, [editors, form])

  return <span hidden ref={anchor} />
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
  node[keys[keys.length - 1]] = value
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], source)
}
