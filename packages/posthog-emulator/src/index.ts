export type { ApiKeyRecord, DemoKeyRole } from './auth/demoKeys'
export { API_KEYS, DEMO_KEYS } from './auth/demoKeys'
export { PUBLIC_MAIL_DOMAINS } from './data/persons'
export type { Project } from './emulator/projects'
export { BERLIN_PROJECT_ID, DEFAULT_PROJECT_ID, ORGANIZATION, PROJECTS } from './emulator/projects'
export type { Emulator, StartEmulatorOptions } from './emulator/startEmulator'
export { startEmulator } from './emulator/startEmulator'
export type { FaultRule, FaultSpec } from './faults/FaultInjector'
export { FaultInjector, FaultKind } from './faults/FaultInjector'
export type { CompiledQuery, CompileOptions } from './hogql/compileHogQL'
export {
  compileHogQL,
  DEFAULT_RETURNED_ROWS,
  MAX_SELECT_RETURNED_ROWS,
  OFFSET_REJECTED_MESSAGE,
} from './hogql/compileHogQL'
export { HogQLError, HogQLErrorCode, isHogQLError } from './hogql/HogQLError'
export { loadHogQLParser } from './hogql/parser/loadHogQLParser'
export type { FetchHandler } from './http/createHandler'
export type { Clock } from './limits/Clock'
export type { LoggedRequest, RequestLog } from './traffic/RequestLog'
