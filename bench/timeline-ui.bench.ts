// `npm run bench -- timeline`: drives the real UI (web host + engine + renderer) in Debian's
// Chromium against generated cases of 1,000, 100,000 and 1,000,000 entries, timing the first frame
// and redraws after zooming and panning, and reading the page's JS heap. Beside it, in the same run,
// plain vis-timeline given 1,000 items on a bare page: the baseline every size must not be slower
// than, driven through the same inputs (the + key, a drag, a Day button) and timed the same way.
// Each redraw is timed REPEATS times from the same starting window and the median reported: single
// 30-300 ms timings on a 2-core machine vary by half, more than the differences being measured.
// BENCH_TIMELINE_SIZES=1000,5000 runs other sizes (e.g. while developing); BENCH_TIMELINE_REPEATS=n;
// BENCH_DEBUG=1 prints every trial. Timings cluster about whole frames (16.7 ms) apart.
// Also the chronology table: the longest frame (requestAnimationFrame deltas) while it scrolls through
// a case of BENCH_TABLE_ENTRIES (100,000) by scrollbar, mouse wheel and Page Down, against a target of
// no frame over 100 ms. BENCH_TIMELINE_SIZES=none measures the table (and the baseline) only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CaseFile } from '../electron/engine/case-file.js';
import { Engine } from '../electron/engine/engine.js';
import { startWebHost } from '../electron/web/host.js';
import { generateTimelineCase } from './generate-timeline-case.js';
import type { BenchRow } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIZES = (process.env.BENCH_TIMELINE_SIZES ?? '1000,100000,1000000').split(',').map(Number).filter((n) => n > 0);
const TABLE_ENTRIES = Number(process.env.BENCH_TABLE_ENTRIES ?? 100_000);
const TABLE_FRAME_TARGET_MS = 100;
const BASELINE_ITEMS = 1000;
const HEAP_LIMIT_MB = 300;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'];
const VIEWPORT = { width: 1400, height: 900 };
const REPEATS = Number(process.env.BENCH_TIMELINE_REPEATS ?? 7);

/** One redraw's timings over the repeats, in ms. */
type Trials = number[];

interface Timings {
  firstFrame: number;
  /** Key press to the next painted frame (the items in view rescaled, before any new data). */
  zoomPaint: Trials;
  zoomIn: Trials;
  pan: Trials;
  dayView: Trials;
  heapMb: number;
  note: string;
}

const median = (t: Trials): number => {
  const s = [...t].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (t: Trials): string => `median of ${t.length}, ${Math.round(Math.min(...t))}-${Math.round(Math.max(...t))} ms`;

/** The trials' timings, each started from the same state by `reset`. */
async function repeat(reset: () => Promise<void>, trial: () => Promise<Record<'zoomPaint' | 'zoomIn' | 'pan' | 'dayView', number>>) {
  const out = { zoomPaint: [] as Trials, zoomIn: [] as Trials, pan: [] as Trials, dayView: [] as Trials };
  for (let i = 0; i < REPEATS; i++) {
    await reset();
    const t = await trial();
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(t));
    for (const k of Object.keys(out) as (keyof typeof out)[]) out[k].push(t[k]);
  }
  return out;
}

/** Resolves after the browser has painted the frame that follows the current one. */
const AFTER_PAINT = () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Time from `act` to the next painted frame. */
async function timePaint(page: Page, act: () => Promise<void>): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  return (await page.evaluate(AFTER_PAINT)) - t0;
}

/** Time from `act` until the timeline has drawn the new window completely and painted: the app marks
 *  each complete drawing (data-generation), whether new data had to be queried and drawn or what it
 *  already holds around the window covers it (then only vis-timeline's own redraw remains, as for the
 *  baseline, and the wait below for the next painted frame includes it). */
async function timeRedraw(page: Page, act: () => Promise<void>): Promise<number> {
  const wrap = page.locator('.timeline-wrap').first();
  const before = Number(await wrap.getAttribute('data-generation'));
  const t0 = await page.evaluate(() => performance.now());
  await act();
  // Drawn before the next frame rendered (the generation is read in its animation-frame callback,
  // before style, layout and paint): that frame is the time, as for the baseline.
  const next = await page.evaluate(
    () =>
      new Promise<{ t: number; generation: number }>((r) =>
        requestAnimationFrame(() => {
          const generation = Number(document.querySelector('.timeline-wrap')?.getAttribute('data-generation'));
          requestAnimationFrame(() => r({ t: performance.now(), generation }));
        }),
      ),
  );
  if (next.generation > before) return next.t - t0;
  await page.waitForFunction((n) => Number(document.querySelector('.timeline-wrap')?.getAttribute('data-generation')) > n, before, { timeout: 120_000, polling: 'raf' });
  const t1 = await page.evaluate(AFTER_PAINT);
  return t1 - t0;
}

async function drag(page: Page, selector: string, dx: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 4 });
  await page.mouse.move(x + dx, y, { steps: 4 });
  await page.mouse.up();
}

/** Waits until the app has nothing on its way (no window loading, answers fetched ahead arrived),
 *  then a little longer, so one trial's late work is not timed in the next. The bare page has none. */
async function idle(page: Page): Promise<void> {
  // First past vis-timeline's 200 ms settle delay after a drag, when the window's load starts.
  await page.waitForTimeout(300);
  await page.waitForFunction(
    () => {
      const wrap = document.querySelector('.timeline-wrap');
      return wrap?.getAttribute('data-loading') !== 'true' && (wrap?.getAttribute('data-asking-ahead') ?? '0') === '0';
    },
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(100);
  await page.evaluate(AFTER_PAINT);
}

async function measureApp(browser: Browser, rendererDir: string, entries: number): Promise<Timings> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-timeline-'));
  const file = path.join(dir, 'case.jigsaw');
  const t = performance.now();
  generateTimelineCase(file, entries).close();
  const generateMs = performance.now() - t;
  const engine = new Engine(CaseFile.open(file));
  const host = await startWebHost(engine, { staticDir: rendererDir });
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(host.url);
    await page.waitForFunction(() => Number(document.querySelector('.timeline-wrap')?.getAttribute('data-generation')) >= 1, undefined, { timeout: 120_000, polling: 'raf' });
    const firstFrame = await page.evaluate(AFTER_PAINT);
    const mode = await page.locator('.timeline-wrap').first().getAttribute('data-mode');
    // The clusters arrive after the first frame (detected on first open); their bands are part of
    // every redraw timed below, as on a chair's screen.
    await page.getByRole('list', { name: 'Clusters, worst first' }).waitFor({ timeout: 120_000 });
    const clusters = await page.getByRole('list', { name: 'Clusters, worst first' }).getByRole('button').count();
    let dayMode: string | null = null;
    let drawn = 0;
    // Each trial starts from the whole review, drawn and idle (the strip, filters, panels and the
    // answers fetched ahead have loaded): the same window and the same work every time.
    const trials = await repeat(
      async () => {
        await page.getByTestId('zoom-whole-review').click();
        await idle(page);
        await page.getByTestId('timeline').focus();
      },
      async () => {
        const zoomPaint = await timePaint(page, () => page.keyboard.press('+'));
        await idle(page);
        const zoomIn = await timeRedraw(page, () => page.keyboard.press('+'));
        await idle(page);
        const pan = await timeRedraw(page, () => drag(page, '[data-testid="timeline"]', -300));
        await idle(page);
        // The Day button is found by an attribute, as the baseline's is by id: a role query walks the
        // whole page computing ARIA roles (10-20 ms here), which would time Playwright, not the redraw.
        const dayView = await timeRedraw(page, () => page.getByTestId('zoom-day').click());
        drawn = await page.locator('.vis-item.entry.vis-box, .vis-item.entry.vis-range').count();
        dayMode = await page.locator('.timeline-wrap').first().getAttribute('data-mode');
        return { zoomPaint, zoomIn, pan, dayView };
      },
    );
    const heap = await heapMb(page);
    return { firstFrame, ...trials, heapMb: heap, note: `generated in ${(generateMs / 1000).toFixed(1)} s; ${clusters} clusters; whole review drawn as ${mode}; day view drawn as ${dayMode}${dayMode === 'entries' ? ` (${drawn})` : ''}` };
  } finally {
    await page.close();
    await host.close();
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface ScrollFrames {
  /** Frame-to-frame times while scrolling, ms. */
  frames: number[];
  /** First row on screen at the end (aria-rowindex). */
  endRow: number;
}

/** The chronology table scrolled three ways; every animation frame's time recorded meanwhile. */
async function measureTableScroll(browser: Browser, rendererDir: string, entries: number): Promise<{ scrollbar: ScrollFrames; wheel: ScrollFrames; pageDown: ScrollFrames; note: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-table-'));
  const file = path.join(dir, 'case.jigsaw');
  generateTimelineCase(file, entries).close();
  const engine = new Engine(CaseFile.open(file));
  const host = await startWebHost(engine, { staticDir: rendererDir });
  const page = await browser.newPage({ viewport: VIEWPORT });
  const grid = '[data-testid="chronology-grid"]';
  try {
    await page.goto(host.url);
    await page.waitForFunction(() => Number(document.querySelector('.timeline-wrap')?.getAttribute('data-generation')) >= 1, undefined, { timeout: 120_000, polling: 'raf' });
    await page.getByRole('list', { name: 'Clusters, worst first' }).waitFor({ timeout: 120_000 });
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="chronology-status"]')?.textContent?.startsWith(`${n} entries`), entries.toLocaleString('en-GB'), { timeout: 120_000 });
    const openMs = performance.now() - t0;
    /** Records frames from now until `stop` resolves. */
    const record = async (act: () => Promise<void>): Promise<ScrollFrames> => {
      // A string, not a function: the bench runs through tsx, whose helpers are not in the page.
      await page.evaluate(`(() => {
        window.benchFrames = [];
        window.benchRecording = true;
        let last = 0;
        const tick = (now) => {
          window.benchFrames.push(now - last);
          last = now;
          if (window.benchRecording) requestAnimationFrame(tick);
        };
        requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
      })()`);
      await act();
      const frames = await page.evaluate(() => {
        const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
        w.benchRecording = false;
        return w.benchFrames;
      });
      // Settled: every row on screen has its page.
      await page.waitForFunction((g) => !Array.from(document.querySelectorAll(`${g} .chronology-body [role="row"]`), (r) => r.textContent ?? '').some((t) => t.includes('Loading…')), grid, { timeout: 60_000 });
      const endRow = Number(await page.locator(`${grid} .chronology-body [role="row"]`).first().getAttribute('aria-rowindex'));
      return { frames, endRow };
    };
    // The scrollbar: top to bottom of the case in 240 steps, one a frame (every frame lands on rows
    // never fetched: the worst case for paging).
    const scrollbar = await record(() =>
      page.evaluate(async (g) => {
        const el = document.querySelector(g)!;
        const steps = 240;
        for (let i = 1; i <= steps; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
        }
      }, grid),
    );
    await page.locator(grid).evaluate((el) => el.scrollTo({ top: el.scrollHeight / 3 }));
    await page.waitForTimeout(500);
    // The mouse wheel over the rows, as a reader skims: 60 notches.
    const box = (await page.locator(grid).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const wheel = await record(async () => {
      for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 400);
    });
    // The keyboard: Page Down 60 times from the selected row.
    await page.locator(grid).focus();
    const pageDown = await record(async () => {
      for (let i = 0; i < 60; i++) await page.keyboard.press('PageDown');
    });
    return { scrollbar, wheel, pageDown, note: `table opened in ${Math.round(openMs)} ms` };
  } finally {
    await page.close();
    await host.close();
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function frameRow(size: string, how: string, s: ScrollFrames, note: string): BenchRow {
  const longest = Math.max(...s.frames);
  const sorted = [...s.frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return {
    benchmark: 'timeline-ui',
    size,
    measure: `table ${how}: longest frame`,
    value: longest,
    unit: ' ms',
    target: `≤ ${TABLE_FRAME_TARGET_MS} ms`,
    note: `${longest <= TABLE_FRAME_TARGET_MS ? 'within target' : 'OVER TARGET'}; ${s.frames.length} frames, p95 ${p95.toFixed(1)} ms; ended at row ${s.endRow.toLocaleString('en-GB')}${note ? `; ${note}` : ''}`,
  };
}

/** Plain vis-timeline, 1,000 items in view at once, on a bare page: no app, no data loading. */
async function measureBaseline(browser: Browser): Promise<Timings> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-baseline-'));
  const vis = path.join(ROOT, 'node_modules/vis-timeline/standalone/umd');
  fs.copyFileSync(path.join(vis, 'vis-timeline-graph2d.min.js'), path.join(dir, 'vis.js'));
  fs.copyFileSync(path.join(ROOT, 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'), path.join(dir, 'vis.css'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><link rel="stylesheet" href="vis.css"></head><body style="margin:0">
<button id="whole">Whole</button><button id="day">Day</button><div id="tl" tabindex="0" style="height:800px"></div><script src="vis.js"></script><script>
const groups = new vis.DataSet(Array.from({ length: 8 }, (_, i) => ({ id: i, content: 'Agency ' + i })));
const start = Date.UTC(2020, 0, 1);
const items = new vis.DataSet(Array.from({ length: ${BASELINE_ITEMS} }, (_, i) => {
  const el = document.createElement('span');
  el.textContent = '10:00 Home visit: generated entry ' + i + ' weight loss noted, appears unkempt';
  return { id: i, group: i % 8, start: new Date(start + ((i * 2654435761) % 365) * 86400000), content: el };
}));
window.timeline = new vis.Timeline(document.getElementById('tl'), items, groups, { stack: true, orientation: 'top', height: '100%', align: 'left',
  start: new Date(start - 5 * 86400000), end: new Date(start + 370 * 86400000) });
// The same inputs the app answers, so both sides are timed through the same Playwright path:
// '+' zooms in by half (as the app's keyboard handler does), a Day button shows one day.
document.getElementById('tl').addEventListener('keydown', (e) => { if (e.key === '+') window.timeline.zoomIn(0.5, { animation: false }); });
document.getElementById('day').addEventListener('click', () => window.timeline.setWindow(new Date(Date.UTC(2020, 5, 1)), new Date(Date.UTC(2020, 5, 2)), { animation: false }));
document.getElementById('whole').addEventListener('click', () => window.timeline.setWindow(new Date(start - 5 * 86400000), new Date(start + 370 * 86400000), { animation: false }));
requestAnimationFrame(() => requestAnimationFrame(() => { window.firstFrame = performance.now(); }));
</script></body></html>`,
  );
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.waitForFunction(() => (window as unknown as { firstFrame?: number }).firstFrame !== undefined, undefined, { timeout: 300_000 });
    const firstFrame = await page.evaluate(() => (window as unknown as { firstFrame: number }).firstFrame);
    const trials = await repeat(
      async () => {
        await timePaint(page, () => page.locator('#whole').click());
        await idle(page);
        await page.locator('#tl').focus();
      },
      async () => {
        const zoomIn = await timePaint(page, () => page.keyboard.press('+'));
        await idle(page);
        const pan = await timePaint(page, () => drag(page, '#tl', -300));
        await idle(page);
        const dayView = await timePaint(page, () => page.locator('#day').click());
        return { zoomPaint: zoomIn, zoomIn, pan, dayView };
      },
    );
    return { firstFrame, ...trials, heapMb: await heapMb(page), note: `${BASELINE_ITEMS} items handed to vis-timeline at once` };
  } finally {
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function buildRenderer(): Promise<{ dir: string; cleanup: () => void }> {
  if (process.env.JIGSAW_RENDERER_DIR) return { dir: path.resolve(process.env.JIGSAW_RENDERER_DIR), cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-renderer-'));
  await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export default async function timelineUiBench(): Promise<BenchRow[]> {
  const renderer = await buildRenderer();
  const browser = await chromium.launch({ executablePath: process.env.JIGSAW_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    const base = await measureBaseline(browser);
    const baseline = `plain vis-timeline, ${BASELINE_ITEMS.toLocaleString('en-GB')} items`;
    rows.push(
      { benchmark: 'timeline-ui', size: 'baseline', measure: 'first frame', value: base.firstFrame, unit: ' ms', note: base.note },
      { benchmark: 'timeline-ui', size: 'baseline', measure: 'zoom in redraw', value: median(base.zoomIn), unit: ' ms', note: `its items already laid out: rescaled only; ${spread(base.zoomIn)}` },
      { benchmark: 'timeline-ui', size: 'baseline', measure: 'pan redraw', value: median(base.pan), unit: ' ms', note: spread(base.pan) },
      { benchmark: 'timeline-ui', size: 'baseline', measure: 'day view redraw', value: median(base.dayView), unit: ' ms', note: spread(base.dayView) },
      { benchmark: 'timeline-ui', size: 'baseline', measure: 'JS heap', value: base.heapMb, unit: ' MB' },
    );
    for (const n of SIZES) {
      process.stderr.write(`  timeline-ui: ${n.toLocaleString('en-GB')} entries…\n`);
      const m = await measureApp(browser, renderer.dir, n);
      const size = `${n.toLocaleString('en-GB')} entries`;
      const vs = (measure: string, value: number, against: number, note?: string): BenchRow => ({
        benchmark: 'timeline-ui', size, measure, value, unit: ' ms', baseline, baselineValue: against, ratio: value / against, target: '≤ 1.00x', note,
      });
      const trial = (measure: string, t: Trials, against: Trials, note?: string): BenchRow => vs(measure, median(t), median(against), [note, spread(t)].filter(Boolean).join('; '));
      rows.push(
        vs('first frame', m.firstFrame, base.firstFrame, m.note),
        trial('zoom in first paint', m.zoomPaint, base.zoomIn, 'items in view rescaled at once'),
        trial('zoom in redraw', m.zoomIn, base.zoomIn, 'new window drawn completely'),
        trial('pan redraw', m.pan, base.pan),
        trial('day view redraw', m.dayView, base.dayView),
        { benchmark: 'timeline-ui', size, measure: 'JS heap', value: m.heapMb, unit: ' MB', target: `< ${HEAP_LIMIT_MB} MB`, note: m.heapMb < HEAP_LIMIT_MB ? 'within target' : 'OVER TARGET' },
      );
    }
    if (TABLE_ENTRIES > 0) {
      process.stderr.write(`  timeline-ui: chronology table, ${TABLE_ENTRIES.toLocaleString('en-GB')} entries…\n`);
      const t = await measureTableScroll(browser, renderer.dir, TABLE_ENTRIES);
      const size = `${TABLE_ENTRIES.toLocaleString('en-GB')} entries`;
      rows.push(frameRow(size, 'scrollbar top to bottom', t.scrollbar, t.note), frameRow(size, 'mouse wheel', t.wheel, ''), frameRow(size, 'Page Down', t.pageDown, ''));
    }
  } finally {
    await browser.close();
    renderer.cleanup();
  }
  return rows;
}
