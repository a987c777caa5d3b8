'use client'
/**
 * One section of the report where it stands: rendered as the print view renders it, opened for
 * editing in a document drawer (Payload's own edit view of the section, with its autosave, draft
 * save and SaveOnExit), moved up or down among the sections of its kind.
 */
import { Button, useDocumentDrawer } from '@payloadcms/ui'
import React from 'react'

import type { TitledBlock } from '../../report-format/render-text'
import { renderTitledBlockHtml } from '../../report-format/render-html'
import type { Words } from '../i18n'
import { Html } from './Html'
import type { Id } from './order'

interface Props {
  id: Id
  block: TitledBlock
  status?: string
  up?: number
  down?: number
  canEdit: boolean
  onMove: (to: number) => void
  onSaved: () => void
  say: Words
}

export function SectionBlock({ id, block, status, up, down, canEdit, onMove, onSaved, say }: Props) {
  const [SectionDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: 'sections', id: id as number }) // a string on MongoDB
  const { heading, content } = renderTitledBlockHtml(block)
  return (
    <section className="report-document__section" data-section-id={String(id)}>
      <div className="report-document__tools">
        {status === 'draft' && <span className="report-document__badge">{say.draftPart}</span>}
        {canEdit && (
          <>
            <Button buttonStyle="secondary" className="report-document__edit" margin={false} onClick={openDrawer} size="small">
              {say.editSection}
            </Button>
            <Button
              aria-label={say.moveUp}
              buttonStyle="subtle"
              className="report-document__up"
              disabled={up === undefined}
              margin={false}
              onClick={() => up !== undefined && onMove(up)}
              size="small"
              tooltip={say.moveUp}
            >
              ↑
            </Button>
            <Button
              aria-label={say.moveDown}
              buttonStyle="subtle"
              className="report-document__down"
              disabled={down === undefined}
              margin={false}
              onClick={() => down !== undefined && onMove(down)}
              size="small"
              tooltip={say.moveDown}
            >
              ↓
            </Button>
          </>
        )}
      </div>
      <div className={canEdit ? 'report-document__text report-document__text--editable' : 'report-document__text'} onClick={canEdit ? openDrawer : undefined}>
        <Html html={heading} />
        {content ? <Html html={content} /> : <p className="report-document__empty">{say.emptySection}</p>}
      </div>
      {canEdit && <SectionDrawer onSave={onSaved} />}
    </section>
  )
}
