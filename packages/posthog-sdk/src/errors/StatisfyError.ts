/**
 * The one error family of the kit. Every error a host can branch on extends this class and carries a stable `code`
 * (a string union per area, declared `as const` next to the subclass), a message that says what to do, and the
 * underlying `cause` when there is one.
 */
export class StatisfyError<Code extends string = string> extends Error {
  override readonly name: string = 'StatisfyError'
  readonly code: Code

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** True for any error thrown by the kit, whatever its area. */
export function isStatisfyError(error: unknown): error is StatisfyError {
  return error instanceof StatisfyError
}
