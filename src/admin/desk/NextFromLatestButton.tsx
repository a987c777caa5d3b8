'use client'
/** "Ny rapport utifrån senaste" on the desk: the editions' "new report from this one" for the latest report. */
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { useStartNextReport } from '../editions/use-start-next-report'

export function NextFromLatestButton({ reportId, label }: { reportId: number | string; label: string }) {
  const start = useStartNextReport()
  const [busy, setBusy] = useState(false)
  const onClick = async () => {
    setBusy(true)
    try {
      await start(reportId)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button buttonStyle="primary" className="desk__next" disabled={busy} id="desk-next-report" onClick={() => void onClick()} size="medium" type="button">
      {label}
    </Button>
  )
}
