import type { Cadence } from '@statisfy/posthog-sdk'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScheduleEditor } from './ScheduleEditor'

const now = new Date('2026-03-27T12:00:00Z')

function Controlled(props: { initial: Cadence; others?: Cadence[]; onChange?: (c: Cadence) => void }) {
  const [value, setValue] = useState(props.initial)
  return (
    <ScheduleEditor
      value={value}
      now={now}
      otherCadences={props.others ?? []}
      onChange={(next) => {
        setValue(next)
        props.onChange?.(next)
      }}
    />
  )
}

const runTimes = () =>
  within(screen.getByTestId('next-runs'))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('time')?.getAttribute('datetime'))

describe('ScheduleEditor', () => {
  it('lists the next five runs in the zone, across the DST change', () => {
    render(<Controlled initial={{ kind: 'daily', at: '06:30', timeZone: 'Europe/Berlin' }} />)
    // Berlin moves to CEST on 29 March 2026: 06:30 local is 05:30Z before and 04:30Z after.
    expect(runTimes()).toEqual([
      '2026-03-28T05:30:00.000Z',
      '2026-03-29T04:30:00.000Z',
      '2026-03-30T04:30:00.000Z',
      '2026-03-31T04:30:00.000Z',
      '2026-04-01T04:30:00.000Z',
    ])
    expect(screen.getByTestId('next-runs')).toHaveTextContent('GMT+2')
  })

  it('switches kind keeping time and zone, and changes weekday and zone by keyboard', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Controlled initial={{ kind: 'daily', at: '06:30', timeZone: 'UTC' }} onChange={onChange} />)
    await user.selectOptions(screen.getByLabelText('Runs'), 'weekly')
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'weekly', weekday: 'monday', at: '06:30', timeZone: 'UTC' })
    await user.selectOptions(screen.getByLabelText('On'), 'friday')
    await user.selectOptions(screen.getByLabelText('Time zone'), 'America/New_York')
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'weekly',
      weekday: 'friday',
      at: '06:30',
      timeZone: 'America/New_York',
    })
    expect(runTimes()[0]).toBe('2026-04-03T10:30:00.000Z')
  })

  it('refuses intervals under 5 minutes without sending them, and warns when over the key budget', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    const others: Cadence[] = Array.from({ length: 9 }, () => ({ kind: 'every_minutes', minutes: 5, timeZone: 'UTC' }))
    const { container } = render(
      <Controlled
        initial={{ kind: 'every_minutes', minutes: 60, timeZone: 'UTC' }}
        others={others}
        onChange={onChange}
      />,
    )
    const input = screen.getByLabelText('Every (minutes)')
    await user.clear(input)
    await user.type(input, '3')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ minutes: 3 }))
    await user.clear(input)
    await user.type(input, '5')
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'every_minutes', minutes: 5, timeZone: 'UTC' })
    // Ten queries every 5 minutes: 120 requests an hour.
    expect(screen.getByText(/About 120 PostHog requests per hour of the key's 2,400/)).toBeInTheDocument()
    expect(container.querySelector('.sf-schedule-editor')).toHaveAttribute('data-state', 'ok')
  })

  it('shows the over-budget warning', () => {
    render(
      <ScheduleEditor
        value={{ kind: 'every_minutes', minutes: 5, timeZone: 'UTC' }}
        limitPerHour={10}
        onChange={() => {}}
        now={now}
      />,
    )
    expect(screen.getByText(/Over the key’s hourly budget/)).toBeInTheDocument()
  })

  it('clamps a monthly day 31 to the end of shorter months', () => {
    render(<Controlled initial={{ kind: 'monthly', day: 31, at: '00:00', timeZone: 'UTC' }} />)
    expect(runTimes().slice(0, 2)).toEqual(['2026-03-31T00:00:00.000Z', '2026-04-30T00:00:00.000Z'])
  })
})

describe('ScheduleEditor rendered on the server, and left open', () => {
  const daily: Cadence = { kind: 'daily', at: '05:30', timeZone: 'UTC' }
  const container = document.createElement('div')
  let root: Root | undefined
  afterEach(() => {
    act(() => root?.unmount())
    root = undefined
    container.remove()
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('hydrates server HTML rendered before a run without a mismatch, then lists the runs from the client clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // The server renders a minute before today's 05:30 run; the browser hydrates a minute after it.
    vi.setSystemTime(new Date('2026-03-27T05:29:00Z'))
    const element = <ScheduleEditor value={daily} onChange={() => {}} />
    container.innerHTML = renderToString(element)
    document.body.append(container)
    vi.setSystemTime(new Date('2026-03-27T05:31:00Z'))
    const consoleError = vi.spyOn(console, 'error')
    const onRecoverableError = vi.fn()
    root = await act(async () => hydrateRoot(container, element, { onRecoverableError }))
    expect(onRecoverableError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
    expect(runTimes()[0]).toBe('2026-03-28T05:30:00.000Z')
  })

  it('hydrates server HTML made with another engine’s time zone list, then offers the browser’s zones', async () => {
    // Node's ICU and each browser list different zones; the server's list must not be what hydration expects.
    const supported = vi.spyOn(Intl, 'supportedValuesOf')
    supported.mockReturnValue(['Europe/Berlin', 'America/New_York'])
    const element = <ScheduleEditor value={daily} onChange={() => {}} now={new Date('2026-03-27T05:00:00Z')} />
    container.innerHTML = renderToString(element)
    document.body.append(container)
    supported.mockReturnValue(['Asia/Tokyo', 'Europe/Berlin', 'Pacific/Auckland'])
    const consoleError = vi.spyOn(console, 'error')
    const onRecoverableError = vi.fn()
    root = await act(async () => hydrateRoot(container, element, { onRecoverableError }))
    expect(onRecoverableError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
    const zones = [...(screen.getByLabelText('Time zone') as HTMLSelectElement).options].map((o) => o.value)
    expect(zones).toEqual(['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'Pacific/Auckland'])
  })

  it('reads the clock again when the first listed run has passed, so the list stays in the future', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(new Date('2026-03-27T05:00:00Z'))
    render(<ScheduleEditor value={daily} onChange={() => {}} />)
    expect(runTimes()).toHaveLength(5)
    expect(runTimes()[0]).toBe('2026-03-27T05:30:00.000Z')
    act(() => vi.advanceTimersByTime(31 * 60_000))
    expect(runTimes()[0]).toBe('2026-03-28T05:30:00.000Z')
  })
})
