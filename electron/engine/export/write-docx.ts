// DOCX written as a stream: the WordprocessingML (docx-xml.ts) is produced a row at a time and
// deflated into the zip as it goes, so a chronology of 100,000 entries never exists as an object
// model or as one string. Cover page (title, what the export holds, the keys), then the
// chronology as a landscape table whose header repeats on every page, key episodes shaded.
import { Readable } from 'node:stream';
import archiver from 'archiver';
import { collect } from './export-progress.js';
import type { WriterInput } from './export-writer.js';
import { CONTENT_TYPES, coreXml, DOCUMENT_END, DOCUMENT_RELS, documentStart, PACKAGE_RELS, rowWriter, STYLES, TABLE_WIDTH } from './docx-xml.js';
import { documentView } from './document-view.js';

/** Bytes of XML gathered before they go to the zip: big enough to keep zlib busy, small enough not to matter. */
const CHUNK = 1 << 16;

async function* documentXml({ head, rows, abbreviations }: WriterInput): AsyncGenerator<Buffer> {
  const v = documentView(head);
  const total = v.widths.reduce((a, b) => a + b, 0);
  const widths = v.widths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const row = rowWriter(widths);
  let xml = documentStart(head, abbreviations(), v.headers, widths);
  for await (const r of rows) {
    const { cells, key } = v.row(r);
    xml += row(cells, key);
    if (xml.length >= CHUNK) {
      yield Buffer.from(xml, 'utf8');
      xml = '';
    }
  }
  yield Buffer.from(xml + DOCUMENT_END, 'utf8');
}

export async function toDocx(input: WriterInput): Promise<Uint8Array> {
  // Level 1 deflates several times faster than the default and the XML still shrinks about 20-fold.
  const zip = archiver('zip', { zlib: { level: 1 } });
  const document = Readable.from(documentXml(input), { objectMode: false });
  const bytes = collect(zip);
  const failed = new Promise<never>((_, reject) => {
    // A cancel or a failed row ends the document stream with an error: the zip is abandoned.
    document.on('error', reject);
    zip.on('error', reject);
    zip.on('warning', reject);
  });
  // Whichever loses the race below must not surface later as an unhandled rejection.
  failed.catch(() => {});
  bytes.catch(() => {});
  zip.append(CONTENT_TYPES, { name: '[Content_Types].xml' });
  zip.append(PACKAGE_RELS, { name: '_rels/.rels' });
  zip.append(coreXml(input.head.title, input.head.generatedAt), { name: 'docProps/core.xml' });
  zip.append(DOCUMENT_RELS, { name: 'word/_rels/document.xml.rels' });
  zip.append(STYLES, { name: 'word/styles.xml' });
  zip.append(document, { name: 'word/document.xml' });
  void zip.finalize().catch(() => {});
  try {
    return await Promise.race([bytes, failed]);
  } catch (err) {
    zip.abort();
    document.destroy();
    throw err;
  }
}
