'use client'
/**
 * Texts Payload 3.90.2 composes from our bilingual labels, outside its translations: the list's
 * search placeholder ("Sök efter Rubrik Eller Länk (URL)", ui/dist/elements/ListControls) and the
 * dashboard cards' create links, whose aria-label Payload builds from the collection's label object
 * ("Skapa ny [object Object]", ui/dist/widgets/CollectionCards). Set as they appear, in both
 * languages; only those two places are touched.
 */
import { useTranslation } from '@payloadcms/ui'
import { type ReactNode, useEffect } from 'react'

import { words } from '../i18n'
import { createLinkSlug, searchPlaceholder } from './composed-labels'

const SEARCH = 'input.search-filter__input'
const CREATE_LINKS = 'a[href$="/create"]'

export function ComposedLabels({ children }: { children?: ReactNode }) {
  const { i18n, t } = useTranslation()
  const language = i18n.language

  useEffect(() => {
    const prefix = t('general:searchBy', { label: '' })
    const labels = words(language).createLabels
    const fix = () => {
      for (const input of document.querySelectorAll<HTMLInputElement>(SEARCH)) {
        const wanted = searchPlaceholder(input.placeholder, prefix, language)
        if (input.placeholder !== wanted) input.placeholder = wanted
      }
      for (const link of document.querySelectorAll<HTMLAnchorElement>(CREATE_LINKS)) {
        const label = labels[createLinkSlug(link.getAttribute('href')) ?? '']
        if (label && link.getAttribute('aria-label') !== null && link.getAttribute('aria-label') !== label) link.setAttribute('aria-label', label)
      }
    }
    fix()
    const observer = new MutationObserver(fix)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['placeholder', 'aria-label'] })
    return () => observer.disconnect()
  }, [language, t])

  return <>{children}</>
}
