'use client'
/**
 * The report's review state at the top of its edit view (the `review` group's Field): "Klar för
 * granskning" for anyone on the desk while the report has unpublished changes; for a publisher,
 * "Skicka tillbaka" with a note; for the editor, the note of a report sent back. Reads and
 * changes the state over REST (POST /api/reports/:id/review, src/reports/review.ts), never through
 * the form: the form's own saves leave the review state alone.
 */
import { Banner, Button, toast, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { canPublish, isStaffUser, type MaybeUser } from '../../../access/roles'
import { formatStockholm } from '../../report-format/stockholm-time'
import { words } from '../i18n'
import './ReviewPanel.css'

interface Review {
  state?: string | null
  note?: string | null
  by?: string | null
  at?: string | null
}

const baseClass = 'review-panel'

export function ReviewPanel() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const user = useAuth().user as MaybeUser
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [status, setStatus] = useState<string>()
  const [review, setReview] = useState<Review>({})
  const [writing, setWriting] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  // The latest version's state, again after every save (a publication clears it).
  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const response = await fetch(`${api}/reports/${id}?draft=true&depth=0&select[review]=true&select[_status]=true`, { credentials: 'include' })
    if (!response.ok) return
    const doc = await response.json()
    setStatus(doc._status)
    setReview(doc.review ?? {})
  }, [api, id])
  useEffect(() => void load(), [load, lastUpdateTime])

  const act = async (action: 'ready' | 'sendBack') => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/reports/${id}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'ready' ? { action } : { action, note }),
      })
      const body = await response.json().catch(() => undefined)
      if (!response.ok) return void toast.error(body?.errors?.[0]?.message ?? say.reviewFailed)
      setReview(body.review ?? {})
      setWriting(false)
      setNote('')
      toast.success(action === 'ready' ? say.reviewMarkedReady : say.reviewWasSentBack)
    } finally {
      setBusy(false)
    }
  }

  if (id === undefined || id === null || !isStaffUser(user) || status !== 'draft') return null
  const state = review.state ?? 'none'
  const when = review.at ? formatStockholm(new Date(review.at)) : ''

  return (
    <Banner className={`${baseClass} ${baseClass}--${state}`} type={state === 'sentBack' ? 'error' : state === 'ready' ? 'success' : 'default'}>
      {state === 'ready' && (
        <p className={`${baseClass}__state`}>
          <strong>{say.reviewReady}</strong> ({say.reviewMarkedBy} {review.by}, {when}). {say.reviewLockedHint}
        </p>
      )}
      {state === 'sentBack' && (
        <>
          <p className={`${baseClass}__state`}>
            <strong>
              {say.reviewSentBackBy} {review.by}, {when}:
            </strong>
          </p>
          <blockquote className={`${baseClass}__note`}>{review.note}</blockquote>
        </>
      )}
      {state === 'none' && <p className={`${baseClass}__state`}>{say.reviewMarkReadyHint}</p>}

      <div className={`${baseClass}__actions`}>
        {state !== 'ready' && (
          <Button buttonStyle="secondary" disabled={busy} id="review-mark-ready" onClick={() => void act('ready')} size="small" type="button">
            {say.reviewMarkReady}
          </Button>
        )}
        {state === 'ready' && canPublish(user) && !writing && (
          <Button buttonStyle="secondary" disabled={busy} id="review-send-back" onClick={() => setWriting(true)} size="small" type="button">
            {say.reviewSendBack}
          </Button>
        )}
      </div>
      {writing && (
        <div className={`${baseClass}__send-back`}>
          <label htmlFor="review-note">{say.reviewNoteLabel}</label>
          <textarea id="review-note" onChange={(event) => setNote(event.target.value)} rows={4} value={note} />
          <div className={`${baseClass}__actions`}>
            <Button
              buttonStyle="primary"
              disabled={busy || !note.trim()}
              id="review-send-back-confirm"
              onClick={() => void act('sendBack')}
              size="small"
              tooltip={note.trim() ? undefined : say.reviewNoteRequired}
              type="button"
            >
              {say.reviewSendBack}
            </Button>
            <Button buttonStyle="secondary" onClick={() => setWriting(false)} size="small" type="button">
              {say.cancelAction}
            </Button>
          </div>
        </div>
      )}
    </Banner>
  )
}
