/**
 * POST /api/users/forgot-password is answered at once, alike for every address, and Payload's
 * operation (rate-limit reservation, reset token, mail) runs after the answer. Run inside the
 * request, a known address took longer than an unknown one (it writes the token and an audit
 * entry, then waits for the other instances to acknowledge the change), so the time of the
 * answer told which addresses have accounts. Input without an e-mail still gets Payload's 400.
 * The mail leaves once the operation has committed the token (sendingMailAfter).
 *
 * The operations run one at a time per process, and at most MAX_WAITING wait: the write gate
 * (src/http/write-gate.ts) no longer bounds work that outlives its request, so a flood of
 * requests is answered alike but not acted on beyond that.
 */
import { addDataAndFileToRequest, APIError, forgotPasswordOperation, type Endpoint, type PayloadRequest, type SanitizedConfig } from 'payload'

import { sendingMailAfter } from '.'

const MAX_WAITING = 100

let waiting = 0
let queue: Promise<unknown> = Promise.resolve()

function inTurn(work: () => Promise<unknown>, onError: (error: unknown) => void) {
  if (waiting >= MAX_WAITING) return onError(new Error(`more than ${MAX_WAITING} forgot-password requests waiting; this one is dropped`))
  waiting++
  queue = queue
    .then(work)
    .catch(onError)
    .finally(() => void waiting--)
}

/** Runs Payload's forgot-password operation for `email` after the caller has answered. */
export function forgotPasswordLater(req: PayloadRequest, email: string) {
  inTurn(
    // The type asks for a password too; Payload's own handler passes the e-mail alone.
    () => sendingMailAfter(() => forgotPasswordOperation({ collection: req.payload.collections.users, data: { email } as never, req })),
    (err) => req.payload.logger.error({ err, msg: 'forgot-password failed after it was answered' }),
  )
}

const forgotPasswordAnsweredAlike: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = (req.data as { email?: unknown } | undefined)?.email
    if (typeof email !== 'string' || !email.trim()) throw new APIError('Missing email.', 400)
    forgotPasswordLater(req, email)
    return Response.json({ message: req.t('general:success') })
  },
}

/** Puts the endpoint above in front of Payload's own for the users collection. */
export function answerForgotPasswordAlike(config: SanitizedConfig): SanitizedConfig {
  const users = config.collections.find((collection) => collection.slug === 'users')
  if (users?.endpoints) users.endpoints.unshift(forgotPasswordAnsweredAlike)
  return config
}
