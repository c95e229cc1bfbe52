import type { PreviewTruncation } from '@statisfy/posthog-sdk'
import { constructRow, createColumnHelper, type Row as TableRow, tableFeatures, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { forwardRef, useMemo, useRef } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Badge } from '../../primitives/Badge'
import { cx } from '../../primitives/cx'
import { StandaloneRoot } from '../../theme/StandaloneRoot'
import { columnKind, formatCell } from './columnKind'
import { TruncationNotice } from './TruncationNotice'

/** A result column: its name and its ClickHouse type as PostHog reports it in `types`. */
export type PreviewColumn = { name: string; type: string }

/**
 * Why a result is incomplete: the preview route's `row_cap` (the preview's row limit), or, for results shown straight
 * from PostHog, `posthog_default_limit` (PostHog's implicit `LIMIT 100` on a query without LIMIT, `hasMore: true`)
 * and `posthog_max_rows` (PostHog's 50,000-row cap).
 */
export type PreviewTableTruncation = PreviewTruncation | 'posthog_default_limit' | 'posthog_max_rows'

/** An error to show in place of the rows; `message` is PostHog's own text when PostHog produced it. */
export type PreviewError = { message: string; code?: string }

/** What the table shows; exposed as `data-state`. */
export type PreviewTableState = 'idle' | 'loading' | 'error' | 'empty' | 'ready'

/** Props of {@link PreviewTable}. */
export type PreviewTableProps = {
  columns?: readonly PreviewColumn[]
  rows?: readonly (readonly unknown[])[]
  /** Query time in milliseconds, shown next to the row count. */
  elapsedMs?: number
  /** Set when the rows are not the whole result; the badge explains why. */
  truncation?: PreviewTableTruncation | null
  error?: PreviewError | null
  loading?: boolean
  /**
   * Height of the scrolling area in pixels; rows outside it are not rendered.
   * @default 360
   */
  height?: number
  /** Accessible name of the table. @default messages.previewLabel */
  label?: string
  className?: string
}

const features = tableFeatures({})
type Row = unknown[]
const helper = createColumnHelper<typeof features, Row>()
const ROW_HEIGHT = 33
const noRows: readonly (readonly unknown[])[] = []

/**
 * Shows a query result: typed column headers, virtualised rows (only the visible ones are in the DOM, so 50,000 rows
 * scroll smoothly), row count and elapsed time, a truncation badge with the reason, PostHog's error message, or an
 * empty state. Works from props alone; `ConnectedPreview` feeds it from the preview route.
 *
 * @example
 * <PreviewTable columns={[{ name: 'day', type: 'Date' }]} rows={[['2025-06-01']]} elapsedMs={120} />
 */
export const PreviewTable = forwardRef<HTMLDivElement, PreviewTableProps>(function PreviewTable(
  { columns, rows = noRows, elapsedMs, truncation, error, loading = false, height = 360, label, className },
  ref,
) {
  const m = useMessages()
  const state: PreviewTableState = loading
    ? 'loading'
    : error
      ? 'error'
      : !columns
        ? 'idle'
        : rows.length === 0
          ? 'empty'
          : 'ready'

  return (
    <StandaloneRoot>
      <div ref={ref} className={cx('sf-stack', 'sf-preview', className)} data-state={state} aria-busy={loading}>
        {columns && !error ? (
          <div className="sf-row sf-center">
            <span>{m.rowCount(rows.length)}</span>
            {elapsedMs !== undefined ? <span className="sf-muted">{m.elapsed(elapsedMs)}</span> : null}
            {truncation ? (
              <Badge tone="warning" data-reason={truncation}>
                {m.truncatedBadge}
              </Badge>
            ) : null}
          </div>
        ) : null}
        {truncation && !error ? <TruncationNotice reason={truncation} rowCount={rows.length} /> : null}
        {renderBody()}
      </div>
    </StandaloneRoot>
  )

  function renderBody() {
    switch (state) {
      case 'loading':
        return <p className="sf-muted">{m.previewLoading}</p>
      case 'error':
        return (
          <Alert tone="danger" title={m.previewFailed}>
            <p className="sf-mono">{error?.message}</p>
          </Alert>
        )
      case 'idle':
        return <p className="sf-muted">{m.previewIdle}</p>
      case 'empty':
        return <p className="sf-muted">{m.previewEmpty}</p>
      case 'ready':
        return <VirtualTable columns={columns ?? []} rows={rows} height={height} label={label ?? m.previewLabel} />
      default:
        return state satisfies never
    }
  }
})

function VirtualTable({
  columns,
  rows,
  height,
  label,
}: {
  columns: readonly PreviewColumn[]
  rows: readonly (readonly unknown[])[]
  height: number
  label: string
}) {
  const scrollRef = useRef<HTMLElement>(null)
  const columnDefs = useMemo(
    () =>
      helper.columns(
        columns.map((column, index) => helper.accessor((row) => row[index], { id: `c${index}`, header: column.name })),
      ),
    [columns],
  )
  // The table keeps its own reference to the rows; they are never mutated, so the readonly input can be shared.
  const data = rows as Row[]
  const table = useTable({ features, columns: columnDefs, data })
  // No sorting or filtering here, so the row model is the data in order. Building it whole
  // (`table.getRowModel()`) would construct 50,000 row objects before the first frame; construct only the rows
  // the virtualiser shows, once each.
  // A new cache whenever the rows or columns change, so no row outlives the data or columns it was built from.
  const rowCache = useMemo(
    () => ({ data, columnDefs, rows: new Map<number, TableRow<typeof features, Row>>() }),
    [data, columnDefs],
  )
  const rowAt = (index: number) => {
    let row = rowCache.rows.get(index)
    const original = rowCache.data[index]
    if (!row && original) {
      row = constructRow(table, String(index), original, index, 0)
      rowCache.rows.set(index, row)
    }
    return row
  }
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before layout (SSR, first render) render the first screen rather than nothing.
    initialRect: { width: 0, height },
  })
  const kinds = useMemo(() => columns.map((c) => columnKind(c.type)), [columns])

  return (
    <section
      ref={scrollRef}
      className="sf-table-wrap"
      style={{ height, maxHeight: height }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it (axe scrollable-region-focusable).
      tabIndex={0}
      aria-label={label}
    >
      <table className="sf-table" aria-label={label} aria-rowcount={data.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header, index) => (
                <th key={header.id} scope="col" data-kind={kinds[index]}>
                  <span>{columns[index]?.name}</span>
                  <span className="sf-coltype">{columns[index]?.type}</span>
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rowAt(item.index)
            if (!row) return null
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                style={{ position: 'absolute', transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {row.getAllCells().map((cell, index) => {
                  const value = cell.getValue()
                  return (
                    <td
                      key={cell.id}
                      data-kind={kinds[index]}
                      data-null={value === null || value === undefined ? '' : undefined}
                    >
                      {formatCell(value)}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
