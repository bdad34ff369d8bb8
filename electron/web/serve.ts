// `npm run web -- [case]`: open a case (the demo case when none is named; created when missing),
// serve the UI on 127.0.0.1 and print the URL, token included, as the first line on stdout.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseFile } from '../engine/case-file.js';
import { buildCaseFromFixtures } from '../engine/demo-case.js';
import { Engine } from '../engine/engine.js';
import { JigsawError } from '../engine/errors.js';
import { startWebHost } from './host.js';
import { passphraseFor } from '../engine/protection/ask-passphrase.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function serve(argv: string[]): Promise<void> {
  const portFlag = argv.indexOf('--port');
  const port = portFlag >= 0 ? Number(argv[portFlag + 1]) : 0;
  const caseArg = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--port');
  // JIGSAW_PASSPHRASE, or asked on this terminal when the case is encrypted (or is being created).
  const passphrase = caseArg ? await passphraseFor(path.resolve(caseArg), { creating: true }) : undefined;
  const rendererDir = process.env.JIGSAW_RENDERER_DIR ? path.resolve(process.env.JIGSAW_RENDERER_DIR) : path.join(root, 'dist/renderer');
  const caseFile = caseArg
    ? CaseFile.open(path.resolve(caseArg), { create: true, passphrase })
    : // The demo case is fictional: never encrypted, so it opens with no passphrase.
      await buildCaseFromFixtures(path.join(root, 'fixtures/demo'), path.join(process.env.JIGSAW_HOME ?? path.join(os.homedir(), '.jigsaw'), 'demo.jigsaw'));
  const engine = new Engine(caseFile);
  const host = await startWebHost(engine, { staticDir: rendererDir, port });
  process.stdout.write(`${host.url}\n`);
  process.stdout.write(`Jigsaw is serving ${caseFile.summary().title} (${caseFile.file}). Open the address above in a browser; Ctrl+C stops.\n`);
  const stop = async (): Promise<void> => {
    await host.close();
    engine.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

serve(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`jigsaw web: ${err instanceof JigsawError ? err.message : String(err)}\n`);
  process.exit(1);
});
