export { isStatisfyError, StatisfyError } from './StatisfyError'
