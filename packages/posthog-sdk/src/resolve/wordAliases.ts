// Words written in full or abbreviated in company names, mapped to one spelling so "Acme Intl Mfg" and
// "ACME International Manufacturing" normalise alike. Only abbreviations that cannot be read another way in a company
// name are listed; the target of each entry maps to itself, which keeps normalisation idempotent.
const GROUPS: Record<string, readonly string[]> = {
  intl: ['international', 'internacional', 'internationale', 'intl'],
  tech: ['technology', 'technologies', 'tech', 'techs'],
  labs: ['lab', 'labs', 'laboratory', 'laboratories'],
  mfg: ['manufacturing', 'mfg'],
  svcs: ['services', 'service', 'svcs', 'svc'],
  mgmt: ['management', 'mgmt'],
  bros: ['brothers', 'bros'],
  assoc: ['associates', 'assoc'],
  natl: ['national', 'natl'],
  sys: ['systems', 'system', 'sys'],
  solns: ['solutions', 'solution', 'solns'],
  grp: ['group', 'grp'],
  hldgs: ['holdings', 'holding', 'hldgs'],
  univ: ['university', 'univ'],
  dept: ['department', 'dept'],
  ind: ['industries', 'inds'],
}

const ALIASES = new Map<string, string>()
for (const [canonical, words] of Object.entries(GROUPS)) for (const word of words) ALIASES.set(word, canonical)

/** The canonical spelling of a normalised word (`international` → `intl`), or the word itself. */
export function canonicalWord(word: string): string {
  return ALIASES.get(word) ?? word
}
