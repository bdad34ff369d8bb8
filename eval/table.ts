// The evaluation table: one row per case, then the mean and the worst of each column.
import type { CaseScore } from './score.js';

type Column = { head: string; value: (s: CaseScore) => number | string; worst?: 'min' | 'max' };

const n2 = (x: number): string => x.toFixed(2);
const pr = (p: number, r: number): string => `${n2(p)}/${n2(r)}`;

const COLUMNS: Column[] = [
  { head: 'rows right', value: (s) => s.rows.right / Math.max(1, s.rows.genuine), worst: 'min' },
  { head: 'bad reported', value: (s) => s.bad.reported / Math.max(1, s.bad.labelled), worst: 'min' },
  { head: 'subject F1', value: (s) => s.people.subjectF1, worst: 'min' },
  { head: 'assoc F1', value: (s) => s.people.associatesF1, worst: 'min' },
  { head: 'namesake merged', value: (s) => (s.people.namesakeMerged === null ? '-' : s.people.namesakeMerged ? 'yes' : 'no') },
  { head: 'links P', value: (s) => s.links.precision, worst: 'min' },
  { head: 'links R', value: (s) => s.links.recall, worst: 'min' },
  { head: 'concern P/R', value: (s) => pr(s.signals.concern.precision, s.signals.concern.recall) },
  { head: 'response P/R', value: (s) => pr(s.signals.response.precision, s.signals.response.recall) },
  { head: 'routine P/R', value: (s) => pr(s.signals.routine.precision, s.signals.routine.recall) },
  { head: 'clusters found', value: (s) => s.clusters.found / Math.max(1, s.clusters.planted), worst: 'min' },
  { head: 'controls flagged', value: (s) => `${s.clusters.controlsFlagged}/${s.clusters.controls}` },
  { head: 'extra missed', value: (s) => s.clusters.extraMissed, worst: 'max' },
  { head: 'worst first', value: (s) => (s.clusters.worstFirst ? 'yes' : 'no') },
  { head: 'ids left', value: (s) => `${s.export.left}/${s.export.identifiers}` },
];

const show = (v: number | string): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : n2(v)) : v);

export function renderTable(scores: { score: CaseScore; split: string }[]): string {
  const head = ['case', 'split', ...COLUMNS.map((c) => c.head)];
  const body = scores.map(({ score, split }) => [score.case, split, ...COLUMNS.map((c) => show(c.value(score)))]);
  const summary = (label: string, pick: (xs: number[], c: Column) => number): string[] => [
    label,
    '',
    ...COLUMNS.map((c) => {
      const xs = scores.map((s) => c.value(s.score)).filter((v): v is number => typeof v === 'number');
      return c.worst && xs.length ? show(pick(xs, c)) : '';
    }),
  ];
  if (scores.length > 1) {
    body.push(summary('mean', (xs) => xs.reduce((a, b) => a + b, 0) / xs.length));
    body.push(summary('worst', (xs, c) => (c.worst === 'min' ? Math.min(...xs) : Math.max(...xs))));
  }
  const lines = [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}
