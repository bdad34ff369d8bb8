// The chair's work in the real UI against the real engine: first-run identity, annotations and
// corrections (audited), the audit log with its chain check, and exports read back by libraries.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { expect, test, type Page } from '@playwright/test';
import { CaseFile } from '../../electron/engine/case-file';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { demoHostPerTest, importText } from './timeline-case';

const demo = demoHostPerTest();

function resolve(casePath: string): void {
  const c = CaseFile.open(casePath);
  try {
    resolvePeople(c);
  } finally {
    c.close();
  }
}

async function signIn(page: Page): Promise<void> {
  const card = page.getByRole('region', { name: 'Who is using Jigsaw?' });
  await expect(card).toBeVisible();
  await card.getByLabel('Your name').fill('Morwenna Tregear');
  await card.getByLabel('Your role').fill('Independent reviewer');
  await card.getByRole('button', { name: 'Save my name and role' }).click();
  await expect(card).toBeHidden();
  await expect(page.getByRole('button', { name: /Signed in as Morwenna Tregear/ })).toBeVisible();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download', { timeout: 15_000 });
  await click();
  const d = await pending;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}

test('asks who the user is once, then annotates and corrects an entry, every change in the verified audit log', async ({ page }) => {
  await page.goto(demo().url);
  await signIn(page);

  await page.getByTestId('timeline').locator('.vis-item-content', { hasText: 'Assault report' }).click();
  const detail = page.getByRole('complementary', { name: 'Entry detail' });
  const notes = detail.getByRole('form', { name: 'Annotations' });
  await notes.getByLabel('Key episode').check();
  await notes.getByLabel('Themes (separated by commas)').fill('exploitation, withdrawn allegation');
  await notes.getByLabel('Analysis').fill('Allegation withdrawn; no safeguarding referral followed.');
  await notes.getByRole('button', { name: 'Save annotations' }).click();
  await expect(detail.getByRole('status')).toHaveText('Saved: recorded in the audit log.');

  const correction = detail.getByRole('form', { name: 'Add a correction' });
  await correction.getByLabel('Correct', { exact: true }).selectOption('time');
  await correction.getByLabel('Correction note').fill('Custody record shows 19:50');
  await correction.getByRole('button', { name: 'Add correction' }).click();
  await expect(detail.getByTestId('corrections')).toContainText('time: Custody record shows 19:50');
  // The agency's fact is unchanged beside the note.
  await expect(detail.getByTestId('entry-text')).toContainText('pushed down the stairs');

  // Reopening the entry shows what was saved.
  await page.getByRole('button', { name: 'Close entry detail' }).click();
  await page.getByTestId('timeline').locator('.vis-item-content', { hasText: 'Assault report' }).click();
  await expect(detail.getByLabel('Key episode')).toBeChecked();
  await expect(detail.getByLabel('Analysis')).toHaveValue('Allegation withdrawn; no safeguarding referral followed.');

  await page.getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByRole('dialog', { name: 'Audit log' });
  await expect(audit.getByTestId('chain')).toHaveText('Chain verified: 2 changes, none altered.');
  await expect(audit.getByRole('row')).toHaveCount(3);
  await expect(audit.getByRole('row').nth(1)).toContainText('add_correction');
  await expect(audit.getByRole('row').nth(2)).toContainText('Morwenna Tregear');
  await expect(audit.getByRole('row').nth(2)).toContainText('"keyEpisode": true');
  const csv = await download(page, () => audit.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.bytes.toString('utf8')).toContain('chain intact (2 changes)');
});

test('exports a pseudonymised chronology; a residual identifier is refused until the chair overrides', async ({ page }) => {
  // An agency named its file after the subject: the Source column carries the name.
  await importText(demo().casePath, 'pellow-housing.csv', 'Housing', 'Date,Details\n01/04/2023,Tenancy visit: Rowan not at home\n');
  resolve(demo().casePath);
  await page.goto(demo().url);
  await signIn(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the chronology' });
  await dialog.getByLabel('Format').selectOption('xlsx');
  await expect(dialog.getByLabel(/Pseudonymise/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const residual = dialog.getByTestId('residual');
  await expect(residual).toContainText('Not exported');
  await expect(residual).toContainText('name "pellow" in row');
  await expect(residual.getByRole('button', { name: 'Export anyway' })).toBeDisabled();
  await residual.getByLabel(/export anyway/).check();
  const xlsx = await download(page, () => residual.getByRole('button', { name: 'Export anyway' }).click());
  expect(xlsx.name).toMatch(/chronology-pseudonymised-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(dialog.getByRole('status')).toContainText('despite 1 identifier found');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chronology')!;
  const sourceCol = (ws.getRow(1).values as string[]).indexOf('Source (file, row)');
  const text: string[] = [];
  ws.eachRow((row) => row.eachCell((cell, col) => void (col !== sourceCol && text.push(String(cell.value)))));
  expect(ws.rowCount).toBe(20);
  expect(text.join(' ')).not.toMatch(/rowan|pellow|kyle|danner|tamsin|4857773456/i);
  expect(text.join(' ')).toContain('Tenancy visit: Adult A not at home');

  // Without the Housing extract nothing identifying is left: the DOCX exports straight away.
  await dialog.getByLabel('Format').selectOption('docx');
  await dialog.getByLabel('Housing').uncheck();
  const docx = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  const { value } = await mammoth.extractRawText({ buffer: docx.bytes });
  expect(value).toContain('Key of pseudonyms');
  expect(value).toContain('Adult A');
  expect(value).not.toMatch(/rowan|pellow|kyle|danner|tamsin/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByRole('dialog', { name: 'Audit log' });
  await expect(audit.getByRole('row').nth(1)).toContainText('export');
  await expect(audit).toContainText('export_override');
  await expect(audit).toContainText('export_refused');
});
