// Words written in full or abbreviated in company names, mapped to one spelling so "Acme Intl Mfg" and
// "ACME International Manufacturing" normalise alike. Only abbreviations that cannot be read another way in a company
// name are listed. The spelling kept is the full word: typos are made in long words, and a typo'd "Servces" is one
// edit from "services" but far from "svcs". No target is itself an alias, which keeps normalisation idempotent.
const GROUPS: Record<string, readonly string[]> = {
  international: ['intl', 'internacional', 'internationale'],
  technologies: ['technology', 'tech', 'techs'],
  laboratories: ['laboratory', 'lab', 'labs'],
  manufacturing: ['mfg'],
  services: ['service', 'svcs', 'svc'],
  management: ['mgmt'],
  brothers: ['bros'],
  associates: ['assoc'],
  national: ['natl'],
  systems: ['system', 'sys'],
  solutions: ['solution'],
  holdings: ['holding', 'hldgs'],
  university: ['univ'],
  department: ['dept'],
  industries: ['inds'],
}

const ALIASES = new Map<string, string>()
for (const [canonical, words] of Object.entries(GROUPS)) for (const word of words) ALIASES.set(word, canonical)

/** The canonical spelling of a normalised word (`intl` → `international`), or the word itself. */
export function canonicalWord(word: string): string {
  return ALIASES.get(word) ?? word
}
