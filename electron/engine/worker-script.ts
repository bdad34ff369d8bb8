// Finds a worker thread's script beside the module that starts it: from source (web host, CLI,
// tests) the tsx boot file `<name>-boot.mjs`, built as ESM `<name>.js`, and in the Electron
// shell's CommonJS bundle (where import.meta.url is undefined) `<name>.cjs` beside main.cjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function locateWorker(moduleUrl: string | undefined, name: string): URL | null {
  if (typeof moduleUrl === 'string') {
    const candidate = moduleUrl.endsWith('.ts') ? new URL(`./${name}-boot.mjs`, moduleUrl) : new URL(`./${name}.js`, moduleUrl);
    return fs.existsSync(fileURLToPath(candidate)) ? candidate : null;
  }
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const cjs = dir ? path.join(dir, `${name}.cjs`) : null;
  return cjs && fs.existsSync(cjs) ? pathToFileURL(cjs) : null;
}
