// Opens an XLSX/DOCX container defensively. Before any part is parsed the whole archive is proven
// harmless: declared sizes and compression ratios under the caps, no encrypted parts, no hidden
// bytes between the listed parts (a second reader could find a bomb there), and every part
// actually inflated once with a running total (yauzl also refuses a part that inflates past the
// size its header declares). Only then do the XLSX/DOCX readers see it.
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';

export interface SafeArchive {
  names: string[];
  /** The inflated bytes of one part (at most `maxBytes`), or null when absent. */
  read(name: string, maxBytes: number): Promise<Buffer | null>;
  close(): void;
}

const DATA_DESCRIPTOR_SIG = 0x08074b50;

export async function openSafeArchive(file: string, label: string): Promise<SafeArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw new JigsawError('unreadable_file', `${label}: looks like a spreadsheet or Word file but is damaged or truncated (${(err as Error).message})`);
  }
  try {
    const centralDirectoryOffset = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    const entries = await readEntries(zip, label);
    await checkContiguous(zip, entries, centralDirectoryOffset, label);
    await inflateAll(zip, entries, label);
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    return {
      names: [...byName.keys()],
      read: async (name, maxBytes) => {
        const e = byName.get(name);
        if (!e) return null;
        if (e.uncompressedSize > maxBytes) throw tooBig(label, name, maxBytes);
        return collect(await zip.openReadStreamPromise(e), maxBytes, label, name);
      },
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    if (err instanceof JigsawError) throw err;
    throw new JigsawError('unreadable_file', `${label}: the archive is damaged or truncated (${(err as Error).message})`);
  }
}

function refuse(label: string, why: string): JigsawError {
  return new JigsawError('hostile_file', `${label}: refused: ${why}`);
}

function tooBig(label: string, part: string, cap: number): JigsawError {
  return refuse(label, `its part ${part} inflates past ${Math.round(cap / 2 ** 20)} MB`);
}

async function readEntries(zip: ZipFile, label: string): Promise<Entry[]> {
  if (zip.entryCount > LIMITS.maxArchiveEntries) throw refuse(label, `it holds ${zip.entryCount} parts (limit ${LIMITS.maxArchiveEntries})`);
  const entries: Entry[] = [];
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => {
      try {
        if (e.isEncrypted()) throw refuse(label, 'it is password-protected; save an unprotected copy');
        if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw refuse(label, `part ${e.fileName} uses an unsupported compression`);
        declared += e.uncompressedSize;
        if (e.uncompressedSize > LIMITS.maxInflatedBytes || declared > LIMITS.maxInflatedBytes) {
          throw refuse(label, `its contents would inflate past ${LIMITS.maxInflatedBytes / 2 ** 20} MB (a "zip bomb")`);
        }
        const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
        if (e.uncompressedSize > LIMITS.ratioCheckFromBytes && ratio > LIMITS.maxCompressionRatio) {
          throw refuse(label, `part ${e.fileName} is compressed ${Math.round(ratio)}:1 (limit ${LIMITS.maxCompressionRatio}:1), as zip bombs are`);
        }
        entries.push(e);
        zip.readEntry();
      } catch (err) {
        reject(err as Error);
      }
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** The listed parts must tile the file up to the central directory: no unlisted bytes. */
async function checkContiguous(zip: ZipFile, entries: Entry[], centralDirectoryOffset: number, label: string): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  for (const e of sorted) {
    if (e.relativeOffsetOfLocalHeader !== expected) throw refuse(label, 'it holds data not listed in its table of contents');
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
    let end = fileDataStart + e.compressedSize;
    if (e.generalPurposeBitFlag & 0x8) end += await descriptorLength(zip, end);
    expected = end;
  }
  if (expected !== centralDirectoryOffset) throw refuse(label, 'it holds data not listed in its table of contents');
}

/** A data descriptor follows streamed parts: 12 or 16 bytes (zip64: 20 or 24). */
async function descriptorLength(zip: ZipFile, at: number): Promise<number> {
  const reader = (zip as unknown as { reader: { createReadStream(o: { start: number; end: number }): NodeJS.ReadableStream } }).reader;
  const head = await collect(reader.createReadStream({ start: at, end: at + 4 }) as never, 4, '', '');
  return head.length === 4 && head.readUInt32LE(0) === DATA_DESCRIPTOR_SIG ? 16 : 12;
}

async function inflateAll(zip: ZipFile, entries: Entry[], label: string): Promise<void> {
  let total = 0;
  for (const e of entries) {
    const stream = await zip.openReadStreamPromise(e);
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > LIMITS.maxInflatedBytes) {
        stream.destroy();
        throw refuse(label, `its contents inflate past ${LIMITS.maxInflatedBytes / 2 ** 20} MB (a "zip bomb")`);
      }
    }
  }
}

async function collect(stream: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number, label: string, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += chunk.length;
    if (n > maxBytes) {
      stream.destroy();
      throw tooBig(label, name, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parts of an archive already proven harmless by openSafeArchive, streamed one by one. */
export interface ArchiveParts {
  /** The inflated part as a stream, or null when the archive has no such part. */
  stream(name: string): Promise<Readable | null>;
  close(): void;
}

/** Opens the archive again for its parts (the checks of openSafeArchive are not repeated). */
export async function openParts(file: string): Promise<ArchiveParts> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  const byName = new Map<string, Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: Entry) => {
        byName.set(e.fileName, e);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    stream: async (name) => {
      const e = byName.get(name);
      return e ? zip.openReadStreamPromise(e) : null;
    },
    close: () => zip.close(),
  };
}
