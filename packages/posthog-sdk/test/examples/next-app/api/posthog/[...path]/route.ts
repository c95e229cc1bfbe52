// README "Host backend" → Next.js App Router: app/api/posthog/[...path]/route.ts
import { posthogHandler } from '../../../../posthogHandler'

// The sealing store and DNS checks use WebCrypto and node:dns.
export const runtime = 'nodejs'

export async function GET(request: Request): Promise<Response> {
  return posthogHandler(request)
}
export async function POST(request: Request): Promise<Response> {
  return posthogHandler(request)
}
export async function PUT(request: Request): Promise<Response> {
  return posthogHandler(request)
}
export async function DELETE(request: Request): Promise<Response> {
  return posthogHandler(request)
}
