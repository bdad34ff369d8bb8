// Reads a few small named parts out of an XLSX or DOCX (both are zip files) without unpacking the
// rest, so recognising a template costs little even on a large spreadsheet.
import fs from 'node:fs';
import yauzl from 'yauzl';

const MAX_PART_BYTES = 4 * 1024 * 1024;

export function isZip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(4);
    return fs.readSync(fd, b, 0, 4, 0) === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  } finally {
    fs.closeSync(fd);
  }
}

/** The named parts that exist (each at most 4 MB uncompressed), as text. Unreadable zip: empty map. */
export function readZipParts(file: string, names: string[]): Promise<Map<string, string>> {
  const wanted = new Set(names);
  const found = new Map<string, string>();
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(found);
      zip.on('error', () => resolve(found));
      zip.on('end', () => resolve(found));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted.has(entry.fileName) || entry.uncompressedSize > MAX_PART_BYTES) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return zip.readEntry();
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => zip.readEntry());
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            if (found.size === wanted.size) {
              zip.close();
              resolve(found);
            } else zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
