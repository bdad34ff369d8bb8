import { expect, test, type Page } from '@playwright/test';
import { generate, importDemo, importText } from './timeline-case';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** Entries drawn (a box item is drawn as box, line and dot: count the boxes and ranges). */
const ENTRY = '.vis-item.entry:not(.vis-dot):not(.vis-line)';
const drawn = async (page: Page) => Number((await page.locator('.timeline-wrap').first().getAttribute('data-generation')) ?? 0);
async function waitForRedraw(page: Page, after: number) {
  await expect.poll(() => drawn(page)).toBeGreaterThan(after);
}

test('shows the activity strip, zoom presets and moves between entries with the keyboard', async ({ page }) => {
  await importDemo(host.casePath);
  await page.goto(host.url);
  const strip = page.getByTestId('activity-strip');
  await expect(strip).toBeVisible();
  await expect(strip.locator('figcaption')).toContainText('Police: 6 entries; busiest Mar 2023 (3).');
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');

  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await page.keyboard.press('j');
  await expect(page.getByTestId('timeline-cursor')).toContainText('1 of 18. Police, 2023-01-14 22:40.');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-cursor')).toContainText('2 of 18.');
  await page.keyboard.press('k');
  await expect(page.getByTestId('timeline-cursor')).toContainText('1 of 18.');
  await expect(page.getByRole('complementary', { name: 'Entry detail' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Entry detail' }).getByTestId('entry-text')).toContainText('Neighbour called');

  // Zoom presets and +/- change the window and redraw only what is in it.
  const before = await drawn(page);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await waitForRedraw(page, before);
  await expect(page.getByTestId('timeline-status')).toHaveText(/^[1-9]\d* (entry|entries) in view\.$/);
  const inWeek = await timeline.locator(ENTRY).count();
  expect(inWeek).toBeLessThan(18);
  // Walking past the last entry in view slides the window on to later entries.
  await timeline.focus();
  const cursor = page.getByTestId('timeline-cursor');
  // The cursor is on the first entry (14 January), which the week is centred on. Step on, one
  // announced move at a time, until the cursor leaves the week's entries.
  let said = '';
  for (let i = 0; i < 20; i++) {
    const prev = await cursor.innerText();
    await page.keyboard.press('j');
    await expect(cursor).not.toHaveText(prev);
    await expect(cursor).not.toHaveText(/^Moving on/);
    said = await cursor.innerText();
    if (/^(1 of |No entries in this part)/.test(said)) break;
  }
  expect(said).toMatch(/^(1 of \d+\. .*\d{4}-\d{2}-\d{2}|No entries in this part)/);
  const next = /^1 of \d+\. [^,]+, (\d{4}-\d{2}-\d{2})/.exec(await cursor.innerText());
  if (next) expect(next[1]! > '2023-01-14').toBe(true);
  await page.getByRole('button', { name: 'Whole review' }).click();
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');
  const beforeZoom = await drawn(page);
  await timeline.focus();
  await page.keyboard.press('+');
  await waitForRedraw(page, beforeZoom);
});

test('draws counts per agency and period when too many entries are in view, and zooms into a count', async ({ page }) => {
  generate(host.casePath, 20_000);
  await page.goto(host.url);
  const wrap = page.locator('.timeline-wrap');
  await expect(wrap).toHaveAttribute('data-mode', 'buckets');
  await expect(page.getByTestId('timeline-status')).toContainText('20,000 entries in view: too many to draw one by one');
  const counts = page.getByTestId('timeline').locator('.vis-item.bucket');
  expect(await counts.count()).toBeGreaterThan(8);
  expect(await counts.count()).toBeLessThanOrEqual(8 * 60);
  // Every count drawn is a number, and they add up to the entries in view.
  const numbers = (await counts.locator('.bucket-count').allInnerTexts()).map(Number);
  expect(numbers.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
  expect(numbers.reduce((a, b) => a + b, 0)).toBe(20_000);
  expect(await page.getByTestId('timeline').locator(ENTRY).count()).toBe(0);
  // Choosing a count zooms into its period, where the entries themselves are drawn.
  const first = counts.nth(Math.floor((await counts.count()) / 2));
  const status = await page.getByTestId('timeline-status').innerText();
  const period = /per (\w+)\./.exec(status)![1]!;
  await first.click();
  await expect(page.getByTestId('timeline-status')).not.toHaveText(status);
  // Now only that period is in view: fewer entries, counted by a finer period (or drawn singly).
  const zoomed = await page.getByTestId('timeline-status').innerText();
  expect(Number(/^([\d,]+)/.exec(zoomed)![1]!.replaceAll(',', ''))).toBeLessThan(20_000);
  const finer = /per (\w+)\./.exec(zoomed)?.[1];
  if (finer) expect(['day', 'week', 'month', 'quarter', 'year'].indexOf(finer)).toBeLessThan(['day', 'week', 'month', 'quarter', 'year'].indexOf(period));
  await page.getByRole('button', { name: 'Whole review' }).click();
  await expect(wrap).toHaveAttribute('data-mode', 'buckets');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(wrap).toHaveAttribute('data-mode', 'entries');
});

test('asks ahead while idle, so the next zoom-in step and the day preset draw with no query', async ({ page }) => {
  generate(host.casePath, 20_000);
  await page.goto(host.url);
  const wrap = page.locator('.timeline-wrap');
  await expect(wrap).toHaveAttribute('data-mode', 'buckets');
  // Every time a query is sent the wrapper says data-loading="true": record each one.
  await page.evaluate(() => {
    const w = document.querySelector('.timeline-wrap')!;
    const seen: string[] = [];
    (window as unknown as { loadingSeen: string[] }).loadingSeen = seen;
    new MutationObserver(() => seen.push(w.getAttribute('data-loading') ?? '')).observe(w, { attributes: true, attributeFilter: ['data-loading'] });
  });
  const sent = () => page.evaluate(() => (window as unknown as { loadingSeen: string[] }).loadingSeen.filter((v) => v === 'true').length);
  // From the whole review down to weeks: without asking ahead, several of these steps need a query.
  const zoomIn = () => page.keyboard.press('+');
  for (const act of [...Array<typeof zoomIn>(8).fill(zoomIn), () => page.getByRole('button', { name: 'Day', exact: true }).click()]) {
    await expect(wrap).toHaveAttribute('data-asking-ahead', '0');
    const before = await drawn(page);
    await page.getByTestId('timeline').focus();
    await act();
    await waitForRedraw(page, before);
    expect(await sent()).toBe(0);
  }
  // Something far away has not been asked for: choosing it sends a query.
  await page.getByRole('button', { name: 'Whole review' }).click();
  await expect.poll(sent).toBeGreaterThan(0);
});

/** Clusters the bands stand for: a merged band says how many it holds. */
const total = (labels: string[]): number => labels.map((l) => Number(/^(\d+) clusters close together: \d+ missed, \d+ responded/.exec(l)?.[1] ?? 1)).reduce((a, b) => a + b, 0);

test('draws clusters too close to tell apart as one band that counts them, and only those near the window when zoomed in', async ({ page }) => {
  generate(host.casePath, 20_000);
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Clusters, worst first' });
  await expect(list.getByRole('button').first()).toBeVisible({ timeout: 30_000 });
  const clusters = await list.getByRole('button').count();
  expect(clusters).toBeGreaterThan(20);
  const bands = page.getByTestId('timeline').locator('.vis-background.band.cluster-band');
  await expect.poll(() => bands.count()).toBeGreaterThan(0);
  // The whole review: far fewer bands than clusters, and together they count every cluster.
  expect(await bands.count()).toBeLessThan(clusters / 4);
  expect(total(await bands.locator('.band-label').allTextContents())).toBe(clusters);
  expect(await bands.and(page.locator('.band-merged')).count()).toBeGreaterThan(0);
  // Choosing a cluster comes to it: only the clusters near the window are drawn.
  await list.getByRole('button').first().click();
  await expect(page.getByTestId('cluster-detail')).toBeVisible();
  await expect.poll(async () => total(await bands.locator('.band-label').allTextContents())).toBeLessThan(clusters / 4);
  expect(await bands.count()).toBeGreaterThan(0);
});

test('searches the case, filters it, and keeps named views in the case', async ({ page }) => {
  await importDemo(host.casePath);
  await page.goto(host.url);
  await page.getByLabel('Search entries').fill('bruis');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('status')).toHaveText('2 entries found for “bruis”.');
  await expect(page.getByTestId('timeline-status')).toHaveText('2 entries in view.');
  await results.getByRole('button', { name: /ED attendance/ }).click();
  await expect(page.getByTestId('entry-text')).toContainText('Facial bruising');

  await page.getByLabel('Name this view').fill('Injuries');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText('Saved “Injuries”.')).toBeVisible();

  await page.getByText('Filters').click();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Whole review' }).click();
  await expect(page.getByTestId('timeline-status')).toHaveText('18 entries in view.');
  await page.getByRole('group', { name: 'Agencies' }).getByLabel('GP').check();
  await expect(page.getByTestId('timeline-status')).toHaveText('5 entries in view.');
  await expect(page.getByTestId('timeline').locator(ENTRY)).toHaveCount(5);

  // The view is in the case: it survives a reload and restores its search.
  await page.reload();
  await page.getByLabel('Saved views').selectOption({ label: 'Injuries' });
  await expect(page.getByLabel('Search entries')).toHaveValue('bruis');
  await expect(page.getByTestId('timeline-status')).toHaveText('2 entries in view.');
});

test('presents an agenda step by step, full window, without free text, and exits with Escape', async ({ page }) => {
  await importDemo(host.casePath);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation mode' });
  await expect(deck).toBeVisible();
  const current = deck.getByTestId('agenda-current');
  await expect(current).toContainText(/^1 of \d+: /);
  const first = await current.innerText();
  // Agenda titles name agencies, themes, dates and the people a cluster is about by pseudonym only,
  // unless the chair chooses names for the room.
  const agendaNav = deck.getByRole('navigation', { name: 'Agenda' });
  await expect(agendaNav).toContainText('about Adult A');
  await expect(agendaNav).not.toContainText('Rowan');
  const names = deck.getByRole('button', { name: 'Show real names' });
  await expect(names).toHaveAttribute('aria-pressed', 'false');
  // Names on a projector are asked for twice, and shown as on while they are.
  await names.click();
  const confirm = deck.getByRole('alertdialog', { name: 'Show real names?' });
  await confirm.getByRole('button', { name: 'Keep pseudonyms' }).click();
  await expect(agendaNav).not.toContainText('Rowan');
  await names.click();
  await confirm.getByRole('button', { name: 'Show real names' }).click();
  await expect(agendaNav).toContainText('about Rowan Pellow');
  await expect(agendaNav).not.toContainText('Adult A');
  await expect(deck.getByTestId('names-on')).toHaveText(/Real names are on/);
  await deck.getByRole('button', { name: 'Hide real names' }).click();
  await expect(deck.getByTestId('names-on')).toHaveCount(0);
  await expect(agendaNav).not.toContainText('Rowan');
  await expect(current).toContainText('about Adult A');
  const steps = Number(/^1 of (\d+)/.exec(first)![1]);
  expect(steps).toBeGreaterThan(1);
  const deckDrawn = () => page.locator('.presentation .timeline-wrap').getAttribute('data-generation').then(Number);
  await expect.poll(deckDrawn).toBeGreaterThan(0);
  const generation = await deckDrawn();
  await page.keyboard.press('PageDown');
  await expect(current).toContainText(/^2 of \d+: /);
  // The timeline zooms to each item in turn: a new window is queried and drawn.
  await expect.poll(deckDrawn).toBeGreaterThan(generation);
  await expect(deck.locator(ENTRY).first()).toBeVisible();
  // Labels carry time and contact type only: no notes, which name people.
  await expect(deck.getByTestId('timeline')).not.toContainText('Rowan');
  await expect(deck.getByTestId('timeline')).not.toContainText('pushed down the stairs');
  await deck.locator(ENTRY).first().click();
  await expect(page.getByRole('complementary', { name: 'Entry detail' })).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(current).toHaveText(first);
  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
});

test('renders hostile agency text as text in search results and presentation mode', async ({ page }) => {
  const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> bruising';
  await importText(host.casePath, 'x.csv', 'Police <b>x</b>', `Date,Type,Notes\n01/02/2023,"<svg onload=window.pwned=3>","${payload.replaceAll('"', '""')}"\n`);
  await page.goto(host.url);
  await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
  await page.getByLabel('Search entries').fill('bruising');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.getByTestId('search-results').getByRole('button').first();
  await expect(result).toContainText('<img src=x onerror="window.pwned=1"><script>');
  await expect(result).toContainText('<svg onload=window.pwned=3>');
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation mode' });
  await expect(deck.locator(ENTRY)).toContainText('<svg onload=window.pwned=3>');
  await expect(deck.locator('.vis-label').first()).toContainText('Police <b>x</b>');
  expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
  expect(await page.locator('img[src="x"], svg[onload], b').count()).toBe(0);
});
