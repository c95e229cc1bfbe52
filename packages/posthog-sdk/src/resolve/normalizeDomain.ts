import { getDomain } from 'tldts'

/** Why a value is not a usable company domain. */
export type DomainProblem = 'empty_value' | 'invalid_domain'

/** A normalised domain: the host (`eu.app.acme.com`) and its registrable domain (`acme.com`, per the Public Suffix List). */
export type NormalizedDomain =
  | { ok: true; host: string; registrableDomain: string }
  | { ok: false; reason: DomainProblem }

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
const PORT = /:\d*$/
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const WWW = /^www\d*\./
const IPV4 = /^\d+(?:\.\d+){3}$/

/** The host part of an email address, URL or bare domain, before validation. */
function hostOf(value: string): string | undefined {
  let text = value.replace(/^mailto:/i, '')
  // "Jane Doe <jane@acme.com>": the address is between the last angle brackets.
  const angle = /<([^<>]*)>\s*$/.exec(text)
  if (angle) text = angle[1]!.trim()
  if (SCHEME.test(text)) {
    try {
      return new URL(text).hostname
    } catch {
      return undefined
    }
  }
  const at = text.lastIndexOf('@')
  // Several addresses ("a@acme.com, b@globex.io", a mailto: with cc): which company is meant would be a guess.
  if (at >= 0 && text.indexOf('@') !== at) return undefined
  if (at >= 0) text = text.slice(at + 1)
  text = text.replace(/^\/\//, '')
  const end = text.search(/[/?#]/)
  if (end >= 0) text = text.slice(0, end)
  return text.replace(PORT, '')
}

function toAsciiHost(host: string): string | undefined {
  const trimmed = host.replace(/\.+$/, '')
  if (trimmed === '' || /\s/.test(trimmed)) return undefined
  try {
    // The WHATWG URL parser lower-cases, applies IDNA (UTS #46) and punycodes, in Node, browsers and edge runtimes alike.
    return new URL(`http://${trimmed}`).hostname.replace(/\.+$/, '')
  } catch {
    return undefined
  }
}

/**
 * Normalises an email address, URL or bare domain to a lower-case ASCII host and its registrable domain: keeps the
 * part after `@`, drops scheme, credentials, port, path, query, fragment, trailing dots and leading `www.`, and turns
 * internationalised names into punycode (`müller.de` → `xn--mller-kva.de`). IP addresses, single-label hosts and
 * bare public suffixes (`co.uk`) are `invalid_domain`, and so is a value with several addresses (`a@acme.com, b@globex.io`).
 * Never throws; idempotent on its own `host` output.
 *
 * @example normalizeDomain('Jane <jane@EU.App.Acme.com>') // { ok: true, host: 'eu.app.acme.com', registrableDomain: 'acme.com' }
 * @example normalizeDomain('https://www.acme.co.uk:8443/pricing?x=1') // { ok: true, host: 'acme.co.uk', registrableDomain: 'acme.co.uk' }
 */
export function normalizeDomain(value: string): NormalizedDomain {
  const trimmed = value.trim()
  if (trimmed === '') return { ok: false, reason: 'empty_value' }
  const raw = hostOf(trimmed)
  let host = raw === undefined ? undefined : toAsciiHost(raw)
  if (host === undefined || host.length > 253 || IPV4.test(host)) return { ok: false, reason: 'invalid_domain' }
  if (!host.split('.').every((label) => LABEL.test(label))) return { ok: false, reason: 'invalid_domain' }
  const registrableDomain = getDomain(host, { allowPrivateDomains: true })
  if (!registrableDomain) return { ok: false, reason: 'invalid_domain' }
  // `www.` is a web-server convention, never a different company; `www.com` itself is a registrable domain and stays.
  while (WWW.test(host) && host.length > registrableDomain.length) host = host.replace(WWW, '')
  return { ok: true, host, registrableDomain }
}

/**
 * The domains to try for `host`, most specific first, stopping at its registrable domain: `eu.app.acme.com` gives
 * `eu.app.acme.com`, `app.acme.com`, `acme.com`. Never climbs above the registrable domain, so `acme.herokuapp.com`
 * cannot match the owner of `herokuapp.com`.
 */
export function domainAncestors(host: string, registrableDomain: string): string[] {
  const levels = [host]
  let current = host
  while (current.length > registrableDomain.length) {
    current = current.slice(current.indexOf('.') + 1)
    levels.push(current)
  }
  return levels
}
