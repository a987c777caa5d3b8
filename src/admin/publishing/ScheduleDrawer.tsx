'use client'
/**
 * "Schemalägg publicering": our drawer instead of Payload's. Payload 3.90.2's drawer shows and
 * parses its time with the hard-coded 12-hour format "MMM d, yyy h:mm a" whatever
 * `schedulePublish.timeFormat` says (that option reaches only the list of time slots; see
 * payloadcms/payload PR #12073, and DatePicker's default format in @payloadcms/ui), and in Swedish
 * it read a typed "em" (pm) as "fm" (am): an afternoon publication went out twelve hours early.
 * This one takes and shows Stockholm time on the 24-hour clock ("2026-12-01 14:30") and talks to
 * /api/<collection>/:id/schedule, whose rules (publishers only, future times only, audit log) are
 * the server's.
 */
import { Banner, Button, DatePicker, Drawer, toast, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { formatStockholm } from '../../report-format/stockholm-time'
import './ScheduleDrawer.css'
import { words } from '../i18n'
import { instantToPicker, pickerToInstant } from './picker-time'

type ScheduleType = 'publish' | 'unpublish'
interface ScheduledEvent {
  id: number | string
  type: ScheduleType
  at: string
}

const baseClass = 'schedule-publishing'

interface ScheduleDrawerProps {
  slug: string
  collection: string
  id: number | string
  title: string
  defaultType: ScheduleType
}

export function ScheduleDrawer({ slug, collection, id, title, defaultType }: ScheduleDrawerProps) {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const say = words(i18n.language)
  const endpoint = `${config.serverURL ?? ''}${config.routes.api}/${collection}/${id}/schedule`
  const [type, setType] = useState<ScheduleType>(defaultType)
  const [at, setAt] = useState<Date | undefined>()
  const [events, setEvents] = useState<ScheduledEvent[]>()
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)

  /** A refusal in the admin's language: the server's rules, our words. */
  const explain = useCallback(
    async (response: Response) => {
      if (response.status === 403) return say.notAllowed
      const body = await response.json().catch(() => undefined)
      const message: string = body?.errors?.[0]?.message ?? `HTTP ${response.status}`
      return /already passed/.test(message) ? say.pastTime : message
    },
    [say],
  )

  const refresh = useCallback(async () => {
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) setEvents((await response.json()).docs)
    else setProblem(await explain(response))
  }, [endpoint, explain])

  useEffect(() => void refresh(), [refresh])

  const save = async () => {
    if (!at) return void setProblem(t('general:noDateSelected'))
    if (at.getTime() <= Date.now()) return void setProblem(say.pastTime)
    setBusy(true)
    setProblem(undefined)
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, at: at.toISOString() }),
    })
    setBusy(false)
    if (!response.ok) return void setProblem(await explain(response))
    setAt(undefined)
    toast.success(t('version:scheduledSuccessfully'))
    await refresh()
  }

  const cancel = async (event: ScheduledEvent) => {
    const response = await fetch(`${endpoint}/${event.id}`, { method: 'DELETE', credentials: 'include' })
    if (!response.ok) return void setProblem(await explain(response))
    toast.success(t('general:deletedSuccessfully'))
    await refresh()
  }

  const typeLabel = (value: ScheduleType) => (value === 'publish' ? say.publishAction : say.unpublishAction)

  return (
    <Drawer className={baseClass} slug={slug} title={t('general:schedulePublishFor', { title })}>
      <fieldset className={`${baseClass}__type`} disabled={busy}>
        <legend>{t('version:type')}</legend>
        {(['publish', 'unpublish'] as const).map((value) => (
          <label key={value} htmlFor={`schedule-type-${value}`}>
            <input checked={type === value} id={`schedule-type-${value}`} name="schedule-type" onChange={() => setType(value)} type="radio" value={value} />
            {` ${typeLabel(value)}`}
          </label>
        ))}
      </fieldset>
      <label className="field-label" htmlFor="schedule-time">
        {say.time}
      </label>
      <DatePicker
        displayFormat="yyyy-MM-dd HH:mm"
        id="schedule-time"
        onChange={(picked: Date | null) => setAt(picked ? pickerToInstant(picked) : undefined)}
        pickerAppearance="dayAndTime"
        placeholder="ÅÅÅÅ-MM-DD TT:MM"
        readOnly={busy}
        timeFormat="HH:mm"
        timeIntervals={5}
        value={at ? instantToPicker(at) : undefined}
      />
      <p className="field-description">{say.timeHint}</p>
      {problem && <Banner type="error">{problem}</Banner>}
      <Button buttonStyle="primary" disabled={busy} id="schedule-save" onClick={() => void save()} type="button">
        {t('general:save')}
      </Button>
      <section className={`${baseClass}__upcoming`}>
        <h4>{t('general:upcomingEvents')}</h4>
        {events?.length === 0 && <Banner type="info">{t('general:noUpcomingEventsScheduled')}</Banner>}
        {events && events.length > 0 && (
          <table>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{typeLabel(event.type)}</td>
                  <td>
                    <time dateTime={event.at}>{formatStockholm(new Date(event.at))}</time> ({say.stockholm})
                  </td>
                  <td>
                    <Button buttonStyle="secondary" onClick={() => void cancel(event)} size="small" type="button">
                      {say.cancel}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Drawer>
  )
}
