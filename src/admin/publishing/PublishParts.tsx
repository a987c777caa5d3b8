'use client'
/**
 * Before a report is published, the publisher sees what goes with it: the draft parts that will
 * be published together with the report, those already published, and those its audience will
 * not see (an internal action in a public report, an inactive spokesperson). From
 * GET /api/reports/:id/parts (src/editions/endpoints.ts).
 */
import { Banner, Button, Drawer, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { words } from '../i18n'
import './PublishParts.css'

interface Part {
  collection: string
  id: number | string
  title: string
  status: 'draft' | 'published'
  hiddenFrom?: 'anonymous' | 'everyone'
}

const baseClass = 'publish-parts'

export function PublishParts({ slug, id, onConfirm, onCancel }: { slug: string; id: number | string; onConfirm: () => void; onCancel: () => void }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const [parts, setParts] = useState<Part[]>()
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    void fetch(`${config.serverURL ?? ''}${config.routes.api}/reports/${id}/parts`, { credentials: 'include' }).then(async (response) => {
      if (response.ok) setParts((await response.json()).parts)
      else setProblem((await response.json().catch(() => undefined))?.errors?.[0]?.message ?? `HTTP ${response.status}`)
    })
  }, [config.routes.api, config.serverURL, id])

  const list = (heading: string, items: Part[], className: string, note?: (part: Part) => string | undefined) =>
    items.length > 0 && (
      <section className={`${baseClass}__group ${baseClass}__group--${className}`}>
        <h4>{heading}</h4>
        <ul>
          {items.map((part) => (
            <li key={`${part.collection}:${part.id}`}>
              <a href={`${config.routes.admin}/collections/${part.collection}/${part.id}`} rel="noopener" target="_blank">
                {part.title}
              </a>
              {note?.(part) ? <span className={`${baseClass}__note`}> ({note(part)})</span> : null}
            </li>
          ))}
        </ul>
      </section>
    )

  return (
    <Drawer className={baseClass} slug={slug} title={say.publishHeading}>
      <p>{say.publishIntro}</p>
      {problem && <Banner type="error">{problem}</Banner>}
      {parts?.length === 0 && <p>{say.noParts}</p>}
      {parts && (
        <>
          {list(
            say.partsToPublish,
            parts.filter((part) => part.status === 'draft' && !part.hiddenFrom),
            'draft',
          )}
          {list(
            say.partsPublished,
            parts.filter((part) => part.status === 'published' && !part.hiddenFrom),
            'published',
          )}
          {list(
            say.partsHidden,
            parts.filter((part) => part.hiddenFrom),
            'hidden',
            (part) => (part.hiddenFrom === 'everyone' ? say.hiddenFromEveryone : say.hiddenFromAnonymous),
          )}
        </>
      )}
      <div className={`${baseClass}__actions`}>
        <Button buttonStyle="primary" disabled={!parts} id="publish-confirm" onClick={onConfirm} type="button">
          {say.publishConfirm}
        </Button>
        <Button buttonStyle="secondary" id="publish-cancel" onClick={onCancel} type="button">
          {say.cancelAction}
        </Button>
      </div>
    </Drawer>
  )
}
