/** `npm run docs:access`: writes docs/ACCESS.md from the access matrix. */
import { writeFileSync } from 'node:fs'

import { renderAccessMarkdown } from './matrix'

writeFileSync(new URL('../docs/ACCESS.md', import.meta.url), renderAccessMarkdown())
console.log('docs/ACCESS.md written')
