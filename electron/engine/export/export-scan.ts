// What the whole output must be read for: the residual check of a pseudonymised export (it
// refuses one that still identifies someone) and the key of abbreviations the output uses. Fed
// a row at a time, so neither needs the chronology in memory.
import type { ResidualFinding } from '../../../shared/export.js';
import type { CaseIdentifiers } from '../pseudonymise/pseudonymiser.js';
import { ResidualScanner } from '../pseudonymise/residual-check.js';
import { AbbreviationFinder, headTexts, type Abbreviation, type ExportHead, type ExportRow } from './chronology-table.js';

export class OutputScan {
  private readonly finder = new AbbreviationFinder();
  private readonly residual: ResidualScanner | null;
  private n = 0;

  /** `ids` only for a pseudonymised export: a plain one is not checked. */
  constructor(
    private readonly head: ExportHead,
    ids: CaseIdentifiers | null,
  ) {
    this.residual = ids ? new ResidualScanner(ids) : null;
    // The head is checked first, as it comes first in the output.
    if (this.residual) for (const t of headTexts(head)) this.residual.add(t);
  }

  add(r: ExportRow): void {
    this.n++;
    const cols = this.head.columns;
    this.finder.add(cols.map((c) => r[c.key]).join(' '));
    if (this.residual?.open) {
      for (const c of cols) {
        const text = r[c.key];
        if (text) this.residual.add({ where: `row ${this.n}, ${c.header}`, text });
      }
    }
  }

  findings(): ResidualFinding[] {
    return this.residual?.findings ?? [];
  }

  abbreviations(): Abbreviation[] {
    return this.finder.found();
  }
}
