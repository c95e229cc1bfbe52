// The public entry of @statisfy/posthog-sdk: isomorphic (Node 20+, browsers, edge runtimes), no React.
// Each area keeps an explicit barrel of named exports; this file only gathers them.
export * from './api/index'
export * from './client/index'
export * from './config/index'
export * from './errors/index'
export * from './mapping/index'
export * from './resolve/index'
export * from './schedule/index'
export * from './sync/index'
