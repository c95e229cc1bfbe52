/** A counting semaphore with a FIFO queue and abortable waits. */
export class Semaphore {
  private inUse = 0
  private readonly queue: Array<{ grant: () => void }> = []

  constructor(private slotCount: number) {}

  /** Slots allowed at once. */
  get slots(): number {
    return this.slotCount
  }

  /** Lowers the slot count; holders above it finish normally and their slots are not handed on. */
  shrink(slots: number): void {
    this.slotCount = Math.min(this.slotCount, slots)
  }

  /** Resolves once a slot is held; rejects with the signal's reason if aborted while queued. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.inUse < this.slotCount) {
      this.inUse++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      const onAbort = () => {
        const index = this.queue.indexOf(entry)
        if (index >= 0) this.queue.splice(index, 1)
        reject(signal?.reason)
      }
      this.queue.push(entry)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Frees a slot, handing it straight to the next waiter if there is one. */
  release(): void {
    if (this.inUse > this.slotCount) {
      // Above a lowered count: the slot is gone, not handed on.
      this.inUse--
      return
    }
    const next = this.queue.shift()
    if (next) next.grant()
    else this.inUse = Math.max(0, this.inUse - 1)
  }

  /** Slots held now. */
  get running(): number {
    return this.inUse
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.queue.length
  }
}
