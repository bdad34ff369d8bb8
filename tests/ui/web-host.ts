// Starts the real web host (real engine, real case file) as a child process for a UI test.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  dir: string;
  casePath: string;
  stop(): Promise<void>;
}

export async function startHost(opts: { caseName?: string; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-ui-'));
  const casePath = path.join(dir, opts.caseName ?? 'case.jigsaw');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/web.mjs'), casePath], {
    cwd: ROOT,
    env: { ...process.env, JIGSAW_HOME: dir, ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
  return {
    url: firstLine.trim(),
    dir,
    casePath,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
