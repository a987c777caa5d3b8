'use client'
/**
 * The report's editions in its edit view: each publication (number, when, by whom), the
 * difference between any two of them, and what is new since the previous report on the same
 * subject. Reads /api/editions and /api/reports/:id/changes (src/editions/endpoints.ts).
 */
import { Banner, Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { ReportChanges } from '../../report-format/diff'
import { formatStockholm } from '../../report-format/stockholm-time'
import { words } from '../i18n'
import { ChangesView } from './ChangesView'

interface EditionRow {
  id: number | string
  number: number
  publishedAt: string
  publishedBy?: string
}

const baseClass = 'editions-panel'

export function EditionsPanel() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [editions, setEditions] = useState<EditionRow[]>()
  const [from, setFrom] = useState<number>()
  const [to, setTo] = useState<number>()
  const [changes, setChanges] = useState<{ label: string; changes: ReportChanges | null }>()
  const [problem, setProblem] = useState<string>()

  // Reloaded after every save: a publication may have made a new edition.
  useEffect(() => {
    if (id === undefined || id === null) return
    const query = `where[report][equals]=${encodeURIComponent(String(id))}&sort=-number&limit=200&depth=0`
    void fetch(`${api}/editions?${query}`, { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { docs?: EditionRow[] }) => {
        const rows = body.docs ?? []
        setEditions(rows)
        setTo(rows[0]?.number)
        setFrom(rows[1]?.number)
      })
  }, [api, id, lastUpdateTime])

  const show = useCallback(
    async (query: string, label: string) => {
      setProblem(undefined)
      const response = await fetch(`${api}/reports/${id}/changes?${query}`, { credentials: 'include' })
      const body = await response.json()
      if (!response.ok) return setProblem(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      setChanges({ label, changes: body.changes })
    },
    [api, id],
  )

  if (id === undefined || id === null) return null
  return (
    <div className={`field-type ${baseClass}`} id="editions-panel">
      <h3>{say.editions}</h3>
      {editions?.length === 0 && <p>{say.noEditions}</p>}
      {editions && editions.length > 0 && (
        <>
          <table className={`${baseClass}__list`}>
            <tbody>
              {editions.map((edition) => (
                <tr key={edition.id}>
                  <td>
                    {say.edition} {edition.number}
                  </td>
                  <td>{formatStockholm(new Date(edition.publishedAt))}</td>
                  <td>{edition.publishedBy ? `${say.publishedBy} ${edition.publishedBy}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={`${baseClass}__compare`}>
            {editions.length > 1 && (
              <>
                <label>
                  {say.compare}{' '}
                  <select id="editions-to" onChange={(event) => setTo(Number(event.target.value))} value={to}>
                    {editions.map((edition) => (
                      <option key={edition.id} value={edition.number}>{`${say.edition} ${edition.number}`}</option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  {say.with}{' '}
                  <select id="editions-from" onChange={(event) => setFrom(Number(event.target.value))} value={from}>
                    {editions.map((edition) => (
                      <option key={edition.id} value={edition.number}>{`${say.edition} ${edition.number}`}</option>
                    ))}
                  </select>
                </label>{' '}
                <Button
                  buttonStyle="secondary"
                  id="editions-compare"
                  onClick={() => void show(`edition=${to}&from=${from}`, `${say.edition} ${to} / ${from}`)}
                  size="small"
                  type="button"
                >
                  {say.compare}
                </Button>
              </>
            )}
            <Button
              buttonStyle="secondary"
              id="editions-since-previous-report"
              onClick={() => void show('since=previous-report', say.sincePreviousReport)}
              size="small"
              type="button"
            >
              {say.sincePreviousReport}
            </Button>
          </div>
        </>
      )}
      {problem && <Banner type="error">{problem}</Banner>}
      {changes && (
        <div className={`${baseClass}__changes`}>
          <h4>{changes.label}</h4>
          {changes.changes ? <ChangesView changes={changes.changes} say={say} /> : <p>{say.nothingToCompare}</p>}
        </div>
      )}
    </div>
  )
}
