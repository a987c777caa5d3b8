/**
 * Starts lagesbild: one server process (src/server.ts) or, with more than one worker
 * (WEB_CONCURRENCY, default: one per core in production; see src/cluster/worker-count.ts), a
 * primary process that runs that many of them on one port (src/cluster/primary.ts).
 */
import cluster from 'node:cluster'

import { workerCount } from './cluster/worker-count'
import { envVariables } from './env'

const workers = workerCount(envVariables('WEB_CONCURRENCY', 'NODE_ENV', 'DATABASE_URL'))

if (cluster.isPrimary && workers > 1) {
  const { runPrimary } = await import('./cluster/primary')
  runPrimary(workers)
} else {
  await import('./server')
}
