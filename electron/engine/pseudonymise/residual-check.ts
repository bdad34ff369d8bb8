// The last look before a pseudonymised export leaves Jigsaw: every text of the output scanned
// again for any name variant, date of birth, NHS number, address or postcode of the case.
import type { ResidualFinding } from '../../../shared/export.js';
import { LABELLED_DOB, NHS_NUMBER, POSTCODE, STREET_ADDRESS } from './identifiers.js';
import type { CaseIdentifiers } from './pseudonymiser.js';

export interface OutputText {
  where: string;
  text: string;
}

export const MAX_FINDINGS = 50;

/** The check fed one text at a time, so an export can run it over rows as they stream past. */
export class ResidualScanner {
  readonly findings: ResidualFinding[] = [];
  private readonly seen = new Set<string>();
  private readonly checks: [ResidualFinding['kind'], RegExp][];

  constructor(ids: CaseIdentifiers) {
    const all: [ResidualFinding['kind'], RegExp | null][] = [
      ['name', ids.names],
      ['dob', LABELLED_DOB],
      ['dob', ids.dobs],
      ['nhs_number', NHS_NUMBER],
      ['address', ids.addresses],
      ['address', STREET_ADDRESS],
      ['postcode', POSTCODE],
    ];
    // Own global copies, compiled once: matchAll would clone (recompile) each regex for every
    // text, which dominated the cost of a large export.
    this.checks = all
      .filter((c): c is [ResidualFinding['kind'], RegExp] => c[1] !== null)
      .map(([kind, re]) => [kind, new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)]);
  }

  /** False once MAX_FINDINGS are found: nothing more is looked for. */
  get open(): boolean {
    return this.findings.length < MAX_FINDINGS;
  }

  add(t: OutputText): boolean {
    if (!t.text || !this.open) return this.open;
    for (const [kind, re] of this.checks) {
      re.lastIndex = 0;
      for (let m = re.exec(t.text); m !== null; m = re.exec(t.text)) {
        // Past an empty match, as matchAll does.
        if (m[0] === '') re.lastIndex++;
        const key = `${kind}|${m[0].toLowerCase()}|${t.where}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        this.findings.push({ kind, found: m[0], where: t.where });
        if (!this.open) return false;
      }
    }
    return true;
  }
}

export function residualCheck(texts: Iterable<OutputText>, ids: CaseIdentifiers): ResidualFinding[] {
  const scanner = new ResidualScanner(ids);
  for (const t of texts) if (!scanner.add(t)) break;
  return scanner.findings;
}

export function describeFindings(findings: ResidualFinding[]): string {
  const label: Record<ResidualFinding['kind'], string> = { name: 'name', dob: 'date of birth', nhs_number: 'NHS number', address: 'address', postcode: 'postcode' };
  const lines = findings.slice(0, 20).map((f) => `${label[f.kind]} "${f.found}" in ${f.where}`);
  const more = findings.length > 20 ? `; and ${findings.length - 20}${findings.length >= MAX_FINDINGS ? '+' : ''} more` : '';
  return `${lines.join('; ')}${more}`;
}
