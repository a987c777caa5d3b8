/** What the primary process and its workers say to each other over IPC (see primary.ts). */

/** Worker -> primary: this worker takes traffic now. */
export interface ListeningMessage {
  type: 'lagesbild:listening'
  port: number
}

/** Either way: forget these cached dependencies (and remembered credentials when `users`). */
export interface InvalidateMessage {
  type: 'lagesbild:invalidate'
  id: string
  dependencies: string[]
  users?: boolean
}

/** Worker -> primary: applied invalidation `id`. Primary -> worker: every other worker has applied `id`. */
export interface InvalidatedMessage {
  type: 'lagesbild:invalidated'
  id: string
}

/** Worker -> primary: a question for the whole server; answered with an AnswerMessage of the same id. */
export interface AskMessage {
  type: 'lagesbild:ask'
  id: string
  question: 'readiness' | 'metrics'
}

/** Primary -> worker: your metrics as JSON please (answered with an AnswerMessage of the same id). */
export interface MetricsRequestMessage {
  type: 'lagesbild:metrics'
  id: string
}

export interface AnswerMessage {
  type: 'lagesbild:answer'
  id: string
  answer: unknown
}

export interface Readiness {
  /** Workers listening now, and how many there should be. */
  ready: number
  expected: number
  shuttingDown: boolean
}

export type ClusterMessage = ListeningMessage | InvalidateMessage | InvalidatedMessage | AskMessage | MetricsRequestMessage | AnswerMessage

export function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).startsWith('lagesbild:')
}
