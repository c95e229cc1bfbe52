import { useId } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { Button } from '../../primitives/Button'
import type { QueryTemplate } from './QueryTemplate'

/**
 * "Start from an example" on the type step of a new query: one button per template of the chosen type, its
 * description tied to it as the button's description, and a line saying that Next starts blank instead.
 * @internal
 */
export function TemplatePicker({
  templates,
  onChoose,
}: {
  templates: readonly QueryTemplate[]
  onChoose: (template: QueryTemplate) => void
}) {
  const m = useMessages()
  const id = useId()
  if (templates.length === 0) return null
  return (
    <fieldset className="sf-choices" data-testid="query-templates">
      <legend>{m.startFromTemplate}</legend>
      <ul className="sf-list sf-grow">
        {templates.map((template, index) => (
          <li key={template.id}>
            <Button
              onClick={() => onChoose(template)}
              aria-describedby={template.description ? `${id}-${index}` : undefined}
            >
              {template.name}
            </Button>
            {template.description ? (
              <span id={`${id}-${index}`} className="sf-hint sf-grow">
                {template.description}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="sf-hint sf-grow">{m.startBlankHint}</p>
    </fieldset>
  )
}
