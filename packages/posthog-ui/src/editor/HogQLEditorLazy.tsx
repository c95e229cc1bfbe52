'use client'
import { forwardRef, lazy, Suspense } from 'react'
import type { HogQLEditorHandle, HogQLEditorProps } from './HogQLEditor'
import { HogQLEditorFallback } from './HogQLEditorFallback'

// The editor entry (CodeMirror included) becomes its own chunk, fetched the first time the editor renders.
const LazyEditor = lazy(() => import('./index').then((entry) => ({ default: entry.HogQLEditor })))

/**
 * `HogQLEditor` loaded on first render, so hosts that never show the editor never download CodeMirror. Shows the query
 * as static text while loading. Same props and ref as `HogQLEditor`.
 *
 * @example
 * <HogQLEditorLazy value={hogql} onChange={setHogql} onRun={run} aria-label="Query" />
 */
export const HogQLEditorLazy = forwardRef<HogQLEditorHandle, HogQLEditorProps>(function HogQLEditorLazy(props, ref) {
  const fallback = (
    <HogQLEditorFallback
      value={props.value ?? props.defaultValue ?? ''}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
      {...(props.className === undefined ? {} : { className: props.className })}
      {...(props.theme === undefined ? {} : { theme: props.theme })}
      {...(props['aria-label'] === undefined ? {} : { 'aria-label': props['aria-label'] })}
    />
  )
  return (
    <Suspense fallback={fallback}>
      <LazyEditor {...props} ref={ref} />
    </Suspense>
  )
})

export type { HogQLEditorHandle, HogQLEditorProps } from './HogQLEditor'
