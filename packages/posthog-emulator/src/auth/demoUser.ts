/** The user who owns the demo personal API keys. */
export const DEMO_USER = {
  id: 1,
  uuid: '0188f6b1-4a3c-7c2d-9e1f-00000000beef',
  distinct_id: 'emulator-demo-user',
  first_name: 'Demo',
  last_name: 'User',
  email: 'demo@statisfy.example',
} as const
