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
