/**
 * Numbers distinct strings 0, 1, 2, ... in order of first sight, so natural-key parts can be compared as small
 * integers ({@link ExactKeySet}). Exact: equal strings, and only they, share an id.
 */
export class StringIds {
  private readonly ids = new Map<string, number>()
  private readonly texts: string[] = []

  /** Forgets every string (ids start again at 0). */
  clear(): void {
    this.ids.clear()
    this.texts.length = 0
  }

  /** The id of `text`, or -1 when it was never seen. */
  find(text: string): number {
    return this.ids.get(text) ?? -1
  }

  /** The id of `text`, given a new one on first sight. */
  idOf(text: string): number {
    let id = this.ids.get(text)
    if (id === undefined) {
      id = this.texts.length
      this.ids.set(text, id)
      this.texts.push(text)
    }
    return id
  }

  /** The string of an id from {@link idOf}. */
  textOf(id: number): string {
    return this.texts[id] as string
  }
}
