import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryAccount } from './AccountDirectory'
import { buildAccountIndex } from './buildAccountIndex'
import { createInMemoryDirectory } from './createInMemoryDirectory'
import { isResolveError } from './ResolveError'
import type { Resolution } from './ResolveResult'

const ACCOUNTS: DirectoryAccount[] = [
  {
    id: 'acc_acme',
    name: 'Acme Corp',
    domains: ['acme.com', 'https://www.acme.de/'],
    crmIds: ['001A0000006Vm7k', '00042'],
    orgIds: [' org-1 '],
    customFields: { plan: 'Enterprise', seats: 250, vip: true, region: 'EU' },
  },
  { id: 'acc_acme_labs', name: 'Acme Labs, Inc.', domains: ['labs.acme.com'], customFields: { region: 'eu' } },
  { id: 'acc_globex', name: 'Globex', domains: ['globex.io'], crmIds: ['0015000000Vz3xQAAR'] },
  { id: 'acc_globex_eu', name: 'Globex Europe GmbH', domains: ['globex.eu'] },
  { id: 'acc_muller', name: 'Müller & Söhne GmbH & Co. KG', domains: ['müller.de'] },
  {
    id: 'acc_initech',
    name: 'Initech Software',
    domains: ['initech.com', 'gmail.com'],
    customFields: { seats: '250.0' },
  },
  { id: 'acc_coca', name: 'Coca-Cola Company' },
  { id: 'acc_europe_a', name: 'Europa Travel' },
  { id: 'acc_europe_b', name: 'Europe Travel' },
  { id: 'acc_hooli_1', name: 'Hooli Inc.', domains: ['hooli.xyz'] },
  { id: 'acc_hooli_2', name: 'HOOLI LLC', domains: ['hooli.xyz'] },
  { id: 'acc_novak', name: 'Novak Education' },
  { id: 'acc_nova', name: 'Nova Power' },
  { id: 'acc_pages', name: 'Pages Site', domains: ['acme.github.io'] },
  { id: 'acc_bluestone', name: 'Bluestone', crmIds: ['deal-9'] },
  { id: 'acc_blue_stone', name: 'Blue Stone Ltd', crmIds: ['deal-9'] },
]

const index = await buildAccountIndex(createInMemoryDirectory(ACCOUNTS))

function matchedId(resolution: Resolution): string | undefined {
  return resolution.status === 'matched' ? resolution.accountId : undefined
}

function reasonOf(resolution: Resolution): string | undefined {
  return resolution.status === 'matched' ? undefined : resolution.reason
}

describe('every resolver', () => {
  it('refuses empty and unreadable values with a reason', () => {
    for (const resolver of [
      'statisfy_id',
      'crm_id',
      'org_id',
      'email_domain',
      'account_name',
      'custom_field:plan',
    ] as const) {
      expect(reasonOf(index.resolve(resolver, null)), resolver).toBe('empty_value')
      expect(reasonOf(index.resolve(resolver, undefined)), resolver).toBe('empty_value')
      expect(reasonOf(index.resolve(resolver, '   ')), resolver).toBe('empty_value')
      expect(reasonOf(index.resolve(resolver, { id: 1 })), resolver).toBe('unsupported_value')
    }
  })

  it('caches one result per distinct resolver and value', () => {
    const first = index.resolve('account_name', 'ACME corp.')
    expect(index.resolve('account_name', 'ACME corp.')).toBe(first)
    expect(index.resolve('account_name', 'Acme Corp')).not.toBe(first)
  })

  it('caches email addresses by domain, so a company with many people costs one resolution', () => {
    const jane = index.resolve('email_domain', 'jane@acme.com')
    expect(index.resolve('email_domain', 'john.smith+test@acme.com')).toBe(jane)
    expect(index.resolve('email_domain', 'jane@gmail.com')).toBe(index.resolve('email_domain', 'john@gmail.com'))
    expect(index.resolve('email_domain', 'Jane <jane@acme.com>')).toEqual(jane)
  })
})

describe('statisfy_id and org_id', () => {
  it('match exactly, trimmed, strings or numbers', () => {
    expect(index.resolve('statisfy_id', 'acc_globex')).toMatchObject({
      status: 'matched',
      accountId: 'acc_globex',
      resolver: 'statisfy_id',
      confidence: 1,
      method: 'exact',
    })
    expect(matchedId(index.resolve('statisfy_id', ' acc_globex '))).toBe('acc_globex')
    expect(reasonOf(index.resolve('statisfy_id', 'ACC_GLOBEX'))).toBe('no_such_id')
    expect(index.resolve('org_id', 'org-1')).toMatchObject({
      status: 'matched',
      accountId: 'acc_acme',
      matchedOn: ' org-1 ',
    })
    expect(reasonOf(index.resolve('org_id', 'org-2'))).toBe('no_such_id')
  })
})

describe('numbers that name nothing', () => {
  it('refuses NaN, infinities and integers JSON parsing rounded, instead of matching their text', async () => {
    const odd = await buildAccountIndex(
      createInMemoryDirectory([
        { id: 'acc_nan', name: 'Not A Number', orgIds: ['NaN', 'Infinity'] },
        // What String() prints for 2^60 + 1 once JSON.parse has rounded it to 2^60.
        { id: 'acc_rounded', name: 'Rounded', orgIds: ['1152921504606847000'], customFields: { ref: 2 ** 60 } },
      ]),
    )
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 60]) {
      for (const resolver of ['statisfy_id', 'org_id', 'crm_id', 'account_name', 'custom_field:ref'] as const) {
        expect(odd.resolve(resolver, value), `${resolver} ${value}`).toEqual({
          status: 'unmatched',
          reason: 'unsupported_value',
        })
      }
    }
    expect(matchedId(odd.resolve('org_id', '1152921504606847000'))).toBe('acc_rounded')
    expect(matchedId(odd.resolve('org_id', 9_007_199_254_740_991))).toBeUndefined()
  })
})

describe('crm_id', () => {
  it('takes Salesforce 15- and 18-character ids as one record', () => {
    expect(matchedId(index.resolve('crm_id', '001A0000006Vm7k'))).toBe('acc_acme')
    expect(matchedId(index.resolve('crm_id', '001A0000006Vm7kIAC'))).toBe('acc_acme')
    expect(matchedId(index.resolve('crm_id', '001a0000006vm7kiac'))).toBe('acc_acme')
    expect(matchedId(index.resolve('crm_id', '0015000000Vz3xQ'))).toBe('acc_globex')
  })

  it('is case-sensitive for 15-character ids', () => {
    expect(reasonOf(index.resolve('crm_id', '001a0000006vm7k'))).toBe('no_such_id')
  })

  it('never reads an 18-character id whose suffix contradicts its mixed-case body as another record', async () => {
    const twins = await buildAccountIndex(
      createInMemoryDirectory([
        { id: 'acc_upper', name: 'Upper', crmIds: ['001A0000006Vm7k'] },
        { id: 'acc_lower', name: 'Lower', crmIds: ['001a0000006vm7k'] },
      ]),
    )
    expect(matchedId(twins.resolve('crm_id', '001a0000006vm7kAAA'))).toBe('acc_lower')
    expect(matchedId(twins.resolve('crm_id', '001A0000006Vm7kIAC'))).toBe('acc_upper')
    expect(reasonOf(twins.resolve('crm_id', '001A0000006Vm7kAAA'))).toBe('no_such_id')
  })

  it('never guesses between two accounts with the same CRM id', () => {
    expect(index.resolve('crm_id', 'deal-9')).toMatchObject({
      status: 'ambiguous',
      reason: 'duplicate_key_in_directory',
    })
  })

  it('reads HubSpot ids numerically', () => {
    expect(matchedId(index.resolve('crm_id', 42))).toBe('acc_acme')
    expect(matchedId(index.resolve('crm_id', ' 042'))).toBe('acc_acme')
    expect(reasonOf(index.resolve('crm_id', '43'))).toBe('no_such_id')
  })
})

describe('custom_field:<key>', () => {
  it('matches strings case-insensitively and numbers numerically', () => {
    expect(index.resolve('custom_field:plan', 'enterprise')).toMatchObject({
      status: 'matched',
      accountId: 'acc_acme',
      matchedOn: 'Enterprise',
    })
    expect(index.resolve('custom_field:vip', 'true')).toMatchObject({ status: 'matched', accountId: 'acc_acme' })
    expect(reasonOf(index.resolve('custom_field:plan', 'starter'))).toBe('no_such_value')
    expect(reasonOf(index.resolve('custom_field:unknown_field', 'x'))).toBe('no_such_value')
  })

  it('never guesses between two accounts with the same value', () => {
    const seats = index.resolve('custom_field:seats', 250)
    expect(seats).toMatchObject({ status: 'ambiguous', reason: 'duplicate_key_in_directory' })
    expect(seats.status === 'ambiguous' && seats.candidates.map((c) => c.accountId).sort()).toEqual([
      'acc_acme',
      'acc_initech',
    ])
    expect(index.resolve('custom_field:region', 'EU')).toMatchObject({
      status: 'ambiguous',
      reason: 'duplicate_key_in_directory',
    })
  })
})

describe('email_domain', () => {
  it('matches emails, URLs and bare domains of a listed domain', () => {
    for (const value of [
      'jane@acme.com',
      'JANE@ACME.COM',
      'https://www.acme.com/pricing?x=1',
      'acme.com:443',
      'www.acme.de.',
    ]) {
      expect(index.resolve('email_domain', value), value).toMatchObject({
        status: 'matched',
        accountId: 'acc_acme',
        method: 'exact',
        confidence: 1,
      })
    }
  })

  it('matches internationalised domains in either spelling', () => {
    expect(matchedId(index.resolve('email_domain', 'info@xn--mller-kva.de'))).toBe('acc_muller')
    expect(matchedId(index.resolve('email_domain', 'https://MÜLLER.de'))).toBe('acc_muller')
  })

  it('takes the most specific listed domain, climbing to the registrable domain only', () => {
    expect(matchedId(index.resolve('email_domain', 'bob@labs.acme.com'))).toBe('acc_acme_labs')
    expect(matchedId(index.resolve('email_domain', 'bob@eu.labs.acme.com'))).toBe('acc_acme_labs')
    expect(index.resolve('email_domain', 'bob@eu.app.acme.com')).toMatchObject({
      status: 'matched',
      accountId: 'acc_acme',
      method: 'parent_domain',
    })
    // github.io is a public suffix: other.github.io is not acme.github.io's owner.
    expect(reasonOf(index.resolve('email_domain', 'x@other.github.io'))).toBe('no_such_domain')
    expect(matchedId(index.resolve('email_domain', 'x@acme.github.io'))).toBe('acc_pages')
  })

  it('never matches a public mail domain, even one an account lists', () => {
    expect(reasonOf(index.resolve('email_domain', 'someone@gmail.com'))).toBe('public_email_domain')
    expect(index.stats.skipped.publicEmailDomains).toBe(1)
    fc.assert(
      fc.property(
        fc.constantFrom(
          'gmail.com',
          'googlemail.com',
          'outlook.com',
          'hotmail.de',
          'yahoo.co.uk',
          'icloud.com',
          'proton.me',
          'gmx.net',
          'mail.ru',
          'yandex.com',
          'qq.com',
          '163.com',
        ),
        fc.string({ unit: fc.constantFrom(...'abcxyz.'), minLength: 1, maxLength: 8 }),
        (provider, local) => {
          expect(reasonOf(index.resolve('email_domain', `${local}@${provider}`))).toBe('public_email_domain')
        },
      ),
    )
  })

  it('says why other values do not match', () => {
    expect(reasonOf(index.resolve('email_domain', 'n/a'))).toBe('invalid_domain')
    expect(reasonOf(index.resolve('email_domain', 'bob@unknown.com, jane@acme.com'))).toBe('invalid_domain')
    expect(reasonOf(index.resolve('email_domain', '10.1.2.3'))).toBe('invalid_domain')
    expect(reasonOf(index.resolve('email_domain', 'jane@unknown.com'))).toBe('no_such_domain')
    expect(index.resolve('email_domain', 'x@hooli.xyz')).toMatchObject({
      status: 'ambiguous',
      reason: 'duplicate_key_in_directory',
    })
  })
})

describe('account_name', () => {
  it('matches equal names after normalisation exactly', () => {
    expect(index.resolve('account_name', 'ACME CORPORATION')).toMatchObject({
      status: 'matched',
      accountId: 'acc_acme',
      method: 'exact',
      confidence: 1,
      matchedOn: 'Acme Corp',
    })
    expect(matchedId(index.resolve('account_name', 'muller and sohne'))).toBe('acc_muller')
    expect(matchedId(index.resolve('account_name', 'Acme Laboratories LLC'))).toBe('acc_acme_labs')
  })

  it('matches names with spaces removed or words reordered', () => {
    expect(index.resolve('account_name', 'CocaCola')).toMatchObject({
      status: 'matched',
      accountId: 'acc_coca',
      method: 'rearranged',
    })
    expect(matchedId(index.resolve('account_name', 'Software Initech'))).toBe('acc_initech')
  })

  it('accepts a typo with a clear margin', () => {
    const resolution = index.resolve('account_name', 'Initech Sotfware')
    expect(resolution).toMatchObject({ status: 'matched', accountId: 'acc_initech', method: 'fuzzy' })
    expect(resolution.status === 'matched' && resolution.confidence).toBeGreaterThan(0.85)
    expect(resolution.status === 'matched' && resolution.confidence).toBeLessThan(1)
  })

  it('never merges subsidiaries with their parent', () => {
    expect(matchedId(index.resolve('account_name', 'Acme'))).toBe('acc_acme')
    expect(matchedId(index.resolve('account_name', 'Acme Labs'))).toBe('acc_acme_labs')
    expect(matchedId(index.resolve('account_name', 'Globex Europe'))).toBe('acc_globex_eu')
    expect(matchedId(index.resolve('account_name', 'Globex'))).toBe('acc_globex')
    expect(matchedId(index.resolve('account_name', 'Globex Eurpoe'))).toBe('acc_globex_eu')
    expect(reasonOf(index.resolve('account_name', 'Acme Research'))).toBe('no_candidate')
    expect(reasonOf(index.resolve('account_name', 'Globex Japan'))).toBe('no_candidate')
  })

  it('refuses to guess between two close names', () => {
    const resolution = index.resolve('account_name', 'Europ Travel')
    expect(resolution).toMatchObject({ status: 'ambiguous', reason: 'close_runner_up' })
    expect(resolution.status === 'ambiguous' && resolution.candidates.map((c) => c.accountId).sort()).toEqual([
      'acc_europe_a',
      'acc_europe_b',
    ])
  })

  it('prefers the exact name, and refuses to choose between names that differ only in spacing', () => {
    expect(index.resolve('account_name', 'Blues Tone')).toMatchObject({
      status: 'ambiguous',
      reason: 'close_runner_up',
    })
    expect(index.resolve('account_name', 'BlueStone')).toMatchObject({
      status: 'matched',
      accountId: 'acc_bluestone',
      method: 'exact',
    })
    expect(index.resolve('account_name', 'Blue-Stone')).toMatchObject({
      status: 'matched',
      accountId: 'acc_blue_stone',
    })
    expect(index.resolve('account_name', 'Stone Blue')).toMatchObject({
      status: 'matched',
      accountId: 'acc_blue_stone',
      method: 'rearranged',
    })
  })

  it('matches names in any script and says why a name without letters cannot match', async () => {
    const world = await buildAccountIndex(
      createInMemoryDirectory([
        { id: 'acc_toyota', name: '株式会社トヨタ' },
        { id: 'acc_unicode', name: 'Ünïcödé GmbH' },
        { id: 'acc_rocket', name: '🚀🚀' },
      ]),
    )
    expect(matchedId(world.resolve('account_name', '株式会社トヨタ'))).toBe('acc_toyota')
    expect(matchedId(world.resolve('account_name', 'UNICODE'))).toBe('acc_unicode')
    expect(matchedId(world.resolve('account_name', 'Ｕｎｉｃｏｄｅ'))).toBe('acc_unicode')
    expect(reasonOf(world.resolve('account_name', '🚀🚀'))).toBe('empty_value')
    expect(world.stats.skipped.emptyNames).toBe(1)
  })

  it('refuses names shared by several accounts', () => {
    expect(index.resolve('account_name', 'Hooli')).toMatchObject({
      status: 'ambiguous',
      reason: 'duplicate_key_in_directory',
    })
  })

  it('refuses a typo in a short name, and a known word typed as another known word', () => {
    expect(reasonOf(index.resolve('account_name', 'Globax'))).toBe('below_threshold')
    // "nova" is a word of the directory (Nova Power): it is not read as a typo of "novak".
    expect(reasonOf(index.resolve('account_name', 'Nova Education'))).toBe('no_candidate')
    expect(reasonOf(index.resolve('account_name', 'Umbrella Corporation'))).toBe('no_candidate')
  })
})

describe('buildAccountIndex', () => {
  it('reports what it indexed and skipped', () => {
    expect(index.stats.accounts).toBe(ACCOUNTS.length)
    expect(index.stats.keys.account_name).toBe(ACCOUNTS.length - 1)
    expect(index.stats.keys['custom_field:seats']).toBe(2)
    expect(index.resolvers).toContain('custom_field:plan')
  })

  it('indexes only the resolvers asked for', async () => {
    const small = await buildAccountIndex(createInMemoryDirectory(ACCOUNTS), {
      resolvers: ['email_domain', 'custom_field:plan'],
    })
    expect(matchedId(small.resolve('email_domain', 'acme.com'))).toBe('acc_acme')
    expect(matchedId(small.resolve('custom_field:plan', 'ENTERPRISE'))).toBe('acc_acme')
    for (const resolver of ['account_name', 'custom_field:seats'] as const) {
      expect(() => small.resolve(resolver, 'x')).toThrow(expect.objectContaining({ code: 'resolver_not_indexed' }))
    }
  })

  it('refuses an account without an id', async () => {
    const bad = createInMemoryDirectory([{ id: '  ', name: 'Nameless' }])
    await expect(buildAccountIndex(bad)).rejects.toMatchObject({ code: 'invalid_directory_account' })
  })

  it('wraps a failing directory with its cause', async () => {
    const cause = new Error('CRM unreachable')
    const failing = {
      async *accounts() {
        yield ACCOUNTS[0]!
        throw cause
      },
    }
    const error: unknown = await buildAccountIndex(failing).catch((e: unknown) => e)
    expect(isResolveError(error) && error.code).toBe('directory_failed')
    expect(isResolveError(error) && error.cause).toBe(cause)
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      buildAccountIndex(createInMemoryDirectory(ACCOUNTS), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' })
  })
})
