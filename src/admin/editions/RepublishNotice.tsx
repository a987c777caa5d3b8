'use client'
/**
 * On a section, action or spokesperson: published reports that use it and still show it as it
 * was when they were published (their latest edition), with "Publicera om" for each. A change to
 * a shared part reaches a published report only when that report is published again.
 */
import { Banner, Button, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { words } from '../i18n'

interface StaleReport {
  id: number | string
  title: string
  edition: number
}

export function RepublishNotice() {
  const { id, collectionSlug, hasPublishPermission, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [reports, setReports] = useState<StaleReport[]>([])

  const load = useCallback(async () => {
    if (id === undefined || id === null || !collectionSlug || !hasPublishPermission) return
    const response = await fetch(`${api}/reports/using/${collectionSlug}/${id}`, { credentials: 'include' })
    if (response.ok) setReports((await response.json()).reports)
  }, [api, collectionSlug, hasPublishPermission, id])

  // Checked again after every save: publishing this part is what makes reports show an older text.
  useEffect(() => void load(), [load, lastUpdateTime])

  const republish = async (report: StaleReport) => {
    const response = await fetch(`${api}/reports/${report.id}?depth=0`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ _status: 'published' }),
    })
    if (!response.ok) return void toast.error(`${report.title}: HTTP ${response.status}`)
    toast.success(`${say.republished}: ${report.title}`)
    await load()
  }

  if (reports.length === 0) return null
  return (
    <Banner className="republish-notice" type="info">
      <p>{say.olderInReports}</p>
      <ul>
        {reports.map((report) => (
          <li key={report.id}>
            <a href={`${config.routes.admin}/collections/reports/${report.id}`}>{report.title}</a> ({say.edition.toLowerCase()} {report.edition}){' '}
            <Button buttonStyle="secondary" className="republish-notice__button" onClick={() => void republish(report)} size="small" type="button">
              {say.republish}
            </Button>
          </li>
        ))}
      </ul>
    </Banner>
  )
}
