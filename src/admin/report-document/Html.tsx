'use client'
/**
 * HTML made by the report format's renderer (src/report-format/render-html.ts), which escapes every
 * text and link it writes and drops unsafe link targets: the same markup the print view serves.
 */
import React from 'react'

export function Html({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />
}

/** An inline style string ("a:b;c-d:e;") as React's style object. */
export function styleObject(css: string): React.CSSProperties {
  const entries = css
    .split(';')
    .map((declaration) => declaration.split(':'))
    .filter((parts) => parts.length >= 2)
    .map(([property, ...value]) => [property.trim().replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), value.join(':').trim()])
  return Object.fromEntries(entries) as React.CSSProperties
}
