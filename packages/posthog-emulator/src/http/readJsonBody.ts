import { ApiError } from './ApiError'

/**
 * Reads a request body as JSON (`{}` when empty).
 * @throws {ApiError} 400 `parse_error` like DRF's JSONParser.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') return {}
  const text = await request.text()
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON'
    throw new ApiError(400, 'invalid_request', 'parse_error', `JSON parse error - ${reason}`)
  }
}
