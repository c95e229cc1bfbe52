'use client'
import type { Diagnostic } from '@codemirror/lint'
import { EditorState } from '@codemirror/state'
import { EditorView, placeholder as placeholderText } from '@codemirror/view'
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { createCompartments, editorSetup, externalChange } from './editorSetup'
import { HogQLFallbackText } from './HogQLEditorFallback'
import { hogql } from './hogql'
import type { HogQLValidate } from './hogqlDiagnostics'
import { type HogQLValidationState, hogqlLinter } from './hogqlLinter'
import type { HogQLPropertyNames, HogQLSchemaInput } from './hogqlSchema'
import { hogqlTheme } from './hogqlTheme'
import { placeholderNames } from './placeholders'
import { useResolvedTheme } from './useResolvedTheme'

/** The editor's `data-state`: the state of checking the current text (always `idle` without `validate`). */
export type HogQLEditorState = HogQLValidationState

/** Props of {@link HogQLEditor}. */
export interface HogQLEditorProps {
  /** The query, for controlled use (with `onChange`). The editor follows it whenever it differs from its text. */
  readonly value?: string
  /** The initial query, for uncontrolled use. Ignored when `value` is given. */
  readonly defaultValue?: string
  /** Called with the whole text after each edit by the user (not after `value` changes). */
  readonly onChange?: (value: string) => void
  /** Text shown while the editor is empty. */
  readonly placeholder?: string
  /**
   * Lets the query be read, selected and run, but not edited.
   * @default false
   */
  readonly readOnly?: boolean
  /**
   * The project's schema for completion of tables and fields: `useSchema().data`, or PostHog's `DatabaseSchemaQuery`
   * response as it comes. @default PostHog's core tables (events, persons, groups, sessions)
   */
  readonly schema?: HogQLSchemaInput | null
  /** Placeholder names the query may use as `{name}` besides `{period_start}` and `{period_end}`. */
  readonly values?: readonly string[]
  /** Property names per table offered after `properties.` (e.g. from the host's PostHog property definitions). */
  readonly propertyNames?: HogQLPropertyNames
  /** Checks the query with PostHog's HogQLMetadata; diagnostics and quick fixes come from its answer. */
  readonly validate?: HogQLValidate
  /**
   * Pause in typing before `validate` is called, in milliseconds.
   * @default 400
   */
  readonly validateDelay?: number
  /** Mod-Enter: called with the selected text, or the whole query when nothing is selected. */
  readonly onRun?: (hogql: string) => void
  /** Called with the diagnostics of each validation answer. */
  readonly onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void
  /** Called when the validation state (also exposed as `data-state`) changes. */
  readonly onValidationStateChange?: (state: HogQLEditorState) => void
  /**
   * Colour scheme; `auto` follows the kit's root (`appearance.theme` of the provider or `KitRoot`), else the system.
   * @default 'auto'
   */
  readonly theme?: 'light' | 'dark' | 'auto'
  /** Class added to the outer element (which always has `sf-hogql-editor`). */
  readonly className?: string
  /** Focus the editor once mounted. @default false */
  readonly autoFocus?: boolean
  /** Accessible name of the text area. @default 'HogQL query' */
  readonly 'aria-label'?: string
  readonly 'aria-labelledby'?: string
  readonly 'aria-describedby'?: string
}

/** What a ref to {@link HogQLEditor} gives. */
export interface HogQLEditorHandle {
  /** Moves keyboard focus into the editor. */
  focus(): void
  /** The current text (the `value`/`defaultValue` until the editor has mounted). */
  getValue(): string
  /** The CodeMirror view, for advanced use; null before mount and on the server. */
  readonly view: EditorView | null
}

/**
 * The HogQL query editor (CodeMirror 6): HogQL highlighting, completion from the project's schema, diagnostics and
 * quick fixes from PostHog's HogQLMetadata, Mod-Enter to run. Renders the query as static text on the server and until
 * mounted. Import from `@statisfy/posthog-ui/editor`, or use `HogQLEditorLazy` to load it on demand.
 *
 * @example
 * <HogQLEditor
 *   value={hogql}
 *   onChange={setHogql}
 *   schema={schema.data}
 *   validate={(query, signal) => api.validateHogQL({ hogql: query }, { signal })}
 *   onRun={(query) => preview.mutate(query)}
 *   aria-label="Query"
 * />
 */
export const HogQLEditor = forwardRef<HogQLEditorHandle, HogQLEditorProps>(function HogQLEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const [mounted, setMounted] = useState(false)
  const [validationState, setValidationState] = useState<HogQLEditorState>('idle')
  const compartments = useMemo(createCompartments, [])
  const latest = useRef(props)
  latest.current = props
  const root = useRef<HTMLDivElement>(null)
  const mode = useResolvedTheme(root, props.theme ?? 'auto')

  useImperativeHandle(
    ref,
    () => ({
      focus: () => viewRef.current?.focus(),
      getValue: () =>
        viewRef.current?.state.doc.toString() ?? latest.current.value ?? latest.current.defaultValue ?? '',
      get view() {
        return viewRef.current
      },
    }),
    [],
  )

  useEffect(() => {
    const parent = host.current
    if (!parent) return
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: latest.current.value ?? latest.current.defaultValue ?? '',
        extensions: editorSetup(compartments, {
          onRun: (text) => latest.current.onRun?.(text),
          onChange: (text) => latest.current.onChange?.(text),
        }),
      }),
    })
    viewRef.current = view
    setMounted(true)
    if (latest.current.autoFocus) view.focus()
    return () => {
      viewRef.current = null
      view.destroy()
    }
  }, [compartments])

  // Each effect refills one compartment when the props it depends on change; the view is never re-created.
  const valuesKey = props.values?.join('\u0000') ?? ''
  useEffect(() => {
    const values = valuesKey ? valuesKey.split('\u0000') : []
    const config = {
      schema: props.schema ?? null,
      values,
      ...(props.propertyNames ? { propertyNames: props.propertyNames } : {}),
    }
    viewRef.current?.dispatch({ effects: compartments.language.reconfigure(hogql(config)) })
  }, [compartments, props.schema, props.propertyNames, valuesKey])

  const validating = props.validate !== undefined
  useEffect(() => {
    const extension = validating
      ? hogqlLinter({
          validate: (text, signal) => {
            const validate = latest.current.validate
            return validate
              ? validate(text, signal)
              : Promise.resolve({ isValid: true, errors: [], warnings: [], notices: [] })
          },
          ...(props.validateDelay === undefined ? {} : { delay: props.validateDelay }),
          placeholders: placeholderNames(valuesKey ? valuesKey.split('\u0000') : []),
          onStateChange: (state) => {
            setValidationState(state)
            latest.current.onValidationStateChange?.(state)
          },
          onDiagnostics: (diagnostics) => latest.current.onDiagnostics?.(diagnostics),
        })
      : []
    if (!validating) setValidationState('idle')
    viewRef.current?.dispatch({ effects: compartments.lint.reconfigure(extension) })
  }, [compartments, validating, props.validateDelay, valuesKey])

  useEffect(() => {
    viewRef.current?.dispatch({ effects: compartments.theme.reconfigure(hogqlTheme(mode)) })
  }, [compartments, mode])

  const readOnly = props.readOnly === true
  useEffect(() => {
    viewRef.current?.dispatch({ effects: compartments.readOnly.reconfigure(EditorState.readOnly.of(readOnly)) })
  }, [compartments, readOnly])

  useEffect(() => {
    const text = props.placeholder
    viewRef.current?.dispatch({ effects: compartments.placeholder.reconfigure(text ? placeholderText(text) : []) })
  }, [compartments, props.placeholder])

  const label = props['aria-label'] ?? (props['aria-labelledby'] ? undefined : 'HogQL query')
  const labelledBy = props['aria-labelledby']
  const describedBy = props['aria-describedby']
  useEffect(() => {
    const attributes: Record<string, string> = { 'aria-multiline': 'true' }
    if (label) attributes['aria-label'] = label
    if (labelledBy) attributes['aria-labelledby'] = labelledBy
    if (describedBy) attributes['aria-describedby'] = describedBy
    if (readOnly) attributes['aria-readonly'] = 'true'
    viewRef.current?.dispatch({
      effects: compartments.attributes.reconfigure(EditorView.contentAttributes.of(attributes)),
    })
  }, [compartments, label, labelledBy, describedBy, readOnly])

  // Controlled use: after every render, bring the editor to `value` if it differs, changing only the differing middle
  // so the cursor and undo history around an external edit survive.
  useEffect(() => {
    const view = viewRef.current
    const value = props.value
    if (!view || value === undefined) return
    const current = view.state.doc.toString()
    if (current === value) return
    let start = 0
    while (start < current.length && start < value.length && current[start] === value[start]) start++
    let end = 0
    while (
      end < current.length - start &&
      end < value.length - start &&
      current[current.length - 1 - end] === value[value.length - 1 - end]
    )
      end++
    view.dispatch({
      changes: { from: start, to: current.length - end, insert: value.slice(start, value.length - end) },
      annotations: externalChange.of(true),
    })
  })

  const className = props.className ? `sf-hogql-editor ${props.className}` : 'sf-hogql-editor'
  return (
    <div
      ref={root}
      className={className}
      data-state={validationState}
      data-theme={mode}
      data-readonly={readOnly || undefined}
    >
      <div ref={host} className="sf-hogql-editor__host" />
      {mounted ? null : (
        <HogQLFallbackText
          text={props.value ?? props.defaultValue ?? ''}
          {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
          label={label ?? 'HogQL query'}
        />
      )}
    </div>
  )
})
