'use client'
/**
 * "Kommunikativa åtgärder, urval" as a dated list (the Stockholm day, in Swedish: "3 april 2025"),
 * newest first as the report keeps them; each action opens in its drawer, and a new one joins the
 * list at its date's place when it is first saved.
 */
import { Button, useDocumentDrawer } from '@payloadcms/ui'
import React from 'react'

import { formatStockholmDay } from '../../report-format/stockholm-time'
import type { Words } from '../i18n'
import { Html } from './Html'
import type { Id } from './order'
import type { PartDoc } from './use-parts'

interface Props {
  heading: string
  ids: Id[]
  docs: Map<string, PartDoc>
  /** The list changed and its read has not answered yet. */
  pending: boolean
  canEdit: boolean
  onSaved: () => void
  onAdded: (doc: PartDoc) => void
  say: Words
}

export function ActionsList({ heading, ids, docs, pending, canEdit, onSaved, onAdded, say }: Props) {
  const [NewActionDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: 'communication-actions' })
  return (
    <section className="report-document__actions" id="report-document-actions">
      <Html html={heading} />
      {ids.length === 0 && <p className="report-document__empty">{say.noActions}</p>}
      {ids.length > 0 && (
        <ul className="report-document__action-list">
          {ids.map((id, index) => (
            <ActionRow canEdit={canEdit} doc={docs.get(String(id))} id={id} key={`${id}-${index}`} onSaved={onSaved} pending={pending} say={say} />
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <Button buttonStyle="subtle" className="report-document__add-action" icon="plus" iconPosition="left" margin={false} onClick={openDrawer} size="small">
            {say.addAction}
          </Button>
          <NewActionDrawer onSave={({ doc }) => onAdded(doc as PartDoc)} />
        </>
      )}
    </section>
  )
}

function ActionRow({
  id,
  doc,
  pending,
  canEdit,
  onSaved,
  say,
}: {
  id: Id
  doc?: PartDoc
  pending: boolean
  canEdit: boolean
  onSaved: () => void
  say: Words
}) {
  const [ActionDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: 'communication-actions', id: id as number }) // a string on MongoDB
  const date = doc?.date ? new Date(doc.date) : undefined
  return (
    <li className="report-document__action" data-action-id={String(id)}>
      <time className="report-document__action-date" dateTime={date?.toISOString()}>
        {date ? formatStockholmDay(date) : say.noDate}
      </time>
      <span className="report-document__action-title">{doc ? doc.title || say.untitledAction : pending ? '…' : `${say.partUnreadable} (${id})`}</span>
      {doc?._status === 'draft' && <span className="report-document__badge">{say.draftPart}</span>}
      {canEdit && (
        <>
          <Button buttonStyle="secondary" className="report-document__edit-action" margin={false} onClick={openDrawer} size="small">
            {say.editAction}
          </Button>
          <ActionDrawer onSave={onSaved} />
        </>
      )}
    </li>
  )
}
