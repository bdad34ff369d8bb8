import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { tempCase, tempDir, writeFile } from './helpers';
import { encodeWire } from '../../shared/wire';

let host: WebHost | null = null;
let engine: Engine | null = null;
afterEach(async () => {
  await host?.close();
  engine?.close();
  host = null;
});

async function start() {
  engine = new Engine(tempCase());
  const dir = tempDir();
  writeFile(dir, 'index.html', '<!doctype html><title>t</title>');
  host = await startWebHost(engine, { staticDir: dir });
  return host;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field below
type Json = any;

const post = (h: WebHost, method: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${h.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-jigsaw-token': h.token, ...headers },
    body: JSON.stringify(encodeWire(args)),
  });

describe('web host', () => {
  it('serves the contract behind the token: stage, import, list', async () => {
    const h = await start();
    const bytes = new TextEncoder().encode('Date,Details\n01/02/2023,Seen\n');
    const staged = (await (await post(h, 'stageFile', [{ fileName: 'a.csv', bytes }])).json()) as Json;
    expect(staged.ok).toBe(true);
    expect(staged.value.mapping).toMatchObject({ date: 0, text: 1 });
    const imported = (await (await post(h, 'importStaged', [{ stagedId: staged.value.stagedId, agency: 'Police' }])).json()) as Json;
    expect(imported.value).toMatchObject({ imported: 1, agency: 'Police' });
    const page = (await (await post(h, 'listEntries', [{}])).json()) as Json;
    expect(page.value.entries.map((e: { text: string }) => e.text)).toEqual(['Seen']);
  });

  it('refuses calls without the token, from other hosts, and with bad arguments', async () => {
    const h = await start();
    expect((await post(h, 'getCase', [], { 'x-jigsaw-token': 'nope' })).status).toBe(403);
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: h.port, path: '/api/getCase', method: 'POST', headers: { host: 'evil.example', 'x-jigsaw-token': h.token } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('[]');
    });
    expect(rebinding).toBe(421);
    const bad = await (await post(h, 'getEntry', ['1; DROP TABLE entries'])).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await (await post(h, 'eval', [])).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('serves the page with a strict CSP and never outside its folder', async () => {
    const h = await start();
    const page = await fetch(`http://127.0.0.1:${h.port}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`http://127.0.0.1:${h.port}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
    expect(path.isAbsolute(h.url) || h.url.startsWith('http://127.0.0.1:')).toBe(true);
  });
});
