'use client'
/**
 * Payload 3.90.2 writes a few texts in English whatever the admin's language, outside its
 * translations (so `i18n.translations` cannot reach them): the API-key dialogs on the user form
 * (ui/dist/views/Edit/Auth/APIKey.js, APIKeyGenerationModal.js), the date in the "document
 * locked" dialog (an en-US Intl format, 12-hour clock), and labels screen readers read: the
 * rich-text editor's link and block buttons, the version view's collapse buttons, the
 * notifications region. In a Swedish admin this puts the words
 * from src/admin/i18n.ts in their place as they appear, and puts Payload's own back when the
 * language changes. Only whole texts that match exactly are touched, and texts only inside the
 * elements where Payload writes them, so that no one's content is ever rewritten.
 */
import { useTranslation } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import { type ReactNode, useEffect } from 'react'

import { DOCUMENT_DATE_FORMAT, parseAmericanDateTime } from '../date-formats'
import { type Words, words } from '../i18n'

/** Our words that are single texts (not the per-collection maps or the counted phrases). */
type TextKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words]

const HARD_CODED: TextKey[] = [
  'generateKeyQuestion',
  'generateKeyTakesEffect',
  'copyKeyMayNotReveal',
  'copyKeyNotShownAgain',
  'revokeKey',
  'revokeKeyHeading',
  'revokeKeyQuestion',
  'revokeKeyCannotUndo',
  'revoke',
  'revealKey',
  'toggleKeyVisibility',
  'editLink',
  'removeLink',
  'addBlock',
  'expandDiff',
  'collapseDiff',
  'notifications',
]
const ATTRIBUTES = ['aria-label', 'title']
/** Texts are replaced only where Payload writes them (the user form's key, its dialogs), never in content (a title, a section). */
const PAYLOAD_TEXT = '.auth-fields, .api-key, .confirmation-modal'
const LOCKED_DIALOG = '.document-locked'
/** Payload's English, trimmed, to our key. */
const ENGLISH = new Map(HARD_CODED.map((key) => [words('en')[key].trim(), key]))

export function HardCodedEnglish({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const language = i18n.language
  const dateLocaleLoaded = Boolean(i18n.dateFNS)

  useEffect(() => {
    if (language === 'en') return
    const ours = words(language)
    const originals = new Map<Text | Attr, string>()
    const translate = (text: string, element: Element, isText: boolean): string | undefined => {
      const key = ENGLISH.get(text.trim())
      if (key && (!isText || element.closest(PAYLOAD_TEXT))) return text.replace(text.trim(), ours[key].trim())
      const date = isText && element.closest(LOCKED_DIALOG) ? parseAmericanDateTime(text) : undefined
      return date && dateLocaleLoaded ? formatDate({ date, i18n: i18n as never, pattern: DOCUMENT_DATE_FORMAT }) : undefined
    }
    const fix = (node: Text | Attr) => {
      // Never what someone writes: the rich-text editor would take a change there as their edit.
      const element = node instanceof Attr ? node.ownerElement : node.parentElement
      if (!element || element.closest('[contenteditable="true"]')) return
      const replaced = translate(node.nodeValue ?? '', element, node instanceof Text)
      if (replaced === undefined || replaced === node.nodeValue) return
      if (!originals.has(node)) originals.set(node, node.nodeValue ?? '')
      node.nodeValue = replaced
    }
    const visit = (root: Node) => {
      if (root instanceof Text) return fix(root)
      if (!(root instanceof Element)) return
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
      for (let node: Node | null = root; node; node = walker.nextNode()) {
        if (node instanceof Text) fix(node)
        else if (node instanceof Element) for (const name of ATTRIBUTES) if (node.getAttributeNode(name)) fix(node.getAttributeNode(name)!)
      }
    }
    visit(document.body)
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData' && record.target instanceof Text) fix(record.target)
        else if (record.type === 'attributes' && record.target instanceof Element) {
          const attribute = record.target.getAttributeNode(record.attributeName ?? '')
          if (attribute) fix(attribute)
        } else record.addedNodes.forEach(visit)
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES })
    return () => {
      observer.disconnect()
      for (const [node, original] of originals) node.nodeValue = original
    }
    // i18n changes with the language; its date locale arrives a moment after the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, dateLocaleLoaded])

  return <>{children}</>
}
