// The chronology table view in real Chromium against the real engine (web host, real case file).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { generate, importDemo, importText } from './timeline-case';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const grid = (page: Page) => page.getByTestId('chronology-grid');
const status = (page: Page) => page.getByTestId('chronology-status');
const bodyRows = (page: Page) => grid(page).locator('.chronology-body [role="row"]');
const cells = (page: Page, key: string) => grid(page).locator(`.chronology-body .cell-${key}`);
const header = (page: Page, key: string) => grid(page).locator(`.chronology-head .cell-${key}`);
const selectedRow = (page: Page) => grid(page).locator('[role="row"][aria-selected="true"]');

async function openTable(page: Page, timelineText = '18 entries in view.') {
  await page.goto(host.url);
  await expect(page.getByTestId('timeline-status')).toHaveText(timelineText);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(grid(page)).toBeVisible();
}

test('lists the entries in date order with the timeline’s filters and search, sorts, and remembers the columns', async ({ page }) => {
  await importDemo(host.casePath);
  await openTable(page);
  await expect(status(page)).toHaveText('18 entries, sorted by date.');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '19');
  const first = bodyRows(page).first();
  await expect(first).toHaveAttribute('aria-rowindex', '2');
  await expect(first.locator('.cell-agency')).toHaveText('Police');
  await expect(first.locator('.cell-date')).toHaveText('2023-01-14');
  await expect(first.locator('.cell-time')).toHaveText('22:40');
  await expect(first.locator('.cell-type')).toHaveText('Concern for welfare');
  await expect(bodyRows(page)).toHaveCount(18);
  const dates = await cells(page, 'date').allInnerTexts();
  expect(dates.map((d) => d.slice(0, 10))).toEqual([...dates.map((d) => d.slice(0, 10))].sort());
  await expect(header(page, 'date')).toHaveAttribute('aria-sort', 'ascending');

  // Sort by agency, both ways, then by signal (concerns first).
  await grid(page).getByRole('button', { name: 'Agency', exact: true }).click();
  await expect(status(page)).toHaveText('18 entries, sorted by agency, then date.');
  await expect(header(page, 'agency')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'date')).toHaveAttribute('aria-sort', 'none');
  await expect(cells(page, 'agency').first()).toHaveText('Adult Social Care');
  await grid(page).getByRole('button', { name: 'Agency', exact: true }).click();
  await expect(header(page, 'agency')).toHaveAttribute('aria-sort', 'descending');
  await expect(cells(page, 'agency').first()).toHaveText('Police');
  await grid(page).getByRole('button', { name: 'Signal', exact: true }).click();
  await expect(status(page)).toHaveText('18 entries, sorted by signal (concerns first), then date.');
  await expect(cells(page, 'signal').first()).toHaveText('▲ Concern');
  const signals = await cells(page, 'signal').allInnerTexts();
  const rank = (s: string) => ['Concern', 'Response', 'Routine', ''].indexOf(s.replace(/^[▲■]\s*/, ''));
  expect(signals.map(rank)).toEqual([...signals.map(rank)].sort((a, b) => a - b));
  await grid(page).getByRole('button', { name: 'Date', exact: true }).click();

  // The timeline's filters apply: one agency.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'GP' }).check();
  await expect(status(page)).toHaveText(/^[1-9] entries, sorted by date\.$/);
  const agencies = await cells(page, 'agency').allInnerTexts();
  expect(new Set(agencies)).toEqual(new Set(['GP']));
  await page.getByRole('checkbox', { name: 'GP' }).uncheck();
  await expect(status(page)).toHaveText('18 entries, sorted by date.');

  // And search.
  await page.getByLabel('Search entries').fill('bruising');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(status(page)).toHaveText(/^[1-9] (entry|entries), sorted by date\.$/);
  for (const t of await cells(page, 'text').allInnerTexts()) expect(t.toLowerCase()).toMatch(/bruis/);

  // The column chooser: hide Outcome; it stays hidden after a reload.
  await page.getByText(/^Columns \(12 of 12\)/).click();
  await page.getByRole('checkbox', { name: 'Outcome' }).uncheck();
  await expect(grid(page).getByRole('columnheader', { name: 'Outcome' })).toHaveCount(0);
  await expect(grid(page)).toHaveAttribute('aria-colcount', '11');
  await page.reload();
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(status(page)).toHaveText('18 entries, sorted by date.');
  await expect(grid(page).getByRole('columnheader', { name: 'Outcome' })).toHaveCount(0);
  await expect(grid(page).getByRole('columnheader', { name: 'Contact type' })).toHaveCount(1);
});

test('moves the selection with the keyboard, opens the detail with Enter, and the timeline follows', async ({ page }) => {
  await importDemo(host.casePath);
  await openTable(page);
  await expect(status(page)).toHaveText('18 entries, sorted by date.');
  await grid(page).focus();
  const cursor = page.getByTestId('chronology-cursor');
  await page.keyboard.press('Home');
  await expect(cursor).toContainText('Row 1 of 18. Police, 2023-01-14 22:40.');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cursor).toContainText('Row 3 of 18.');
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('ArrowUp');
  await expect(cursor).toContainText('Row 2 of 18.');
  await page.keyboard.press('End');
  await expect(cursor).toContainText('Row 18 of 18.');
  await expect(selectedRow(page)).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect(cursor).not.toContainText('Row 18 of 18.');
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  await expect(cursor).not.toContainText('Row 1 of 18.');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(cursor).toContainText('Row 5 of 18.');
  const row = selectedRow(page);
  await expect(row).toHaveClass(/cursor/);
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', (await row.getAttribute('id'))!);
  const agency = await row.locator('.cell-agency').innerText();
  const date = await row.locator('.cell-date').innerText();
  const text = await row.locator('.cell-text').innerText();

  // Enter opens the entry detail panel on that row.
  await expect(page.getByRole('complementary', { name: 'Entry detail' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Entry detail' });
  await expect(detail.getByTestId('entry-text')).toContainText(text.slice(0, 40));
  await detail.getByRole('button', { name: 'Close entry detail' }).click();

  // Back on the timeline: centred on that day, the keyboard cursor on that entry, the item selected.
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();
  await expect(page.getByTestId('timeline-cursor')).toContainText(`${agency}, ${date.slice(0, 10)}`);
  await expect(page.getByTestId('timeline').locator('.vis-item.vis-selected:not(.vis-dot):not(.vis-line)')).toHaveCount(1);
  await expect(page.getByTestId('timeline').locator('.vis-item.vis-selected:not(.vis-dot):not(.vis-line)')).toContainText(text.slice(0, 20));
  // And back to the table: still on that row.
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByTestId('chronology-cursor')).toContainText(`Row 5 of 18. ${agency}, ${date.slice(0, 10)}`);
  await expect(selectedRow(page)).toBeInViewport();
});

test('shows agency text holding markup as text, never as HTML', async ({ page }) => {
  await importText(
    host.casePath,
    'hostile.csv',
    'Police',
    ['Date,Type,Notes,Outcome', '02/01/2023,Visit,"<img src=x onerror=""window.__pwned=1""> <b>bold</b> at the door","<script>window.__pwned=2</script>"'].join('\n'),
  );
  await openTable(page, '1 entry in view.');
  await expect(status(page)).toHaveText('1 entry, sorted by date.');
  await expect(cells(page, 'text').first()).toHaveText('<img src=x onerror="window.__pwned=1"> <b>bold</b> at the door');
  await expect(cells(page, 'outcome').first()).toHaveText('<script>window.__pwned=2</script>');
  await expect(grid(page).locator('img, b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('scrolls a 100,000-entry case: only the rows on screen exist, pages load at any depth', async ({ page }) => {
  generate(host.casePath, 100_000);
  await page.goto(host.url);
  await expect(page.locator('.timeline-wrap')).toHaveAttribute('data-mode', 'buckets', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(status(page)).toHaveText('100,000 entries, sorted by date.', { timeout: 30_000 });
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '100001');
  expect(await bodyRows(page).count()).toBeLessThan(100);
  await grid(page).focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('chronology-cursor')).toContainText('Row 100000 of 100000. ');
  await expect(selectedRow(page)).toHaveAttribute('aria-rowindex', '100001');
  await expect(selectedRow(page)).toBeInViewport();
  // Halfway down by the scrollbar: the rows there arrive.
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(bodyRows(page).filter({ hasText: 'Loading…' })).toHaveCount(0);
  const index = Number(await bodyRows(page).nth(15).getAttribute('aria-rowindex'));
  expect(index).toBeGreaterThan(45_000);
  expect(index).toBeLessThan(55_000);
  await expect(bodyRows(page).nth(15).locator('.cell-text')).toContainText('Generated entry');
  expect(await bodyRows(page).count()).toBeLessThan(100);
});

test('the table view passes axe (no serious or critical violations)', async ({ page }) => {
  await importDemo(host.casePath);
  await openTable(page);
  await expect(status(page)).toHaveText('18 entries, sorted by date.');
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.passes.length).toBeGreaterThan(10);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad).toEqual([]);
});
