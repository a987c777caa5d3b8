'use client'
/** "Ny rapport utifrån …": POST /api/reports/:id/next, then open the new draft (report menu and desk). */
import { toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback } from 'react'

import { words } from '../i18n'

export function useStartNextReport(): (id: number | string) => Promise<void> {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const say = words(i18n.language)
  return useCallback(
    async (id) => {
      const response = await fetch(`${config.serverURL ?? ''}${config.routes.api}/reports/${id}/next`, { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => undefined)
      if (!response.ok) return void toast.error(body?.errors?.[0]?.message ?? say.nextReportFailed)
      router.push(`${config.routes.admin}/collections/reports/${body.doc.id}`)
    },
    [config, router, say.nextReportFailed],
  )
}
