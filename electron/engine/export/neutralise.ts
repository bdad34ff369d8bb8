// Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return before
// one) as a formula. Agency text is untrusted, so such cells get a leading apostrophe: shown as
// text, never run (the OWASP advice for CSV injection, applied to XLSX too).
const TRIGGERS = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return TRIGGERS.test(cell) ? `'${cell}` : cell;
}
