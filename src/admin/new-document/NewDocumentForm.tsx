'use client'
/**
 * The "Skapa ny" form (NewDocumentView.tsx): a title (and for a report its compiled time, and
 * optionally the latest report to start from). Submitting creates the draft over REST with the
 * editor's own session and opens it; nothing is stored before that.
 */
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { type FormEvent, useState } from 'react'

import { parseStockholm } from '../../report-format/stockholm-time'
import { words } from '../i18n'

interface Props {
  collection: string
  titleField: string
  titleLabel: string
  /** Reports only: the compiled time to start from, "YYYY-MM-DD HH:MM" in Stockholm time. */
  compiledAt?: string
  latest?: { id: number | string; title: string }
  listUrl: string
}

/** Payload's error answer in words: "Följande fält är ogiltigt: slug (Värdet måste vara unikt.)". */
function errorText(body: { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] } | undefined): string | undefined {
  const [error] = body?.errors ?? []
  const detail = error?.data?.errors?.[0]?.message
  return error?.message && detail ? `${error.message} (${detail})` : (error?.message ?? detail)
}

export function NewDocumentForm({ collection, titleField, titleLabel, compiledAt: initialCompiledAt, latest, listUrl }: Props) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const router = useRouter()
  const [title, setTitle] = useState('')
  const [compiledAt, setCompiledAt] = useState(initialCompiledAt ?? '')
  const [fromLatest, setFromLatest] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return setError(say.titleRequired)
    const instant = initialCompiledAt === undefined ? undefined : parseStockholm(compiledAt)
    if (initialCompiledAt !== undefined && !instant) return setError(say.timeHint)
    setError(undefined)
    setBusy(true)
    const api = `${config.serverURL ?? ''}${config.routes.api}`
    const data = { [titleField]: title.trim(), ...(instant ? { compiledAt: instant.toISOString() } : {}) }
    const url = fromLatest && latest ? `${api}/reports/${latest.id}/next` : `${api}/${collection}?draft=true&depth=0`
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fromLatest ? data : { ...data, _status: 'draft' }),
      })
      const body = await response.json().catch(() => undefined)
      if (!response.ok || !body?.doc?.id) throw new Error(errorText(body) ?? say.createFailed)
      router.push(`${config.routes.admin}/collections/${collection}/${body.doc.id}`)
    } catch (failure) {
      setError((failure as Error).message)
      setBusy(false)
    }
  }

  return (
    <form className="new-document__form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field-type text">
        <label className="field-label" htmlFor="new-document-title">
          {titleLabel} <span className="required">*</span>
        </label>
        <input autoFocus id="new-document-title" name="title" onChange={(event) => setTitle(event.target.value)} required type="text" value={title} />
      </div>
      {initialCompiledAt !== undefined && (
        <div className="field-type text">
          <label className="field-label" htmlFor="new-document-compiled-at">
            {say.compiledAtLabel}
          </label>
          <input
            aria-describedby="new-document-compiled-at-hint"
            id="new-document-compiled-at"
            name="compiledAt"
            onChange={(event) => setCompiledAt(event.target.value)}
            type="text"
            value={compiledAt}
          />
          <p className="new-document__hint" id="new-document-compiled-at-hint">
            {say.timeHint}
          </p>
        </div>
      )}
      {latest && (
        <label className="new-document__from-latest">
          <input checked={fromLatest} id="new-document-from-latest" onChange={(event) => setFromLatest(event.target.checked)} type="checkbox" />{' '}
          {say.startFromLatest} <strong>{latest.title}</strong>
          <span className="new-document__hint">{say.startFromLatestHint}</span>
        </label>
      )}
      {error && (
        <p className="new-document__error" role="alert">
          {error}
        </p>
      )}
      <div className="new-document__buttons">
        <Button buttonStyle="primary" disabled={busy} id="new-document-create" size="medium" type="submit">
          {say.create}
        </Button>
        <Button buttonStyle="secondary" el="link" size="medium" url={listUrl}>
          {say.cancelAction}
        </Button>
      </div>
    </form>
  )
}
