// Ordered schema migrations. Append only: a migration that has shipped is never edited.
import m0001 from './0001-spine.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'spine', sql: m0001 },
];
