/** Rich-text values as Payload's Lexical editor stores them, for specs and loads that write sections. */
import { blocksToLexical } from '../../src/report-format/lexical'

/** A small rich-text body (one paragraph) in Payload's Lexical JSON. */
export function paragraphBody(text: string) {
  const paragraph = {
    type: 'paragraph',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }],
  }
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph] } }
}

/** A bullet list, one bullet per text, in Payload's Lexical JSON (the report format's own mapping). */
export function bulletBody(...texts: string[]) {
  return blocksToLexical([{ type: 'list', items: texts.map((text) => ({ inlines: [{ type: 'text', text }], children: [] })) }])
}
