// Runs the real `jigsaw` command line (bin/jigsaw.mjs) in a child process, as a user would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './helpers';

const exec = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** No passphrase unless a test gives one: the developer's own environment never leaks in. */
export async function runJigsaw(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const r = await exec(process.execPath, [path.join(ROOT, 'bin/jigsaw.mjs'), ...args], { cwd: ROOT, env: { ...process.env, JIGSAW_PASSPHRASE: '', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
