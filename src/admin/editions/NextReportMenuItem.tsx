'use client'
/** "Ny rapport utifrån denna" in the report's ⋮ menu: POST /api/reports/:id/next, then open the new draft. */
import { PopupList, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { words } from '../i18n'
import { useStartNextReport } from './use-start-next-report'

export function NextReportMenuItem() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const start = useStartNextReport()
  const say = words(i18n.language)
  if (id === undefined || id === null) return null
  return (
    <PopupList.Button id="next-report" onClick={() => void start(id)}>
      {say.nextReport}
    </PopupList.Button>
  )
}
