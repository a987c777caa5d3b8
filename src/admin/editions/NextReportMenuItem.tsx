'use client'
/** "Ny rapport utifrån denna" in the report's ⋮ menu: POST /api/reports/:id/next, then open the new draft. */
import { PopupList, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React from 'react'

import { words } from '../i18n'

export function NextReportMenuItem() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const say = words(i18n.language)
  if (id === undefined || id === null) return null
  const start = async () => {
    const response = await fetch(`${config.serverURL ?? ''}${config.routes.api}/reports/${id}/next`, { method: 'POST', credentials: 'include' })
    const body = await response.json().catch(() => undefined)
    if (!response.ok) return void toast.error(body?.errors?.[0]?.message ?? say.nextReportFailed)
    router.push(`${config.routes.admin}/collections/reports/${body.doc.id}`)
  }
  return (
    <PopupList.Button id="next-report" onClick={() => void start()}>
      {say.nextReport}
    </PopupList.Button>
  )
}
