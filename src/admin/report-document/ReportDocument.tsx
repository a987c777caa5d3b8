'use client'
/**
 * The report as a document in its own edit view: the title, the compiled line and every block in
 * the order the print view lays them out, rendered by the same renderer (src/report-format), from
 * the report form's values and the latest drafts of its parts (read with the editor's own session).
 * Sections are edited where they stand (a drawer that returns here and refreshes the text), added
 * at any place and moved up or down: that changes the form's `sections`, so the report's own
 * autosave and draft flow store it, exactly as if the relationship field below had been used.
 */
import { Banner, useAllFormFields, useConfig, useDocumentEvents, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { REPORT_TEXT_STYLE, renderReportHeadingHtml, renderTitledBlockHtml } from '../../report-format/render-html'
import { reportBlocksInOrder } from '../../report-format/render-text'
import { words } from '../i18n'
import { ActionsList } from './ActionsList'
import { AddSectionHere } from './AddSectionHere'
import { draftReportModel } from './draft-model'
import { Html, styleObject } from './Html'
import { actionPosition, endOfOthers, type Id, idsOf, insertAt, neighbours, swap } from './order'
import { SectionBlock } from './SectionBlock'
import { type PartCollection, type PartDoc, useParts } from './use-parts'
import './ReportDocument.css'

const PART_COLLECTIONS: readonly string[] = ['sections', 'communication-actions', 'spokespersons'] satisfies PartCollection[]
const SHEET_STYLE = styleObject(REPORT_TEXT_STYLE)

/** Same ids, same array: the parts are read again only when the ids really change. */
function useStableIds(value: unknown): Id[] {
  const ids = idsOf(value)
  const key = JSON.stringify(ids)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ids, [key])
}

/** Whatever goes wrong in the document view, the report's own fields stay usable below it. */
class KeepTheFields extends React.Component<{ children: React.ReactNode; message: string }, { failed?: string }> {
  state: { failed?: string } = {}
  static getDerivedStateFromError(error: Error) {
    return { failed: error.message }
  }
  render() {
    return this.state.failed ? <Banner type="error">{`${this.props.message}: ${this.state.failed}`}</Banner> : this.props.children
  }
}

export function ReportDocument() {
  const { i18n } = useTranslation()
  return (
    <KeepTheFields message={words(i18n.language).documentFailed}>
      <DocumentView />
    </KeepTheFields>
  )
}

function DocumentView() {
  const { hasSavePermission } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const canEdit = hasSavePermission !== false

  const [fields] = useAllFormFields()
  const data = useMemo(() => reduceFieldsToValues(fields, true) as Record<string, any>, [fields])
  const sectionsField = useField<unknown>({ path: 'sections' })
  const actionsField = useField<unknown>({ path: 'communicationActions' })
  const sectionIds = useStableIds(sectionsField.value)
  const actionIds = useStableIds(actionsField.value)
  const spokespersonIds = useStableIds(data.spokespersons)

  // Read again after a part is saved, here or in any drawer of the page.
  const [refresh, setRefresh] = useState(0)
  const reload = useCallback(() => setRefresh((count) => count + 1), [])
  const { mostRecentUpdate } = useDocumentEvents()
  const partSaved = mostRecentUpdate && PART_COLLECTIONS.includes(mostRecentUpdate.entitySlug) ? `${mostRecentUpdate.id}@${mostRecentUpdate.updatedAt}` : ''
  const parts = useParts(api, { sections: sectionIds, 'communication-actions': actionIds, spokespersons: spokespersonIds }, `${refresh}:${partSaved}`)

  // Drawers answer later: they act on the form's values as they are then.
  const latest = useRef({ sectionIds, actionIds, parts, setSections: sectionsField.setValue, setActions: actionsField.setValue })
  useEffect(() => {
    latest.current = { sectionIds, actionIds, parts, setSections: sectionsField.setValue, setActions: actionsField.setValue }
  })

  const addSection = useCallback(
    (id: Id, index: number) => {
      const { sectionIds: ids, setSections } = latest.current
      if (!ids.some((known) => String(known) === String(id))) setSections(insertAt(ids, Math.min(index, ids.length), id))
      reload()
    },
    [reload],
  )
  const addAction = useCallback(
    (doc: PartDoc) => {
      const { actionIds: ids, parts: known, setActions } = latest.current
      if (!ids.some((id) => String(id) === String(doc.id))) {
        const dates = ids.map((id) => known.byId['communication-actions'].get(String(id))?.date as string | undefined)
        setActions(insertAt(ids, actionPosition(dates, doc.date), doc.id))
      }
      reload()
    },
    [reload],
  )
  const moveSection = useCallback((from: number, to: number) => {
    const { sectionIds: ids, setSections } = latest.current
    setSections(swap(ids, from, to))
  }, [])

  const model = draftReportModel(data, { sections: sectionIds, spokespersons: spokespersonIds }, parts, say)
  const kinds = model.sections.map((section) => section.kind)
  const near = neighbours(kinds)
  const sectionKey = (index: number) => `${sectionIds[index]}#${sectionIds.slice(0, index).filter((id) => id === sectionIds[index]).length}`

  /** Links in the text open in a new tab: the editor stays with the report. */
  const openLinksElsewhere = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest?.('a[href]')
    if (!link) return
    event.preventDefault()
    event.stopPropagation()
    const href = link.getAttribute('href') ?? ''
    if (href && href !== '#') window.open(href, '_blank', 'noopener,noreferrer')
  }

  return (
    <div className="field-type report-document" id="report-document">
      <h3 className="report-document__heading">{say.documentHeading}</h3>
      <p className="report-document__intro">{say.documentIntro}</p>
      {parts.problem && <Banner type="error">{`${say.partsNotLoaded}: ${parts.problem}`}</Banner>}
      {!parts.loaded && <p className="report-document__loading">{say.loadingParts}</p>}
      <div className="report-document__sheet" onClickCapture={openLinksElsewhere} style={SHEET_STYLE}>
        <Html className="report-document__title" html={renderReportHeadingHtml(model)} />
        {parts.loaded &&
          reportBlocksInOrder(model, { keepEmpty: true }).map((block) => {
            if (block.kind === 'section' && block.sectionIndex !== undefined) {
              const index = block.sectionIndex
              const id = sectionIds[index]
              return (
                <Fragment key={sectionKey(index)}>
                  {canEdit && kinds[index] !== 'about' && <AddSectionHere index={index} onSaved={addSection} say={say} />}
                  <SectionBlock
                    block={block}
                    canEdit={canEdit}
                    down={near[index].down}
                    id={id}
                    onMove={(to) => moveSection(index, to)}
                    onSaved={reload}
                    say={say}
                    status={parts.byId.sections.get(String(id))?._status}
                    up={near[index].up}
                  />
                </Fragment>
              )
            }
            if (block.kind === 'actions') {
              return (
                <Fragment key="actions">
                  {canEdit && <AddSectionHere index={endOfOthers(kinds)} onSaved={addSection} say={say} />}
                  <ActionsList
                    canEdit={canEdit}
                    docs={parts.byId['communication-actions']}
                    heading={renderTitledBlockHtml(block).heading}
                    ids={actionIds}
                    onAdded={addAction}
                    pending={parts.pending}
                    onSaved={reload}
                    say={say}
                  />
                </Fragment>
              )
            }
            // Collected information and spokespersons: shown as printed, changed in their fields below.
            const { heading, content } = renderTitledBlockHtml(block)
            return (
              <section className={`report-document__fixed report-document__fixed--${block.kind}`} key={block.kind}>
                <Html html={heading} />
                {content ? <Html html={content} /> : null}
                <p className="report-document__hint">{say.editedBelow}</p>
              </section>
            )
          })}
      </div>
    </div>
  )
}
