// Builds the binary files the format tests need: a minimal zip writer (so DOCX files and hostile
// archives can be made byte by byte), Word documents with tables, and XLSX workbooks via exceljs.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Store uncompressed instead of deflating. */
  store?: boolean;
  /** Lie in the headers about the inflated size (a hostile archive). */
  declaredSize?: number;
}

/** A plain zip archive (no data descriptors), central directory at the end. */
export function makeZip(parts: ZipPart[], opts: { hidden?: ZipPart } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const local = (p: ZipPart): { header: Buffer; body: Buffer; crc: number; size: number; method: number } => {
    const raw = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const method = p.store ? 0 : 8;
    const body = p.store ? raw : zlib.deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? raw.length;
    const crc = zlib.crc32(raw);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return { header: Buffer.concat([h, name]), body, crc, size, method };
  };
  if (opts.hidden) {
    // An entry present in the file but not listed in the central directory.
    const l = local(opts.hidden);
    chunks.push(l.header, l.body);
    offset += l.header.length + l.body.length;
  }
  for (const p of parts) {
    const l = local(p);
    const name = Buffer.from(p.name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(l.method, 10);
    c.writeUInt32LE(l.crc >>> 0, 16);
    c.writeUInt32LE(l.body.length, 20);
    c.writeUInt32LE(l.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([c, name]));
    chunks.push(l.header, l.body);
    offset += l.header.length + l.body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One table cell: lines become paragraphs; `span` merges columns. */
export type DocCell = string | { text: string; span?: number };

function cellXml(c: DocCell): string {
  const { text, span } = typeof c === 'string' ? { text: c, span: 1 } : { text: c.text, span: c.span ?? 1 };
  const paras = text.split('\n').map((line) => {
    // Split each line into two runs to prove runs are joined, and keep tabs as w:tab.
    const parts = line.split('\t').map((t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`);
    return `<w:p>${parts.join('<w:r><w:tab/></w:r>')}</w:p>`;
  });
  const props = span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : '';
  return `<w:tc>${props}${paras.join('')}</w:tc>`;
}

export function tableXml(rows: DocCell[][]): string {
  return `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map(cellXml).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** document.xml text for paragraphs and tables in order. */
export function documentXml(blocks: (string | DocCell[][])[]): string {
  const body = blocks.map((b) => (typeof b === 'string' ? `<w:p><w:r><w:t>${esc(b)}</w:t></w:r></w:p>` : tableXml(b))).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    '<w:sectPr/></w:body></w:document>'
  );
}

export function makeDocx(blocks: (string | DocCell[][])[], extra: ZipPart[] = []): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', data: documentXml(blocks) },
    ...extra,
  ]);
}

/** An XLSX workbook built with exceljs; `build` fills it. */
export async function makeXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
