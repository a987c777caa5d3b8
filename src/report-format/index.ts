/** The report format: model, text parser, text/Markdown/HTML renderers, Lexical mapping. Pure; no Payload, no fs. */
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
export {
  renderReportText,
  renderBlocks,
  renderInlines,
  renderCompiledAt,
  renderCompiledLine,
  reportBlocksInOrder,
} from './render-text'
export type { TitledBlock } from './render-text'
export { renderReportMarkdown } from './render-markdown'
export { renderReportHtml } from './render-html'
export { isSafeLinkUrl } from './link-url'
export { blocksToLexical, lexicalToBlocks } from './lexical'
export type { LexicalEditorState, LexicalNode } from './lexical'
export { fromStockholmLocal, toStockholmLocal } from './stockholm-time'
export type { LocalDateTime } from './stockholm-time'
