import { isStatisfyError } from '../errors/index'
import { SyncErrorCode } from './SyncError'

/** The `{ code, message }` a report carries for a failure: a kit error keeps its stable code. */
export function toRunError(error: unknown, signal?: AbortSignal): { code: string; message: string } {
  if (signal?.aborted) {
    return { code: SyncErrorCode.Aborted, message: 'The run was aborted before it finished.' }
  }
  if (isStatisfyError(error)) return { code: error.code, message: error.message }
  if (error instanceof Error) return { code: SyncErrorCode.Internal, message: error.message }
  return { code: SyncErrorCode.Internal, message: String(error) }
}
