// README "Host backend" → Hono.
import { Hono } from 'hono'
import { posthogHandler } from './posthogHandler'

export const app = new Hono()
// The handler matches routes on the end of the path, so any prefix works.
app.all('/api/posthog/*', (c) => posthogHandler(c.req.raw))
