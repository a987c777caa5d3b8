/**
 * The floor: a minimal Express 5 server answering GET /api/reports/:id with the report JSON
 * the CMS returned once (depth 1), from memory. What the hardware, Node and Express can do;
 * every other row is measured against it. Run as a child process:
 *   FLOOR_BODY_FILE=<json file> node --import tsx bench/floor.ts
 */
import express from 'express'
import { readFileSync } from 'node:fs'

const body = readFileSync(process.env.FLOOR_BODY_FILE!)
const app = express()
app.disable('x-powered-by')
app.set('etag', false)
app.get('/api/reports/:id', (_req, res) => {
  res.type('application/json').send(body)
})
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(`floor listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
