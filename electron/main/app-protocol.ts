// What app://jigsaw/<path> answers: a file of the packaged renderer with the CSP, or 404. Read
// straight from disk (no file:// fetch, so the GrantFileProtocolExtraPrivileges fuse can stay off).
// No `electron` import: unit tested in Node.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppFile } from './security-policy';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function appResponse(url: string, rendererDir: string): Promise<Response> {
  const file = resolveAppFile(url, rendererDir);
  const body = file ? await fs.readFile(file).catch(() => null) : null;
  if (!file || !body) return new Response('not found', { status: 404 });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
