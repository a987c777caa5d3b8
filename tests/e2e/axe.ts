/**
 * WCAG 2.1 A and AA (lagen om tillgänglighet till digital offentlig service), checked by axe-core
 * in Chromium: what the e2e specs assert of every page a reader gets (the mailed edition, the print
 * view, the consumer site).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/**
 * axe files these under best practice, not WCAG, but a screen-reader user finds a page by its
 * headings: one level-one heading, levels in order, none empty.
 */
export const HEADING_RULES = ['page-has-heading-one', 'heading-order', 'empty-heading']

const described = (result: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  result.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }))

/** The page's violations at WCAG 2.1 A and AA, each with the elements it was found on. */
export async function wcagViolations(page: Page) {
  return described(await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze())
}

/** The page's violations of HEADING_RULES. */
export async function headingViolations(page: Page) {
  return described(await new AxeBuilder({ page }).withRules(HEADING_RULES).analyze())
}
