/** One run's progress as the CLI draws it. */
export interface ProgressSnapshot {
  rowsRead: number
  written: number
  rejected: number
  /** Rows the run will read, when known (a backfill's chunks, a resumed run's earlier pages). */
  total?: number
}

const fmt = new Intl.NumberFormat('en-US')

/**
 * A one-line progress display for a TTY (rows read and written, rate, ETA where the total is known), redrawn in
 * place; on a pipe or under `--json` it draws nothing, so logs and scripts stay clean.
 */
export function createProgressLine(stream: NodeJS.WriteStream, startedMs: number, now: () => number = Date.now) {
  const enabled = stream.isTTY === true
  let drawn = false
  return {
    update(label: string, p: ProgressSnapshot) {
      if (!enabled) return
      const seconds = Math.max(0.001, (now() - startedMs) / 1000)
      const rate = p.rowsRead / seconds
      let line = `${label}  read ${fmt.format(p.rowsRead)}  written ${fmt.format(p.written)}  rejected ${fmt.format(p.rejected)}  ${fmt.format(Math.round(rate))} rows/s`
      if (p.total && rate > 0 && p.total > p.rowsRead) line += `  ETA ${Math.ceil((p.total - p.rowsRead) / rate)} s`
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`)
      drawn = true
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K')
      drawn = false
    },
  }
}
