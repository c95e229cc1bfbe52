/**
 * PostHog's per-organisation concurrent query limit (`api:query:per-org:{org_id}`, 3 slots): a query waits up to a
 * bound for a slot, then fails. SRC: `posthog/clickhouse/client/limit.py`.
 */
export class ConcurrencyLimiter {
  private readonly running = new Map<string, number>()
  private readonly waiting = new Map<string, (() => void)[]>()

  constructor(
    private readonly slots: number,
    private readonly waitMs: number,
  ) {}

  /** Takes a slot for `key`; resolves to a release function, or `null` when no slot freed up in time. */
  async acquire(key: string, signal?: AbortSignal): Promise<(() => void) | null> {
    if ((this.running.get(key) ?? 0) < this.slots) return this.take(key)
    const granted = await new Promise<boolean>((resolve) => {
      const queue = this.waiting.get(key) ?? []
      this.waiting.set(key, queue)
      const wake = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
        resolve(true)
      }
      const drop = () => {
        const at = queue.indexOf(wake)
        if (at !== -1) queue.splice(at, 1)
      }
      const abort = () => {
        drop()
        clearTimeout(timer)
        resolve(false)
      }
      const timer = setTimeout(() => {
        drop()
        signal?.removeEventListener('abort', abort)
        resolve(false)
      }, this.waitMs)
      signal?.addEventListener('abort', abort, { once: true })
      queue.push(wake)
    })
    return granted ? this.take(key) : null
  }

  /** Slots in use for `key`. */
  inUse(key: string): number {
    return this.running.get(key) ?? 0
  }

  private take(key: string): () => void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.running.set(key, (this.running.get(key) ?? 1) - 1)
      const next = this.waiting.get(key)?.shift()
      next?.()
    }
  }
}
