import type { Random } from './createRandom'
import { salesforceId18 } from './salesforceId'

/** Subscription plans of the fictional product. */
export type Plan = 'free' | 'starter' | 'growth' | 'enterprise'

/** A fictional B2B customer of the product whose usage the dataset records. */
export interface Company {
  index: number
  name: string
  domain: string
  /** 18-character Salesforce account id (starts with `001`). */
  crmId: string
  hubspotId: string
  plan: Plan
  /** The product's own organisation id; also the group key of group type 0 (organization). */
  orgId: string
  industry: string
  employees: number
  /** Day (0-based, within the dataset's window) the company started using the product. */
  startDay: number
  /** Day it stopped (churned); `days` when it did not churn. */
  endDay: number
  /** Relative activity. */
  weight: number
}

const FIRST =
  'Blue North Silver Bright Iron Cedar Harbor Summit Lumen Quantum Granite Maple Copper Nova Pioneer Crescent Atlas Beacon Evergreen Falcon Horizon Juniper Keystone Meridian Orbit Pinnacle Redwood Sapphire Tidal Vertex'.split(
    ' ',
  )
const SECOND =
  'Analytics Logistics Health Labs Systems Software Networks Dynamics Foods Energy Robotics Capital Media Security Cloud Bio Works Retail Freight Learning'.split(
    ' ',
  )
const SUFFIXES = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'S.A.', 'Corp.', 'AG', 'B.V.', 'Pty Ltd', 'SAS', 'Co.', 'plc']
const TLDS = ['.com', '.com', '.com', '.io', '.de', '.co.uk', '.fr', '.nl', '.ai']
const INDUSTRIES = ['Software', 'Healthcare', 'Logistics', 'Retail', 'Finance', 'Manufacturing', 'Education', 'Media']
const PLANS: readonly Plan[] = ['free', 'starter', 'starter', 'growth', 'growth', 'growth', 'enterprise', 'enterprise']
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Generates `count` distinct fictional companies: names with legal suffixes, domains, Salesforce and HubSpot ids,
 * plans, org ids, and a life span in the dataset window (a few join late, a few churn).
 */
export function generateCompanies(random: Random, count: number, days: number): Company[] {
  const used = new Set<string>()
  const companies: Company[] = []
  while (companies.length < count) {
    const first = random.pick(FIRST)
    const second = random.pick(SECOND)
    if (used.has(first + second)) continue
    used.add(first + second)
    const index = companies.length
    const plan = random.pick(PLANS)
    let id15 = '001'
    for (let i = 0; i < 12; i++) id15 += BASE62[random.int(0, 61)]
    const roll = random.next()
    const startDay = roll < 0.12 ? random.int(Math.floor(days * 0.3), Math.floor(days * 0.7)) : 0
    const endDay = roll > 0.9 ? random.int(Math.floor(days * 0.45), Math.floor(days * 0.85)) : days
    const planWeight = { free: 0.4, starter: 0.8, growth: 1.4, enterprise: 2.2 }[plan]
    companies.push({
      index,
      name: `${first} ${second} ${random.pick(SUFFIXES)}`,
      domain: `${first}${second}`.toLowerCase() + random.pick(TLDS),
      crmId: salesforceId18(id15),
      hubspotId: String(random.int(1_000_000_000, 9_999_999_999)),
      plan,
      orgId: `org_${(index + 1).toString().padStart(3, '0')}${random.int(0x10000, 0xfffff).toString(16)}`,
      industry: random.pick(INDUSTRIES),
      employees: random.int(8, 4000),
      startDay,
      endDay,
      weight: planWeight * (0.5 + random.next()),
    })
  }
  return companies
}
