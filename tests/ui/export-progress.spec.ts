// A long export in real Chromium against the real engine: the dialog shows its progress from the
// engine's worker, and Cancel stops it with nothing downloaded and no export in the audit log.
import { expect, test } from '@playwright/test';
import { generate } from './timeline-case';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('shows a long export’s progress and cancels it, writing nothing', async ({ page }) => {
  test.setTimeout(180_000);
  generate(host.casePath, 100_000);
  await page.goto(host.url);
  const card = page.getByRole('region', { name: 'Who is using Jigsaw?' });
  await card.getByLabel('Your name').fill('Morwenna Tregear');
  await card.getByLabel('Your role').fill('Independent reviewer');
  await card.getByRole('button', { name: 'Save my name and role' }).click();
  await expect(card).toBeHidden({ timeout: 60_000 }); // the engine may still be reading the new case

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the chronology' });
  await dialog.getByLabel('Format').selectOption('docx');
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = dialog.getByTestId('export-progress');
  // The worker reports rows as it goes: wait for a count of the 100,000.
  await expect(bar).toContainText(/(Checking|Writing) [\d,]+ of 100,000 entries/, { timeout: 60_000 });
  await bar.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog).toContainText('nothing was written', { timeout: 60_000 });
  await expect(bar).toBeHidden();
  expect(downloads).toBe(0);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByRole('dialog', { name: 'Audit log' });
  // An export made (or refused) is audited; the cancelled one left nothing.
  await expect(audit).toContainText('Chain verified: 0 changes, none altered.');
  await expect(audit).toContainText('No changes yet.');
});
