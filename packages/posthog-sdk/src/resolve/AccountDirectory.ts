/** One of the host's accounts, as its directory gives it. Only `id` and `name` are required. */
export interface DirectoryAccount {
  /** The Statisfy account id; what a match returns. */
  id: string
  /** The account's display name, used by the `account_name` resolver. */
  name: string
  /** The company's domains, websites or email domains (`acme.com`, `https://www.acme.de`, `eu.acme.com`). */
  domains?: readonly string[]
  /** CRM record ids: Salesforce (15 or 18 characters), HubSpot (numeric) or any other CRM's. */
  crmIds?: readonly string[]
  /** Ids of the account in the tenant's own product (what PostHog groups often carry). */
  orgIds?: readonly string[]
  /** Custom field values by field key, for `custom_field:<key>` resolvers. */
  customFields?: Readonly<Record<string, string | number | boolean | null>>
}

/**
 * The port through which the host lends its accounts to the resolver. The index reads it once per sync, streaming,
 * so a directory of any size never has to be held as one array; an async generator over the host's own paged API
 * is enough, and `directoryFromPages` builds one from a page-fetching function. It may yield accounts one by one or
 * in batches (arrays, such as one page of the host's API): batches save an `await` per account, which counts at
 * 100,000 accounts.
 *
 * @example
 * const directory: AccountDirectory = {
 *   async *accounts() {
 *     for await (const row of db.accounts.stream({ tenantId })) yield { id: row.id, name: row.name, domains: row.domains }
 *   },
 * }
 */
export interface AccountDirectory {
  /** Every account of the tenant, each once, one by one or in batches. Called once per `buildAccountIndex`. */
  accounts(options?: { signal?: AbortSignal }): AsyncIterable<DirectoryAccount | readonly DirectoryAccount[]>
}
