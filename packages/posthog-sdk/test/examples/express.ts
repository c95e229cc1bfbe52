// README "Host backend" → Express.
import { toNodeHandler } from '@statisfy/posthog-sdk/server'
import express from 'express'
import { posthogHandler } from './posthogHandler'

export const app = express()
// Mount before body parsers (a parsed `req.body` is also accepted and re-sent as JSON).
app.use('/api/posthog', toNodeHandler(posthogHandler))
