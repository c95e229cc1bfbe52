import type { AccountResolver, CatalogField } from '@statisfy/posthog-sdk'
import { columnKind } from '../PreviewTable/columnKind'
import type { PreviewColumn } from '../PreviewTable/PreviewTable'

/** A role a result column can play in a mapping. */
export type ColumnRole = 'account' | 'timestamp' | 'value' | 'metric' | 'field' | 'key'

// Column names people give these roles in HogQL (aliases seen in PostHog insights and the product docs' examples).
const accountNames: Record<string, RegExp> = {
  statisfy_id: /statisfy|account_?id/i,
  crm_id: /crm|salesforce|sfdc|hubspot/i,
  org_id: /org(anization|anisation)?_?id|group_?key|\$group_0|company_?id/i,
  email_domain: /domain|email|website|url/i,
  account_name: /(company|account|org(anization|anisation)?)_?name|^name$|^company$/i,
}

const roleNames: Record<Exclude<ColumnRole, 'account'>, RegExp> = {
  timestamp: /time|date|day|week|month|period|_at$/i,
  value: /value|count|total|sum|num|amount|usage|avg|uniq/i,
  metric: /metric|event|feature|action|name/i,
  field: /field|property|key|attribute/i,
  key: /(^|_)(id|key|uuid)$/i,
}

function kindFits(role: ColumnRole, column: PreviewColumn): boolean {
  const kind = columnKind(column.type)
  switch (role) {
    case 'timestamp':
      return kind === 'datetime' || kind === 'text' || kind === 'number'
    case 'value':
      return kind === 'number'
    case 'account':
    case 'metric':
    case 'field':
    case 'key':
      return kind !== 'json'
    default:
      return role satisfies never
  }
}

/**
 * Result columns likely to play `role`, best first: a column whose name fits the role and whose type fits first,
 * then one whose type fits (a DateTime column is a timestamp, whatever its name).
 */
export function suggestColumns(
  role: ColumnRole,
  columns: readonly PreviewColumn[],
  resolver?: AccountResolver,
): string[] {
  const pattern =
    role === 'account'
      ? resolver?.startsWith('custom_field:')
        ? new RegExp(resolver.slice('custom_field:'.length).replace(/[^A-Za-z0-9]/g, '.?'), 'i')
        : (accountNames[resolver ?? 'account_name'] ?? accountNames.account_name)
      : roleNames[role]
  const byName = columns.filter((c) => pattern?.test(c.name) && kindFits(role, c))
  const byType =
    role === 'timestamp' || role === 'value'
      ? columns.filter(
          (c) => !byName.includes(c) && columnKind(c.type) === (role === 'timestamp' ? 'datetime' : 'number'),
        )
      : []
  return [...byName, ...byType].map((c) => c.name)
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The catalog field (or attribute) whose key or label matches a column's name, or `''`. */
export function suggestTarget(column: string, targets: readonly CatalogField[]): string {
  const name = normalise(column)
  return targets.find((t) => normalise(t.key) === name || normalise(t.label) === name)?.key ?? ''
}

// Identifier resolvers first: a column that fits one of them is an exact key, while a domain or a name is a guess.
const resolverOrder = ['statisfy_id', 'crm_id', 'org_id', 'custom_field', 'email_domain', 'account_name']
const resolverRank = (resolver: AccountResolver) => {
  const rank = resolverOrder.indexOf(resolver.startsWith('custom_field:') ? 'custom_field' : resolver)
  return rank === -1 ? resolverOrder.length : rank
}

/**
 * The resolver the result's columns point to (`org_id` for an `org_id` column, `email_domain` for `email`...), and
 * the column to match accounts by, or `null` when no column name suggests one of `resolvers`.
 */
export function suggestAccount(
  columns: readonly PreviewColumn[],
  resolvers: readonly AccountResolver[],
): { resolver: AccountResolver; column: string } | null {
  const ranked = [...resolvers].sort((a, b) => resolverRank(a) - resolverRank(b))
  for (const resolver of ranked) {
    const column = suggestColumns('account', columns, resolver)[0]
    if (column) return { resolver, column }
  }
  return null
}
