import type { Preview } from '@storybook/react-vite'

/**
 * Every story is an accessibility test: axe violations fail the story test (`a11y.test = 'error'`).
 */
const preview: Preview = {
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
}

export default preview
