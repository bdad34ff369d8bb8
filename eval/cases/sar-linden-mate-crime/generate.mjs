// Generator for the blind evaluation case sar-linden-mate-crime (fictional).
// Run: cd /work/main && node eval/cases/sar-linden-mate-crime/generate.mjs
// Deterministic: no random numbers, no current dates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as docx from 'docx';
import JSZip from 'jszip';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const CASE = 'sar-linden-mate-crime';

// ---------- helpers ----------
function nhsCheck(nine) {
  const ds = nine.split('').map(Number);
  const sum = ds.reduce((a, d, i) => a + d * (10 - i), 0);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  if (c === 10) throw new Error('invalid NHS base ' + nine);
  return nine + c;
}
const NHS = nhsCheck('485777302');
const NHS_SP = `${NHS.slice(0, 3)} ${NHS.slice(3, 6)} ${NHS.slice(6)}`;

const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ud = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
const addDays = (iso, n) => { const d = ud(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const dmy = (iso, sep = '/', yy = false) => { const [y, m, d] = iso.split('-'); return [d, m, yy ? y.slice(2) : y].join(sep); };
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dMonYY = (iso) => { const [y, m, d] = iso.split('-'); return `${d}-${MON[+m - 1]}-${y.slice(2)}`; };
const monthEnd = (ym) => { const [y, m] = ym.split('-').map(Number); return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10); };
function london(isoZ) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(isoZ)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

// labels accumulate here
const labelRows = [];
const linkMap = new Map(); // linkId -> [[file,row]]
const clusterMap = new Map(); // clusterId -> [[file,row]]
const rowText = new Map(); // file -> Map(row -> text) (filled by read-back)
const extracts = [];

// Each spec row: { v: cells, k: key, d: date, to, t: time, p: precision, who, s: signal, ab, L, C, st, why, id, dup }
function labelFor(file, rowNo, r, idRow) {
  if (r.st === 'bad') return { file, row: rowNo, key: r.k, status: 'bad', badReason: r.why };
  if (r.st === 'dup') return { file, row: rowNo, key: r.k, status: 'duplicate', duplicateOf: idRow[r.dup] };
  if (r.st === 'divider') return { file, row: rowNo, key: r.k, status: 'divider' };
  const lab = {
    file, row: rowNo, key: r.k, status: 'entry', date: r.d, dateTo: r.to || r.d, time: r.t || null,
    precision: r.p || 'day', people: r.who || ['P1'], signal: r.s,
  };
  if (!['concern', 'response', 'routine'].includes(r.s)) throw new Error(`bad signal ${file}:${rowNo}`);
  if (r.s === 'concern') lab.concernAbout = r.ab || 'P1';
  return lab;
}
function register(file, agency, notes, specs, rowNos) {
  extracts.push({ file, agency, notes });
  const idRow = {};
  specs.forEach((r, i) => { if (r.id) idRow[r.id] = rowNos[i]; });
  specs.forEach((r, i) => {
    if (r.st === 'dup') { const o = specs.find((x) => x.id === r.dup); r.k = o.k; }
    labelRows.push(labelFor(file, rowNos[i], r, idRow));
    for (const l of [].concat(r.L || [])) { if (!linkMap.has(l)) linkMap.set(l, []); linkMap.get(l).push([file, rowNos[i]]); }
    for (const c of [].concat(r.C || [])) { if (!clusterMap.has(c)) clusterMap.set(c, []); clusterMap.get(c).push([file, rowNos[i]]); }
  });
}
const dupOf = (specs, id) => { const o = specs.find((x) => x.id === id); return { v: [...o.v], st: 'dup', dup: id }; };

// =====================================================================
// 1. Community Learning Disability Team (XLSX, title rows, real + text dates)
// =====================================================================
const CLDT_FILE = 'cldt-chronology.xlsx';
const D = 'D'; // marker: write r.d as a real Excel date
const cldt = [
  { v: [D, 'Annual review', 'CLDT nurse', 'Annual CLDT review at home. SU well, happy with Willowbank 3x wk. Diabetes managed by surgery.', 'Continue 3-monthly contact'], d: '2021-11-16', st: 'bad', why: 'outside_review_period', k: 'Annual CLDT review at home' },
  { v: [D, 'Letter', 'Admin', 'Appt letter sent for health action plan review 17/02.', ''], d: '2022-02-03', s: 'routine', k: 'Appt letter sent for health action plan' },
  { v: [D, 'Home visit', 'CLDT nurse', 'Health action plan reviewed. Wt 84kg. Flat clean and tidy. SU says "all good".', 'Review 3 months'], d: '2022-02-17', s: 'routine', k: 'Health action plan reviewed' },
  { v: [D, 'Telephone', 'CLDT nurse', 'Tel call to SU re glucose diary - SU says he has been doing it "most days".', 'Encouraged'], d: '2022-04-07', s: 'routine', k: 'glucose diary' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV. SU proud of new TV. Talked about Willowbank trip to the coast. Wt 84kg.', 'Next visit July'], d: '2022-05-19', s: 'routine', k: 'proud of new TV' },
  { v: ['?14/06/2022', 'Telephone', 'CLDT nurse', 'Call from Willowbank key worker - G has some "new mates" he is spending a lot of time with. No concerns raised at this point, just FYI.', 'Will ask SU at next HV'], d: '2022-06-14', s: 'response', L: 'L01', k: 'new mates" he is spending a lot of time with' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - SU had 2 visitors present (Kai and a female, Stacey). SU reluctant to talk in front of them, kept looking at Kai before answering. Wt 83kg.', 'Try to see SU alone next time'], d: '2022-06-30', s: 'concern', who: ['P1', 'P3', 'P4'], k: 'SU reluctant to talk in front of them' },
  { v: ['05.07.2022', 'Telephone', 'CLDT nurse', 'Tel SU to arrange visit alone. SU said he is "busy with his mates" this week.', 'Rebook'], d: '2022-07-05', s: 'routine', k: 'busy with his mates' },
  { v: [D, 'Email', 'CLDT nurse', 'Email from ASC duty: s42 safeguarding concern re possible financial abuse. CLDT invited to multi-agency meeting 17/08.', 'Attend'], d: '2022-08-12', s: 'response', L: 'L05', k: 'Email from ASC duty: s42' },
  { v: [D, 'Meeting', 'CLDT nurse', 'Multi-agency safeguarding mtg at ASC (ASC chair, police PPU, Corran Homes, CLDT). Plan: ASC to arrange appointee/money mgmt; LD nurse fortnightly visits; police to speak to Kyle BRANNAN; housing to monitor visitors.', 'Fortnightly HVs from 22/08'], d: '2022-08-17', s: 'response', who: ['P1', 'P3'], L: 'L06', k: 'Multi-agency safeguarding mtg at ASC' },
  { v: [D, 'Joint visit', 'CLDT nurse', 'Joint visit with Corran Homes housing officer. SU seen alone. Said Kai "borrows" money but is his best friend. Agreed to his card being held under ASC money mgmt.', 'Continue fortnightly'], d: '2022-08-22', s: 'response', who: ['P1', 'P3'], L: 'L07', k: 'Joint visit with Corran Homes housing officer' },
  { v: [D, 'Home visit', 'CLDT nurse', 'Fortnightly visit. No visitors. SU says Kai not been round "since the police spoke to him".', ''], d: '2022-09-05', s: 'routine', who: ['P1', 'P3'], k: 'since the police spoke to him' },
  { v: [D, 'Home visit', 'CLDT nurse', 'Fortnightly visit. Flat tidy, food in fridge. Money mgmt working, SU gets his spends weekly.', ''], d: '2022-09-19', s: 'routine', k: 'food in fridge' },
  { v: [D, 'Meeting', 'CLDT nurse', 's42 review/closure meeting - risk reduced, SU happy with money mgmt. s42 closed by ASC.', 'CLDT visits back to monthly'], d: '2022-10-06', s: 'response', L: 'L08', k: 's42 review/closure meeting' },
  { v: ['Date', 'Contact type', 'Practitioner', 'Entry', 'Outcome / plan'], st: 'divider', k: 'Outcome / plan' },
  { v: [D, 'Home visit', 'CLDT nurse', 'Routine monthly visit, SU well. Talking about Christmas at Janice\'s (sister).', ''], d: '2022-11-10', s: 'routine', who: ['P1', 'P2'], k: 'Christmas at Janice' },
  { v: [D, 'Telephone', 'CLDT nurse', 'Tel SU - confirmed he is going to his sister\'s 23/12 to 27/12.', ''], d: '2022-12-08', s: 'routine', who: ['P1', 'P2'], k: 'confirmed he is going to his sister' },
  { v: [D, 'Annual review', 'CLDT nurse', 'Annual review at home with ASC reviewing officer. Care plan continues: Willowbank 3 days, money mgmt, domestic support 1hr. No concerns raised.', 'Next review Jan 24'], d: '2023-01-12', s: 'routine', L: 'L09', C: 'K2', k: 'Annual review at home with ASC reviewing officer' },
  { v: [D, 'Health', 'CLDT nurse', 'Accompanied SU to annual LD health check at Linden Road Surgery. Wt 81.5kg.', ''], d: '2023-01-24', s: 'routine', L: 'L10', C: 'K2', k: 'Accompanied SU to annual LD health check' },
  { v: [null, null, null, null, null], st: 'bad', why: 'empty_row', k: '' },
  { v: ['14/03/23', 'Home visit', 'CLDT nurse', 'HV - no reply. Music on inside and voices heard. Card left.', 'Rebook'], d: '2023-03-14', s: 'concern', C: 'C2', k: 'Music on inside and voices heard' },
  { v: [D, 'Telephone', 'CLDT nurse', 'Tel to SU - a male answered ("Deano"), said Gaz was asleep. Will try again.', ''], d: '2023-03-28', s: 'concern', who: ['P1', 'P5'], C: 'C2', k: 'said Gaz was asleep' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - Kai answered door, said SU "out at the shop". Did not see SU. Strong smell of cannabis from doorway.', 'Rebook'], d: '2023-04-04', s: 'concern', who: ['P1', 'P3'], C: 'C2', k: 'Kai answered door' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - seen SU. Tired. Bruise L forearm fading, says he fell off the bus step (has told GP). SU says he is "fine" and his mates "look after him". Wt 79kg.', 'Monthly'], d: '2023-04-18', s: 'concern', C: 'C2', k: 'his mates "look after him"' },
  { v: [D, 'Home visit', 'CLDT nurse', 'Monthly visit. SU alone. Says he is bored, has not been to Willowbank "for a bit".', 'Encouraged to go back'], d: '2023-05-16', s: 'concern', k: 'has not been to Willowbank' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - no reply. Letter left with new appt 13/06.', ''], d: '2023-06-06', s: 'concern', k: 'Letter left with new appt 13/06' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV 13/06 - seen briefly at door, SU said he had "people round". Declined visit.', 'Monthly'], d: '2023-06-13', s: 'concern', C: 'C3', k: 'had "people round"' },
  { v: [D, 'Telephone', 'CLDT nurse', 'Call from sister (Janice Cordery) - worried SU not answering his phone, thinks "friends" are staying at flat and he is "always skint". Advised SU is an adult with capacity and able to choose his friends.', 'Will mention at next visit'], d: '2023-07-11', s: 'concern', who: ['P1', 'P2'], C: 'C3', k: 'he is "always skint"' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - SU seen with Kai present. SU says Kai is his "best mate" and staying "for a bit". Discussed - SU able to understand and decide who stays at his flat, has capacity re this decision.', 'NFA'], d: '2023-07-18', s: 'concern', who: ['P1', 'P3'], C: 'C3', k: 'staying "for a bit"' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - no access. Curtains drawn. Neighbour said "there\'s always people there".', 'Rebook'], d: '2023-08-29', s: 'concern', C: 'C1', k: 'always people there' },
  { v: [D, 'Home visit', 'CLDT nurse', 'HV - no access x2 (am and pm). Card left.', 'To discuss at team mtg'], d: '2023-09-12', s: 'concern', C: 'C1', k: 'no access x2 (am and pm)' },
  { v: ['26/9/23', 'Telephone', 'CLDT nurse', 'Tel - spoke to SU briefly, sounded flat. Said he "fell over" last week but is ok now. Declined visit this week.', ''], d: '2023-09-26', s: 'concern', C: 'C1', k: 'sounded flat' },
  { v: [D, 'Meeting', 'CLDT team mtg', 'Discussed at CLDT allocations mtg - several no access visits. Plan: continue to offer visits, SU has capacity to decline.', 'Continue'], d: '2023-10-10', s: 'concern', C: 'C1', k: 'Discussed at CLDT allocations mtg' },
  { v: [D, 'Telephone', 'CLDT nurse', 'Informed by ASC by phone that SU passed away at Haverleigh General today following a fall on 15/10.', ''], d: '2023-10-16', s: 'response', L: 'L17', k: 'Informed by ASC by phone that SU passed away' },
  { v: [D, 'Closure', 'Team manager', 'Case closed - deceased. Records secured for SAR.', 'Closed'], d: '2023-10-20', s: 'routine', k: 'Case closed - deceased' },
  { v: [D, 'Letter', 'Team manager', 'Coroner\'s officer request for CLDT records received. Records sent 09/11.', ''], d: '2023-11-02', s: 'routine', k: 'Coroner\'s officer request for CLDT records' },
];

async function writeCldt() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CLDT admin';
  wb.created = new Date(Date.UTC(2023, 11, 4));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Chronology');
  ws.getCell('A1').value = 'Haverleigh Community Learning Disability Team';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `Chronology for Safeguarding Adults Review - SU: Gareth PELLOW   DOB 14/08/1979   NHS No ${NHS_SP}`;
  // row 3 left blank (spacer above header)
  const header = ['Date', 'Contact type', 'Practitioner', 'Entry', 'Outcome / plan'];
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  ws.columns = [{ width: 13 }, { width: 15 }, { width: 15 }, { width: 80 }, { width: 28 }];
  const rowNos = [];
  cldt.forEach((r, i) => {
    const n = 5 + i;
    rowNos.push(n);
    const row = ws.getRow(n);
    r.v.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      if (j === 0 && c === D) { cell.value = ud(r.d); cell.numFmt = 'dd/mm/yyyy'; }
      else if (c !== null && c !== '') cell.value = c;
    });
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    if (r.st === 'divider') row.font = { bold: true };
  });
  await wb.xlsx.writeFile(path.join(DIR, CLDT_FILE));
  register(CLDT_FILE, 'Community Learning Disability Team', 'XLSX export with two title rows and a spacer above the header (header row 4); mostly real Excel dates, some dates typed as text; repeated header row; blank row', cldt, rowNos);
}

// ==== MAIN ====
const SETTINGS = {
  periodFrom: '2022-01-01', periodTo: '2024-01-31',
  incident: { date: '2023-10-15', kind: 'death' },
};

// ---------- read-back readers ----------
const CP1252_EXTRA = { 0x80: '\u20ac', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x96: '\u2013', 0x97: '\u2014', 0x85: '\u2026' };
function encodeCp1252(str) {
  const rev = Object.fromEntries(Object.entries(CP1252_EXTRA).map(([b, ch]) => [ch, Number(b)]));
  const out = [];
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (rev[ch] !== undefined) out.push(rev[ch]);
    else if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else throw new Error('not encodable in cp1252: ' + ch);
  }
  return Buffer.from(out);
}
function decodeCp1252(buf) { let s = ''; for (const b of buf) s += CP1252_EXTRA[b] || String.fromCharCode(b); return s; }
function parseDelimited(text, delim) {
  // returns [{line, fields}] ; line = first line of the record (1-based)
  const recs = []; let i = 0, line = 1;
  while (i < text.length) {
    const start = line; const fields = []; let f = ''; let inQ = false;
    for (;;) {
      if (i >= text.length) { fields.push(f); break; }
      const ch = text[i];
      if (inQ) {
        if (ch === '"' && text[i + 1] === '"') { f += '"'; i += 2; continue; }
        if (ch === '"') { inQ = false; i++; continue; }
        if (ch === '\n') line++;
        f += ch; i++; continue;
      }
      if (ch === '"' && f === '') { inQ = true; i++; continue; }
      if (ch === delim) { fields.push(f); f = ''; i++; continue; }
      if (ch === '\r' && text[i + 1] === '\n') { i++; continue; }
      if (ch === '\n') { fields.push(f); i++; line++; break; }
      f += ch; i++;
    }
    recs.push({ line: start, fields });
  }
  return recs;
}
async function readBack(file, kind, headerRow = 1) {
  const p = path.join(DIR, file); const m = new Map();
  if (kind === 'xlsx') {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(p);
    const ws = wb.worksheets[0];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const vals = [];
      ws.getRow(r).eachCell({ includeEmpty: false }, (c) => { const v = c.value; vals.push(v instanceof Date ? v.toISOString().slice(0, 10) : String(v)); });
      m.set(r, vals.join(' | '));
    }
  } else if (kind === 'csv' || kind === 'tsv') {
    const buf = fs.readFileSync(p);
    let text = kind === 'tsv' ? decodeCp1252(buf) : buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const recs = parseDelimited(text, kind === 'tsv' ? '\t' : ',');
    for (const rec of recs.slice(1)) m.set(rec.line, rec.fields.join(' | ').replace(/^[ |]+$/, ''));
  } else if (kind === 'json') {
    const arr = JSON.parse(fs.readFileSync(p, 'utf8'));
    arr.forEach((o, i) => m.set(i + 1, Object.values(o).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' | ')));
  } else if (kind === 'docx') {
    const zip = await JSZip.loadAsync(fs.readFileSync(p));
    const xml = await zip.file('word/document.xml').async('string');
    const trs = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) || [];
    const dec = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    trs.forEach((tr, i) => {
      if (i === 0) return; // header row = 1
      const cells = (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) || []).map((tc) => dec((tc.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join('')));
      m.set(i + 1, cells.join(' | ').replace(/^[ |]+$/, ''));
    });
  }
  rowText.set(file, m);
}

async function main() {
  const kinds = [];
  await writeCldt(); kinds.push([CLDT_FILE, 'xlsx', 4]);
  if (typeof writeRest === 'function') for (const k of await writeRest()) kinds.push(k);
  for (const [f, k, h] of kinds) await readBack(f, k, h);

  // ---------- checks ----------
  const errs = [];
  const byFile = new Map();
  for (const l of labelRows) { if (!byFile.has(l.file)) byFile.set(l.file, new Map()); const fm = byFile.get(l.file); if (fm.has(l.row)) errs.push(`double label ${l.file}:${l.row}`); fm.set(l.row, l); }
  for (const [f, m] of rowText) {
    const fm = byFile.get(f) || new Map();
    for (const [r, txt] of m) {
      const l = fm.get(r);
      if (!l) { errs.push(`unlabelled row ${f}:${r} ${txt.slice(0, 60)}`); continue; }
      if (!txt.includes(l.key)) errs.push(`key not in row ${f}:${r} key=${l.key} text=${txt.slice(0, 80)}`);
      if (l.key === '' && txt !== '') errs.push(`empty key on non-empty row ${f}:${r}`);
      if (l.key !== '') for (const [r2, t2] of m) {
        if (r2 === r) continue; const l2 = fm.get(r2);
        const related = (l2 && l2.duplicateOf === r) || l.duplicateOf === r2 || (l.duplicateOf && l2 && l2.duplicateOf === l.duplicateOf);
        if (!related && t2.includes(l.key)) errs.push(`key not unique ${f}:${r} also in ${r2} key=${l.key}`);
      }
    }
    for (const r of fm.keys()) if (!m.has(r)) errs.push(`label for missing row ${f}:${r}`);
  }
  // real Excel dates read back as the labelled (or written) date
  for (const l of labelRows) if (l.file === DC_FILE || l.file === CLDT_FILE) {
    const spec = (l.file === DC_FILE ? dc : cldt)[l.row - (l.file === DC_FILE ? 2 : 5)];
    const real = l.file === DC_FILE ? !spec.blank : spec.v[0] === D;
    if (real && !rowText.get(l.file).get(l.row).startsWith(spec.d)) errs.push(`excel date mismatch ${l.file}:${l.row}`);
  }
  const entry = (f, r) => { const l = byFile.get(f)?.get(r); return l && l.status === 'entry' ? l : null; };
  for (const l of labelRows) if (l.status === 'entry') {
    if (l.date < SETTINGS.periodFrom || l.dateTo > SETTINGS.periodTo) errs.push(`entry outside period ${l.file}:${l.row}`);
    if (l.dateTo < l.date) errs.push(`dateTo<date ${l.file}:${l.row}`);
    for (const p of l.people) if (!PEOPLE.find((x) => x.ref === p)) errs.push(`unknown person ${p} ${l.file}:${l.row}`);
  }
  const links = [...linkMap.entries()].sort().map(([id, rows]) => {
    if (rows.length < 2) errs.push(`link ${id} has ${rows.length} rows`);
    for (const [f, r] of rows) if (!entry(f, r)) errs.push(`link ${id} row not entry ${f}:${r}`);
    return { why: LINK_WHY[id] || errs.push(`no why for ${id}`), rows };
  });
  const agencyOf = Object.fromEntries(extracts.map((e) => [e.file, e.agency]));
  const clusters = CLUSTERS.map((c) => {
    const rows = clusterMap.get(c.ref) || [];
    for (const [f, r] of rows) { const l = entry(f, r); if (!l) errs.push(`cluster ${c.ref} row not entry ${f}:${r}`); else { if (l.signal !== 'concern') errs.push(`cluster ${c.ref} row not concern ${f}:${r}`); if (l.date < c.from || l.date > c.to) errs.push(`cluster ${c.ref} row outside window ${f}:${r} ${l.date}`); } }
    // no response rows inside a missed cluster window
    for (const l of labelRows) if (l.status === 'entry' && l.signal === 'response' && l.date >= c.from && l.date <= c.to) errs.push(`response inside missed cluster ${c.ref}: ${l.file}:${l.row}`);
    const agencies = [...new Set(rows.map(([f]) => agencyOf[f]))];
    return { ref: c.ref, person: 'P1', from: c.from, to: c.to, agencies, rows, expected: 'missed', rank: c.rank, why: c.why };
  });
  const controls = CONTROLS.map((k) => {
    if (k.kind === 'routine') for (const l of labelRows) if (l.status === 'entry' && l.signal !== 'routine' && l.date >= k.from && l.date <= k.to) errs.push(`non-routine inside routine control ${k.ref}: ${l.file}:${l.row}`);
    for (const [f, r] of clusterMap.get(k.ref) || []) if (!entry(f, r)) errs.push(`control ${k.ref} row not entry ${f}:${r}`);
    return { ref: k.ref, person: 'P1', from: k.from, to: k.to, kind: k.kind, why: k.why };
  });

  const labels = {
    case: CASE, title: 'Safeguarding Adults Review: Adult G (Linden Road)', reviewType: 'SAR',
    settings: { ...SETTINGS, people: SETTINGS_PEOPLE },
    people: PEOPLE, extracts, rows: labelRows, links, clusters, controls,
  };
  const out = JSON.stringify(labels, null, 2) + '\n';
  JSON.parse(out);
  fs.writeFileSync(path.join(DIR, 'labels.json'), out);
  const counts = {}; for (const l of labelRows) { counts[l.file] = (counts[l.file] || 0) + 1; }
  console.log('rows per file', counts, 'total', labelRows.length);
  console.log('links', links.length, 'clusters', clusters.length, 'controls', controls.length, 'NHS', NHS);
  if (errs.length) { console.error('ERRORS:\n' + errs.join('\n')); process.exit(1); }
  console.log('all checks passed');
}

// ---------- people, links, clusters, controls ----------
const PEOPLE = [
  { ref: 'P1', name: 'Gareth John Pellow', kind: 'subject',
    written: ['Gareth PELLOW', 'PELLOW Gareth (14/08/1979)', 'PELLOW', 'PELLOW, Gareth John', 'Gareth Pellow', 'Mr G Pellow', 'Gareth P', 'Gareth', 'G', 'Gaz', 'SU', 'the client', 'client', 'Mr Pellow', 'the tenant', 'tenant', 'pt', 'UNKNOWN MALE - later ID Gareth PELLOW'],
    identifiers: ['Pellow', 'Gareth', 'Gaz', '14/08/1979', '1979-08-14', '14/08/1978', '1978-08-14', NHS, NHS_SP, 'Flat 6, Corran Court', 'Flat 6 Corran Court', 'Corran Court', 'Linden Road', 'ASC-204817', 'CH/CC/0006', 'Gareth P'] },
  { ref: 'P2', name: 'Janice Cordery', kind: 'family',
    written: ['Janice Cordery', 'Janice', 'sister Janice', 'CORDERY Janice', 'his sister', "his sister's", 'next of kin (sister)'],
    identifiers: ['Janice', 'Cordery', '07700 900418'] },
  { ref: 'P3', name: 'Kyle Brannan', kind: 'associate',
    written: ['Kyle BRANNAN', 'BRANNAN Kyle (19/05/1996)', 'BRANNAN', 'Kai', 'Kai (BRANNAN)'],
    identifiers: ['Kyle', 'Brannan', 'Kai', '19/05/1996', '22 Holt Street'] },
  { ref: 'P4', name: 'Stacey Reeve', kind: 'associate',
    written: ['Stacey', 'REEVE Stacey (03/11/1998)', 'REEVE', 'a female, Stacey'],
    identifiers: ['Stacey', 'Reeve', '03/11/1998'] },
  { ref: 'P5', name: 'Dean Frain', kind: 'associate',
    written: ['Deano', 'FRAIN Dean (27/01/1990)', 'FRAIN'],
    identifiers: ['Dean', 'Frain', 'Deano', '27/01/1990'] },
  { ref: 'P6', name: 'Gareth Pellow', kind: 'namesake',
    written: ['PELLOW Gareth (02/03/1985)'],
    identifiers: ['Pellow', 'Gareth', '02/03/1985', 'Marlcombe', '9 Sedge Walk'] },
  { ref: 'P7', name: 'Brenda Tallis', kind: 'other',
    written: ['TALLIS Brenda', 'Mrs Tallis', 'neighbour at Flat 5', 'Flat 5'],
    identifiers: ['Tallis', 'Brenda', 'Flat 5'] },
];
const SETTINGS_PEOPLE = [
  { ref: 'P1', name: 'Gareth John Pellow', role: 'subject', dob: '1979-08-14', identifiers: `NHS ${NHS_SP}; Flat 6, Corran Court, Linden Road, Haverleigh; also known as Gaz` },
  { ref: 'P2', name: 'Janice Cordery', role: 'family', identifiers: 'sister' },
  { ref: 'P3', name: 'Kyle Brannan', role: 'associate', dob: '1996-05-19', identifiers: 'known as Kai; 22 Holt Street, Haverleigh' },
  { ref: 'P4', name: 'Stacey Reeve', role: 'associate', identifiers: "Kyle Brannan's girlfriend" },
  { ref: 'P5', name: 'Dean Frain', role: 'associate', identifiers: 'known as Deano' },
];
const LINK_WHY = {
  L01: 'day centre key worker rings the CLDT about Gareth\'s new friends; the CLDT logs the call (uncertain date)',
  L02: 'hypo at the day centre: day centre note and the ambulance attendance',
  L03: 'day centre manager raises the money concern with ASC duty; ASC records its receipt',
  L04: 'ASC referral to police PPU and the police record of receiving it',
  L05: 'ASC email inviting the CLDT to the multi-agency meeting and the CLDT record of it',
  L06: 'the multi-agency safeguarding meeting of 17/08/2022 in four agencies\' records',
  L07: 'joint home visit by the CLDT nurse and the Corran Homes housing officer',
  L08: 's42 review / closure meeting recorded by ASC and the CLDT',
  L09: 'joint annual review (CLDT nurse and ASC reviewing officer)',
  L10: 'annual LD health check at the surgery, CLDT nurse accompanying',
  L11: 'neighbour\'s ASB call to police on Tuesday 14/03/2023, also reported to housing that week',
  L12: 'day centre closes the placement and emails ASC; ASC notes the notification',
  L13: 'ambulance attendance for a "fall" and the notification received by the GP',
  L14: 'police attend the disturbance ("give it back") on 21/09/2023; neighbour tells housing next day',
  L15: 'the incident: 999 call (00:52 BST), police attendance and housing\'s note of it',
  L16: 'police safeguarding referral about the death and ASC\'s receipt',
  L17: 'ASC tells the CLDT of the death by phone',
  L18: 'hoax/"joke" ambulance call at 00:31 BST with several people in the flat; the day centre hears of it',
};
const CLUSTERS = [
  { ref: 'C1', rank: 1, from: '2023-08-28', to: '2023-10-13',
    why: 'final seven weeks: weight loss, a "fall" with facial and rib bruising explained away by friends, police called to a disturbance, a kicked-in door and rising arrears, repeated no-access visits, the sister telling police and ASC that Kai holds his bank card; no referral, no information shared, no meeting, no s42' },
  { ref: 'C2', rank: 2, from: '2023-03-01', to: '2023-04-26',
    why: 'friends back with a third man: noise and several voices reported to housing and police, a bruise explained as a bus-step fall, day-centre absences, GP DNAs, CLDT no access and others answering his phone and door; nobody referred or shared' },
  { ref: 'C3', rank: 3, from: '2023-06-01', to: '2023-07-31',
    why: 'arrears return with money "given to a friend", sister\'s call to the CLDT answered with "has capacity", a friend staying, the day-centre place closed for non-attendance and ASC taking no action' },
];
const CONTROLS = [
  { ref: 'K1', kind: 'responded', from: '2022-08-03', to: '2022-10-06',
    why: 'first financial abuse report (day centre, sister, housing arrears) answered within days: s42 enquiry, referral to police, multi-agency meeting on 17/08, joint visit, money management; s42 closed with risk reduced' },
  { ref: 'K2', kind: 'routine', from: '2023-01-09', to: '2023-02-03',
    why: 'joint annual review, annual LD health check, rent increase letter, gas safety check, repeat prescription, blood results and the day-centre annual placement review in four weeks' },
];


// =====================================================================
// registry of the other agency writers
// =====================================================================
const WRITERS = [];
async function writeRest() { const out = []; for (const w of WRITERS) { await w.fn(); out.push([w.file, w.kind, w.header]); } return out; }
const csvField = (s) => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);

// =====================================================================
// 2. Adult Social Care (CSV, UTF-8 with BOM, CRLF, one client, dd-Mon-yy)
// =====================================================================
const ASC_FILE = 'asc-case-notes.csv';
const PID = 'ASC-204817';
const asc = [
  { v: ['14-Feb-22', 'Review', 'Reviewing officer', 'Six-monthly review by phone. The client is happy with day service 3 days/wk and 1hr/wk domestic support (Brightlane Care).', 'Support plan continues'], d: '2022-02-14', s: 'routine', k: 'Six-monthly review by phone. The client is happy' },
  { v: ['21-Mar-22', 'Provider', 'Business support', 'Brightlane Care invoice query - 2 visits Feb not delivered (client out). Resolved.', 'Closed'], d: '2022-03-21', s: 'routine', k: 'Brightlane Care invoice query' },
  { v: ['02-May-22', 'Finance', 'Financial assessment officer', 'Financial reassessment letter sent - assessed contribution £0.00 (no change).', 'Letter sent'], d: '2022-05-02', s: 'routine', k: 'Financial reassessment letter sent' },
  { v: ['06-Jun-22', 'Provider', 'Business support', 'Provider review: Brightlane say visits going well, client "chatty".', 'No change'], d: '2022-06-06', s: 'routine', k: 'Provider review: Brightlane' },
  { v: ['08-Aug-22', 'Contact received', 'Duty SW', 'Safeguarding concern from Willowbank Day Opps manager: Gareth has had no money for lunch 3 wks running, says his mates "borrowed" it.', 'To duty senior'], d: '2022-08-08', s: 'concern', L: 'L03', C: 'K1', k: 'Safeguarding concern from Willowbank Day Opps manager' },
  { v: ['10-Aug-22', 'Contact received', 'Duty SW', 'Call from client\'s sister Janice Cordery (07700 900418).\nShe says the client\'s bank card is "with Kai" and his money is gone by the Tuesday after payday.\nShe is worried he is being used and says he would not tell anyone.', 'Added to concern of 08/08'], d: '2022-08-10', s: 'concern', who: ['P1', 'P2', 'P3'], C: 'K1', k: 'Call from client\'s sister Janice Cordery' },
  { v: ['11-Aug-22', 'Safeguarding', 'Duty senior', 'Safeguarding concern - s42 criteria met (financial abuse, possible mate crime). Enquiry opened. Enquiry lead: locality SW.', 's42 enquiry'], d: '2022-08-11', s: 'response', C: 'K1', k: 's42 criteria met' },
  { v: ['12-Aug-22', 'Referral out', 'Locality SW', 'Referral to police (PPU) re suspected financial abuse by Kyle BRANNAN ("Kai"). Email invites sent to CLDT and Corran Homes for multi-agency meeting 17/08.', 'Sent'], d: '2022-08-12', s: 'response', who: ['P1', 'P3'], L: ['L04', 'L05'], C: 'K1', k: 'Referral to police (PPU)' },
  { v: ['15-Aug-22', 'Visit', 'Locality SW', 'SW visit, client seen alone. Gareth says Kai is his mate and "pays him back sometimes". Capacity re finances assessed - lacks capacity to manage larger sums; has capacity re who he sees.', 'Continue enquiry'], d: '2022-08-15', s: 'response', who: ['P1', 'P3'], C: 'K1', k: 'pays him back sometimes' },
  { v: ['17-Aug-22', 'Strategy meeting', 'Locality SW', 'Multi-agency meeting held (ASC chair, Police PPU, CLDT, Corran Homes). Actions agreed - see minutes on file.', 'Minutes circulated'], d: '2022-08-17', s: 'response', L: 'L06', C: 'K1', k: 'Multi-agency meeting held (ASC chair' },
  { v: ['24-Aug-22', 'Finance', 'Locality SW', 'Appointeeship application to DWP submitted. Interim: bank card held at Linden House office, client collects weekly spends.', 'Money mgmt in place'], d: '2022-08-24', s: 'response', C: 'K1', k: 'Appointeeship application to DWP submitted', id: 'appointee' },
  { dupOf: 'appointee' },
  { v: ['06-Oct-22', 's42 closure', 'Locality SW', 's42 enquiry closed - outcome: risk reduced. Money mgmt in place. Client\'s wishes met (keep seeing his friends but keep money safe).', 'Closed to s42'], d: '2022-10-06', s: 'response', L: 'L08', C: 'K1', k: 's42 enquiry closed - outcome: risk reduced' },
  { v: ['12-Jan-23', 'Review', 'Reviewing officer', 'Annual review with CLDT nurse at client\'s home. No change to support plan.', 'Next review Jul 23'], d: '2023-01-12', s: 'routine', L: 'L09', C: 'K2', k: 'Annual review with CLDT nurse' },
  { v: ['31-Feb-23', 'Finance', 'Appointee team', 'Appointee statement checked, balance ok.', ''], st: 'bad', why: 'impossible_date', k: 'Appointee statement checked' },
  { v: ['03-Apr-23', 'Finance', 'Appointee team', 'Weekly spends collected by "a friend" on client\'s behalf. Office queried - client rang to say it was ok.', 'Released'], d: '2023-04-03', s: 'concern', C: 'C2', k: 'Weekly spends collected by "a friend"' },
  { v: ['', '', '', '', ''], st: 'bad', why: 'empty_row', k: '' },
  { v: ['22-May-23', 'Review', 'Reviewing officer', 'Six-monthly review by phone. Client said "everything\'s fine". Day service attendance not discussed.', 'No change'], d: '2023-05-22', s: 'routine', k: 'everything\'s fine' },
  { v: ['19-Jul-23', 'Contact received', 'Duty SW', 'Email from Willowbank: placement ended due to non-attendance since May. Noted. Client has capacity to choose not to attend.', 'NFA'], d: '2023-07-19', s: 'concern', L: 'L12', C: 'C3', k: 'placement ended due to non-attendance' },
  { v: ['27-Jul-23', 'Finance', 'Appointee team', 'Client asked for weekly spends to go up to £120, says food costs up. Agreed £90/wk.', 'Agreed'], d: '2023-07-27', s: 'concern', C: 'C3', k: 'weekly spends to go up to £120' },
  { v: ['04-Sep-23', 'Finance', 'Appointee team', 'Client came to office with a male (not known to us) asking for "emergency money". £40 released.', 'Released'], d: '2023-09-04', s: 'concern', C: 'C1', k: 'emergency money' },
  { v: ['25-Sep-23', 'Contact received', 'Duty SW', 'Call from sister Janice - says client told her he "owes Kai". Advised to contact police if she thinks a crime has been committed.', 'Logged for duty - awaiting allocation'], d: '2023-09-25', s: 'concern', who: ['P1', 'P2', 'P3'], C: 'C1', k: 'owes Kai' },
  { v: ['11-Oct-23', 'Duty', 'Duty senior', 'Waiting list review - Gareth\'s contact of 25/09 still unallocated. RAG: green.', 'Remain on list'], d: '2023-10-11', s: 'concern', C: 'C1', k: 'still unallocated' },
  { v: ['16-Oct-23', 'Safeguarding referral', 'Duty senior', 'Safeguarding referral from police PPU: client died today at Haverleigh General after a fall/assault on 15/10. Concerns re financial exploitation by associates. SAR referral to be considered.', 'To safeguarding manager'], d: '2023-10-16', s: 'response', L: 'L16', k: 'Safeguarding referral from police PPU' },
  { v: ['16-Oct-23', 'Information shared', 'Duty senior', 'CLDT informed of death by phone.', ''], d: '2023-10-16', s: 'response', L: 'L17', k: 'CLDT informed of death by phone' },
  { v: ['24-Oct-23', 'Finance', 'Appointee team', 'Appointeeship ended - DWP notified of death.', ''], d: '2023-10-24', s: 'routine', k: 'Appointeeship ended' },
  { v: ['07-Nov-23', 'SAR', 'Safeguarding manager', 'Case referred to Haverleigh SAB SAR sub-group. Criteria met - SAR commissioned.', ''], d: '2023-11-07', s: 'response', k: 'SAR sub-group' },
  { v: ['15-Nov-23', 'Closure', 'Team manager', 'Case closed - client deceased.', 'Closed'], d: '2023-11-15', s: 'routine', k: 'Case closed - client deceased' },
];
asc.forEach((r, i) => { if (r.dupOf) asc[i] = dupOf(asc, r.dupOf); });
WRITERS.push({ file: ASC_FILE, kind: 'csv', header: 1, fn: async () => {
  const lines = ['Person ID,Event Date,Event Type,Worker Role,Case Note,Outcome'];
  const rowNos = []; let line = 2;
  for (const r of asc) {
    const rec = r.st === 'bad' && r.why === 'empty_row' ? ',,,,,' : [PID, ...r.v].map(csvField).join(',');
    rowNos.push(line); line += rec.split('\n').length; lines.push(rec);
  }
  fs.writeFileSync(path.join(DIR, ASC_FILE), '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
  register(ASC_FILE, 'Adult Social Care', 'case-record system export, one client (Person ID), UTF-8 with BOM, CRLF, dd-Mon-yy dates, a quoted multi-line note', asc, rowNos);
} });


// =====================================================================
// 3. Police (TSV, Windows-1252, SURNAME Forename, dd/mm/yyyy hh:mm local)
// =====================================================================
const POL_FILE = 'police-occurrences.tsv';
const GP1 = 'PELLOW Gareth (14/08/1979)';
const KB = 'BRANNAN Kyle (19/05/1996)';
const pol = [
  { v: ['HV/20/118342', '11/09/2020 14:10', GP1, 'Lost property', 'Reported lost wallet, Haverleigh bus station. Contained bank card and £15 cash.', 'Filed'], st: 'bad', why: 'outside_review_period', k: 'Reported lost wallet' },
  { v: ['HV/22/060127', '20/06/2022 21:40', `${KB}; REEVE Stacey (03/11/1998)`, 'Stop check', 'Both stopped on foot Linden Road, both known to police. Search under s23 MDA, nothing found.', 'NFA'], d: '2022-06-20', t: '21:40', s: 'routine', who: ['P3', 'P4'], k: 'Search under s23 MDA' },
  { v: ['HV/22/081544', '12/08/2022 15:42', `${GP1}; ${KB}`, 'Safeguarding - adult', 'Referral received from ASC re PELLOW – suspected financial abuse by BRANNAN (“Kai”). Bank card thought to be held by suspect. Allocated PPU.', 'PPU to attend MA meeting 17/08'], d: '2022-08-12', t: '15:42', s: 'response', who: ['P1', 'P3'], L: 'L04', C: 'K1', k: 'Referral received from ASC re PELLOW' },
  { v: ['HV/22/081544', '17/08/2022 10:00', `${GP1}; ${KB}`, 'Safeguarding - adult', 'PPU DC attended multi-agency meeting at Linden House (ASC). Victim does not wish to make complaint. Agreed police to give words of advice to BRANNAN.', 'Update'], d: '2022-08-17', t: '10:00', s: 'response', who: ['P1', 'P3'], L: 'L06', C: 'K1', k: 'PPU DC attended multi-agency meeting' },
  { v: ['HV/22/081544', '19/08/2022 18:30', `${KB}; ${GP1}`, 'Safeguarding - adult', 'Words of advice given to BRANNAN at home address 22 Holt Street. States ‘Gaz is my mate, I only borrow a tenner off him now and then’. Card returned to PELLOW.', 'Filed - no crime'], d: '2022-08-19', t: '18:30', s: 'response', who: ['P3', 'P1'], C: 'K1', k: 'Words of advice given to BRANNAN' },
  { v: ['MC/22/110392', '03/11/2022 11:20', 'PELLOW Gareth (02/03/1985), 9 Sedge Walk, Marlcombe', 'Theft - shoplifting', 'Arrested Marlcombe Retail Park, goods value £38.50 (meat). Admitted. Community resolution.', 'CR'], d: '2022-11-03', t: '11:20', s: 'routine', who: ['P6'], k: 'Arrested Marlcombe Retail Park' },
  { v: ['HV/23/030871', '14/03/2023 23:15', `${GP1}; FRAIN Dean (27/01/1990); TALLIS Brenda`, 'ASB - noise', 'Call from neighbour at Flat 5 re loud music, “several voices” and male shouting at Flat 6 Corran Court. Attended 23:50. Occupier PELLOW present with 3 others incl FRAIN. Music turned down, all compliant.', 'Words of advice'], d: '2023-03-14', t: '23:15', s: 'concern', who: ['P1', 'P5', 'P7'], L: 'L11', C: 'C2', k: 'several voices” and male shouting' },
  { v: ['HV/23/040114', '02/04/2023 02:10', `TALLIS Brenda; ${GP1}`, 'ASB - general', 'Caller (Flat 5) reports ‘people coming and going all night’ from Flat 6, thinks drugs. No units available. Advised to report ASB to landlord.', 'Closed - advice'], d: '2023-04-02', t: '02:10', s: 'concern', who: ['P7', 'P1'], C: 'C2', k: 'people coming and going all night' },
  { v: ['MC/23/061207', '12/06/2023 07:05', 'PELLOW Gareth (02/03/1985)', 'Warrant', 'FTA warrant executed at 9 Sedge Walk, Marlcombe. Taken to Marlcombe custody.', 'Court'], d: '2023-06-12', t: '07:05', s: 'routine', who: ['P6'], k: 'FTA warrant executed' },
  { v: ['HV/23/090988', '21/09/2023 22:35', `${GP1}; ${KB}; REEVE Stacey (03/11/1998); TALLIS Brenda`, 'Concern for safety', 'Neighbour Flat 5 reports male shouting “give it back” and banging at Flat 6. Attended 23:20. PELLOW, BRANNAN and REEVE present, all state they are friends and were ‘messing about’. No injuries seen on PELLOW. No offences disclosed.', 'NFA'], d: '2023-09-21', t: '22:35', s: 'concern', who: ['P1', 'P3', 'P4', 'P7'], L: 'L14', C: 'C1', k: 'give it back' },
  { v: ['HV/23/100216', '06/10/2023 16:12', `${GP1}; ${KB}`, '101 call - advice', '101 call from CORDERY Janice (sister of PELLOW) – states Kai (BRANNAN) has her brother’s bank card and he ‘owes’ him £300. Advised to contact bank and ASC. Civil matter, not crimed.', 'Closed - advice'], d: '2023-10-06', t: '16:12', s: 'concern', who: ['P2', 'P1', 'P3'], C: 'C1', k: '101 call from CORDERY Janice' },
  { v: ['HV/23/100874', '15/10/2023 00:58', GP1, 'Sudden/serious injury', 'Request from ambulance – male at foot of communal stairs Corran Court, head injury, caller left scene. Officers attended 01:12. PELLOW unconscious. Flat 6 door open, signs of disturbance inside.', 'Scene preserved'], d: '2023-10-15', t: '00:58', s: 'concern', L: 'L15', k: 'Request from ambulance' },
  { v: ['HV/23/100874', '15/10/2023 09:30', GP1, 'Sudden/serious injury', 'CID allocated. House-to-house Corran Court. CCTV requested from Corran Homes.', 'Investigation'], d: '2023-10-15', t: '09:30', s: 'routine', k: 'House-to-house Corran Court' },
  { v: ['HV/23/100874', '16/10/2023 14:00', GP1, 'Death - suspicious', 'Informed by Haverleigh General PELLOW died 13:40. Investigation upgraded, SIO appointed.', 'Investigation'], d: '2023-10-16', t: '14:00', s: 'routine', k: 'SIO appointed' },
  { v: ['HV/23/100874', '16/10/2023 16:30', GP1, 'Safeguarding - adult', 'Adult safeguarding referral submitted to ASC re death of PELLOW, concerns of financial exploitation and assault by associates.', 'Referral sent'], d: '2023-10-16', t: '16:30', s: 'response', L: 'L16', k: 'Adult safeguarding referral submitted to ASC' },
  { v: ['HV/23/100874', '18/10/2023 06:45', `${KB}; FRAIN Dean (27/01/1990); ${GP1}`, 'Death - suspicious', 'BRANNAN arrested on suspicion of manslaughter and robbery. FRAIN arrested on suspicion of theft (bank card). Both interviewed, bailed.', 'Bail'], d: '2023-10-18', t: '06:45', s: 'routine', who: ['P3', 'P5', 'P1'], k: 'arrested on suspicion of manslaughter' },
  { v: ['HV/23/100874', '19/10/2023 11:00', 'REEVE Stacey (03/11/1998)', 'Death - suspicious', 'REEVE interviewed as significant witness. States PELLOW ‘fell’ on stairs after argument about money.', 'Witness'], d: '2023-10-19', t: '11:00', s: 'routine', who: ['P4', 'P1'], k: 'significant witness' },
  { v: ['HV/23/100874', '25/10/2023 15:20', GP1, 'Death - suspicious', 'Initial report sent to HM Coroner (Haverleigh & Marlcombe).', 'Coroner'], d: '2023-10-25', t: '15:20', s: 'routine', k: 'Initial report sent to HM Coroner' },
  { v: ['HV/23/100874', '20/12/2023 17:05', `${KB}; ${GP1}`, 'Death - suspicious', 'BRANNAN charged – manslaughter and theft. Remanded in custody.', 'Charged'], d: '2023-12-20', t: '17:05', s: 'routine', who: ['P3', 'P1'], k: 'BRANNAN charged' },
];
WRITERS.push({ file: POL_FILE, kind: 'tsv', header: 1, fn: async () => {
  const lines = ['Occurrence No\tReported\tNominals\tOccurrence Type\tSummary\tResult', ...pol.map((r) => r.v.join('\t'))];
  fs.writeFileSync(path.join(DIR, POL_FILE), encodeCp1252(lines.join('\r\n') + '\r\n'));
  register(POL_FILE, 'Police', 'records-system occurrence export, tab-separated, Windows-1252 (£ and curly quotes), SURNAME Forename (DOB) nominals, dd/mm/yyyy hh:mm local time; includes a namesake from Marlcombe', pol, pol.map((_, i) => i + 2));
} });


// =====================================================================
// 4. Housing association (DOCX, one chronology table, approximate dates)
// =====================================================================
const HOU_FILE = 'corran-homes-chronology.docx';
const hou = [
  { v: ['Jan 2022', 'Rent statement', 'Quarterly rent statement issued. Account clear (UC housing costs paid direct).', 'Income Officer'], d: '2022-01-01', to: '2022-01-31', p: 'month', s: 'routine', k: 'Quarterly rent statement issued' },
  { v: ['w/c 07/03/2022', 'Tenancy check', 'Annual tenancy check - flat in good order, tenant well, no issues reported.', 'Housing Officer'], d: '2022-03-07', to: '2022-03-13', p: 'week', s: 'routine', k: 'Annual tenancy check' },
  { v: ['Apr 2022', 'Rent statement', 'Rent statement - clear. Annual rent increase letter sent.', 'Income Officer'], d: '2022-04-01', to: '2022-04-30', p: 'month', s: 'routine', k: 'Rent statement - clear' },
  { v: ['12/05/22', 'Repair', 'Kitchen tap dripping - repair ordered, completed 19/05.', 'Repairs'], d: '2022-05-12', s: 'routine', k: 'Kitchen tap dripping' },
  { v: ['Jul 2022', 'Rent statement', 'Rent statement issued - account clear.', 'Income Officer'], d: '2022-07-01', to: '2022-07-31', p: 'month', s: 'routine', k: 'Rent statement issued - account clear' },
  { v: ['15/08/22', 'Arrears', 'Arrears £186.40 - out of character for this tenant, service charge not paid for 6 wks. Tenant said he "didn\'t have it". Letter sent.', 'Income Officer'], d: '2022-08-15', s: 'concern', C: 'K1', k: 'out of character for this tenant' },
  { v: ['17/08/22', 'Meeting', 'Attended safeguarding meeting at ASC re Mr Pellow. Our action: monitor visitors to Flat 6, report concerns to ASC.', 'Housing Officer'], d: '2022-08-17', s: 'response', L: 'L06', C: 'K1', k: 'Attended safeguarding meeting at ASC' },
  { v: ['22/08/22', 'Joint visit', 'Joint home visit with CLDT nurse. Tenant seen alone. Agreed payment plan £5/wk towards arrears.', 'Housing Officer'], d: '2022-08-22', s: 'response', L: 'L07', C: 'K1', k: 'Joint home visit with CLDT nurse' },
  { v: ['Oct 2022', 'Rent statement', 'Rent statement - arrears cleared.', 'Income Officer'], d: '2022-10-01', to: '2022-10-31', p: 'month', s: 'routine', k: 'arrears cleared' },
  { v: ['----- 2023 -----', '', '', ''], st: 'divider', k: '----- 2023 -----' },
  { v: ['w/c 09/01/2023', 'Rent statement', 'Rent statement and annual rent increase letter (from April).', 'Income Officer'], d: '2023-01-09', to: '2023-01-15', p: 'week', s: 'routine', C: 'K2', k: 'annual rent increase letter (from April)' },
  { v: ['25/01/23', 'Gas safety', 'Annual gas safety check completed - pass.', 'Contractor'], d: '2023-01-25', s: 'routine', C: 'K2', k: 'gas safety check' },
  { v: ['early March 2023', 'ASB', 'Neighbour at Flat 5 (Mrs Tallis) reports noise from Flat 6 late at night, "several voices", doors banging, people on the stairs. Diary sheets given.', 'Housing Officer'], d: '2023-03-01', to: '2023-03-10', p: 'approximate', s: 'concern', who: ['P1', 'P7'], C: 'C2', k: 'Diary sheets given' },
  { v: ['w/c 13/03/2023', 'ASB', 'Mrs Tallis says she called police Tues night - loud music and shouting from Flat 6 until after midnight.', 'Housing Officer'], d: '2023-03-13', to: '2023-03-19', p: 'week', s: 'concern', who: ['P1', 'P7'], L: 'L11', C: 'C2', k: 'she called police Tues night' },
  { v: ['03/04/23', 'ASB', 'Diary sheets returned by Flat 5 - 9 nights of noise/visitors in 3 wks, "different young lads".', 'Housing Officer'], d: '2023-04-03', s: 'concern', who: ['P1', 'P7'], C: 'C2', k: 'Diary sheets returned' },
  { v: ['06/04/23', 'Visit', 'HO called at Flat 6 - no answer. Letter left re noise reports.', 'Housing Officer'], d: '2023-04-06', s: 'concern', C: 'C2', k: 'Letter left re noise reports' },
  { v: ['Summer 2023', 'Arrears', 'Tenant\'s UC housing costs stopped - DWP say claim details changed (new bank account). Arrears started.', 'Income Officer'], d: '2023-06-01', to: '2023-08-31', p: 'season', s: 'concern', k: 'claim details changed (new bank account)' },
  { v: ['June 2023', 'Arrears', 'Arrears £412.60. Tenant phoned - said he "gave the money to a friend to pay it". Out of character.', 'Income Officer'], d: '2023-06-01', to: '2023-06-30', p: 'month', s: 'concern', C: 'C3', k: 'gave the money to a friend to pay it' },
  { v: ['11/07/23', 'Visit', 'Income officer home visit - tenant with male visitor who did most of the talking. Payment plan agreed £10/wk.', 'Income Officer'], d: '2023-07-11', s: 'concern', C: 'C3', k: 'male visitor who did most of the talking' },
  { v: ['', 'Repair', 'Front door lock changed - tenant lost keys (2nd time this year).', 'Repairs'], st: 'bad', why: 'missing_date', k: 'Front door lock changed' },
  { v: ['w/c 04/09/2023', 'Repair', 'Flat 6 front door frame split - repairs operative says "kicked in". Tenant says he locked himself out.', 'Repairs'], d: '2023-09-04', to: '2023-09-10', p: 'week', s: 'concern', C: 'C1', k: 'kicked in' },
  { v: ['22/09/23', 'ASB', 'Mrs Tallis reports police were called to Flat 6 again last night (Thurs). Says the tenant "looks terrible, thin as a rake".', 'Housing Officer'], d: '2023-09-22', s: 'concern', who: ['P1', 'P7'], L: 'L14', C: 'C1', k: 'thin as a rake' },
  { v: ['02/10/23', 'Arrears', 'Arrears now £648.10. NOSP considered - deferred given vulnerability. Internal referral to tenancy sustainment.', 'Income Officer'], d: '2023-10-02', s: 'concern', C: 'C1', k: 'NOSP considered' },
  { v: ['15/10/23', 'Incident', 'Police attended block early hours - tenant found injured in communal stairwell. Area manager informed.', 'Housing Officer'], d: '2023-10-15', s: 'concern', L: 'L15', k: 'found injured in communal stairwell' },
  { v: ['17/10/23', 'Tenancy', 'Informed by police tenant has died. Tenancy end procedure started, contact with next of kin (sister).', 'Housing Officer'], d: '2023-10-17', s: 'routine', who: ['P1', 'P2'], k: 'Tenancy end procedure' },
  { v: ['?30/10/2023', 'Info request', 'Police request for communal CCTV (stairwell) 14-15/10 - provided.', 'Area Manager'], d: '2023-10-30', s: 'routine', k: 'communal CCTV' },
  { v: ['Nov 2023', 'Tenancy', 'Police released flat. Keys returned by sister. Tenancy ended 20/11/23.', 'Housing Officer'], d: '2023-11-01', to: '2023-11-30', p: 'month', s: 'routine', who: ['P1', 'P2'], k: 'Keys returned by sister' },
];
WRITERS.push({ file: HOU_FILE, kind: 'docx', header: 1, fn: async () => {
  const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, WidthType, HeadingLevel } = docx;
  const cell = (t, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold })] })] });
  const header = new TableRow({ tableHeader: true, children: ['Date', 'Contact', 'Details', 'Officer'].map((h) => cell(h, true)) });
  const rows = hou.map((r) => new TableRow({ children: r.v.map((c) => cell(c, r.st === 'divider')) }));
  const doc = new Document({
    creator: 'Corran Homes', title: 'Agency chronology',
    sections: [{ children: [
      new Paragraph({ text: 'Corran Homes - Agency Chronology', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'Tenant: Mr G Pellow, Flat 6, Corran Court, Linden Road, Haverleigh. Tenancy ref CH/CC/0006.' }),
      new Paragraph({ text: 'Prepared for Haverleigh SAB Safeguarding Adults Review. Dates are from the housing management system notes; some are approximate.' }),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    ] }],
  });
  fs.writeFileSync(path.join(DIR, HOU_FILE), await Packer.toBuffer(doc));
  register(HOU_FILE, 'Housing', 'Word chronology table (header row 1), approximate dates (w/c, month, season, "early March", leading ?), a divider row, a row with no date', hou, hou.map((_, i) => i + 2));
} });


// =====================================================================
// 5. GP (JSON array of records, ISO dates, NHS number field)
// =====================================================================
const GP_FILE = 'gp-linden-road-surgery.json';
// v: [type, clinician, entry, time|null]
const gp = [
  { v: ['Medication', 'Prescribing clerk', 'Repeat prescription issued: metformin 500mg, atorvastatin 20mg. 56 days. Med review due May.', null], d: '2022-01-18', s: 'routine', k: 'Med review due May' },
  { v: ['Consultation', 'Practice nurse', 'Diabetes annual review. HbA1c 52 mmol/mol. Wt 84.2kg. Feet ok. Pt says "my sister nags me about biscuits".', '09:20'], d: '2022-03-08', t: '09:20', s: 'routine', who: ['P1', 'P2'], k: 'my sister nags me about biscuits' },
  { v: ['Medication review', 'Clinical pharmacist', 'Structured medication review (telephone). Taking meds as prescribed, uses dosette box. No changes.', '14:00'], d: '2022-05-10', t: '14:00', s: 'routine', k: 'Structured medication review' },
  { v: ['Letter in', 'Admin', 'Diabetic eye screening: did not attend 28/06. Re-invite sent by screening service.', null], d: '2022-07-04', s: 'routine', k: 'Diabetic eye screening: did not attend' },
  { v: ['Letter in', 'Admin', 'Ambulance service patient report: hypoglycaemia at day centre 20/07, BM 2.9, treated on scene, not conveyed.', null], d: '2022-07-21', s: 'routine', L: 'L02', k: 'hypoglycaemia at day centre 20/07' },
  { v: ['Consultation', 'Practice nurse', 'Diabetes 6-month review. Wt 82.0kg. Pt mentions "police talked to my mate". Bloods taken.', '10:40'], d: '2022-09-13', t: '10:40', s: 'routine', k: 'police talked to my mate' },
  { v: ['Immunisation', 'HCA', 'Influenza vaccine given L deltoid.', '16:10'], d: '2022-11-22', t: '16:10', s: 'routine', k: 'Influenza vaccine' },
  { v: ['Medication', 'Prescribing clerk', 'Repeat prescription issued: metformin 500mg, atorvastatin 20mg. 56 days. (Jan 23)', null], d: '2023-01-17', s: 'routine', C: 'K2', k: '(Jan 23)' },
  { v: ['LD annual health check', 'GP', 'Annual learning disability health check, attended with CLDT nurse. Wt 81.5kg, BP 132/84. Health action plan updated. No concerns raised.', '11:00'], d: '2023-01-24', t: '11:00', s: 'routine', L: 'L10', C: 'K2', k: 'Annual learning disability health check' },
  { v: ['Results', 'GP', 'Bloods from health check: HbA1c 55, lipids ok. Filed - no action.', null], d: '2023-01-31', s: 'routine', C: 'K2', k: 'Bloods from health check' },
  { v: ['Consultation', 'GP', 'Bruise L forearm approx 6cm, yellowing. Pt says fell off bus step last week. Attended with a friend ("Kai") who answered most questions. No other injuries seen. Advised arnica/analgesia.', '15:30'], d: '2023-03-22', t: '15:30', s: 'concern', who: ['P1', 'P3'], C: 'C2', k: 'Bruise L forearm approx 6cm' },
  { v: ['DNA', 'Practice nurse', 'Did not attend diabetes review.', '09:00'], d: '2023-04-12', t: '09:00', s: 'concern', C: 'C2', k: 'Did not attend diabetes review.' },
  { v: ['DNA', 'Practice nurse', 'DNA x2 diabetes review - text reminder sent.', '09:20'], d: '2023-04-26', t: '09:20', s: 'concern', C: 'C2', k: 'DNA x2 diabetes review' },
  { v: ['Medication', 'Reception', 'Rx collected by "friend" - pt gave verbal consent by phone.', null], d: '2023-06-20', s: 'concern', k: 'Rx collected by "friend"' },
  { v: ['Telephone consultation', 'GP', 'Pt rang re pain L side of chest on breathing, says slipped in the bath 2 days ago. No SOB. ?muscular. Advised analgesia, attend/111 if worse.', '12:15'], d: '2023-07-05', t: '12:15', s: 'concern', C: 'C3', k: 'slipped in the bath' },
  { v: ['Consultation', 'Practice nurse', 'Diabetes review. Wt 74.1kg (81.5 in Jan) - 7.4kg loss. Pt says "not hungry", not eating regular meals. Clothes unwashed. HbA1c 71 (up). Review 4 wks.', '10:00'], d: '2023-08-30', t: '10:00', s: 'concern', C: 'C1', k: '7.4kg loss' },
  { v: ['Letter in', 'Admin', 'Ambulance service notification: attended 18/09 fall at home, bruising L cheek and L ribs, declined conveyance.', null], d: '2023-09-19', s: 'concern', L: 'L13', C: 'C1', k: 'attended 18/09 fall at home' },
  { v: ['DNA', 'Practice nurse', 'Did not attend weight/diabetes review.', '10:30'], d: '2023-09-27', t: '10:30', s: 'concern', C: 'C1', k: 'Did not attend weight/diabetes review' },
  { v: ['Telephone', 'Practice nurse', 'Tel call to pt re DNA - phone answered by a female who said Gareth "is fine" and will rebook.', '14:45'], d: '2023-10-04', t: '14:45', s: 'concern', C: 'C1', k: 'phone answered by a female' },
  { v: ['Letter in', 'Admin', 'Notification of death from Haverleigh General Hospital: died 16/10/2023. Referred to coroner.', null], d: '2023-10-17', s: 'routine', k: 'Notification of death' },
  { v: ['Letter in', 'Admin', 'Letter from coroner\'s officer requesting copy of records and GP statement.', null], d: '2023-10-25', s: 'routine', k: 'requesting copy of records and GP statement' },
  { v: ['Letter out', 'GP', 'Records and statement sent to HM Coroner.', null], d: '2023-11-08', s: 'routine', k: 'Records and statement sent to HM Coroner' },
  { v: ['Letter in', 'Admin', 'Haverleigh SAB: SAR notification and request for chronology.', null], d: '2023-11-14', s: 'routine', k: 'SAR notification and request for chronology' },
];
WRITERS.push({ file: GP_FILE, kind: 'json', header: 0, fn: async () => {
  const recs = gp.map((r, i) => ({
    recordId: `LRS-${String(70311 + i * 7)}`,
    nhsNumber: NHS,
    patientName: 'PELLOW, Gareth John',
    dateOfBirth: '1979-08-14',
    eventDate: r.d,
    eventTime: r.v[3],
    recordType: r.v[0],
    clinicianRole: r.v[1],
    entryText: r.v[2],
  }));
  fs.writeFileSync(path.join(DIR, GP_FILE), JSON.stringify(recs, null, 2) + '\n');
  register(GP_FILE, 'GP', 'GP system JSON export (array of records), ISO dates, separate time field, NHS number on every record', gp, gp.map((_, i) => i + 1));
} });


// =====================================================================
// 6. Ambulance (CSV, ISO UTC timestamps)
// =====================================================================
const AMB_FILE = 'ambulance-epcr.csv';
// v: [incident_id, call_received_utc, on_scene_utc, patient_name, patient_dob, incident_address, chief_complaint, clinical_notes, disposition]
const amb = [
  { v: ['WM2112-04417', '2021-12-12T10:04:37Z', '2021-12-12T10:31:02Z', 'Gareth Pellow', '1978-08-14', 'Flat 6 Corran Court, Linden Road, Haverleigh', 'Diabetic problem', 'Hypo at home, BM 3.1, oral glucose, recovered.', 'Not conveyed - left at home'], st: 'bad', why: 'outside_review_period', k: 'Hypo at home, BM 3.1' },
  { v: ['WM2207-18830', '2022-07-20T11:48:09Z', '2022-07-20T12:09:40Z', 'Gareth Pellow', '1978-08-14', 'Willowbank Day Opportunities, Willow Lane, Haverleigh', 'Diabetic problem', 'Hypoglycaemia, BM 2.9. Glucogel given, BM 6.4 after 15 min. Staff report pt had no breakfast. Known T2DM on metformin.', 'Not conveyed - left in care of day centre staff; GP letter'], s: 'routine', L: 'L02', k: 'Glucogel given' },
  { v: ['WM2304-20561', '2023-04-15T23:31:20Z', '2023-04-16T00:02:11Z', 'Gareth Pellow', '1978-08-14', 'Flat 6 Corran Court, Linden Road, Haverleigh', 'Chest pain', '999 call from male stating pt "having a heart attack". On arrival pt asleep, states friend "did it for a laugh". Obs NAD. 5-6 adults in flat, strong smell of cannabis. Pt unkempt.', 'Not conveyed - no clinical need'], s: 'concern', C: 'C2', L: 'L18', k: 'did it for a laugh' },
  { v: ['WM2309-15577', '2023-09-18T20:47:03Z', '2023-09-18T21:26:48Z', 'Gareth Pellow', '1978-08-14', 'Flat 6 Corran Court, Linden Road, Haverleigh', 'Fall', 'Fall at home. Bruising L cheek and L lateral ribs, no LOC reported. Pt states he "fell over". Two friends present state he is "clumsy" and "always falling over". Pt declined conveyance, capacity assessed - has capacity. Worsening advice given.', 'Not conveyed - declined; GP notified'], s: 'concern', who: ['P1'], L: 'L13', C: 'C1', k: 'always falling over' },
  { v: ['WM2310-11902', '2023-10-14T23:52:41Z', '2023-10-15T00:06:15Z', 'UNKNOWN MALE - later ID Gareth PELLOW', '', 'Communal stairwell, Corran Court, Linden Road, Haverleigh', 'Fall / head injury', 'Male at foot of communal stairs. GCS 8, large occipital haematoma, bruising to face and arms of different ages. Caller (male) left scene before arrival. Police requested to scene.', 'Conveyed Haverleigh General ED - pre-alert'], s: 'concern', L: 'L15', k: 'Male at foot of communal stairs' },
];
for (const r of amb) if (r.s) { const lt = london(r.v[1]); r.d = lt.date; r.t = lt.time; }
WRITERS.push({ file: AMB_FILE, kind: 'csv', header: 1, fn: async () => {
  const lines = ['incident_id,call_received_utc,on_scene_utc,patient_name,patient_dob,incident_address,chief_complaint,clinical_notes,disposition', ...amb.map((r) => r.v.map(csvField).join(','))];
  fs.writeFileSync(path.join(DIR, AMB_FILE), lines.join('\n') + '\n', 'utf8');
  register(AMB_FILE, 'Ambulance', 'ePCR extract, UTF-8, ISO 8601 UTC timestamps (local time is BST for most rows); mistyped date of birth 1978-08-14', amb, amb.map((_, i) => i + 2));
} });

// =====================================================================
// 7. Day centre (XLSX, first names, multi-line notes, real dates)
// =====================================================================
const DC_FILE = 'willowbank-attendance.xlsx';
// v: [attended, notes]
const dc = [
  { v: ['Y', 'Gardening group. G in good spirits.'], d: '2022-02-07', s: 'routine', k: 'Gardening group' },
  { v: ['Y', 'Art - G made a birthday card for his sister.'], d: '2022-03-02', s: 'routine', who: ['P1', 'P2'], k: 'birthday card for his sister' },
  { v: ['Y', 'Trip to Stallbridge garden centre, G paid for his own lunch.'], d: '2022-04-11', s: 'routine', k: 'Stallbridge garden centre' },
  { v: ['Y', 'Cooking group - G made pasta bake.'], d: '2022-05-09', s: 'routine', id: 'pasta', k: 'pasta bake' },
  { dupOf: 'pasta' },
  { v: ['Y', 'G talking a lot about his new mates Kai and Stacey, says they come round "every day".'], d: '2022-06-08', s: 'concern', who: ['P1', 'P3', 'P4'], k: 'they come round "every day"' },
  { v: ['-', 'KW rang CLDT nurse to mention G\'s new friends - FYI only.'], d: '2022-06-14', s: 'response', L: 'L01', k: 'KW rang CLDT nurse' },
  { v: ['Y', 'G had a hypo at lunch (BM 2.9).\nAmbulance called, treated here, not taken to hospital.\nG said he\'d had no breakfast - "no money for food till Friday".'], d: '2022-07-20', s: 'concern', L: 'L02', k: 'no money for food till Friday' },
  { v: ['N', 'Not in - no call.'], d: '2022-07-25', s: 'routine', k: 'Not in - no call.' },
  { v: ['Y', 'No money for lunch again (3rd week). Says Kai "borrowed" it.\nKW to raise with manager.'], d: '2022-08-03', s: 'concern', who: ['P1', 'P3'], C: 'K1', k: 'No money for lunch again (3rd week)' },
  { v: ['-', 'Manager rang ASC duty - safeguarding concern raised re G\'s money.'], d: '2022-08-08', s: 'response', L: 'L03', C: 'K1', k: 'Manager rang ASC duty' },
  { v: ['Y', 'G brought own lunch money (from his spends). Much happier.'], d: '2022-09-07', s: 'routine', k: 'brought own lunch money' },
  { v: ['Y', '6-monthly review with G - wants to keep his 3 days. Likes woodwork best.'], d: '2022-10-12', s: 'routine', k: 'Likes woodwork best' },
  { v: ['Y', 'Xmas craft - G making decorations for his flat.'], d: '2022-11-16', s: 'routine', k: 'decorations for his flat' },
  { v: ['Y', 'Christmas party - G danced all afternoon!'], d: '2022-12-14', s: 'routine', k: 'danced all afternoon' },
  { blank: true, st: 'bad', why: 'empty_row', k: '' },
  { v: ['Y', 'Annual placement review - G happy, continuing Mon/Wed/Fri. No issues.'], d: '2023-01-18', s: 'routine', C: 'K2', k: 'Annual placement review' },
  { v: ['Y', 'Woodwork - finished his bird box.'], d: '2023-02-15', s: 'routine', k: 'bird box' },
  { v: ['N', 'Not in. Rang flat - a male answered, said G "poorly".'], d: '2023-03-06', s: 'concern', C: 'C2', k: 'said G "poorly"' },
  { v: ['N', 'Not in, no call.'], d: '2023-03-08', s: 'concern', C: 'C2', k: 'Not in, no call.' },
  { v: ['Y', 'G in but very tired, fell asleep in art.\nSays "lots of parties at mine".\nLooked like he\'d slept in his clothes.'], d: '2023-03-13', s: 'concern', C: 'C2', k: 'lots of parties at mine' },
  { v: ['N', 'Not in. No answer on his phone.'], d: '2023-03-20', s: 'concern', C: 'C2', k: 'No answer on his phone' },
  { v: ['N', 'Not in. Transport driver - no answer at door.'], d: '2023-04-03', s: 'concern', C: 'C2', k: 'Transport driver - no answer at door' },
  { v: ['Y', 'G in. Bruise on his arm - says it was the bus step.\nSays his mates rang an ambulance "for a laugh" Sat night.\nQuiet, not himself.'], d: '2023-04-17', s: 'concern', L: 'L18', C: 'C2', k: 'rang an ambulance "for a laugh"' },
  { v: ['N', 'not in - 5th session missed since Easter.'], d: '2023-05-03', s: 'concern', k: '5th session missed since Easter' },
  { v: ['N', 'Not in - letter sent to G re his place.'], d: '2023-05-17', s: 'concern', k: 'letter sent to G re his place' },
  { v: ['N', 'Not in. 2nd letter sent, no reply.'], d: '2023-06-14', s: 'concern', C: 'C3', k: '2nd letter sent, no reply' },
  { v: ['-', 'Placement closed - no attendance since 17/04.\nEmailed ASC duty to let them know.'], d: '2023-07-17', s: 'concern', L: 'L12', C: 'C3', k: 'Placement closed - no attendance since 17/04' },
  { v: ['-', 'Heard G has passed away. Staff very upset.\nCard sent to his sister Janice.'], d: '2033-10-19', st: 'bad', why: 'future_date', k: 'Heard G has passed away' },
  { v: ['-', 'Chronology request from SAB received - sent 27/11.'], d: '2023-11-20', s: 'routine', k: 'Chronology request from SAB' },
];
dc.forEach((r, i) => { if (r.dupOf) { const o = dc.find((x) => x.id === r.dupOf); dc[i] = { v: [...o.v], d: o.d, st: 'dup', dup: r.dupOf }; } });
WRITERS.push({ file: DC_FILE, kind: 'xlsx', header: 1, fn: async () => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Willowbank'; wb.created = new Date(Date.UTC(2023, 10, 27)); wb.modified = wb.created;
  const ws = wb.addWorksheet('Gareth notes');
  ws.getRow(1).values = ['Date', 'Day', 'Member', 'Attended', 'Key worker notes'];
  ws.getRow(1).font = { bold: true };
  ws.columns = [{ width: 12 }, { width: 6 }, { width: 12 }, { width: 9 }, { width: 70 }];
  const rowNos = [];
  dc.forEach((r, i) => {
    const n = 2 + i; rowNos.push(n);
    if (r.blank) return;
    const row = ws.getRow(n);
    row.getCell(1).value = ud(r.d); row.getCell(1).numFmt = 'dd/mm/yy';
    row.getCell(2).value = WD[ud(r.d).getUTCDay()];
    row.getCell(3).value = 'Gareth P';
    row.getCell(4).value = r.v[0];
    row.getCell(5).value = r.v[1];
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  await wb.xlsx.writeFile(path.join(DIR, DC_FILE));
  register(DC_FILE, 'Day Centre', 'attendance and key-worker notes sheet, real Excel dates shown dd/mm/yy, first name only, multi-line notes, one exact duplicate, one blank row, one mistyped (future) year', dc, rowNos);
} });

main().catch((e) => { console.error(e); process.exit(1); });
