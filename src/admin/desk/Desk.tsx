/**
 * The dashboard as the editorial office's desk (above Payload's collection links): the latest
 * report and its state, what waits for a publisher, what was sent back, scheduled publishing in
 * Stockholm time, the latest publications, and "Ny rapport utifrån senaste". A server component:
 * it reads with the signed-in user's own access (load-desk.ts).
 */
import type { I18nClient } from '@payloadcms/translations'
import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { formatStockholm } from '../../report-format/stockholm-time'
import { type Words, words } from '../i18n'
import './Desk.css'
import { type DeskReport, type DeskSchedule, loadDesk } from './load-desk'
import { NextFromLatestButton } from './NextFromLatestButton'

interface Props {
  payload: Payload
  user?: TypedUser | null
  i18n: I18nClient
}

const when = (iso?: string | null) => (iso ? formatStockholm(new Date(iso)) : '')

export async function Desk({ payload, user, i18n }: Props) {
  const say = words(i18n.language)
  const admin = payload.config.routes.admin
  const reportUrl = (id: number | string) => `${admin}/collections/reports/${id}`
  const listUrl = (state: string) => `${admin}/collections/reports?where[or][0][and][0][review.state][equals]=${state}`
  const desk = await loadDesk(payload, user)
  const { latest } = desk

  return (
    <section className="desk" aria-labelledby="desk-heading">
      <header className="desk__header">
        <h1 id="desk-heading">{say.desk}</h1>
        <p className="desk__intro">{say.deskIntro}</p>
      </header>
      <div className="desk__grid">
        <article className="desk__card desk__card--latest" id="desk-latest">
          <h2>{say.latestReport}</h2>
          {latest ? (
            <>
              <p className="desk__title">
                <a href={reportUrl(latest.id)}>{latest.title}</a>
              </p>
              <p className="desk__badges">
                <StateBadges report={latest} schedule={latest.scheduled} say={say} />
              </p>
              {latest.compiledAt && (
                <p className="desk__meta">
                  {say.compiled} {when(latest.compiledAt)}
                </p>
              )}
              <div className="desk__actions">
                <NextFromLatestButton label={say.nextFromLatest} reportId={latest.id} />
                <a className="desk__link" href={`/reports/${latest.id}/preview`} target="_blank" rel="noreferrer">
                  {say.preview}
                </a>
              </div>
            </>
          ) : (
            <>
              <p>{say.noReports}</p>
              <a href={`${admin}/collections/reports/create`}>{say.newReport}</a>
            </>
          )}
        </article>

        <ReportList
          id="desk-ready"
          title={say.waitingForReview}
          empty={say.noneWaiting}
          reports={desk.ready}
          detail={(report) => `${say.reviewMarkedBy} ${report.review.by ?? ''}, ${when(report.review.at)}`}
          more={{ href: listUrl('ready'), label: say.showInList }}
          reportUrl={reportUrl}
        />

        <ReportList
          id="desk-sent-back"
          title={say.sentBackList}
          empty={say.noneSentBack}
          reports={desk.sentBack}
          detail={(report) => `${report.review.by ?? ''}, ${when(report.review.at)}: ${report.review.note ?? ''}`}
          more={{ href: listUrl('sentBack'), label: say.showInList }}
          reportUrl={reportUrl}
        />

        <article className="desk__card" id="desk-scheduled">
          <h2>{say.scheduled}</h2>
          {desk.scheduled.length === 0 ? (
            <p className="desk__empty">{say.noneScheduled}</p>
          ) : (
            <ul>
              {desk.scheduled.map((event) => (
                <li key={`${event.reportId}-${event.at}-${event.type}`}>
                  <time dateTime={event.at}>{when(event.at)}</time> <a href={reportUrl(event.reportId)}>{event.title}</a>{' '}
                  <span className="desk__meta">{event.type === 'publish' ? say.publishesAt : say.unpublishesAt}</span>
                </li>
              ))}
            </ul>
          )}
        </article>

        <article className="desk__card" id="desk-published">
          <h2>{say.recentlyPublished}</h2>
          {desk.published.length === 0 ? (
            <p className="desk__empty">{say.noneRecentlyPublished}</p>
          ) : (
            <ul>
              {desk.published.map((publication) => (
                <li key={`${publication.reportId}-${publication.edition}`}>
                  {publication.reportId !== undefined ? <a href={reportUrl(publication.reportId)}>{publication.title}</a> : publication.title}{' '}
                  <span className="desk__meta">
                    {publication.compiledAt && `${say.compiled.toLowerCase()} ${when(publication.compiledAt)}, `}
                    {say.edition.toLowerCase()} {publication.edition} {say.publishedAt.toLowerCase()}{' '}
                    <time dateTime={publication.publishedAt}>{when(publication.publishedAt)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </article>
      </div>
    </section>
  )
}

function StateBadges({ report, schedule, say }: { report: DeskReport; schedule: DeskSchedule[]; say: Words }) {
  const published = report.status === 'published'
  const state = published ? say.statePublished : report.edition ? say.statePublishedWithChanges : say.stateDraft
  const review = report.review.state === 'ready' ? say.reviewReady : report.review.state === 'sentBack' ? say.reviewSentBack : undefined
  const next = schedule.find((event) => event.type === 'publish')
  return (
    <>
      <span className={`desk__badge desk__badge--${published ? 'published' : 'draft'}`}>{state}</span>
      {report.edition !== undefined && (
        <span className="desk__badge">
          {say.edition} {report.edition}
        </span>
      )}
      {review && <span className={`desk__badge desk__badge--${report.review.state}`}>{review}</span>}
      {next && (
        <span className="desk__badge desk__badge--scheduled">
          {say.stateScheduled} {formatStockholm(new Date(next.at))}
        </span>
      )}
    </>
  )
}

function ReportList(props: {
  id: string
  title: string
  empty: string
  reports: DeskReport[]
  detail: (report: DeskReport) => string
  more: { href: string; label: string }
  reportUrl: (id: number | string) => string
}) {
  return (
    <article className="desk__card" id={props.id}>
      <h2>{props.title}</h2>
      {props.reports.length === 0 ? (
        <p className="desk__empty">{props.empty}</p>
      ) : (
        <>
          <ul>
            {props.reports.map((report) => (
              <li key={report.id}>
                <a href={props.reportUrl(report.id)}>{report.title}</a> <span className="desk__meta">{props.detail(report)}</span>
              </li>
            ))}
          </ul>
          <a className="desk__link" href={props.more.href}>
            {props.more.label}
          </a>
        </>
      )}
    </article>
  )
}
