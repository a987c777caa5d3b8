/**
 * GET /metrics for Prometheus, never public: it answers only with `Authorization: Bearer
 * <METRICS_TOKEN>` (401 otherwise), and is 404 when no token is configured. In a multi-process
 * server the primary adds up every worker's numbers (counters and histograms summed, process
 * gauges per worker summed too); `?scope=worker` gives the answering worker's own (see X-Worker).
 */
import express, { type Router } from 'express'
import { createHash, timingSafeEqual } from 'node:crypto'

import { answerPrimary, askPrimary, inCluster, onPrimaryMessage } from '../cluster/primary-channel'
import { registry } from '../observability/metrics'

const CLUSTER_METRICS_TIMEOUT_MS = 5_000

// The primary adds up every worker's metrics: this worker's part, when asked.
if (inCluster) onPrimaryMessage('lagesbild:metrics', (message) => void registry.getMetricsAsJSON().then((json) => answerPrimary(message.id, json)))

const digest = (value: string) => createHash('sha256').update(value).digest()

export function metricsRouter(token: string | undefined): Router {
  const router = express.Router()
  router.get('/metrics', async (req, res, next) => {
    try {
      res.set('cache-control', 'no-store')
      if (!token) return void res.status(404).json({ errors: [{ message: 'Not found (metrics are off: set METRICS_TOKEN)' }] })
      const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
      // Compared as digests: equal length, constant time, whatever the caller sent.
      if (!timingSafeEqual(digest(given), digest(token))) {
        return void res
          .status(401)
          .set('www-authenticate', 'Bearer realm="metrics"')
          .json({ errors: [{ message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>' }] })
      }
      const wholeServer = inCluster && req.query.scope !== 'worker'
      const text = wholeServer ? await askPrimary<string>('metrics', CLUSTER_METRICS_TIMEOUT_MS) : await registry.metrics()
      if (text === undefined) return void res.status(503).json({ errors: [{ message: 'The workers did not report their metrics in time' }] })
      res.type(registry.contentType).send(text)
    } catch (error) {
      next(error)
    }
  })
  return router
}
