/** An account that owns a key, with the directory's value the key came from. */
export interface KeyOwner {
  accountId: string
  value: string
}

/** Exact keys to the accounts that own them; the building block of the id, domain and custom-field resolvers. */
export class KeyIndex {
  private readonly owners = new Map<string, KeyOwner[]>()

  /** Records that `accountId` owns `key` (given in the directory as `value`). */
  add(key: string, accountId: string, value: string): void {
    const list = this.owners.get(key)
    if (list === undefined) this.owners.set(key, [{ accountId, value }])
    else if (!list.some((owner) => owner.accountId === accountId)) list.push({ accountId, value })
  }

  /** The distinct accounts owning any of `keys`, in key order. */
  find(keys: readonly string[]): KeyOwner[] {
    if (keys.length === 1) return this.owners.get(keys[0]!) ?? []
    const found: KeyOwner[] = []
    for (const key of keys) {
      for (const owner of this.owners.get(key) ?? []) {
        if (!found.some((other) => other.accountId === owner.accountId)) found.push(owner)
      }
    }
    return found
  }

  /** The number of distinct keys. */
  get size(): number {
    return this.owners.size
  }
}
