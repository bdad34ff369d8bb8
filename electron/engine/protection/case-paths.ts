// The files that make up one case on disk: the case itself and SQLite's companions, which can hold
// recent changes (-wal), a page index (-shm) or old pages (-journal) of the same data.
import fs from 'node:fs';

export const SIDECAR_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** The case file and whichever of its companions exist now. */
export function caseFilesOnDisk(file: string): string[] {
  return [file, ...SIDECAR_SUFFIXES.map((s) => file + s)].filter((f) => fs.existsSync(f));
}

/** Flush a file's bytes (and, where the platform allows, its directory entry) to the disk. */
export function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync on Windows; the data itself was synced already.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
