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

export function residualCheck(texts: OutputText[], ids: CaseIdentifiers): ResidualFinding[] {
  const checks: [ResidualFinding['kind'], RegExp | null][] = [
    ['name', ids.names],
    ['dob', LABELLED_DOB],
    ['dob', ids.dobs],
    ['nhs_number', NHS_NUMBER],
    ['address', ids.addresses],
    ['address', STREET_ADDRESS],
    ['postcode', POSTCODE],
  ];
  const findings: ResidualFinding[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    if (!t.text) continue;
    for (const [kind, re] of checks) {
      if (!re) continue;
      // matchAll works on a copy of the (global) regex, so one regex serves every text.
      for (const m of t.text.matchAll(re)) {
        const key = `${kind}|${m[0].toLowerCase()}|${t.where}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({ kind, found: m[0], where: t.where });
        if (findings.length >= MAX_FINDINGS) return findings;
      }
    }
  }
  return findings;
}

export function describeFindings(findings: ResidualFinding[]): string {
  const label: Record<ResidualFinding['kind'], string> = { name: 'name', dob: 'date of birth', nhs_number: 'NHS number', address: 'address', postcode: 'postcode' };
  const lines = findings.slice(0, 20).map((f) => `${label[f.kind]} "${f.found}" in ${f.where}`);
  const more = findings.length > 20 ? `; and ${findings.length - 20}${findings.length >= MAX_FINDINGS ? '+' : ''} more` : '';
  return `${lines.join('; ')}${more}`;
}
