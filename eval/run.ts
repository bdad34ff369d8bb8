// `npm run eval`: every labelled case under eval/cases imported through the real engine and scored
// against its labels (eval/README.md). Not part of `npm test`: it measures, it does not gate.
//   npm run eval                      all cases, tuning and held-out, one table
//   npm run eval -- --tuning          only the cases rules may be tuned on
//   npm run eval -- --case <id>       one case (repeatable)
//   npm run eval -- --misses          every miss under the table
//   npm run eval -- --no-settings     without the chair's review settings (extracts alone)
//   npm run eval -- --no-model        the lexicon alone, without the trained concern model
//   npm run eval -- --json <file>     the scores as JSON too
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readLabels } from './labels.js';
import { matchRows } from './match-rows.js';
import { runCase } from './run-case.js';
import { scoreCase, type CaseScore } from './score.js';
import { renderTable } from './table.js';

const HERE = import.meta.dirname;
const { values } = parseArgs({
  options: {
    tuning: { type: 'boolean' },
    case: { type: 'string', multiple: true },
    misses: { type: 'boolean' },
    'no-settings': { type: 'boolean' },
    'no-model': { type: 'boolean' },
    json: { type: 'string' },
    cases: { type: 'string' },
  },
});

const casesDir = path.resolve(values.cases ?? path.join(HERE, 'cases'));
const split = JSON.parse(fs.readFileSync(path.join(HERE, 'split.json'), 'utf8')) as { tuning: string[]; heldOut: string[] };
const splitOf = (id: string): string => (split.tuning.includes(id) ? 'tuning' : split.heldOut.includes(id) ? 'held-out' : 'new');

let ids = fs.readdirSync(casesDir).filter((d) => fs.existsSync(path.join(casesDir, d, 'labels.json'))).sort();
if (values.case?.length) ids = ids.filter((id) => values.case!.includes(id));
if (values.tuning) ids = ids.filter((id) => splitOf(id) === 'tuning');
if (ids.length === 0) {
  console.error(`eval: no labelled cases in ${casesDir}`);
  process.exit(2);
}

const results: { score: CaseScore; split: string }[] = [];
for (const id of ids) {
  const dir = path.join(casesDir, id);
  const labels = readLabels(dir);
  const observed = await runCase(dir, labels, { settings: !values['no-settings'], model: !values['no-model'] });
  const score = scoreCase(labels, observed, matchRows(labels, observed));
  results.push({ score, split: splitOf(id) });
  process.stderr.write(`eval: ${id} scored in ${score.seconds.toFixed(1)} s\n`);
}

const order = ['tuning', 'held-out', 'new'];
results.sort((a, b) => order.indexOf(a.split) - order.indexOf(b.split) || a.score.case.localeCompare(b.score.case));
for (const group of order) {
  const rows = results.filter((r) => r.split === group);
  if (rows.length) console.log(`\n${group} cases\n\n${renderTable(rows)}`);
}
if (results.length > 1) console.log(`\nall cases\n\n${renderTable(results)}`);
if (values.misses)
  for (const { score } of results) {
    console.log(`\n## ${score.case}: ${score.misses.length} misses`);
    for (const m of score.misses) console.log(`- ${m}`);
  }
if (values.json) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
