import * as a11yAnnotations from '@storybook/addon-a11y/preview'
import { setProjectAnnotations } from '@storybook/react-vite'
import * as projectAnnotations from './preview'

// Apply the same decorators, parameters and a11y checks to story tests as to Storybook itself.
setProjectAnnotations([a11yAnnotations, projectAnnotations])
