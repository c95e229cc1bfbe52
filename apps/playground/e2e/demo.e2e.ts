// The demo as a new user meets it: `pnpm demo` (the emulator, the sync worker on its SQLite file, the playground),
// driven in Chromium from the first visit to the imported data, then the demo restarted on the same folder. Every
// step saves a screenshot (e2e-artifacts/screenshots, kept by CI; the README shows the key ones).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { type DemoSetup, demoSetup, type RunningDemo, startDemo } from './startDemo'

const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts')
let shot = 0
/** A full-page screenshot of the step; with `readme`, also the first screen of it as the README shows it. */
async function screenshot(page: Page, name: string, readme?: string) {
  shot += 1
  const path = join(ARTIFACTS, 'screenshots', `${String(shot).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path, fullPage: true })
  if (readme) await page.screenshot({ path: join(ARTIFACTS, 'readme', `${readme}.png`) })
}

test.describe.configure({ mode: 'serial' })

let setup: DemoSetup
let demo: RunningDemo
let page: Page

test.beforeAll(async ({ browser }) => {
  setup = await demoSetup(mkdtempSync(join(tmpdir(), 'statisfy-demo-e2e-')))
  demo = await startDemo(setup)
  page = await browser.newPage()
  // The first visit as a visitor with a light system theme; the dark screenshots come from the toggle.
  await page.emulateMedia({ colorScheme: 'light' })
})

test.afterAll(async () => {
  await page?.close()
  if (demo) await demo.stop()
  if (setup) rmSync(setup.dir, { recursive: true, force: true })
})

const settings = () => page.locator('.sf-settings')
const history = () => page.getByRole('region', { name: 'Sync history' })
const next = () => page.getByRole('button', { name: 'Next', exact: true })
const finishedRuns = () =>
  history()
    .getByRole('row')
    .filter({ hasText: /Succeeded|Partial/ })

/** The three queries the tests save, one per type. */
const QUERIES = [
  'Events per organisation',
  'Plan, employees and segment from PostHog groups',
  'Feature adoption per organisation',
]
let finishedBeforeRestart = 0

/** The CodeMirror content of the HogQL step, once the editor has loaded. */
async function editor(): Promise<Locator> {
  const content = page.locator('.cm-content')
  await expect(content).toBeVisible()
  return content
}

/** Runs the chosen query now from its history and waits for the run to finish; returns its row in the table. */
async function runNowAndWait(queryName: string): Promise<Locator> {
  await page.getByRole('button', { name: queryName, exact: true }).click()
  await expect(history().getByLabel('Query').locator('option:checked')).toHaveText(queryName)
  await history().getByRole('button', { name: 'Run now' }).click()
  const finished = history()
    .getByRole('row')
    .filter({ has: page.getByText(/^(Succeeded|Partial)$/) })
    .first()
  await expect(finished).toBeVisible({ timeout: 90_000 })
  return finished
}

/** Adds a query from one of the playground's templates and saves it on its suggested mapping. */
async function addFromTemplate(type: string, template: string): Promise<void> {
  await page.getByRole('button', { name: 'Add query' }).click()
  await page.getByRole('radio', { name: type }).check()
  await page.getByRole('button', { name: template }).click()
  await expect(await editor()).toContainText('SELECT')
  await next().click()
  await expect(page.getByText(/^\d[\d,]* rows?$/).first()).toBeVisible({ timeout: 60_000 })
  await next().click()
  await expect(page.getByText(/^Accounts matched: \d+ of \d+/)).toBeVisible({ timeout: 60_000 })
  await screenshot(page, `${template.split(' ')[0]?.toLowerCase()}-mapping`)
  await next().click()
  await page.getByRole('button', { name: 'Save query' }).click()
  await expect(settings()).toHaveAttribute('data-state', 'list')
}

/** Opens the Accounts page, then the first account whose count in `column` (an Accounts table heading) is not 0. */
async function openAccountWith(column: 'Usage points' | 'Custom fields' | 'Custom objects'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click()
  const table = page.getByRole('table', { name: 'Accounts and what the syncs imported' })
  await expect(table).toBeVisible()
  const headings = await table.getByRole('columnheader').allTextContents()
  const index = headings.indexOf(column)
  const rows = table.locator('tbody tr')
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i)
    if ((await row.locator('th, td').nth(index).textContent()) === '0') continue
    await row.getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    return
  }
  throw new Error(`No account on the first page has ${column}.`)
}

test('connect: a wrong key is refused with the reason, the right one connects', async () => {
  await page.goto(demo.url)
  await expect(page.getByRole('heading', { name: 'PostHog import' })).toBeVisible()
  // First visit: the form is filled with the emulator's address, project and demo key.
  const key = page.getByLabel('Personal API key')
  await expect(key).toHaveValue('phx_demo_query_read')
  await expect(page.getByLabel('Project ID')).not.toHaveValue('')
  await screenshot(page, 'first-visit')

  await key.fill('phx_this_key_does_not_exist')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/PostHog refused the key/)).toBeVisible()
  await screenshot(page, 'wrong-key')

  await key.fill('phx_demo_query_read')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Connected', { exact: true })).toBeVisible()
  await expect(settings()).toHaveAttribute('data-state', 'list')
  await screenshot(page, 'connected')
})

test('product usage: written with completion, a typo caught and fixed, previewed, mapped, scheduled, run', async () => {
  await page.getByRole('button', { name: 'Add query' }).click()
  await page.getByLabel('Name').fill('Events per organisation')
  await page.getByRole('radio', { name: 'Product usage' }).check()
  await next().click()

  const content = await editor()
  await content.click()
  // Typed as a person types, with one typo (`coutn`); `{` and `(` get their closing brackets from the editor, and
  // typing the closing one steps over it.
  await page.keyboard.type(
    'select $group_0 as org_id, toStartOfDay(timestamp) as day, event as metric, coutn() as value from eve',
  )
  // Completion offers the table; a click on it accepts it. (A key would be ignored while the list is still updating
  // from the schema's answer: CodeMirror's interactionDelay; the click is what a person does without waiting.)
  const option = page.locator('.cm-tooltip-autocomplete').getByRole('option', { name: /^events/ })
  await option.click()
  await expect(content).toContainText('from events')
  await page.keyboard.type(
    ' where timestamp >= {period_start} and timestamp < {period_end} group by org_id, day, metric',
  )
  await expect(content).toContainText('from events where')

  // The typo is underlined with PostHog's message.
  const diagnostic = page.locator('.cm-lintRange-error')
  await expect(diagnostic).toBeVisible()
  await screenshot(page, 'typo-diagnostic')
  await content.getByText('coutn').dblclick()
  await page.keyboard.type('count')
  await expect(diagnostic).toHaveCount(0)
  await expect(content).toContainText('count() as value')

  await next().click()
  await expect(page.getByText(/^\d[\d,]* rows?$/).first()).toBeVisible({ timeout: 60_000 })
  await screenshot(page, 'preview')

  // Mapping: the suggestions fit (org_id → organisation id, day, metric, value); the match rate is read from the
  // preview's rows.
  await next().click()
  await expect(page.getByLabel('Account column')).toHaveValue('org_id')
  // The demo's directory holds the paying organisations only. Whether the preview's rows include others depends on
  // the hour (the preview reads the last days up to now), so the rate is checked for what it says, not for a miss.
  const rate = page.getByText(/^Accounts matched: \d+ of \d+/)
  await expect(rate).toBeVisible({ timeout: 60_000 })
  const [, matched, total, percent] = (await rate.textContent())?.match(/(\d+) of (\d+) \((\d+)%\)/) ?? []
  expect(Number(matched)).toBeGreaterThan(0)
  expect(Number(matched)).toBeLessThanOrEqual(Number(total))
  expect(Number(percent)).toBe(Math.round((Number(matched) / Number(total)) * 100))
  await screenshot(page, 'mapping')

  await next().click()
  await page.getByLabel('Runs', { exact: true }).selectOption({ label: 'Every N minutes' })
  await page.getByLabel('Every (minutes)').fill('5')
  await expect(page.getByTestId('next-runs')).toBeVisible()
  await screenshot(page, 'schedule')
  await page.getByRole('button', { name: 'Save query' }).click()
  await expect(settings()).toHaveAttribute('data-state', 'list')
  await expect(page.getByRole('switch', { name: 'Import “Events per organisation” on schedule' })).toHaveAttribute(
    'aria-checked',
    'true',
  )

  // Run now, watch it finish; the free-plan organisations' rows are rejected, and the run says why.
  const run = await runNowAndWait('Events per organisation')
  await run.getByRole('button', { name: 'Rejected rows' }).click()
  await expect(
    history()
      .getByText(/match no account/)
      .first(),
  ).toBeVisible()
  await screenshot(page, 'run-history')

  // Accounts: a matched account's usage chart.
  await openAccountWith('Usage points')
  const usage = page.getByRole('region', { name: 'Product usage' })
  await expect(usage.getByRole('img', { name: /: \d+ points? / }).first()).toBeVisible()
  await expect(usage.getByText('Written by Events per organisation:').first()).toBeVisible()
  await screenshot(page, 'account-usage', 'account-light')
})

test('custom field and custom object: from the templates, mapped on the suggestions, run, shown on the account', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'PostHog settings' }).click()
  await addFromTemplate('Custom fields', 'Plan, employees and segment from PostHog groups')
  await runNowAndWait('Plan, employees and segment from PostHog groups')
  await addFromTemplate('Custom objects', 'Feature adoption per organisation')
  await runNowAndWait('Feature adoption per organisation')
  await history().getByLabel('Query').selectOption({ label: 'All queries' })
  // At least one finished run per query: the product-usage query runs every 5 minutes, so a slot boundary during
  // the test adds a scheduled run of its own.
  for (const name of QUERIES) await expect(finishedRuns().filter({ hasText: name }).first()).toBeVisible()
  finishedBeforeRestart = await finishedRuns().count()
  await screenshot(page, 'three-queries', 'settings-light')

  await openAccountWith('Custom objects')
  await expect(
    page.getByRole('region', { name: 'Custom fields' }).getByRole('rowheader', { name: 'plan', exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Custom objects' }).getByRole('row').nth(1)).toBeVisible()
  await screenshot(page, 'account-fields-objects')
})

test('restart: the saved queries, their history and the imported data are still there', async () => {
  // The tab is closed first: an open page of Vite's dev server reloads itself when the server comes back, which
  // would abort the navigation below.
  await page.goto('about:blank')
  expect(await demo.stop()).toBe(0)
  demo = await startDemo(setup)
  await page.goto(demo.url)
  for (const name of QUERIES) await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  // The history survived: every run seen before the restart (a scheduled slot may have added one since).
  await expect(async () => expect(await finishedRuns().count()).toBeGreaterThanOrEqual(finishedBeforeRestart)).toPass()
  for (const name of QUERIES) await expect(finishedRuns().filter({ hasText: name }).first()).toBeVisible()

  // The same pages in dark, from the header's toggle.
  await page.getByRole('button', { name: /dark/i }).click()
  await screenshot(page, 'settings-dark', 'settings-dark')
  await openAccountWith('Usage points')
  await expect(page.getByRole('region', { name: 'Product usage' }).getByRole('img').first()).toBeVisible()
  await screenshot(page, 'account-dark', 'account-dark')
})
