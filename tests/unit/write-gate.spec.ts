/**
 * The write gate (src/http/write-gate.ts) on a real Express server: at most N writes run at once,
 * the others wait their turn in order; reads never wait; a client that gives up frees its place.
 */
import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { writeGate } from '../../src/http/write-gate'

describe('write gate', () => {
  let base: string
  let close: () => void
  let running = 0
  let mostAtOnce = 0
  const order: string[] = []

  beforeAll(async () => {
    const app = express()
    app.use(writeGate(2))
    app.all('/work/:name', async (req, res) => {
      running++
      mostAtOnce = Math.max(mostAtOnce, running)
      order.push(req.params.name)
      await new Promise((resolve) => setTimeout(resolve, Number(req.query.ms ?? 50)))
      running--
      res.send(req.params.name)
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => close())

  it('runs at most two writes at once, the rest in arrival order', async () => {
    mostAtOnce = 0
    order.length = 0
    const names = ['a', 'b', 'c', 'd', 'e', 'f']
    const answers = []
    for (const name of names) {
      answers.push(fetch(`${base}/work/${name}`, { method: 'POST' }).then((response) => response.text()))
      await new Promise((resolve) => setTimeout(resolve, 5)) // a definite arrival order
    }
    expect(await Promise.all(answers)).toEqual(names)
    expect(mostAtOnce).toBe(2)
    expect(order).toEqual(names)
  })

  it('never holds up reads', async () => {
    order.length = 0
    const writes = [1, 2, 3].map((n) => fetch(`${base}/work/w${n}?ms=300`, { method: 'PATCH' }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await (await fetch(`${base}/work/read?ms=1`)).text()).toBe('read')
    // Answered while the third write still waits behind two slow ones.
    expect(order).toHaveLength(3)
    expect(order[2]).toBe('read')
    await Promise.all(writes)
    expect(order.slice(0, 2).concat(order.slice(3)).sort()).toEqual(['w1', 'w2', 'w3'])
  })

  it('gives the place of a client that went away to the next in line', async () => {
    mostAtOnce = 0
    order.length = 0
    const slow = [1, 2].map((n) => fetch(`${base}/work/slow${n}?ms=200`, { method: 'POST' }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const impatient = new AbortController()
    const abandoned = fetch(`${base}/work/abandoned`, { method: 'POST', signal: impatient.signal }).catch(() => 'aborted')
    await new Promise((resolve) => setTimeout(resolve, 20))
    const patient = fetch(`${base}/work/patient`, { method: 'POST' }).then((response) => response.text())
    await new Promise((resolve) => setTimeout(resolve, 20))
    impatient.abort()
    expect(await abandoned).toBe('aborted')
    expect(await patient).toBe('patient')
    await Promise.all(slow)
    expect(order).toEqual(['slow1', 'slow2', 'patient'])
    expect(mostAtOnce).toBe(2)
  })
})
