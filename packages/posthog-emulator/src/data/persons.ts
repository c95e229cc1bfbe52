import type { Company } from './companies'
import type { Random } from './createRandom'

/** A user of the product, working at one of the companies. */
export interface Person {
  index: number
  company: number
  distinctId: string
  email: string
  firstName: string
  lastName: string
  role: string
  /** First day with activity (joined the workspace). */
  startDay: number
  /** Relative activity within the company. */
  weight: number
  browser: string
  os: string
  country: string
}

const FIRST_NAMES =
  'Ada Ben Chloe Dev Elena Farid Grace Hiro Ines Jonas Kira Liam Maya Noah Olga Priya Quinn Rosa Sven Tara Umar Vera Wes Xena Yuki Zane Aiko Bruno Carla Dario'.split(
    ' ',
  )
const LAST_NAMES =
  'Adler Berg Costa Diaz Evans Fischer Garcia Hansen Ito Jensen Kowalski Larsen Moreau Nakamura Olsen Petrov Quist Rossi Schmidt Tanaka Ueda Vogel Weber Xu Young Zimmer'.split(
    ' ',
  )
const ROLES = ['admin', 'member', 'member', 'member', 'analyst', 'viewer']
/** Public mail domains: the account resolver must refuse these. */
export const PUBLIC_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'hotmail.com']
const BROWSERS = ['Chrome', 'Chrome', 'Chrome', 'Safari', 'Firefox', 'Microsoft Edge']
const OSES = ['Mac OS X', 'Windows', 'Windows', 'Linux', 'iOS', 'Android']
const COUNTRIES = ['US', 'US', 'DE', 'GB', 'FR', 'NL', 'CA', 'AU', 'ES', 'JP']

/** Generates each company's users; about one in seven signs up with a public mail address. */
export function generatePersons(random: Random, companies: readonly Company[]): Person[] {
  const persons: Person[] = []
  for (const company of companies) {
    const seats = Math.max(3, Math.round(company.weight * random.int(6, 30)))
    for (let i = 0; i < seats; i++) {
      const firstName = random.pick(FIRST_NAMES)
      const lastName = random.pick(LAST_NAMES)
      const index = persons.length
      const local = `${firstName}.${lastName}${random.next() < 0.3 ? random.int(1, 99) : ''}`.toLowerCase()
      const domain = random.next() < 0.14 ? random.pick(PUBLIC_MAIL_DOMAINS) : company.domain
      const lifetime = company.endDay - company.startDay
      persons.push({
        index,
        company: company.index,
        distinctId: `user_${index + 1}`,
        email: `${local}@${domain}`,
        firstName,
        lastName,
        role: i === 0 ? 'admin' : random.pick(ROLES),
        startDay: company.startDay + (random.next() < 0.6 ? 0 : random.int(0, Math.floor(lifetime * 0.6))),
        weight: 0.3 + random.next() * 2,
        browser: random.pick(BROWSERS),
        os: random.pick(OSES),
        country: random.pick(COUNTRIES),
      })
    }
  }
  return persons
}
