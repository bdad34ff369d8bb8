// `jigsaw signals <case>`: the missed-signal clusters, worst first, each with its reasons.
import { CaseFile } from '../../engine/case-file.js';
import { listClusters, readLexicon } from '../../engine/signals/index.js';
import type { Command } from '../commands.js';
import { usage } from './usage.js';

export const signalsCommand: Command = {
  usage: 'jigsaw signals <case> [--lexicon] [--json]',
  async run({ positionals, values, passphrase, out }) {
    const [casePath] = positionals;
    if (!casePath) return usage('signals needs <case>');
    const c = CaseFile.open(casePath, { passphrase });
    try {
      if (values.lexicon === true) {
        const lex = readLexicon(c);
        out(lex, [`span ${lex.settings.spanDays} days, grace ${lex.settings.graceDays} days, concern model ${lex.settings.readByModel ? 'on' : 'off'}`, ...lex.rules.map((r) => `${String(r.id).padStart(4)} ${r.kind.padEnd(8)} ${r.theme.padEnd(20)} ${r.severity} ${r.regex ? 're:' : ''}${r.caseSensitive ? 'cs:' : ''}${r.pattern}${r.enabled ? '' : ' (off)'}`)].join('\n'));
        return 0;
      }
      const clusters = listClusters(c).filter((k) => k.detected);
      out(
        clusters.map((k) => ({
          id: k.id,
          from: k.from,
          to: k.to,
          personIds: k.personIds,
          agencies: k.agencies,
          entryIds: k.entryIds,
          score: k.score,
          status: k.status,
          themes: k.themes,
          reasons: k.reasons,
          decision: k.decision,
        })),
        clusters.length === 0
          ? 'No clusters of concerns from two or more agencies found.'
          : clusters
              .map((k) => [`#${k.id} ${k.status.toUpperCase()} score ${k.score}  ${k.from} to ${k.to}  ${k.agencies.join(', ')}${k.personNames.length ? `  (${k.personNames.join(', ')})` : ''}`, ...k.reasons.map((r) => `    ${r}`)].join('\n'))
              .join('\n'),
      );
    } finally {
      c.close();
    }
    return 0;
  },
};
