// The review loop in the real UI: the chair's settings, a template downloaded and filled in (as an
// agency would, with exceljs), imported with no mapping, signed off, and silent periods shown.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('settings, template, no-mapping import, sign-off, silent periods', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Review…' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });

  // A new review opens on its settings.
  const settings = review.getByRole('tabpanel', { name: 'Review settings' });
  await settings.getByLabel('Review type').selectOption('Domestic Homicide Review');
  await settings.getByLabel('Period from').fill('2023-01-01');
  await settings.getByLabel('Period to').fill('2023-12-31');
  await settings.getByRole('button', { name: 'Add a person' }).click();
  await settings.getByLabel('Name', { exact: true }).fill('Rowan Pellow');
  await settings.getByLabel('Date of birth').fill('1988-04-02');
  await settings.getByLabel('One agency per line').fill('Police\nGP');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toContainText('Templates made from now on are version 1');
  await expect(page.locator('.subtitle')).toContainText('Domestic Homicide Review');

  await review.getByRole('tab', { name: 'Agencies' }).click();
  const board = review.getByTestId('review-dashboard');
  await expect(board.locator('tr[data-agency="Police"]')).toContainText('Awaiting extract');
  const downloading = page.waitForEvent('download');
  await board.getByRole('button', { name: 'Excel template for Police' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('chronology-template-police-v1.xlsx');
  const templatePath = path.join(host.dir, download.suggestedFilename());
  await download.saveAs(templatePath);

  // The police lead fills it in: one good row, one row with the practitioner left empty.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const ws = wb.getWorksheet('Chronology')!;
  const h = (ws.getRow(1).values as string[]).slice(1);
  const put = (row: number, v: Record<string, ExcelJS.CellValue>) => Object.entries(v).forEach(([k, x]) => (ws.getCell(row, h.indexOf(k) + 1).value = x));
  const base = { 'People involved': 'Rowan Pellow', 'Contact type': '999 call', 'Practitioner role': 'PC', 'Event (facts only)': 'Caller reports shouting at flat 6.', 'Action / outcome': 'Attended' };
  put(2, { ...base, Date: new Date('2023-02-01T00:00:00Z') });
  put(3, { ...base, Date: new Date('2023-11-20T00:00:00Z'), 'Practitioner role': null });
  const filled = path.join(host.dir, 'police-return.xlsx');
  await wb.xlsx.writeFile(filled);
  await review.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an agency extract' });
  await dialog.getByTestId('import-file').setInputFiles(filled);
  await expect(dialog.getByTestId('template-recognised')).toContainText('template for Police (version 1)');
  await expect(dialog.getByLabel('Agency', { exact: true })).toHaveValue('Police');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('2 entries imported');
  await expect(dialog.getByTestId('import-report')).toContainText('Row 3: "Practitioner role" must be filled in');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Feb to Nov with nothing in between: a silent period, shaded behind every lane, and Police's
  // own silence (the same span here) shaded in its lane.
  await expect(page.getByTestId('timeline').locator('.vis-background.silent-period:not(.agency-silence)')).toHaveCount(1);
  await expect(page.getByTestId('timeline').locator('.vis-background.silent-period.agency-silence')).toHaveCount(1);

  await page.getByRole('button', { name: 'Review…' }).click();
  const row = review.getByTestId('review-dashboard').locator('tr[data-agency="Police"]');
  await expect(row).toContainText('Version 1: police-return.xlsx, 2 entries (template v1)');
  await expect(row).toContainText('0 rejected, 1 warning');
  await row.getByRole('button', { name: 'Sign off Police' }).click();
  const form = review.getByRole('form', { name: 'Sign off Police version 1' });
  await form.getByLabel('Agency lead’s name').fill('Priya Okonjo');
  await form.getByLabel('Role').fill('DI, safeguarding lead');
  await form.getByLabel('Date').fill('2024-01-05');
  await form.getByRole('button', { name: 'Record sign-off' }).click();
  await expect(row).toContainText('Signed off');
  await expect(row).toContainText('Version 1 by Priya Okonjo (DI, safeguarding lead), 2024-01-05');

  await review.getByRole('tab', { name: 'Silent periods' }).click();
  const silent = review.getByTestId('silent-periods');
  await expect(silent).toContainText('2023-02-02 to 2023-11-19 (291 days)');
  await expect(silent.locator('dt', { hasText: 'Police' })).toBeVisible();
  expect(fs.existsSync(filled)).toBe(true);
});
