/**
 * "Används i rapporter" on a section (the `usedInReports` join), rendered on the server with the
 * page. Payload's join field shows "Laddar…" until its table arrives: RelationshipTable renders the
 * rows only after hydration, through the getTableState server function (a Next server action,
 * queued behind the edit view's own form-state and lock calls), which took seconds. This reads the
 * first page the way that table does (reports whose latest version uses the section, with the
 * user's own access) and links to the report list for the rest.
 */
import { getTranslation } from '@payloadcms/translations'
import type { JoinFieldServerProps } from 'payload'
import React from 'react'

import { isStaffUser } from '../../../access/roles'
import { formatStockholm } from '../../report-format/stockholm-time'
import { words } from '../i18n'
import './UsedInReports.css'

const FIRST_PAGE = 10

export async function UsedInReports({ id, req, field, i18n }: JoinFieldServerProps) {
  // A new section is used nowhere yet; the join is staff-only (the field's read access).
  if (id === undefined || id === null || !isStaffUser(req.user)) return null
  const say = words(i18n.language)
  const admin = req.payload.config.routes.admin
  const { docs, totalDocs } = await req.payload.find({
    collection: 'reports',
    where: { sections: { equals: id } },
    sort: '-compiledAt',
    limit: FIRST_PAGE,
    depth: 0,
    draft: true,
    select: { title: true, compiledAt: true, _status: true },
    overrideAccess: false,
    user: req.user,
  })
  const label = field.label ? getTranslation(field.label as never, i18n) : field.name
  return (
    <div className="field-type used-in-reports" id="field-usedInReports">
      <h4 className="used-in-reports__label">{label}</h4>
      {docs.length === 0 ? (
        <p className="used-in-reports__empty">{say.notUsedInReports}</p>
      ) : (
        <table className="used-in-reports__table">
          <thead>
            <tr>
              <th scope="col">{say.reportTitle}</th>
              <th scope="col">{say.compiled}</th>
              <th scope="col">{say.status}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((report) => (
              <tr key={report.id}>
                <td>
                  <a href={`${admin}/collections/reports/${report.id}`}>{report.title || `#${report.id}`}</a>
                </td>
                <td>{report.compiledAt ? formatStockholm(new Date(report.compiledAt)) : ''}</td>
                <td>{report._status === 'published' ? say.statePublished : say.stateDraft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {totalDocs > docs.length && (
        <p>
          <a href={`${admin}/collections/reports?where[or][0][and][0][sections][equals]=${id}`}>{say.allReportsUsing(totalDocs)}</a>
        </p>
      )}
    </div>
  )
}
