/**
 * "Skapa ny" for editorial content (/admin/collections/<slug>/create): a short form instead of
 * Payload's create view. Payload 3.90.2's document view stores a draft the moment it opens for a
 * collection with drafts and autosave (next/dist/views/Document/index.js: `shouldAutosave &&
 * !idFromArgs` → payload.create), so every "Skapa ny" that was opened and left behind stayed in the
 * list as an untitled draft. Here nothing is stored until the editor gives a title; then the draft
 * is created and its edit view opens, with autosave from then on. Drawers (a section added from a
 * report) keep Payload's own view: the report document needs the drawer's document at once.
 */
import type { AdminViewServerProps } from 'payload'
import { getTranslation } from '@payloadcms/translations'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { formatStockholm } from '../../report-format/stockholm-time'
import { words } from '../i18n'
import { LISTED_REPORTS } from '../../../collections/Reports/listed'
import { NewDocumentForm } from './NewDocumentForm'
import './NewDocument.css'

export async function NewDocumentView({ collectionConfig, initPageResult }: AdminViewServerProps) {
  const { req, permissions } = initPageResult
  const collection = (collectionConfig ?? initPageResult.collectionConfig)!
  const { slug } = collection
  const say = words(req.i18n.language)
  const admin = req.payload.config.routes.admin
  const heading = say.newDocument[slug as keyof typeof say.newDocument] ?? say.createNew
  if (!permissions.collections?.[slug]?.create) {
    return (
      <Gutter className="new-document">
        <h1>{heading}</h1>
        <p>{say.mayNotCreate}</p>
      </Gutter>
    )
  }
  const titleName = collection.admin.useAsTitle ?? 'title'
  const titleField = collection.flattenedFields.find((field) => field.name === titleName)
  const titleLabel = titleField && 'label' in titleField && titleField.label ? getTranslation(titleField.label as never, req.i18n) : titleName
  const isReport = slug === 'reports'
  // The newest report the user may read, for "Utgå från senaste rapporten" (POST /api/reports/:id/next).
  const latest = isReport
    ? (
        await req.payload.find({
          collection: 'reports',
          where: LISTED_REPORTS,
          sort: '-compiledAt',
          limit: 1,
          depth: 0,
          draft: true,
          select: { title: true },
          overrideAccess: false,
          user: req.user,
        })
      ).docs[0]
    : undefined
  return (
    <Gutter className="new-document">
      <h1>{heading}</h1>
      <p className="new-document__intro">{say.newDocumentIntro}</p>
      <NewDocumentForm
        collection={slug}
        titleField={titleName}
        titleLabel={titleLabel}
        compiledAt={isReport ? formatStockholm(new Date()) : undefined}
        latest={latest ? { id: latest.id, title: String(latest.title) } : undefined}
        listUrl={`${admin}/collections/${slug}`}
      />
    </Gutter>
  )
}
