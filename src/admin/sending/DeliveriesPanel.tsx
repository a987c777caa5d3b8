'use client'
/**
 * "Utskick" on a report (publishers and admins): per edition how many were sent, failed and are
 * still pending, the failures with the SMTP server's answer, and "Skicka igen" to the failed only.
 */
import { Button, toast, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { words } from '../i18n'

interface Failure {
  email: string
  name?: string
  list?: string
  smtpResponse?: string
  error?: string
  attempts: number
}
interface EditionSummary {
  edition: number
  sent: number
  failed: number
  pending: number
  failures: Failure[]
}

export function DeliveriesPanel() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const say = words(i18n.language)
  const [editions, setEditions] = useState<EditionSummary[] | undefined>()
  const mayRead = Boolean(user?.roles?.some((role) => role === 'admin' || role === 'publisher'))
  const api = `${config.serverURL ?? ''}${config.routes.api}/reports/${id}`

  const load = useCallback(async () => {
    const response = await fetch(`${api}/deliveries`, { credentials: 'include' })
    if (response.ok) setEditions(((await response.json()) as { editions: EditionSummary[] }).editions)
  }, [api])
  useEffect(() => {
    if (mayRead && id !== undefined && id !== null) void load()
  }, [mayRead, id, load])

  if (!mayRead || id === undefined || id === null || !editions || editions.length === 0) return null
  const resend = async (edition: number) => {
    const response = await fetch(`${api}/resend?edition=${edition}`, { method: 'POST', credentials: 'include' })
    const body = await response.json().catch(() => undefined)
    if (!response.ok) return void toast.error(body?.errors?.[0]?.message ?? say.resendFailed)
    toast.success(body.message)
    await load()
  }
  return (
    <section aria-labelledby="deliveries-heading" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="deliveries-heading">{say.deliveries}</h3>
      {editions.map((entry) => (
        <div key={entry.edition} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
          <p>
            {say.edition} {entry.edition}: {entry.sent} {say.deliveriesSent}, {entry.failed} {say.deliveriesFailed}, {entry.pending} {say.deliveriesPending}
          </p>
          {entry.failures.length > 0 && (
            <>
              <ul>
                {entry.failures.map((failure) => (
                  <li key={failure.email}>
                    {failure.name ? `${failure.name} <${failure.email}>` : failure.email}
                    {failure.list ? ` (${failure.list})` : ''}: {failure.smtpResponse || failure.error}
                  </li>
                ))}
              </ul>
              <Button buttonStyle="secondary" size="small" onClick={() => void resend(entry.edition)}>
                {say.resend}
              </Button>
            </>
          )}
        </div>
      ))}
    </section>
  )
}
