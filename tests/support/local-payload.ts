/** The Local API in the test worker, on the same database as the server under test. */
import { getPayload, type Payload } from 'payload'

import config from '../../src/payload.config'

export function localPayload(): Promise<Payload> {
  return getPayload({ config })
}
