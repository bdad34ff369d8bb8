// The desktop shell's security decisions, tested without Electron (security-policy.ts imports
// nothing from it). Hostile look-alikes first: these are what an attacker would try.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isAppUrl,
  isTrustedFrame,
  mayGrantPermission,
  mayNavigate,
  resolveAppFile,
} from '../../electron/main/security-policy';
import { appResponse } from '../../electron/main/app-protocol';
import { escapeHtml, passphrasePageUrl } from '../../electron/main/passphrase-page';
import { tempDir } from './helpers';

describe('what counts as the app', () => {
  it.each(['app://jigsaw/', 'app://jigsaw/index.html', 'app://jigsaw/assets/x.js?v=1#top'])('accepts %s', (u) => {
    expect(isAppUrl(u)).toBe(true);
    expect(mayNavigate(u)).toBe(true);
  });

  it.each([
    'app://jigsaw.evil.example/',
    'app://jigsaw@evil.example/',
    'app://user:pw@jigsaw/',
    'app://evil/jigsaw/',
    'app://jigsaw',
    'https://jigsaw/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://jigsaw/1234',
    'not a url',
    '',
  ])('refuses %s', (u) => {
    expect(isAppUrl(u)).toBe(false);
    expect(mayNavigate(u)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('answers only the top frame of the app page', () => {
    expect(isTrustedFrame({ url: 'app://jigsaw/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://jigsaw/index.html', parent: {} })).toBe(false); // an iframe
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'data:text/html;charset=utf-8,x', parent: null })).toBe(false); // the passphrase prompt
    expect(isTrustedFrame(null)).toBe(false);
  });
});

describe('network, permissions and files', () => {
  it('lets the page load only its own files, never the network', () => {
    expect(isAllowedRequest('app://jigsaw/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://jigsaw/7f3c0a52-1111-4aaa-8bbb-000000000000')).toBe(true);
    for (const u of ['blob:https://example.org/abc', 'https://example.org/', 'http://127.0.0.1:3000/api', 'ws://localhost/', 'file:///C:/Windows/win.ini', 'ftp://x/']) {
      expect(isAllowedRequest(u), u).toBe(false);
    }
  });

  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) expect(mayGrantPermission(p)).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    const root = tempDir();
    expect(resolveAppFile('app://jigsaw/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://jigsaw/assets/a.js', root)).toBe(path.join(root, 'assets/a.js'));
    // Dot segments are either folded by the URL parser (staying inside) or refused.
    for (const hostile of ['app://jigsaw/%2e%2e/%2e%2e/etc/passwd', 'app://jigsaw/../../etc/passwd', 'app://jigsaw/..%2F..%2Fsecret', 'app://jigsaw/a/..%5C..%5C..%5Cx']) {
      const file = resolveAppFile(hostile, root);
      expect(file === null || file.startsWith(root + path.sep), hostile).toBe(true);
    }
    expect(resolveAppFile('app://jigsaw/..%2F..%2Fsecret', root)).toBeNull();
    expect(resolveAppFile('app://jigsaw/a%00.js', root)).toBeNull();
    expect(resolveAppFile('app://jigsaw/%E0%A4%A', root)).toBeNull();
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
  });

  it('has a CSP that allows no inline script, no remote origin, no plugins', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('the passphrase prompt page', () => {
  it('escapes file names and carries no script of its own', () => {
    const url = passphrasePageUrl({ title: 'Passphrase', message: 'Open <img src=x onerror=alert(1)>.jigsaw', confirm: true });
    const html = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>'));
    expect(html).not.toMatch(/<script|<[^>]*\son\w+=/i);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/type="password"/g)).toHaveLength(2);
  });
});

describe('the app:// protocol', () => {
  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
    const ok = await appResponse('app://jigsaw/', root);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toContain('<title>x</title>');
    for (const u of [`app://jigsaw/..%2F${path.basename(root)}-secret.txt`, 'app://jigsaw/missing.js', 'app://evil/index.html', 'https://jigsaw/index.html']) {
      expect((await appResponse(u, root)).status, u).toBe(404);
    }
    fs.rmSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`));
  });
});
