'use client'
/**
 * Texts Payload 3.90.2 composes from our bilingual labels, outside its translations: the list's
 * search placeholder and name ("Sök efter Rubrik Eller Länk (URL)", ui/dist/elements/ListControls);
 * the dashboard cards' create links, whose aria-label and tooltip Payload builds from the
 * collection's label object ("Skapa ny [object Object]", ui/dist/widgets/CollectionCards), and the
 * list's own create buttons ("Skapa ny Avsnitt"); the list columns' sort buttons ("Sortera efter
 * [object Object] Stigande", ui/dist/elements/SortColumn); a relationship field's "+" ("Lägg till ny
 * [object Object]", ui/dist/elements/AddNewRelation). Set as they appear, in both languages; only
 * these places are touched.
 */
import { useTranslation } from '@payloadcms/ui'
import { type ReactNode, useEffect } from 'react'

import { words } from '../i18n'
import { createLinkSlug, inPhrase, searchPlaceholder } from './composed-labels'

const SEARCH = 'input.search-filter__input'
const SORT_BUTTONS = '.sort-column__button'
const ADD_NEW_BUTTONS = '.relationship-add-new__add-button'
const CREATE_LINKS = 'a[href$="/create"]'
const LABEL_ATTRIBUTES = ['aria-label', 'title']

/** The element's one non-empty text node, if its whole text is that node's. */
function onlyText(element: Element): Text | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim()) return node.nodeValue.trim() === element.textContent?.trim() ? (node as Text) : undefined
  }
  return undefined
}

export function ComposedLabels({ children }: { children?: ReactNode }) {
  const { i18n, t } = useTranslation()
  const language = i18n.language

  useEffect(() => {
    const prefix = t('general:searchBy', { label: '' })
    const { createLabels: labels, addNewLabels } = words(language)
    const createNew = t('general:createNew')
    const fix = () => {
      for (const input of document.querySelectorAll<HTMLInputElement>(SEARCH)) {
        // The same text is its accessible name.
        for (const name of ['placeholder', 'aria-label']) {
          const value = input.getAttribute(name)
          if (value !== null && value !== searchPlaceholder(value, prefix, language)) input.setAttribute(name, searchPlaceholder(value, prefix, language))
        }
      }
      for (const button of document.querySelectorAll<HTMLButtonElement>(ADD_NEW_BUTTONS)) {
        const field =
          button
            .closest('[id$="-add-new"]')
            ?.id.replace(/-add-new$/, '')
            .split('__')
            .pop() ?? ''
        const label = addNewLabels[field]
        if (label && button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label)
      }
      for (const button of document.querySelectorAll<HTMLButtonElement>(SORT_BUTTONS)) {
        const label = button.closest('.sort-column')?.querySelector('.sort-column__label')?.textContent?.trim()
        if (!label) continue
        const direction = t(button.classList.contains('sort-column__asc') ? 'general:ascending' : 'general:descending')
        const wanted = t('general:sortByLabelDirection', { label: inPhrase(label, language), direction: direction.toLocaleLowerCase(language) })
        if (button.getAttribute('aria-label') !== wanted) button.setAttribute('aria-label', wanted)
      }
      for (const link of document.querySelectorAll<HTMLAnchorElement>(CREATE_LINKS)) {
        const label = labels[createLinkSlug(link.getAttribute('href')) ?? '']
        if (!label) continue
        // Payload's Button writes the same text as the tooltip (title).
        for (const name of LABEL_ATTRIBUTES) {
          const value = link.getAttribute(name)
          if (value !== null && value !== label) link.setAttribute(name, label)
        }
        // An empty list's button reads "Skapa ny Avsnitt": its one text node, when it is exactly that.
        const text = onlyText(link)
        if (text && text.nodeValue !== label && text.nodeValue!.trim().startsWith(`${createNew} `)) text.nodeValue = label
      }
    }
    fix()
    // Elements and these attributes only: text changes (every keystroke in an editor) never call it.
    const observer = new MutationObserver(fix)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['placeholder', ...LABEL_ATTRIBUTES] })
    return () => observer.disconnect()
  }, [language, t])

  return <>{children}</>
}
