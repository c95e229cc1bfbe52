// PostHog personal (phx_) and project secret (phs_) keys. The handler never logs or answers with a key by design;
// this is the second line of defence for text it does not write itself (error messages from stores and libraries).
const KEY_PATTERN = /\bph[xs]_[A-Za-z0-9_-]{4,}/g

/** Replaces anything shaped like a PostHog key with its hint-like form `phx_…`. */
export function redactKeys(text: string): string {
  return text.replace(KEY_PATTERN, (key) => `${key.slice(0, 4)}…`)
}
