// Ordered schema migrations. Append only: a migration that has shipped is never edited.
import m0001 from './0001-spine.js';
import m0002 from './0002-people.js';
import m0003 from './0003-audit.js';
import m0004 from './0004-signals.js';
import m0005 from './0005-annotations.js';
import m0006 from './0006-review.js';
import m0007 from './0007-timeline.js';
import m0008 from './0008-import.js';
import m0009 from './0009-record-mentions.js';
import m0010 from './0010-extract-title.js';
import m0011 from './0011-row-line.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'spine', sql: m0001 },
  { version: 2, name: 'people', sql: m0002 },
  { version: 3, name: 'audit', sql: m0003 },
  { version: 4, name: 'signals', sql: m0004 },
  { version: 5, name: 'annotations', sql: m0005 },
  { version: 6, name: 'review', sql: m0006 },
  { version: 7, name: 'timeline', sql: m0007 },
  { version: 8, name: 'import', sql: m0008 },
  { version: 9, name: 'record mentions', sql: m0009 },
  { version: 10, name: 'extract title', sql: m0010 },
  { version: 11, name: 'row line', sql: m0011 },
];
