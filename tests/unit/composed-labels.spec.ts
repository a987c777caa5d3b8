/**
 * Texts Payload composes from our labels (src/admin/language/composed-labels.ts): the list's search
 * placeholder and a sort button's column as words in a phrase, and which collection a dashboard
 * create link is for.
 */
import { describe, expect, it } from 'vitest'

import { createLinkSlug, inPhrase, searchPlaceholder } from '../../src/admin/language/composed-labels'

describe('the search placeholder', () => {
  it.each([
    ['Sök efter Rubrik Eller Länk (URL)', 'Sök efter rubrik eller länk (URL)'],
    ['Sök efter Titel, Ämne / program Eller Adressnamn (slug)', 'Sök efter titel, ämne / program eller adressnamn (slug)'],
    ['Sök efter Namn', 'Sök efter namn'],
    ['Sök efter ID', 'Sök efter ID'],
    ['Sök efter E-post', 'Sök efter e-post'],
  ])('%s → %s', (placeholder, phrase) => {
    expect(searchPlaceholder(placeholder, 'Sök efter ', 'sv')).toBe(phrase)
  })

  it('leaves English in lower case after "Search by" and anything else as it is', () => {
    expect(searchPlaceholder('Search by Title or Link (URL)', 'Search by ', 'en')).toBe('Search by title or link (URL)')
    expect(searchPlaceholder('Sök i Rapporter', 'Sök efter ', 'sv')).toBe('Sök i Rapporter')
  })
})

describe('a label inside a phrase', () => {
  it('is lower case unless it is an abbreviation', () => {
    expect(inPhrase('Sammanställd', 'sv')).toBe('sammanställd')
    expect(inPhrase('Länk (URL)', 'sv')).toBe('länk (URL)')
    expect(inPhrase('URL', 'sv')).toBe('URL')
  })
})

describe('the create links on the dashboard', () => {
  it.each([
    ['/admin/collections/reports/create', 'reports'],
    ['/admin/collections/communication-actions/create', 'communication-actions'],
    ['/admin/collections/reports', undefined],
    ['/admin/collections/reports/12', undefined],
    [null, undefined],
  ])('%s is for %s', (href, slug) => {
    expect(createLinkSlug(href)).toBe(slug)
  })
})
