import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

async function importFile(page: import('@playwright/test').Page, file: string, agency: string) {
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an agency extract' });
  await dialog.getByLabel('Agency').fill(agency);
  await dialog.getByTestId('import-file').setInputFiles(file);
  await expect(dialog.getByText(/header on row/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toBeVisible();
  const report = await dialog.getByTestId('import-report').innerText();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return report;
}

test('imports extracts through the UI and shows them in agency lanes with provenance', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText('No entries yet')).toBeVisible();

  const report = await importFile(page, path.join(ROOT, 'fixtures/demo/police.csv'), 'Police');
  expect(report).toContain('6 entries imported from police.csv for Police');
  await importFile(page, path.join(ROOT, 'fixtures/demo/gp-practice.csv'), 'GP');

  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('.vis-label').filter({ hasText: 'Police' })).toBeVisible();
  await expect(timeline.locator('.vis-label').filter({ hasText: 'GP' })).toBeVisible();
  // Entries only: cluster and silent-period bands are background items.
  await expect(timeline.locator('.vis-item:not(.vis-background) .vis-item-content')).toHaveCount(11);

  await timeline.locator('.vis-item-content', { hasText: 'Assault report' }).click();
  const detail = page.getByRole('complementary', { name: 'Entry detail' });
  await expect(detail.getByTestId('entry-text')).toContainText('pushed down the stairs');
  await expect(detail.getByTestId('provenance')).toContainText('police.csv, row 4');
  await expect(detail.getByRole('rowheader', { name: 'Officer' })).toBeVisible();
});

test('lets the user map columns that were not recognised', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Agency').fill('Housing');
  await dialog.getByTestId('import-file').setInputFiles({
    name: 'housing.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Occasion,Narrative,Officer\nfirst visit,n/a,x\n01/02/2023,Tenant seen,HO1\n'),
  });
  await expect(dialog.getByText('Choose which column holds the date.')).toBeVisible();
  await dialog.getByLabel('Column Occasion holds').selectOption('date');
  await dialog.getByLabel('Column Narrative holds').selectOption('text');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('1 entry imported');
  await expect(dialog.getByTestId('import-report')).toContainText('Row 2');
});

test('names report rows as Excel shows them, with the line where it differs, and lists section dividers apart', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Agency').fill('GP');
  // Row 2 spans lines 2-3, so row 3 (a year divider) starts on line 4 and row 4 (impossible) on line 5.
  const csv = 'Date,Notes\n21/02/2023,"Seen.\nWeight down"\n2023,\n31/02/2023,Impossible\n23/02/2023,Phoned\n';
  await dialog.getByTestId('import-file').setInputFiles({ name: 'gp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('2 entries imported from gp.csv for GP (version 1). 1 row needs attention; every row is kept in the case file. 1 section divider');
  await expect(report.getByRole('row', { name: /row 4, line 5 Rejected Row 4, line 5:/ })).toBeVisible();
  await expect(report.getByRole('row', { name: /row 3, line 4 Section divider/ })).toBeVisible();
});

test('renders hostile agency text as text: no script runs', async ({ page }) => {
  await page.goto(host.url);
  await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
  const payload = 'Date,Notes\n01/02/2023,"<img src=x onerror=""window.pwned=1""><script>window.pwned=2</script>"\n';
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Agency').fill('Police');
  await dialog.getByTestId('import-file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(payload) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const item = page.getByTestId('timeline').locator('.vis-item:not(.vis-background) .vis-item-content').first();
  await expect(item).toContainText('<img src=x');
  await item.click();
  await expect(page.getByTestId('entry-text')).toContainText('<script>window.pwned=2</script>');
  expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
