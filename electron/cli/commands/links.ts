// `jigsaw links <case>`: events that several agencies recorded, with why they are thought one event.
import { CaseFile } from '../../engine/case-file.js';
import { ensureResolved, listLinks } from '../../engine/people/queries.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

export const linksCommand: Command = {
  usage: 'jigsaw links <case> [--json]',
  async run({ positionals, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('links needs <case>');
    const c = CaseFile.open(casePath, { passphrase });
    try {
      ensureResolved(c);
      const links = listLinks(c).map((l) => ({ id: l.id, entryIds: l.entryIds, reason: l.reason, kind: l.kind }));
      out(links, links.map((l) => `${String(l.id).padStart(4)}  entries ${l.entryIds.join(', ').padEnd(16)} ${l.reason}`).join('\n') || 'No linked events');
    } finally {
      c.close();
    }
    return 0;
  },
};
