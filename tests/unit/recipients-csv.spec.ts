import { describe, expect, it } from 'vitest'

import { parseRecipientsCsv } from '../../src/sending/recipients-csv'

describe('recipients CSV', () => {
  it('reads comma or semicolon files, a BOM, CRLF, quotes and Swedish headers', () => {
    const result = parseRecipientsCsv(
      '\uFEFFNamn;E-post;Organisation\r\nAnna;anna@region.example;"Region; Kansliet"\r\n"Bo ""Bosse"" Berg";bo@region.example;\r\n\r\n',
    )
    expect(result).toEqual({
      ok: true,
      recipients: [
        { name: 'Anna', email: 'anna@region.example', organisation: 'Region; Kansliet' },
        { name: 'Bo "Bosse" Berg', email: 'bo@region.example' },
      ],
    })
    expect(parseRecipientsCsv('email,name\nc@region.example,Cecilia\n')).toEqual({ ok: true, recipients: [{ name: 'Cecilia', email: 'c@region.example' }] })
  })

  it('names every bad line: invalid address, missing name, duplicates in any case, extra fields', () => {
    const result = parseRecipientsCsv(
      [
        'name,email',
        'Eva,eva@region.example',
        'Fel,inte-en-adress',
        ',utan-namn@region.example',
        'Eva igen,EVA@region.example',
        'X,x@region.example,extra',
        'Ok,ok@region.example',
      ].join('\n'),
    )
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 3: invalid e-mail address "inte-en-adress"',
        'line 4: no name',
        'line 5: duplicate: EVA@region.example is already on line 2',
        'line 6: 3 fields, the header has 2',
      ],
    })
  })

  it('counts lines inside quoted line breaks', () => {
    const result = parseRecipientsCsv('name,email\n"Anna\nAndersson",anna@region.example\nFel,fel\n')
    expect(result).toEqual({ ok: false, errors: ['line 4: invalid e-mail address "fel"'] })
  })

  it('refuses unknown or missing columns and empty files', () => {
    expect(parseRecipientsCsv('namn,telefon\nA,1\n')).toEqual({
      ok: false,
      errors: ['line 1: unknown column "telefon" (expected name, email, organisation)', 'line 1: no "email" column'],
    })
    expect(parseRecipientsCsv('')).toMatchObject({ ok: false })
    expect(parseRecipientsCsv('name,email\n')).toEqual({ ok: false, errors: ['the file has a header row but no recipients'] })
  })
})
