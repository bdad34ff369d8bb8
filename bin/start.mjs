#!/usr/bin/env node
// `npm start`: the desktop app on the demo case when an Electron binary is installed; otherwise
// the same UI through the web host, saying why.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pathTxt = path.join(root, 'node_modules/electron/path.txt');
const binary = fs.existsSync(pathTxt) ? path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathTxt, 'utf8').trim()) : null;
const args = process.argv.slice(2);

if (binary && fs.existsSync(binary)) {
  const child = spawn(binary, [path.join(root, 'dist/electron/main.cjs'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('No Electron binary is installed on this machine (it could not be downloaded), so Jigsaw runs in your browser instead.');
  const child = spawn(process.execPath, [path.join(root, 'bin/web.mjs'), ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
