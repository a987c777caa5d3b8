'use client'
/**
 * "Förhandsgranska" (the latest draft, /reports/:id/preview) and "Skriv ut" (the report as its readers
 * get it, /reports/:id/print) beside the report's save and publish buttons; each opens in a new tab.
 * Both pages read the report with the signed-in editor's own access (src/http/report-views.ts).
 */
import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { words } from '../i18n'
import './ReportDocument.css'

export function ReportViewLinks() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  if (id === undefined || id === null) return null
  const page = (view: 'preview' | 'print') => `${config.serverURL ?? ''}/reports/${encodeURIComponent(String(id))}/${view}`
  return (
    <div className="report-view-links">
      <Button buttonStyle="secondary" el="anchor" id="report-preview" margin={false} newTab size="medium" url={page('preview')}>
        {say.previewReport}
      </Button>
      <Button buttonStyle="secondary" el="anchor" id="report-print" margin={false} newTab size="medium" url={page('print')}>
        {say.printReport}
      </Button>
    </div>
  )
}
