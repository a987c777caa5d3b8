'use client'
/**
 * "Lägg till avsnitt här": a new draft section, written in Payload's drawer, joins the report's
 * `sections` at this place as soon as it is first saved (autosave, "Spara utkast" or closing the
 * drawer: the drawer's document is created when it opens and named to us by its first save).
 */
import { Button, useDocumentDrawer } from '@payloadcms/ui'
import React from 'react'

import type { Words } from '../i18n'
import type { Id } from './order'

export function AddSectionHere({ index, onSaved, say }: { index: number; onSaved: (id: Id, index: number) => void; say: Words }) {
  const [NewSectionDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: 'sections' })
  return (
    <div className="report-document__add" data-insert-at={index}>
      <Button buttonStyle="subtle" className="report-document__add-button" icon="plus" iconPosition="left" margin={false} onClick={openDrawer} size="small">
        {say.addSectionHere}
      </Button>
      <NewSectionDrawer onSave={({ doc }) => onSaved(doc.id as Id, index)} />
    </div>
  )
}
