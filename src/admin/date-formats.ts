/**
 * How the admin writes dates: Swedish form, 24-hour clock. Payload formats with date-fns and the
 * admin language's locale, so these patterns give "1 december 2026 08:45" in Swedish and
 * "1 December 2026 08:45" in English.
 */

/** A document's own dates (last modified, created, versions, the version view). */
export const DOCUMENT_DATE_FORMAT = 'd MMMM yyyy HH:mm'

/** Columns of lists, where dates line up and sort by eye: "2026-12-01 08:45". */
export const LIST_DATE_FORMAT = 'yyyy-MM-dd HH:mm'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Reads the one date Payload 3.90 hard-codes in American English (the "document locked" dialog:
 * Intl en-US, e.g. "Dec 1, 2026, 8:45 PM", in the browser's zone) back into a Date, so that it
 * can be written in the admin's form. Undefined for anything else.
 */
export function parseAmericanDateTime(text: string): Date | undefined {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}), (\d{1,2}):(\d{2})\s?([AP]M)$/.exec(text.trim())
  if (!match) return undefined
  const month = MONTHS.indexOf(match[1])
  const [day, year, hour12, minute] = [match[2], match[3], match[4], match[5]].map(Number)
  if (month < 0 || hour12 < 1 || hour12 > 12 || minute > 59) return undefined
  const hour = (hour12 % 12) + (match[6] === 'PM' ? 12 : 0)
  const date = new Date(year, month, day, hour, minute)
  return date.getDate() === day ? date : undefined
}
