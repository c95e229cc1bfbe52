import type { SecretManagerServiceClient } from '@google-cloud/secret-manager'
import { expectTypeOf, test } from 'vitest'
import type { GoogleSecretManagerClientLike } from './createGoogleSecretManagerStore'

test('the real Secret Manager client satisfies the interface the adapter takes', () => {
  expectTypeOf<SecretManagerServiceClient>().toExtend<GoogleSecretManagerClientLike>()
})
