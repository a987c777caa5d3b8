/** The report format: model, text parser/renderer, Lexical mapping. Pure; no Payload, no fs. */
export * from './model'
export * from './schema'
export { parseReport, parseInlines, isSectionTitle, sectionKindOf } from './parse'
export type { ParseError, ParseOptions, ParseResult } from './parse'
export {
  ACTIONS_HEADING,
  LINKS_HEADING,
  SPOKESPERSONS_HEADING,
  SECTION_KIND_BY_TITLE,
  TITLE_PREFIX,
} from './parse'
export { renderReportText, renderBlocks, renderInlines, renderCompiledAt } from './render-text'
export { blocksToLexical, lexicalToBlocks } from './lexical'
export type { LexicalEditorState, LexicalNode } from './lexical'
export { fromStockholmLocal, toStockholmLocal } from './stockholm-time'
export type { LocalDateTime } from './stockholm-time'
