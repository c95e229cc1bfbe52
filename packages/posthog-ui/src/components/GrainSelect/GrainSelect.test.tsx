import type { AggregationGrain } from '@statisfy/posthog-sdk'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createFakeBackend } from '../../../test/fakeBackend'
import { PostHogIntegrationProvider } from '../../provider/PostHogIntegrationProvider'
import { GrainSelect } from './GrainSelect'

function Controlled(props: { initial: AggregationGrain | undefined; suggested?: boolean }) {
  const [value, setValue] = useState(props.initial)
  const [suggested, setSuggested] = useState(props.suggested ?? false)
  return (
    <GrainSelect
      value={value}
      suggested={suggested}
      onChange={(grain) => {
        setValue(grain)
        setSuggested(false)
      }}
    />
  )
}

const field = () => screen.getByLabelText('Rows are aggregated per')
const root = (container: HTMLElement) => container.querySelector('.sf-grain-select')

describe('GrainSelect', () => {
  it('offers not aggregated and every grain, and explains what a grain changes', () => {
    const onChange = vi.fn()
    const { container } = render(<GrainSelect value={undefined} onChange={onChange} />)
    expect([...(field() as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'not aggregated',
      'hour',
      'day',
      'week (Mon)',
      'week (Sun)',
      'month',
    ])
    expect(field()).toHaveValue('')
    expect(field()).toHaveAccessibleDescription(/starts on a bucket boundary in the project’s time zone/)
    expect(field()).toHaveAccessibleDescription(/read again until it is complete/)
    expect(root(container)).toHaveAttribute('data-state', 'none')
  })

  it('says a suggested grain was suggested until the person chooses, then holds the choice', async () => {
    const user = userEvent.setup()
    const { container } = render(<Controlled initial="day" suggested />)
    expect(field()).toHaveValue('day')
    expect(field()).toHaveAccessibleDescription(/^Suggested: the query groups its rows per day\./)
    expect(root(container)).toHaveAttribute('data-state', 'suggested')
    await user.selectOptions(field(), 'week_sunday')
    expect(field()).toHaveValue('week_sunday')
    expect(field()).not.toHaveAccessibleDescription(/Suggested/)
    expect(root(container)).toHaveAttribute('data-state', 'set')
    await user.selectOptions(field(), '')
    expect(root(container)).toHaveAttribute('data-state', 'none')
  })

  it('reports the grain chosen, and undefined for not aggregated', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<GrainSelect value="day" onChange={onChange} />)
    await user.selectOptions(field(), 'month')
    expect(onChange).toHaveBeenLastCalledWith('month')
    await user.selectOptions(field(), 'not aggregated')
    expect(onChange).toHaveBeenLastCalledWith(undefined)
  })

  it('marks the field invalid with the reason', () => {
    render(<GrainSelect value="day" onChange={() => {}} error="The query reads no window." />)
    expect(field()).toHaveAttribute('aria-invalid', 'true')
    expect(field()).toHaveAccessibleDescription('The query reads no window.')
  })

  it('takes its words from the provider’s labels', () => {
    render(
      <PostHogIntegrationProvider
        client={createFakeBackend().client}
        labels={{ grain: 'Zeilen zusammengefasst pro', grainLabels: { day: 'Tag' } }}
      >
        <GrainSelect value="day" suggested onChange={() => {}} />
      </PostHogIntegrationProvider>,
    )
    const select = screen.getByLabelText('Zeilen zusammengefasst pro')
    expect(select).toHaveDisplayValue('Tag')
    expect(select).toHaveAccessibleDescription(/per Tag/)
    expect(screen.getByRole('option', { name: 'month' })).toBeInTheDocument()
  })
})
