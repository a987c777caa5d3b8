/**
 * The hosted workflow (.github/workflows/ci.yml) runs what .ci/run runs: every npm command line in .ci/run
 * (npm ci, npm run …, npm test) is also run by the workflow, in the same order, and the workflow additionally
 * runs `npm run test:mongo` in a job with a MongoDB replica set (a service started with --replSet) and a
 * MONGODB_URL naming that replica set. Adding a step to .ci/run and not to the workflow fails here.
 * Shell is read simply: continued lines joined, quoted text and comments dropped, commands split at && || ; |.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..', '..')
const CI_RUN = '.ci/run'
const WORKFLOW = '.github/workflows/ci.yml'

type Env = Record<string, string | number | boolean>

interface Step {
  name?: string
  run?: string
  env?: Env
}

interface Service {
  image?: string
  command?: string | string[]
  env?: Env
}

interface Job {
  env?: Env
  services?: Record<string, Service>
  steps?: Step[]
}

interface Workflow {
  env?: Env
  jobs: Record<string, Job>
}

/** A command the workflow runs, with the environment its step sees (workflow, job and step env merged). */
interface WorkflowCommand {
  command: string
  job: string
  step: string
  env: Env
}

/**
 * The npm commands a shell script runs, one string per command with single spaces, leading `VAR=value`
 * assignments and shell keywords (`if`, `then`, …) dropped: `npm ci --no-audit`, `npm run build`, `npm test`. Text in quotes is not a command
 * (`step "build (npm run build)"` runs none), and neither is a comment.
 */
function npmCommands(script: string): string[] {
  const joined = script.replace(/\\\n/g, ' ')
  return joined.split('\n').flatMap((line) => {
    const unquoted = line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""')
    const code = unquoted.replace(/(^|\s)#.*$/, '')
    return code
      .split(/&&|\|\||;|\|/)
      .map((segment) =>
        segment
          .trim()
          .replace(/^(?:(?:if|then|else|elif|do|while|until|time|exec|!)\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, '')
          .replace(/\s+/g, ' '),
      )
      .filter((command) => /^npm(\s|$)/.test(command))
  })
}

/** Every command the workflow's steps run, in file order (jobs in the order written, steps in order). */
function workflowCommands(workflow: Workflow): WorkflowCommand[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, definition]) =>
    (definition.steps ?? []).flatMap((step, index) =>
      step.run === undefined
        ? []
        : npmCommands(step.run).map((command) => ({
            command,
            job,
            step: step.name ?? `step ${index + 1}`,
            env: { ...workflow.env, ...definition.env, ...step.env },
          })),
    ),
  )
}

/** The .ci/run commands the workflow does not run, and whether the ones it runs come in .ci/run's order. */
function compare(ciRun: string[], workflow: string[]): { missing: string[]; inOrder: boolean } {
  const missing = ciRun.filter((command) => !workflow.includes(command))
  let at = 0
  for (const command of workflow) if (command === ciRun[at]) at++
  return { missing, inOrder: at === ciRun.length }
}

const serviceCommand = (service: Service) => (Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? ''))

const ciRunText = readFileSync(path.join(root, CI_RUN), 'utf8')
const workflow = parse(readFileSync(path.join(root, WORKFLOW), 'utf8')) as Workflow
const ciRunCommands = npmCommands(ciRunText)
const runByWorkflow = workflowCommands(workflow)

describe('reading shell', () => {
  it('finds npm commands, also chained, and not in quotes or comments', () => {
    const script = [
      'step "production build and smoke test (npm run build && npm run smoke)"',
      'npm run build && npm run smoke',
      '# npm run commented-out',
      "echo 'npm test' # npm run also-commented",
      'CI=true  NODE_ENV=test npm   test',
      'npm ci --no-audit --no-fund \\',
      '  --prefix examples/consumer-site',
      'if npm run lint; then true; fi',
    ].join('\n')
    expect(npmCommands(script)).toEqual([
      'npm run build',
      'npm run smoke',
      'npm test',
      'npm ci --no-audit --no-fund --prefix examples/consumer-site',
      'npm run lint',
    ])
  })

  it('notices a command .ci/run runs and the workflow does not, and a change of order', () => {
    const workflowRuns = ['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm test', 'npm run test:mongo']
    const ciRun = npmCommands('npm ci --no-audit --no-fund\nnpm run typecheck\nnpm test\n')
    expect(compare(ciRun, workflowRuns)).toEqual({ missing: [], inOrder: true })
    expect(compare(npmCommands('npm ci --no-audit --no-fund\nnpm run typecheck\nnpm run lint\nnpm test\n'), workflowRuns)).toEqual({
      missing: ['npm run lint'],
      inOrder: false,
    })
    expect(compare(['npm test', 'npm run typecheck'], workflowRuns)).toEqual({ missing: [], inOrder: false })
  })
})

describe(`${WORKFLOW} runs what ${CI_RUN} runs`, () => {
  it(`${CI_RUN} has its steps where this test looks for them`, () => {
    // If this fails, .ci/run's commands are no longer plain `npm …` lines: teach npmCommands to read them.
    expect(ciRunCommands).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm test', 'npm run test:e2e']))
  })

  it('every npm command of .ci/run is run by the workflow, in the same order', () => {
    const { missing, inOrder } = compare(
      ciRunCommands,
      runByWorkflow.map((c) => c.command),
    )
    expect(missing, `${CI_RUN} runs these and ${WORKFLOW} does not: add them as steps there`).toEqual([])
    expect(inOrder, `${WORKFLOW} runs ${CI_RUN}'s commands in another order`).toBe(true)
  })

  it('runs `npm run test:mongo` against a MongoDB replica set service', () => {
    const mongoRuns = runByWorkflow.filter((c) => c.command === 'npm run test:mongo')
    expect(mongoRuns, `${WORKFLOW} never runs npm run test:mongo`).not.toEqual([])
    for (const run of mongoRuns) {
      const services = Object.values(workflow.jobs[run.job].services ?? {})
      const mongo = services.find((service) => /^mongo(:|@|$)/.test(service.image ?? ''))
      expect(mongo, `job ${run.job} runs test:mongo without a mongo service`).toBeDefined()
      const replSet = /--replSet[= ](\S+)/.exec(serviceCommand(mongo!))?.[1]
      expect(replSet, `job ${run.job}'s mongo service is not started with --replSet (Payload's transactions need a replica set)`).toBeDefined()
      const url = String(run.env.MONGODB_URL ?? '')
      expect(url, `step "${run.step}" has no MONGODB_URL, so test:mongo would run nothing`).toMatch(/^mongodb:\/\//)
      expect(new URL(url).searchParams.get('replicaSet'), `MONGODB_URL names another replica set than --replSet ${replSet}`).toBe(replSet)
    }
  })
})
