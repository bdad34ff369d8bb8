// axe-core on every main screen: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './timeline-case';

const demo = demoHostPerTest();

async function expectAccessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.passes.length, 'axe checked the page').toBeGreaterThan(10);
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => v.id);
  if (minor.length) console.log(`[a11y] ${screen}: minor or moderate: ${minor.join(', ')}`);
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad).toEqual([]);
}

test('case view', async ({ page }) => {
  await page.goto(demo().url);
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');
  await expectAccessible(page, 'case view');
});

test('case view with search results and filters open', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByLabel('Search entries').fill('visit');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-results')).toBeVisible();
  await page.getByText('Filters').click();
  await expectAccessible(page, 'search');
});

test('entry detail open', async ({ page }) => {
  await page.goto(demo().url);
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Entry detail' }).getByTestId('entry-text')).toBeVisible();
  await expectAccessible(page, 'entry detail');
});

test('import dialog', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'Import extract…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'import dialog');
});

test('presentation mode', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('agenda-current')).toContainText('1 of');
  await expectAccessible(page, 'presentation');
});

test('cluster detail', async ({ page }) => {
  await page.goto(demo().url);
  const list = page.getByRole('list', { name: 'Clusters, worst first' });
  await list.getByRole('button').first().click();
  await expect(page.getByTestId('cluster-detail').getByTestId('cluster-reasons')).toBeVisible();
  await expectAccessible(page, 'cluster detail');
});

test('people and one person', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'People…' }).click();
  const panel = page.getByRole('dialog', { name: 'People' });
  await expect(panel.getByRole('table', { name: 'People' })).toBeVisible();
  await expectAccessible(page, 'people');
  await panel.getByRole('table', { name: 'People' }).getByRole('row').nth(1).getByRole('button').first().click();
  await expect(panel.getByRole('region', { name: /^Person: / })).toBeVisible();
  await expectAccessible(page, 'person');
});

test('review settings, agencies dashboard and silent periods', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'Review…' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await expect(review.getByRole('tabpanel', { name: 'Review settings' })).toBeVisible();
  await expectAccessible(page, 'review settings');
  await review.getByRole('tab', { name: 'Agencies' }).click();
  await expect(review.getByRole('tabpanel', { name: 'Agencies' })).toBeVisible();
  await expectAccessible(page, 'agencies dashboard');
  await review.getByRole('tab', { name: 'Silent periods' }).click();
  await expect(review.getByRole('tabpanel', { name: 'Silent periods' })).toBeVisible();
  await expectAccessible(page, 'silent periods');
});

test('export dialog', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export the chronology' })).toBeVisible();
  await expectAccessible(page, 'export dialog');
});

test('audit log', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('dialog', { name: 'Audit log' })).toBeVisible();
  await expectAccessible(page, 'audit log');
});
