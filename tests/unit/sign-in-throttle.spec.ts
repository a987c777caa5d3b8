/** The sign-in throttle's counting, on a clock the test moves (src/auth/sign-in-throttle.ts). */
import { describe, expect, it } from 'vitest'

import { accountKey, clientKey, SIGN_IN_LIMITS, SignInThrottle } from '../../src/auth/sign-in-throttle'

const { perAccount, perClient, windowMs } = SIGN_IN_LIMITS

function throttle() {
  let now = 1_000_000
  return { throttle: new SignInThrottle(() => now), advance: (ms: number) => (now += ms) }
}

describe('sign-in throttle', () => {
  it('lets a client fail five times on an account, then makes it wait until 15 minutes after its last failure', () => {
    const { throttle: t, advance } = throttle()
    for (let i = 0; i < perAccount; i++) expect(t.admit('1.2.3.4', 'a')).toBe(0)
    expect(t.admit('1.2.3.4', 'a')).toBe(windowMs / 1000)
    advance(windowMs - 1000)
    expect(t.admit('1.2.3.4', 'a')).toBe(1)
    advance(1000)
    expect(t.admit('1.2.3.4', 'a')).toBe(0)
  })

  it('keeps other clients and other accounts out of it', () => {
    const { throttle: t } = throttle()
    for (let i = 0; i < perAccount; i++) t.admit('1.2.3.4', 'a')
    expect(t.admit('1.2.3.4', 'a')).toBeGreaterThan(0)
    expect(t.admit('5.6.7.8', 'a')).toBe(0)
    expect(t.admit('1.2.3.4', 'b')).toBe(0)
  })

  it('stops a client that fails on many accounts, for every account', () => {
    const { throttle: t } = throttle()
    for (let i = 0; i < perClient; i++) expect(t.admit('1.2.3.4', `account-${i}`)).toBe(0)
    expect(t.admit('1.2.3.4', 'never-tried')).toBeGreaterThan(0)
    expect(t.admit('5.6.7.8', 'never-tried')).toBe(0)
  })

  it("forgets a client's failures on an account when it signs in, but not its failures elsewhere", () => {
    const { throttle: t } = throttle()
    for (let i = 0; i < perAccount - 1; i++) t.admit('1.2.3.4', 'a')
    for (let i = 0; i < perClient - perAccount; i++) t.admit('1.2.3.4', `other-${i}`)
    t.admit('1.2.3.4', 'a')
    t.succeeded('1.2.3.4', 'a')
    // The success took back its own attempt only: one more failure anywhere reaches the client limit.
    expect(t.admit('1.2.3.4', 'a')).toBe(0)
    expect(t.admit('1.2.3.4', 'a')).toBeGreaterThan(0)
  })

  it('lifts an account for every client when an admin unlocks it', () => {
    const { throttle: t } = throttle()
    for (let i = 0; i < perAccount; i++) t.admit('1.2.3.4', 'a')
    t.forgetAccount('a')
    expect(t.admit('1.2.3.4', 'a')).toBe(0)
  })

  it('stays within its memory bound whatever arrives, forgetting the oldest first', () => {
    const { throttle: t } = throttle()
    for (let i = 0; i < perAccount; i++) t.admit('1.2.3.4', 'a')
    for (let i = 0; i < SIGN_IN_LIMITS.maxEntries; i++) t.admit(`10.0.${i >> 8}.${i & 255}`, 'x')
    expect(t.admit('1.2.3.4', 'a')).toBe(0)
  })

  it('counts IPv6 clients by /64 and IPv4-mapped addresses as IPv4, and accounts by normalised e-mail', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:0db8:0001:0002:ffff:1:2:3'))
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'))
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(accountKey(' Anna@Example.org ')).toBe(accountKey('anna@example.org'))
    expect(accountKey('x'.repeat(1_000_000)).length).toBeLessThan(50)
  })
})
