import { RecentStrings } from './RecentStrings'
import { Rejection } from './Rejection'

const NOTHING = Symbol('nothing looked up yet')
/** Distinct raw values after which the front table ({@link RecentStrings}) is widened. */
const WIDEN_AFTER = 256
/** Lookups between two reviews of whether comparing with the last one pays (a quarter of repeats or more). */
const REVIEW = 256

/**
 * Coerces each distinct raw value once and numbers the distinct coerced values. Aggregated PostHog results repeat
 * a few hundred accounts, a handful of metrics and a limited set of timestamps across a million rows, so per row a
 * cell costs one `Map` lookup instead of a trim, a regex and a validation.
 *
 * `idOf(raw)` answers a small integer: `>= 0` is the id of the coerced value (`valueOf(id)`); two raw values that
 * coerce to the same value (`' org_1 '` and `'org_1'`) get the same id, so ids compare exactly like the coerced
 * strings do (the engine's duplicate detection relies on that). `< 0` means the raw value was refused
 * (`rejectionOf(id)`, the coercer's own {@link Rejection}, with its message). Primitive raw values are cached;
 * objects (`Date`, arrays) are coerced every time, as their identity says nothing about their content.
 */
export class CoercionCache {
  private readonly byRaw = new Map<unknown, number>()
  /** Coerced values whose raw value differs from them (e.g. trimmed), by coerced value. */
  private readonly byCoerced = new Map<string, number>()
  private readonly values: string[] = []
  private readonly rejections: Rejection[] = []
  // The last lookup: sorted results repeat a value over consecutive rows, and comparing two equal short strings is
  // cheaper than hashing one.
  private lastRaw: unknown = NOTHING
  private lastId = 0
  // Whether comparing with the last lookup pays: a column that never repeats consecutively (an account per row)
  // would pay a string comparison per row for nothing. Reviewed every REVIEW lookups from the repeats seen,
  // counted whether the comparison was made or not.
  private checkLast = true
  private repeats = 0
  private untilReview = REVIEW
  /** Spares hashing whole fresh strings on repeats that are not consecutive (an account every few rows). */
  private readonly recent = new RecentStrings()

  /**
   * @param coerce the coercion, also usable uncached (for a column whose values hardly repeat, where caching every
   *   value would cost more than it saves).
   */
  constructor(readonly coerce: (raw: unknown) => string | Rejection) {}

  /** Number of distinct coerced values seen. */
  get size(): number {
    return this.values.length
  }

  /** The id of `raw`'s coerced value (`>= 0`), or a negative code when it was refused (see {@link rejectionOf}). */
  idOf(raw: unknown): number {
    if (--this.untilReview === 0) this.review()
    if (this.checkLast && raw === this.lastRaw) {
      this.repeats++
      return this.lastId
    }
    let id: number | undefined
    if (typeof raw === 'string') {
      id = this.recent.get(raw)
      if (id === undefined) {
        id = this.byRaw.get(raw) ?? this.miss(raw)
        this.recent.set(raw, id)
      }
    } else {
      id = this.byRaw.get(raw) ?? this.miss(raw)
    }
    if (id === this.lastId) this.repeats++
    // Objects are not remembered: the same Date may hold another instant next time.
    this.lastRaw = typeof raw === 'object' && raw !== null ? NOTHING : raw
    this.lastId = id
    return id
  }

  /**
   * Every coerced value by id, the array itself: it only grows, and an id never changes its value, so holders can
   * read new ids from it later.
   */
  get dictionary(): readonly string[] {
    return this.values
  }

  /** The coerced value of an id from {@link idOf}. */
  valueOf(id: number): string {
    return this.values[id] as string
  }

  /** The rejection of a negative code from {@link idOf}. */
  rejectionOf(code: number): Rejection {
    return this.rejections[-1 - code] as Rejection
  }

  private review(): void {
    this.checkLast = this.repeats * 4 >= REVIEW
    this.repeats = 0
    this.untilReview = REVIEW
  }

  private miss(raw: unknown): number {
    const coerced = this.coerce(raw)
    let id: number
    if (coerced instanceof Rejection) {
      this.rejections.push(coerced)
      id = -this.rejections.length
    } else {
      id = this.idOfCoerced(raw, coerced)
    }
    if (raw === null || typeof raw !== 'object') this.byRaw.set(raw, id)
    // The front table starts small (a dry run, a preview); a column of many distinct strings gets the wide one.
    if (this.byRaw.size === WIDEN_AFTER) this.recent.widen()
    return id
  }

  private idOfCoerced(raw: unknown, coerced: string): number {
    // A raw string equal to `coerced` is keyed by itself in byRaw when it coerces to itself.
    const self = this.byRaw.get(coerced)
    if (self !== undefined && self >= 0 && this.values[self] === coerced) return self
    const known = this.byCoerced.get(coerced)
    if (known !== undefined) return known
    const id = this.values.length
    this.values.push(coerced)
    if (raw !== coerced) this.byCoerced.set(coerced, id)
    return id
  }
}
