/** Structured fields of a log line. The handler never puts a key, a sealed secret or a request body in them. */
export type LogFields = Record<string, string | number | boolean | null | undefined>

/** The host's logger. @default a logger that drops everything */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}
