// Where the command line and the web host get a passphrase: JIGSAW_PASSPHRASE, or a prompt on the
// terminal (nothing echoed) when one is attached. Never a command-line argument: those show up in
// process lists and shell history.
import fs from 'node:fs';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { isEncryptedCaseFile } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';
import { checkNewPassphrase } from './passphrase.js';

export interface PassphraseIo {
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export const terminalIo: PassphraseIo = {
  env: process.env,
  get interactive() {
    return Boolean(process.stdin.isTTY && process.stderr.isTTY);
  },
  ask: askHidden,
};

/** The passphrase to open `caseFile` with; asks for a new one (twice) when the case is about to be created. */
export async function passphraseFor(caseFile: string | undefined, opts: { creating?: boolean } = {}, io: PassphraseIo = terminalIo): Promise<string | undefined> {
  const fromEnv = io.env.JIGSAW_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!caseFile || !io.interactive) return undefined;
  if (!fs.existsSync(caseFile)) return opts.creating ? await askNewPassphrase(io, true) : undefined;
  return isEncryptedCaseFile(caseFile) ? await io.ask(`Passphrase for ${caseFile}: `) : undefined;
}

/** A new passphrase from JIGSAW_NEW_PASSPHRASE or asked twice; empty only when `allowNone`. */
export async function askNewPassphrase(io: PassphraseIo = terminalIo, allowNone = false): Promise<string | undefined> {
  const fromEnv = io.env.JIGSAW_NEW_PASSPHRASE;
  if (fromEnv) {
    checkNewPassphrase(fromEnv);
    return fromEnv;
  }
  if (!io.interactive) throw new JigsawError('passphrase_needed', 'Set JIGSAW_NEW_PASSPHRASE, or run this in a terminal to be asked');
  for (;;) {
    const first = await io.ask(allowNone ? 'New case: choose a passphrase (Enter for none, not recommended): ' : 'New passphrase: ');
    if (!first && allowNone) return undefined;
    try {
      checkNewPassphrase(first);
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      continue;
    }
    if ((await io.ask('Type it again: ')) === first) return first;
    process.stderr.write('The two did not match; try again.\n');
  }
}

/** Read one line from the terminal without echoing it. */
export function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
