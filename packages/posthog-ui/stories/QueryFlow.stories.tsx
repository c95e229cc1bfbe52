import { QueryFlow } from '@statisfy/posthog-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { queryTemplates } from '../test/fixtures'
import { dark, narrow, withBackend } from './StoryBackend'

const meta = {
  title: 'Components/QueryFlow',
  component: QueryFlow,
  decorators: [withBackend],
  args: { onDone: fn(), onCancel: fn(), now: new Date('2026-11-27T10:00:00Z'), templates: queryTemplates },
  parameters: {
    docs: {
      description: {
        component:
          'Add or edit a saved query step by step. A new query can start from one of the host’s `templates` of the chosen type.',
      },
    },
  },
} satisfies Meta<typeof QueryFlow>
export default meta
type Story = StoryObj<typeof meta>

/** The type step of a new query, with the host's product-usage examples next to starting blank. */
export const TypeStepWithTemplates: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const examples = canvas.getByRole('group', { name: 'Start from an example' })
    await expect(within(examples).getAllByRole('button')).toHaveLength(2)
    await expect(
      within(examples).getByRole('button', { name: 'Events per domain and day' }),
    ).toHaveAccessibleDescription('Counts each event per company domain and day.')
  },
}

/** Switching to Custom fields offers that type's examples only. */
export const CustomFieldTemplates: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByLabelText('Custom fields'))
    const examples = canvas.getByRole('group', { name: 'Start from an example' })
    await expect(
      within(examples)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Plan and seats'])
  },
}

/** Choosing an example fills the name and HogQL and moves to the editor, where both stay editable. */
export const ChooseTemplate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Events per domain and day' }))
    await expect(canvas.getByRole('heading', { name: 'HogQL' })).toHaveFocus()
    await waitFor(() =>
      expect(canvasElement.querySelector('.cm-content')?.textContent).toContain('GROUP BY org_domain'),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }))
    await expect(await canvas.findByText('100 rows')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(canvas.getByLabelText('Name')).toHaveValue('Events per domain and day')
  },
}

/** Without templates the type step is name and type only, as before. */
export const WithoutTemplates: Story = { args: { templates: undefined } }

export const TemplatesDarkTheme: Story = { parameters: { ...dark } }
export const TemplatesNarrowWidth: Story = { parameters: { ...narrow } }
