import { useEffect, useMemo } from 'react'
import { parseQueryTemplates } from './parseQueryTemplates'
import type { QueryTemplate } from './QueryTemplate'

/**
 * The valid templates of the `templates` prop. Refused ones are reported with `console.error` after render (so not
 * during server rendering), once per distinct set of problems rather than on every render of a host that passes a
 * new array each time.
 */
export function useQueryTemplates(input: readonly QueryTemplate[] | undefined): QueryTemplate[] {
  const { templates, problems } = useMemo(() => parseQueryTemplates(input), [input])
  const report = problems.join('\n')
  useEffect(() => {
    if (report) console.error(report)
  }, [report])
  return templates
}
