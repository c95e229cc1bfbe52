import type { Span } from '../ast'
import { queryError } from '../HogQLError'
import type { SourceOffsets } from './sourceOffsets'

/**
 * A node of PostHog's AST as `@posthog/hogql-parser` prints it: `{ node: 'Call', start: { offset }, ... }`.
 * Everything else about it is unknown until a converter reads it through {@link NodeReader}.
 */
export interface PostHogNode {
  node: string
  [key: string]: unknown
}

/** Whether `value` is a PostHog AST node. */
export function isPostHogNode(value: unknown): value is PostHogNode {
  return typeof value === 'object' && value !== null && typeof (value as { node?: unknown }).node === 'string'
}

/**
 * Reads PostHog AST JSON for the converters: positions mapped to UTF-16 offsets of the query text, typed field
 * access that fails with a "not supported by the emulator" error (never a crash) on a shape it does not know.
 */
export class NodeReader {
  constructor(
    readonly text: string,
    readonly offsets: SourceOffsets,
  ) {}

  /** The node's span; nodes the parser synthesises (the `0` of `-x`) have none and take `fallback`'s. */
  span(node: PostHogNode, fallback?: Span): Span {
    const start = offsetOf(node.start)
    const end = offsetOf(node.end)
    if (start === null || end === null)
      return fallback ? { start: fallback.start, end: fallback.end } : { start: 0, end: 0 }
    return { start: this.offsets.toUtf16(start), end: this.offsets.toUtf16(end) }
  }

  /** The error for a construct PostHog parses but the emulator cannot print. */
  unsupported(construct: string, node: PostHogNode, fallback?: Span) {
    const span = this.span(node, fallback)
    return queryError(
      `${construct} is not supported by the emulator (at offset ${span.start}). Rewrite the query without it, or test it against PostHog.`,
      span,
    )
  }

  node(parent: PostHogNode, key: string): PostHogNode {
    const value = parent[key]
    if (!isPostHogNode(value)) throw this.unsupported(`A ${parent.node} without ${key}`, parent)
    return value
  }

  optionalNode(parent: PostHogNode, key: string): PostHogNode | null {
    const value = parent[key]
    if (value === null || value === undefined) return null
    if (!isPostHogNode(value)) throw this.unsupported(`${parent.node}.${key} of this shape`, parent)
    return value
  }

  nodes(parent: PostHogNode, key: string): PostHogNode[] {
    const value = parent[key]
    if (value === null || value === undefined) return []
    if (!Array.isArray(value) || !value.every(isPostHogNode)) {
      throw this.unsupported(`${parent.node}.${key} of this shape`, parent)
    }
    return value
  }

  string(parent: PostHogNode, key: string): string {
    const value = parent[key]
    if (typeof value !== 'string') throw this.unsupported(`${parent.node} without a ${key}`, parent)
    return value
  }

  optionalString(parent: PostHogNode, key: string): string | null {
    const value = parent[key]
    if (value === null || value === undefined) return null
    if (typeof value !== 'string') throw this.unsupported(`${parent.node}.${key} of this shape`, parent)
    return value
  }

  strings(parent: PostHogNode, key: string): string[] {
    const value = parent[key]
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw this.unsupported(`${parent.node}.${key} of this shape`, parent)
    }
    return value
  }

  /** True when the key holds `true`; absent and `null` are false. */
  flag(parent: PostHogNode, key: string): boolean {
    return parent[key] === true
  }

  /** Fails when a clause the emulator does not print is present. */
  rejectPresent(parent: PostHogNode, key: string, construct: string): void {
    const value = parent[key]
    if (value === null || value === undefined || value === false) return
    if (Array.isArray(value) && value.length === 0) return
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return
    throw this.unsupported(construct, isPostHogNode(value) ? value : parent)
  }
}

function offsetOf(position: unknown): number | null {
  if (typeof position !== 'object' || position === null) return null
  const offset = (position as { offset?: unknown }).offset
  return typeof offset === 'number' ? offset : null
}
