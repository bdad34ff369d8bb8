import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, test, type Page } from '@playwright/test';
import { ROOT } from './web-host';

// The demo extracts imported through the command line (the import dialog has its own tests), then
// the real web host serving that case.
test.use({ actionTimeout: 15_000 });

let dir: string;
let url: string;
let stop: () => Promise<void>;
test.beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-signals-ui-'));
  const casePath = path.join(dir, 'demo.jigsaw');
  for (const [file, agency] of [['police.csv', 'Police'], ['gp-practice.csv', 'GP'], ['hospital-ed.csv', 'Hospital ED'], ['adult-social-care.csv', 'Adult Social Care']]) {
    execFileSync(process.execPath, [path.join(ROOT, 'bin/jigsaw.mjs'), 'import', casePath, path.join(ROOT, 'fixtures/demo', file!), '--agency', agency!], { cwd: ROOT, env: { ...process.env, JIGSAW_HOME: dir } });
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/web.mjs'), casePath], { cwd: ROOT, env: { ...process.env, JIGSAW_HOME: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
  url = (await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  })).trim();
  stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
});
test.afterEach(async () => {
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Decisions are audited under the user's name: say who is using Jigsaw (asked once per computer). */
async function sayWhoIsUsing(page: Page) {
  await expect(page.getByRole('complementary', { name: 'Missed signals' })).toBeVisible();
  const who = page.getByRole('region', { name: 'Who is using Jigsaw?' });
  if ((await who.count()) === 0) return;
  await who.getByLabel('Your name').fill('Sam Chair');
  await who.getByLabel('Your role').fill('Independent reviewer');
  await who.getByRole('button', { name: 'Save' }).click();
  await expect(who).toHaveCount(0);
}

test('ranks clusters beside the timeline, explains one, zooms to it, and saves the panel’s decision and notes', async ({ page }) => {
  await page.goto(url);
  await sayWhoIsUsing(page);
  const panel = page.getByRole('complementary', { name: 'Missed signals' });
  const list = panel.getByRole('list', { name: 'Clusters, worst first' });
  await expect(list.getByRole('button')).toHaveCount(2);
  const worst = list.getByRole('button').first();
  await expect(worst).toContainText('Missed');
  await expect(worst).toContainText('2023-03-03 to 2023-03-27');
  await expect(list.getByRole('button').nth(1)).toContainText('Responded');

  // Bands on the timeline, one per cluster.
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('.vis-background.band.cluster-missed')).toHaveCount(1);
  // Said in words too: shading is not seen by a screen reader, and the bands' labels sit behind the boxes.
  await expect(page.getByTestId('timeline-clusters')).toHaveText('Shaded: 2 missed-signal clusters in view (1 missed, 1 responded).');

  await worst.click();
  const detail = panel.getByTestId('cluster-detail');
  await expect(detail.getByTestId('cluster-reasons')).toContainText('No referral, information sharing or meeting recorded by any agency between 2023-03-03 and 2023-04-10');
  await expect(detail).toContainText('“has capacity” → capacity');
  // The timeline came to March 2023: the month's entries are drawn, January's are not.
  await expect(timeline.locator('.vis-item-content', { hasText: 'Assault report' })).toBeVisible();
  await expect(timeline.locator('.vis-item-content', { hasText: 'Concern for welfare' })).toHaveCount(0);

  await expect(detail.getByRole('button', { name: 'Dismiss' })).toBeDisabled();
  await detail.getByLabel('Reason (needed to dismiss)').fill('Panel agreed GP acted outside the extract');
  await detail.getByRole('button', { name: 'Dismiss' }).click();
  await expect(detail.getByTestId('cluster-decision')).toContainText('Dismissed: Panel agreed GP acted outside the extract (');
  await detail.getByLabel('Add a note').fill('Ask ASC for the capacity assessment');
  await detail.getByRole('button', { name: 'Add note' }).click();
  await expect(detail.getByRole('listitem').filter({ hasText: 'Ask ASC for the capacity assessment' })).toBeVisible();

  // Saved in the case: still there after a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Clusters, worst first' }).getByRole('button').first()).toContainText('Dismissed');
  await expect(page.getByRole('list', { name: 'Clusters, worst first' }).getByRole('button').first()).toContainText('1 note');
});

test('lets the panel edit the rules: a rule switched off no longer fires', async ({ page }) => {
  await page.goto(url);
  await sayWhoIsUsing(page);

  const panel = page.getByRole('complementary', { name: 'Missed signals' });
  await panel.getByRole('button', { name: 'Rules…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signal rules' });
  await dialog.getByLabel('Find a rule').fill('has capacity');
  await dialog.getByLabel('Use rule has capacity').uncheck();
  await dialog.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(dialog).toHaveCount(0);

  await panel.getByRole('list', { name: 'Clusters, worst first' }).getByRole('button').first().click();
  const detail = panel.getByTestId('cluster-detail');
  await expect(detail).toContainText('“Case closed” → closed-declined');
  await expect(detail).not.toContainText('“has capacity”');
});
