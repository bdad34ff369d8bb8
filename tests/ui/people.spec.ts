// People across agencies in the UI: the people list, a person page with every agency's contacts,
// the chair's corrections (kept and audited by the engine), and linked entries in the entry detail.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** Changes are recorded under a name: say who is using Jigsaw first. */
async function identify(page: Page): Promise<void> {
  const who = page.getByRole('region', { name: 'Who is using Jigsaw?' });
  await who.getByLabel('Your name').fill('Pat Reviewer');
  await who.getByLabel('Your role').fill('Independent reviewer');
  await who.getByRole('button', { name: 'Save my name and role' }).click();
  await expect(who).toHaveCount(0);
}

async function importFile(page: Page, file: string, agency: string): Promise<void> {
  await page.getByRole('button', { name: 'Import extract…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an agency extract' });
  await dialog.getByLabel('Agency').fill(agency);
  await dialog.getByTestId('import-file').setInputFiles(path.join(ROOT, 'fixtures/people', file));
  await expect(dialog.getByText(/header on row/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test('lists people resolved across agencies, opens a person page, and keeps the chair’s corrections', async ({ page }) => {
  await page.goto(host.url);
  await identify(page);
  await importFile(page, 'police.csv', 'Police');
  await importFile(page, 'ambulance.csv', 'Ambulance Service');
  await importFile(page, 'hospital-ed.csv', 'Hospital ED');

  await page.getByRole('button', { name: 'People…' }).click();
  const panel = page.getByRole('dialog', { name: 'People' });
  const table = panel.getByRole('table', { name: 'People' });
  // Father and son share a name but not a date of birth: two people.
  await expect(table.getByRole('row', { name: /Michael Trewin \(born 1990-02-14\)/ })).toContainText('Adult A');
  await expect(table.getByRole('row', { name: /Michael Trewin \(born 1962-07-03\)/ })).toContainText('Family');
  await expect(table.getByRole('row', { name: /Jason Kellow/ })).toContainText('Associate 1');

  await table.getByRole('row', { name: /born 1990-02-14/ }).getByRole('button', { name: 'Michael Trewin' }).click();
  const person = panel.getByRole('region', { name: 'Person: Michael Trewin' });
  await expect(person).toContainText('9434765919');
  await expect(person).toContainText('Micheal Trewin');
  const contacts = person.getByRole('table', { name: 'Contacts' });
  // header + police 7 (one names him only in its notes: "Mike Trewin present at address"), ambulance 2, ED 3
  await expect(contacts.getByRole('row')).toHaveCount(1 + 12);
  await expect(contacts).toContainText('Mike Trewin present at address');
  await expect(contacts).toContainText('Ambulance Service');
  await expect(contacts).toContainText('Hospital ED');

  await person.getByLabel('Pseudonym').fill('Adult M');
  await person.getByRole('button', { name: 'Set pseudonym' }).click();
  await expect(panel.getByRole('region', { name: /Person: Michael Trewin/ })).toContainText('published as “Adult M”');
  await panel.getByRole('region', { name: /Person: Michael Trewin/ }).getByLabel('Name').fill('Michael Trewin (son)');
  await panel.getByRole('region', { name: /Person: Michael Trewin/ }).getByRole('button', { name: 'Rename' }).click();
  await expect(panel.getByRole('region', { name: 'Person: Michael Trewin (son)' })).toBeVisible();
  await panel.getByRole('button', { name: 'Back to everyone' }).click();
  await expect(table.getByRole('row', { name: /Michael Trewin \(son\)/ })).toContainText('Adult M');

  // Another import re-resolves everyone: the decisions stay.
  await panel.getByRole('button', { name: 'Close' }).click();
  await importFile(page, 'gp.csv', 'GP Practice');
  await page.getByRole('button', { name: 'People…' }).click();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Michael Trewin \(son\)/ })).toContainText('Adult M');
});

test('shows the entries that record the same event in the entry detail', async ({ page }) => {
  await page.goto(host.url);
  await identify(page);
  await importFile(page, 'ambulance.csv', 'Ambulance Service');
  await importFile(page, 'hospital-ed.csv', 'Hospital ED');
  await page.getByRole('button', { name: 'People…' }).click();
  const panel = page.getByRole('dialog', { name: 'People' });
  await panel.getByRole('row', { name: /born 1990-02-14/ }).getByRole('button', { name: 'Michael Trewin' }).click();
  await panel.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: /Male assaulted outside public house/ }).click();
  const detail = page.getByRole('complementary', { name: 'Entry detail' });
  const linked = detail.getByRole('region', { name: 'Linked entries' });
  await expect(linked).toContainText('Ambulance Service call and Hospital ED arrival the same night');
  await expect(linked).toContainText('Arrived by ambulance. Head wound after assault.');
  await expect(detail.getByTestId('entry-people')).toContainText('Michael Trewin (Adult A)');

  // The chair says it is not one event: the link goes.
  await linked.getByRole('button', { name: 'Not the same event' }).click();
  await expect(detail.getByRole('region', { name: 'Linked entries' })).toHaveCount(0);
});
