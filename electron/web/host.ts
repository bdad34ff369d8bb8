// The web host: the same renderer, served on 127.0.0.1, with the same API backed by the engine.
// Used where no Electron binary exists, and by the Playwright tests. Every API call needs the
// per-run token; requests for other hosts (DNS rebinding) are refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../engine/engine.js';
import type { JigsawApi } from '../../shared/api.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import { CONTENT_SECURITY_POLICY as SHELL_CSP } from '../main/security-policy.js';

/**
 * The desktop shell's policy, plus `sandbox` without allow-popups or top navigation: a browser
 * cannot be told to deny window.open the way Electron's handler does, but a sandboxed page cannot
 * open one.
 */
export const CONTENT_SECURITY_POLICY = `${SHELL_CSP}; sandbox allow-scripts allow-same-origin allow-forms allow-downloads allow-modals`;

/** Sent with every response: no framing, no cross-origin reads, no powerful features. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=(), display-capture=(), clipboard-read=()',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Largest API request body: a 200 MB upload grows by a third in base64. */
const MAX_BODY_BYTES = 280 * 1024 * 1024;

export interface WebHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(api: JigsawApi, opts: { staticDir: string; port?: number }): Promise<WebHost> {
  const token = crypto.randomBytes(24).toString('hex');
  const staticRoot = path.resolve(opts.staticDir);
  let port = opts.port ?? 0;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end('wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, url.pathname.slice(5));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const given = String(req.headers['x-jigsaw-token'] ?? '');
    if (req.method !== 'POST' || given.length !== token.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token))) {
      res.writeHead(403, { 'content-type': 'application/json', ...SECURITY_HEADERS }).end(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong session token' } }));
      return;
    }
    // A page from any other origin is refused even if it somehow holds the token.
    if (!isSameOrigin(req)) {
      res.writeHead(403, { 'content-type': 'application/json', ...SECURITY_HEADERS }).end(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Refused: call from another origin' } }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let args: unknown;
    try {
      args = decodeWire(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const result = await dispatch(api, method, args);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(encodeWire(result)));
  }

  /** Browsers name the calling page's origin; tools that send none (curl, tests) carry the token. */
  function isSameOrigin(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return false;
    return origin === undefined || origin === `http://${req.headers.host}`;
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticRoot, `.${rel}`);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      ...SECURITY_HEADERS,
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
