#!/usr/bin/env node
// Serves the Jigsaw UI from this machine (127.0.0.1 only) with the engine behind it.
// `--build` first rebuilds the UI quietly, so the address stays the first line on stdout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'error' });
  process.argv = process.argv.filter((a) => a !== '--build');
}
register();
await import('../electron/web/serve.ts');
