/**
 * Recipients from a CSV file, as a spreadsheet exports it: a header row naming the columns
 * (name/namn, email/e-post, organisation), comma- or semicolon-separated (Swedish Excel uses
 * semicolons), quotes as in RFC 4180, an optional UTF-8 BOM. Every line is checked; the result
 * is either all recipients or every line's errors, never a part of the file.
 */

export interface Recipient {
  name: string
  email: string
  organisation?: string
}

export type CsvResult = { ok: true; recipients: Recipient[] } | { ok: false; errors: string[] }

/** Payload's own check for an `email` field (payload/dist/fields/validations.js), so what passes here saves. */
const EMAIL =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

export const isEmailAddress = (value: string) => EMAIL.test(value)

const COLUMNS: Record<string, keyof Recipient> = {
  name: 'name',
  namn: 'name',
  email: 'email',
  'e-mail': 'email',
  'e-post': 'email',
  epost: 'email',
  organisation: 'organisation',
  organization: 'organisation',
}

/** Splits CSV text into rows of fields, each row with the line number it starts on. */
function parseRows(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        field += char
      }
    } else if (char === '"' && field === '') quoted = true
    else if (char === delimiter) {
      fields.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      rows.push({ line: rowLine, fields })
      fields = []
      field = ''
      rowLine = ++line
    } else field += char
  }
  if (field !== '' || fields.length > 0) rows.push({ line: rowLine, fields: [...fields, field] })
  return rows.filter((row) => row.fields.some((value) => value.trim() !== ''))
}

export function parseRecipientsCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '')
  const headerLine = text.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const [header, ...rows] = parseRows(text, delimiter)
  if (!header) return { ok: false, errors: ['the file is empty: expected a header row "name,email,organisation"'] }

  const columns = header.fields.map((title) => COLUMNS[title.trim().toLowerCase()])
  const unknown = header.fields.filter((_, index) => !columns[index]).map((title) => `"${title.trim()}"`)
  const errors: string[] = []
  if (unknown.length > 0) errors.push(`line ${header.line}: unknown column ${unknown.join(', ')} (expected name, email, organisation)`)
  for (const required of ['name', 'email'] as const) {
    if (!columns.includes(required)) errors.push(`line ${header.line}: no "${required}" column`)
  }
  if (errors.length > 0) return { ok: false, errors }

  const recipients: Recipient[] = []
  const firstLineOf = new Map<string, number>()
  for (const row of rows) {
    const recipient: Partial<Recipient> = {}
    columns.forEach((column, index) => {
      const value = row.fields[index]?.trim()
      if (column && value) recipient[column] = value
    })
    const problems: string[] = []
    if (row.fields.length > columns.length) problems.push(`${row.fields.length} fields, the header has ${columns.length}`)
    if (!recipient.name) problems.push('no name')
    if (!recipient.email) problems.push('no e-mail address')
    else if (!isEmailAddress(recipient.email)) problems.push(`invalid e-mail address "${recipient.email}"`)
    else {
      const key = recipient.email.toLowerCase()
      const first = firstLineOf.get(key)
      if (first !== undefined) problems.push(`duplicate: ${recipient.email} is already on line ${first}`)
      else firstLineOf.set(key, row.line)
    }
    if (problems.length > 0) errors.push(`line ${row.line}: ${problems.join('; ')}`)
    else recipients.push(recipient as Recipient)
  }
  if (errors.length > 0) return { ok: false, errors }
  if (recipients.length === 0) return { ok: false, errors: ['the file has a header row but no recipients'] }
  return { ok: true, recipients }
}
