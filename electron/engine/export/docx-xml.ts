// The WordprocessingML pieces of the chronology DOCX, as strings: the package parts, the cover
// page and one string per table row. Every text is XML-escaped and stripped of the characters
// XML cannot hold (agency extracts carry stray control characters), so the file always opens.
import type { Abbreviation, ExportHead } from './chronology-table.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates are not XML characters.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const NEEDS_WORK = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const WORK = /[&<>"]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside an element or a double-quoted attribute. */
export function xmlText(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(WORK, (c) => ENTITIES[c] ?? '') : s;
}

export const CONTENT_TYPES =
  `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

export const PACKAGE_RELS =
  `${DECL}<Relationships xmlns="${REL}">` +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  '</Relationships>';

export const DOCUMENT_RELS = `${DECL}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`;

const heading = (id: string, name: string, size: number, level: number): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${level >= 0 ? `<w:outlineLvl w:val="${level}"/>` : ''}</w:pPr>` +
  `<w:rPr>${level >= 0 ? '<w:color w:val="2E74B5"/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

/** Just the styles the document uses: body text, title, two headings and the table default. */
export const STYLES =
  `${DECL}<w:styles xmlns:w="${W}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  heading('Title', 'Title', 56, -1) +
  heading('Heading1', 'heading 1', 32, 0) +
  heading('Heading2', 'heading 2', 26, 1) +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '</w:styles>';

export function coreXml(title: string, created: string): string {
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>Jigsaw</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${xmlText(created)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A4 landscape with half-inch margins; the table fills the width between them (twentieths of a point). */
const SECTION = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="708" w:footer="708" w:gutter="0"/>';
export const TABLE_WIDTH = 16838 - 1440;
const BORDERS =
  '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>';

/** The runs of one text, its lines joined by line breaks (one paragraph however many lines). */
function runs(text: string, rPr: string): string {
  const lines = (text || ' ').split(/\r\n|\r|\n/);
  let out = `<w:r>${rPr}`;
  for (const [i, l] of lines.entries()) out += `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(l)}</w:t>`;
  return `${out}</w:r>`;
}

function paragraph(text: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs(text, '')}</w:p>`;
}

const CELL_TEXT = '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>';
const HEADER_TEXT = '<w:rPr><w:b/><w:bCs/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>';

function keyTable(headers: [string, string], rows: [string, string][]): string {
  const cell = (text: string, rPr: string): string => `<w:tc><w:tcPr><w:tcW w:w="2500" w:type="pct"/></w:tcPr><w:p>${runs(text, rPr)}</w:p></w:tc>`;
  const row = (cells: [string, string], rPr: string): string => `<w:tr>${cells.map((c) => cell(c, rPr)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="3000" w:type="pct"/>${BORDERS}</w:tblPr><w:tblGrid><w:gridCol w:w="4619"/><w:gridCol w:w="4619"/></w:tblGrid>${row(headers, HEADER_TEXT)}${rows.map((r) => row(r, CELL_TEXT)).join('')}</w:tbl>`;
}

/** Everything before the first row of the chronology: the cover page, then the table and its repeating header row. */
export function documentStart(h: ExportHead, abbreviations: Abbreviation[], headers: string[], widths: number[]): string {
  let xml = `${DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`;
  xml += paragraph(h.title, 'Title');
  xml += paragraph(`${h.reviewType}: integrated chronology`, 'Heading2');
  for (const n of h.notes) xml += paragraph(n);
  xml += paragraph(`Prepared by ${h.preparedBy.name} (${h.preparedBy.role}) on ${h.generatedAt.slice(0, 10)} with Jigsaw.`);
  xml += paragraph('Entries marked KEY (shaded) are key episodes.');
  if (h.pseudonymKey.length) {
    xml += paragraph('Key of pseudonyms', 'Heading2');
    xml += keyTable(['Pseudonym', 'Who'], h.pseudonymKey.map((k) => [k.pseudonym, k.description]));
  }
  if (abbreviations.length) {
    xml += paragraph('Key of abbreviations', 'Heading2');
    xml += keyTable(['Abbreviation', 'Meaning'], abbreviations.map((a) => [a.abbreviation, a.meaning]));
  }
  // The cover is its own section, so the chronology starts on a new page.
  xml += `<w:p><w:pPr><w:sectPr>${SECTION}</w:sectPr></w:pPr></w:p>`;
  xml += paragraph('Integrated chronology', 'Heading1');
  // A fixed layout: Word lays out a table of thousands of rows without measuring every cell first.
  xml += `<w:tbl><w:tblPr><w:tblW w:w="${TABLE_WIDTH}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`;
  for (const w of widths) xml += `<w:gridCol w:w="${w}"/>`;
  xml += '</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>';
  for (const [i, head] of headers.entries()) xml += `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:tcPr><w:p>${runs(head, HEADER_TEXT)}</w:p></w:tc>`;
  return `${xml}</w:tr>`;
}

/** Builds the XML of one chronology row; the cell properties, the same for every row, are made once. */
export function rowWriter(widths: number[]): (cells: string[], key: boolean) => string {
  const plain = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr><w:p>`);
  const shaded = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:tcPr><w:p>`);
  return (cells, key) => {
    const open = key ? shaded : plain;
    let xml = '<w:tr>';
    for (const [i, c] of cells.entries()) xml += `${open[i]}${runs(c, CELL_TEXT)}</w:p></w:tc>`;
    return `${xml}</w:tr>`;
  };
}

export const DOCUMENT_END = `</w:tbl><w:sectPr>${SECTION}</w:sectPr></w:body></w:document>`;
