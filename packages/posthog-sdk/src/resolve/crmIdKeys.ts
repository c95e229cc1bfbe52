import { salesforceId15 } from './salesforceId'

const DIGITS = /^\d+$/
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i

/**
 * The index keys under which a CRM id is stored and looked up. Both sides go through this one function, so
 * equal keys mean the same record:
 * - Salesforce ids: the case-correct 15-character id (`sf:`), whether given in 15 or 18 characters;
 * - HubSpot ids and other numeric ids: digits without leading zeros (`n:`), so `"00042"`, `" 42 "` and `42` agree;
 * - GUIDs (Dynamics 365): lower-case without braces (`g:`);
 * - anything else: the trimmed value, exactly (`x:`).
 * A 15- or 18-digit number is both a possible Salesforce id and a number, so it gets both keys.
 * Returns an empty array for an empty value.
 */
export function crmIdKeys(raw: string | number): string[] {
  const value = typeof raw === 'number' ? (Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : '') : raw.trim()
  if (value === '') return []
  const keys: string[] = []
  if (DIGITS.test(value)) keys.push(`n:${value.replace(/^0+(?=\d)/, '')}`)
  const salesforce = value.length === 15 || value.length === 18 ? salesforceId15(value) : undefined
  if (salesforce !== undefined) keys.push(`sf:${salesforce}`)
  const guid = GUID.exec(value)
  if (guid) keys.push(`g:${guid[1]!.toLowerCase()}`)
  if (keys.length === 0) keys.push(`x:${value}`)
  return keys
}
