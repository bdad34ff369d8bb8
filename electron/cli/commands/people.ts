// `jigsaw people <case>`: everyone resolved across the agencies, with every mention.
import { CaseFile } from '../../engine/case-file.js';
import { ensureResolved, getPerson, listPeople } from '../../engine/people/queries.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

export const peopleCommand: Command = {
  usage: 'jigsaw people <case> [--json]',
  async run({ positionals, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('people needs <case>');
    const c = CaseFile.open(casePath, { passphrase });
    try {
      ensureResolved(c);
      const people = listPeople(c).map((p) => {
        const d = getPerson(c, p.id);
        return {
          id: p.id,
          name: p.name,
          role: p.role,
          pseudonym: p.pseudonym,
          dob: p.dob,
          nhsNumber: p.nhsNumber,
          aliases: p.aliases,
          mentions: d.mentions.map((m) => ({ entryId: m.entryId, text: m.text, origin: m.origin })),
          confidence: p.confidence,
          confirmed: p.confirmed,
          agencies: p.agencies,
        };
      });
      out(
        people,
        people
          .map((p) => `${String(p.id).padStart(4)}  ${p.name.padEnd(24)} ${p.role.padEnd(12)} ${(p.pseudonym ?? '').padEnd(14)} ${p.mentions.length} mentions, ${p.agencies.length} agencies${p.confidence < 1 ? `, confidence ${p.confidence}` : ''}${p.aliases.length > 1 ? `  (also: ${p.aliases.filter((a) => a !== p.name).slice(0, 6).join('; ')})` : ''}`)
          .join('\n') || 'No people found',
      );
    } finally {
      c.close();
    }
    return 0;
  },
};
