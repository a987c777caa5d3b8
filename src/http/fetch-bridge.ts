/**
 * Payload's REST and GraphQL handlers speak the Fetch API (Request -> Response).
 * These functions translate between them and Express. Request bodies are read here, up to a
 * limit, so an oversized body is refused with 413 before Payload spends anything on it.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { env } from '../env'

export class PayloadTooLargeError extends Error {
  readonly status = 413
  constructor(limit: number) {
    super(`Request body is larger than the limit of ${limit} bytes.`)
  }
}

export class BadRequestBodyError extends Error {
  readonly status = 400
}

async function readBody(req: ExpressRequest, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new PayloadTooLargeError(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new PayloadTooLargeError(limit)
    chunks.push(chunk)
  }
  const body = Buffer.concat(chunks)
  if (!/multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    try {
      utf8.decode(body)
    } catch {
      throw new BadRequestBodyError('Request body is not valid UTF-8.')
    }
  }
  return body
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export async function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Promise<Request> {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const body = hasBody ? await readBody(req, env().MAX_BODY_BYTES) : undefined
  const controller = new AbortController()
  // Abort the handler's work when the client goes away mid-request (once per response, not per
  // socket: a keep-alive socket would collect a listener for every request it carries).
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  return new Request(url, { method: req.method, headers, body: body as BodyInit | undefined, signal: controller.signal })
}

export async function sendFetchResponse(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await pipeline(Readable.fromWeb(response.body as never), res)
}
