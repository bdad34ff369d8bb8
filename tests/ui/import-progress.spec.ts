// The import dialog against the real web host and engine: a large extract shows its progress and
// can be stopped (nothing imported), and a corrected re-upload shows what changed.
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

function bigCsv(rows: number): Buffer {
  const lines = ['Incident ref,Date,Time,Incident type,Details,Officer'];
  for (let i = 0; i < rows; i++) lines.push(`P-${i},${String((i % 28) + 1).padStart(2, '0')}/03/2021,10:${String(i % 60).padStart(2, '0')},Concern for welfare,"Neighbour call ${i}",PC ${i % 90}`);
  return Buffer.from(lines.join('\n'));
}

async function stage(page: Page, agency: string, name: string, buffer: Buffer) {
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an agency extract' });
  await dialog.getByLabel('Agency').fill(agency);
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  // A large file is uploaded, hashed and previewed first: seconds, not the default five.
  await expect(dialog.getByText(/header on row/)).toBeVisible({ timeout: 60_000 });
  return dialog;
}

test('shows progress while importing a large extract, and Stop import leaves nothing behind', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const dialog = await stage(page, 'Police', 'police-big.csv', bigCsv(500_000));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('status')).toContainText(/[1-9][\d,]* rows read \(\d+% of the file\)/, { timeout: 60_000 });
  await progress.getByRole('button', { name: 'Stop import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('police-big.csv cancelled; nothing was imported', { timeout: 60_000 });
  await expect(progress).toBeHidden();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No entries yet')).toBeVisible();
});

test('a corrected re-upload reports the rows added, removed and changed', async ({ page }) => {
  await page.goto(host.url);
  const v1 = 'Incident ref,Date,Type,Details,Outcome\nP-1,14/01/2023,Welfare,Neighbour called,Advice\nP-2,20/01/2023,999 call,Shouting,NFA\nP-3,25/01/2023,Assault,Pushed,Recorded\n';
  const v2 = 'Incident ref,Date,Type,Details,Outcome\nP-1,14/01/2023,Welfare,Neighbour called,Advice\nP-2,20/01/2023,999 call,Shouting,MARAC referral\nP-4,30/01/2023,Welfare,New adults at flat,ASC referral\n';
  let dialog = await stage(page, 'Police', 'police-v1.csv', Buffer.from(v1));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('3 entries imported');
  await expect(dialog.getByTestId('import-diff')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();

  dialog = await stage(page, 'Police', 'police-v2.csv', Buffer.from(v2));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const diff = dialog.getByTestId('import-diff');
  await expect(diff).toContainText('Compared with version 1 (police-v1.csv): 1 row added, 1 removed, 1 changed, 1 unchanged');
  await expect(diff).toContainText('Added: row 4');
  await expect(diff).toContainText('Removed: row 4 of police-v1.csv');
  await expect(diff).toContainText('Changed: row 3 (was row 3): Outcome');
});
