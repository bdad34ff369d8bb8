// A workbook of two sheets: the dialog lists both with their rows, previews the busier one first,
// and imports the one the agency lead chooses instead.
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

async function twoSheetWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const log = wb.addWorksheet('Contact log');
  log.addRow(['Contact date', 'Type', 'Case note']);
  for (let d = 1; d <= 6; d++) log.addRow([`0${d}/03/2023`, 'Phone call', `Routine call number ${d}`]);
  const referrals = wb.addWorksheet('Referrals');
  referrals.addRow(['Referral summary for the review']);
  referrals.addRow(['Date received', 'Referrer', 'Reason for referral', 'Summary']);
  referrals.addRow(['14/02/2023', 'School', 'Neglect', 'Pupil arriving hungry, unwashed uniform']);
  referrals.addRow(['28/02/2023', 'GP', 'Self-harm', 'Cuts to forearm seen at appointment']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('lists the sheets of a workbook with their rows and imports the one chosen', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an agency extract' });
  await dialog.getByLabel('Agency').fill('Children’s social care');
  await dialog.getByTestId('import-file').setInputFiles({
    name: 'csc-extract.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await twoSheetWorkbook(),
  });

  // The busier sheet is previewed first; both are offered with their rows (title and header included).
  const picker = dialog.getByLabel('Worksheet to import');
  await expect(picker).toHaveValue('Contact log');
  await expect(picker.locator('option')).toHaveText(['Contact log (7 rows)', 'Referrals (4 rows)']);
  await expect(dialog.getByRole('table').getByRole('cell', { name: 'Routine call number 1' })).toBeVisible();

  await picker.selectOption('Referrals');
  await expect(dialog.getByText(/sheet “Referrals”, header on row 2/)).toBeVisible();
  await expect(dialog.getByRole('table').getByRole('cell', { name: 'Pupil arriving hungry, unwashed uniform' })).toBeVisible();
  await expect(dialog.getByRole('table').getByRole('cell', { name: 'Routine call number 1' })).toHaveCount(0);
  // The mapping follows the chosen sheet's headings.
  await expect(dialog.getByLabel('Column Date received holds')).toHaveValue('date');
  await expect(dialog.getByLabel('Column Summary holds')).toHaveValue('text');

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('2 entries imported from csc-extract.xlsx');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const items = page.getByTestId('timeline').locator('.vis-item:not(.vis-background) .vis-item-content');
  await expect(items).toHaveCount(2);
  await items.first().click();
  await expect(page.getByTestId('entry-text')).toContainText('Pupil arriving hungry');
  await expect(page.getByTestId('provenance')).toContainText('csc-extract.xlsx, row 3');
});
