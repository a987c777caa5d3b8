/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with WEBHOOK_SECRET, sent as
 * `X-Lagesbild-Signature: sha256=<hex>` next to `X-Lagesbild-Timestamp` (Unix seconds).
 * Signing the timestamp with the body lets a consumer refuse replays of an old, valid message.
 *
 * `verifyWebhookSignature` depends on node:crypto only, so consumers can copy it as it is.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export function signWebhook({ body, timestamp, secret }: { body: string; timestamp: string; secret: string }): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * True when `signature` is the HMAC of this exact body and timestamp, and the timestamp is at
 * most `toleranceSeconds` away from now. Pass the raw request body (before any JSON parsing).
 */
export function verifyWebhookSignature({
  body,
  timestamp,
  signature,
  secret,
  toleranceSeconds = 300,
}: {
  body: string
  timestamp: string | null | undefined
  signature: string | null | undefined
  secret: string
  toleranceSeconds?: number
}): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp) || !signature?.startsWith('sha256=')) return false
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'), 'utf8')
  const given = Buffer.from(signature.slice('sha256='.length), 'utf8')
  // timingSafeEqual needs equal lengths; the length of a hex digest is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected)
}
