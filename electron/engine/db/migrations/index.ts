// Ordered schema migrations. Append only: a migration that has shipped is never edited.
import m0001 from './0001-spine.js';
import m0002 from './0002-people.js';
import m0003 from './0003-audit.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'spine', sql: m0001 },
  { version: 2, name: 'people', sql: m0002 },
  { version: 3, name: 'audit', sql: m0003 },
];
