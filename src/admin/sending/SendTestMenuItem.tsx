'use client'
/** "Skicka provutskick till mig" in the report's ⋮ menu: POST /api/reports/:id/send-test (the newest draft, to oneself). */
import { PopupList, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { words } from '../i18n'

export function SendTestMenuItem() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  if (id === undefined || id === null) return null
  const send = async () => {
    const response = await fetch(`${config.serverURL ?? ''}${config.routes.api}/reports/${id}/send-test`, { method: 'POST', credentials: 'include' })
    const body = await response.json().catch(() => undefined)
    if (!response.ok) return void toast.error(body?.errors?.[0]?.message ?? say.sendTestFailed)
    toast.success(`${say.sendTestSent} ${body.email}`)
  }
  return (
    <PopupList.Button id="send-test" onClick={() => void send()}>
      {say.sendTest}
    </PopupList.Button>
  )
}
