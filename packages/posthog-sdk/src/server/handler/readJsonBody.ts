import { ApiError, ApiErrorCode } from '../../api/index'

/**
 * Reads a JSON body of at most `maxBytes`. JSON is required by content type: a cross-site HTML form cannot send
 * `application/json` without a CORS preflight, which keeps cookie-authenticated hosts safe from form-based CSRF.
 * An empty body reads as `undefined`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes)
  if (!request.body) return undefined
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  if (size === 0) return undefined
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    throw new ApiError(
      ApiErrorCode.UnsupportedMediaType,
      `Send the body as JSON with "Content-Type: application/json" (got ${contentType ? `"${contentType}"` : 'none'}).`,
      { status: 415 },
    )
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ApiError(
      ApiErrorCode.InvalidRequest,
      `The body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}.`,
      { status: 400, issues: [{ path: '', message: 'Send a JSON object.' }] },
    )
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(ApiErrorCode.PayloadTooLarge, `The body is larger than ${maxBytes} bytes.`, { status: 413 })
}
