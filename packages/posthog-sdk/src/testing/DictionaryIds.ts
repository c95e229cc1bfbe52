import type { StringIds } from '../sync/StringIds'

/**
 * Translates the codes of a run's dictionary ({@link ProductUsageColumns.codes}) to the ids of a store's own
 * {@link StringIds}: each distinct code is hashed once, later ones are an array read. A dictionary only grows during
 * a run, so the translations stay valid until a batch brings another dictionary (a new run), which starts afresh.
 */
export class DictionaryIds {
  private dictionary: readonly string[] | undefined
  private ids: number[] = []

  constructor(private readonly strings: StringIds) {}

  /** The store's id of `dictionary[code]`. */
  idOf(dictionary: readonly string[], code: number): number {
    if (dictionary !== this.dictionary) {
      this.dictionary = dictionary
      this.ids = []
    }
    let id = this.ids[code]
    if (id === undefined) {
      id = this.strings.idOf(dictionary[code] as string)
      this.ids[code] = id
    }
    return id
  }

  /** Forgets the translations (the store's ids were cleared). */
  clear(): void {
    this.dictionary = undefined
    this.ids = []
  }
}
