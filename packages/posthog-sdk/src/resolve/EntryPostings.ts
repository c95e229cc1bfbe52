const EMPTY = new Int32Array(0)

/**
 * The name entries containing a word, by word and by the entry's word count (an alignment needs equal counts), in
 * compressed rows: two typed arrays and one integer map instead of an array per word. Built in one pass over the
 * entries' word ids when the first lookup needs it.
 */
export class EntryPostings {
  private readonly ordinals = new Map<number, number>()
  private readonly starts: Int32Array
  private readonly entries: Int32Array

  /**
   * @param wordIds the word ids of every entry, one after the other
   * @param entryWordStart where each entry's word ids start in `wordIds`, plus the end as last element
   * @param maxWords entries with more words are left out
   */
  constructor(wordIds: readonly number[], entryWordStart: readonly number[], maxWords: number) {
    const counts: number[] = []
    this.forEachPosting(wordIds, entryWordStart, maxWords, (slot) => {
      let ordinal = this.ordinals.get(slot)
      if (ordinal === undefined) {
        ordinal = counts.length
        this.ordinals.set(slot, ordinal)
        counts.push(0)
      }
      counts[ordinal]!++
    })
    this.starts = new Int32Array(counts.length + 1)
    for (let i = 0; i < counts.length; i++) this.starts[i + 1] = this.starts[i]! + counts[i]!
    this.entries = new Int32Array(this.starts[counts.length]!)
    const cursor = this.starts.slice(0, counts.length)
    this.forEachPosting(wordIds, entryWordStart, maxWords, (slot, entry) => {
      const ordinal = this.ordinals.get(slot)!
      this.entries[cursor[ordinal]!++] = entry
    })
  }

  /** The entries of `wordCount` words that contain word `wordId`, in entry order. */
  list(wordId: number, wordCount: number): Int32Array {
    const ordinal = this.ordinals.get(slotOf(wordId, wordCount))
    return ordinal === undefined ? EMPTY : this.entries.subarray(this.starts[ordinal]!, this.starts[ordinal + 1]!)
  }

  private forEachPosting(
    wordIds: readonly number[],
    entryWordStart: readonly number[],
    maxWords: number,
    visit: (slot: number, entry: number) => void,
  ): void {
    for (let entry = 0; entry < entryWordStart.length - 1; entry++) {
      const start = entryWordStart[entry]!
      const end = entryWordStart[entry + 1]!
      const count = end - start
      if (count > maxWords) continue
      for (let i = start; i < end; i++) {
        // A word twice in one name ("Wolf Wolf Services") lists the entry once.
        if (wordIds.indexOf(wordIds[i]!, start) < i) continue
        visit(slotOf(wordIds[i]!, count), entry)
      }
    }
  }
}

function slotOf(wordId: number, wordCount: number): number {
  return wordId * 16 + wordCount
}
