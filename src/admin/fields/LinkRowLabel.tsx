'use client'
/** A link's row in a list of links: its text, or "Länk 3" while it has none (Payload's own label would be "länk 03"). */
import { useRowLabel, useTranslation } from '@payloadcms/ui'

import { words } from '../i18n'

export function LinkRowLabel() {
  const { data, rowNumber } = useRowLabel<{ label?: string }>()
  const { i18n } = useTranslation()
  return <span>{data?.label?.trim() || `${words(i18n.language).link} ${(rowNumber ?? 0) + 1}`}</span>
}
