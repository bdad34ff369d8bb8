// Overwrite, then unlink. On a spinning disk or a plain file system this destroys the bytes; on
// SSDs (wear levelling), copy-on-write or journalling file systems (APFS, btrfs, ZFS), snapshots
// and cloud-synced folders, old copies of the blocks can survive an overwrite. That is why the
// case should be encrypted from the start: then every leftover block is ciphertext.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fsyncPath } from './case-paths.js';

export interface DeletedFile {
  file: string;
  bytes: number;
  overwritten: boolean;
}

const CHUNK = 1024 * 1024;

/** Overwrite each file in place with random bytes, flush, then unlink it. Missing files are skipped. */
export function secureDelete(files: string[]): DeletedFile[] {
  const done: DeletedFile[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const bytes = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    try {
      const block = Buffer.alloc(Math.min(CHUNK, Math.max(bytes, 1)));
      for (let pos = 0; pos < bytes; pos += block.length) {
        crypto.randomFillSync(block);
        fs.writeSync(fd, block, 0, Math.min(block.length, bytes - pos), pos);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.unlinkSync(file);
    done.push({ file, bytes, overwritten: true });
  }
  const dirs = new Set(done.map((d) => d.file.replace(/[\\/][^\\/]*$/, '') || '.'));
  for (const d of dirs) fsyncPath(d);
  return done;
}
