/** Starts one real server for the integration specs; they reach it through inject('baseUrl'). */
import type { TestProject } from 'vitest/node'

import { startServer, type ServerProcess } from './server-process'
import { prepareTestEnvironment } from './test-database'

let server: ServerProcess | undefined

export async function setup(project: TestProject) {
  prepareTestEnvironment()
  server = await startServer()
  project.provide('baseUrl', server.url)
  console.log(`integration suite: server ${server.url}, database ${process.env.DATABASE_URL}`)
}

export async function teardown() {
  const code = await server?.stop('SIGTERM')
  if (code !== 0) console.error(`server exited with ${code} on SIGTERM:\n${server?.output().slice(-4000)}`)
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
