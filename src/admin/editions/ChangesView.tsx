'use client'
/** "What changed" as the admin shows it: per section, bullets added, removed and changed; actions added and removed. */
import React from 'react'

import type { ReportChanges } from '../../report-format/diff'
import type { Words } from '../i18n'

const baseClass = 'report-changes'

export function ChangesView({ changes, say }: { changes: ReportChanges; say: Words }) {
  if (changes.unchanged) return <p className={baseClass}>{say.noChanges}</p>
  const indent = (depth: number) => ({ paddingLeft: `${Math.max(0, depth - 1) * 1.5}em` })
  return (
    <div className={baseClass}>
      {changes.sections
        .filter((section) => section.status !== 'unchanged')
        .map((section, index) => (
          <section key={`${section.title}-${index}`}>
            <h5>
              {section.title}
              {section.status === 'added' ? ` (${say.sectionAdded})` : section.status === 'removed' ? ` (${say.sectionRemoved})` : ''}
            </h5>
            <ul>
              {section.changed.map((change, n) => (
                <li className={`${baseClass}__changed`} key={`c${n}`} style={indent(change.after.depth)}>
                  <del>{change.before.text}</del> {say.changedTo} <ins>{change.after.text}</ins>
                </li>
              ))}
              {section.added.map((entry, n) => (
                <li className={`${baseClass}__added`} key={`a${n}`} style={indent(entry.depth)}>
                  {say.added}: <ins>{entry.text}</ins>
                </li>
              ))}
              {section.removed.map((entry, n) => (
                <li className={`${baseClass}__removed`} key={`r${n}`} style={indent(entry.depth)}>
                  {say.removed}: <del>{entry.text}</del>
                </li>
              ))}
            </ul>
          </section>
        ))}
      {changes.communicationActions.added.length > 0 && (
        <section>
          <h5>{say.actionsAdded}</h5>
          <ul>
            {changes.communicationActions.added.map((action) => (
              <li className={`${baseClass}__added`} key={`${action.date}${action.title}`}>
                {action.date}: <ins>{action.title}</ins>
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.communicationActions.removed.length > 0 && (
        <section>
          <h5>{say.actionsRemoved}</h5>
          <ul>
            {changes.communicationActions.removed.map((action) => (
              <li className={`${baseClass}__removed`} key={`${action.date}${action.title}`}>
                {action.date}: <del>{action.title}</del>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
