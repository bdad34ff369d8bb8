// Generator for the blind evaluation case cspr-ashvale-infant (all people, places and organisations fictional).
// Run: cd /work/main && node eval/cases/cspr-ashvale-infant/generate.mjs
// Deterministic: no random numbers, no current dates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as docx from 'docx';
import JSZip from 'jszip';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const CASE = 'cspr-ashvale-infant';

// ---------------------------------------------------------------- identifiers
function nhs(base9) {
  const d = base9.split('').map(Number);
  const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  if (c === 10) throw new Error('invalid NHS base ' + base9);
  return base9 + c;
}
const spaced = (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
const NHS_BABY = nhs('738201946');
const NHS_MUM = nhs('612048374');
const NHS_DAD = nhs('574209118');
const NHS_TAYLA = nhs('702318465');
const NHS_PGF = nhs('450912387');

const ADDR = 'Flat 3, 22 Weaver Close';
const PGF_ADDR = '7 Tenter Row';

// ---------------------------------------------------------------- date helpers
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const parts = (iso) => iso.split('-').map(Number);
const pad = (n) => String(n).padStart(2, '0');
const fmt = {
  ddmmyy_dot: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}.${pad(m)}.${pad(y % 100)}`; },
  ddmmyy: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}/${pad(m)}/${pad(y % 100)}`; },
  ddmmyyyy: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}/${pad(m)}/${y}`; },
  dmyyyy: (iso) => { const [y, m, d] = parts(iso); return `${d}/${m}/${y}`; },
  ddMonyy: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}-${MON[m - 1]}-${pad(y % 100)}`; },
};
// Europe/London local date and time of a UTC instant
function london(isoZ) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false,
  });
  const p = Object.fromEntries(f.formatToParts(new Date(isoZ)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour === '24' ? '00' : p.hour}:${p.minute}` };
}


// make zip-based files byte-stable: fixed entry timestamps and fixed document dates
const FIXED = new Date(Date.UTC(2023, 8, 4, 9, 0, 0));
async function normalizeZip(fp) {
  const zin = await JSZip.loadAsync(fs.readFileSync(fp));
  const zout = new JSZip();
  const names = Object.keys(zin.files).sort();
  for (const name of names) {
    const e = zin.files[name];
    if (e.dir) continue;
    let data = await e.async('uint8array');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(Buffer.from(data).toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<)/g, '$12023-09-04T09:00:00Z$3'));
    }
    zout.file(name, data, { date: FIXED, createFolders: false });
  }
  const buf = await zout.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  fs.writeFileSync(fp, buf);
}

// ---------------------------------------------------------------- label helpers
// E(): an entry label. opts: time, dateTo, precision
function E(key, date, people, signal, about, opts = {}) {
  const lab = {
    key, status: 'entry', date, dateTo: opts.dateTo ?? date, time: opts.time ?? null,
    precision: opts.precision ?? 'day', people, signal,
  };
  if (signal === 'concern') lab.concernAbout = about;
  return lab;
}
const BAD = (key, badReason) => ({ key, status: 'bad', badReason });
const DUP = (key, ofId) => ({ key, status: 'duplicate', duplicateOfId: ofId });
const DIV = (key) => ({ key, status: 'divider' });

const labelRows = []; // {file,row,...}
const idIndex = {}; // id -> [file,row]
const rowText = {}; // `${file}#${row}` -> text used when writing (for checks)
function register(file, row, rec, text) {
  const lab = { file, row, ...rec.lab };
  if (lab.status === 'duplicate') {
    lab.duplicateOf = idIndex[lab.duplicateOfId][1];
    delete lab.duplicateOfId;
  }
  labelRows.push(lab);
  if (rec.id) {
    if (idIndex[rec.id]) throw new Error('duplicate id ' + rec.id);
    idIndex[rec.id] = [file, row];
  }
  rowText[`${file}#${row}`] = text;
}

// ---------------------------------------------------------------- CSV writer
function csvField(v, delim) {
  const s = v == null ? '' : String(v);
  if (s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r')) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}
// records: [{cells, lab, id}]; returns string content. header is line 1 (after any BOM).
function writeCsv(file, header, records, { delim = ',', eol = '\r\n' } = {}) {
  let out = header.map((h) => csvField(h, delim)).join(delim) + eol;
  let line = 2;
  for (const rec of records) {
    const text = rec.cells.map((c) => csvField(c, delim)).join(delim);
    register(file, line, rec, rec.cells.join(' | '));
    out += text + eol;
    line += 1 + (text.match(/\n/g) || []).length;
  }
  return out;
}

// ================================================================ PEOPLE
const people = [
  { ref: 'P1', name: 'Finley James Harlock', kind: 'subject',
    written: ['Finley HARLOCK', 'HARLOCK, Finley', 'Finley Harlock', 'Finley', 'Finn', 'baby Finn', 'baby', 'Unborn baby of Kayleigh MARSH', 'HARLOCK Finley (19/11/2022)'],
    identifiers: ['Finley', 'Finn', 'Harlock', NHS_BABY, spaced(NHS_BABY), '19/11/2022', '19/11/22', '2022-11-29', '4471203'] },
  { ref: 'P2', name: 'Kayleigh Dawn Marsh', kind: 'family',
    written: ['Kayleigh', 'Ms Marsh', 'MARSH, Kayleigh', 'MARSH Kayleigh (14/06/2003)', 'Kayleigh Marsh', 'Kayleigh MARSH (mum)', 'K', 'Mum', 'mother'],
    identifiers: ['Kayleigh', 'Kay', 'Marsh', NHS_MUM, spaced(NHS_MUM), '14/06/2003', '2003-06-14', ADDR, '22 Weaver Close', 'Weaver Close'] },
  { ref: 'P3', name: 'Jordan Lee Harlock', kind: 'family',
    written: ['Jordan', 'Jord', 'FOB', 'partner Jordan', 'HARLOCK Jordan Lee (03/09/2001)', 'HARLOCK, Jordan Lee', 'Jordan HARLOCK', 'HARLOCK Jordan Lee (b.2001)', 'Dad', 'father', "Mum's partner Jordan"],
    identifiers: ['Jordan', 'Jord', 'Harlock', NHS_DAD, spaced(NHS_DAD), '03/09/2001', '03/09/01', 'b.2001'] },
  { ref: 'P4', name: 'Jordan Lee Harlock (born 1976)', kind: 'namesake',
    written: ['HARLOCK Jordan Lee (11/02/1976)', 'HARLOCK, Jordan Lee', 'HARLOCK snr', 'PGF', 'father of same name (b.1976)'],
    identifiers: ['Jordan', 'Harlock', '11/02/1976', NHS_PGF, spaced(NHS_PGF), PGF_ADDR, 'Tenter Row'] },
  { ref: 'P5', name: 'Tayla Grace Marsh', kind: 'family',
    written: ['Tayla', 'Tayla MARSH', 'MARSH, Tayla', 'Tayla (2)', 'sibling'],
    identifiers: ['Tayla', 'Marsh', NHS_TAYLA, spaced(NHS_TAYLA), '02/08/2019'] },
  { ref: 'P6', name: 'Sharon Marsh', kind: 'family',
    written: ['Nanna Sharon', 'Nanna', 'Nan', 'Sharon', 'MGM Sharon Marsh', 'MGM'],
    identifiers: ['Sharon', 'Marsh'] },
  { ref: 'P7', name: 'Chantelle Rook', kind: 'other',
    written: ['ROOK Chantelle (22/01/2002)', 'ex-partner'],
    identifiers: ['Chantelle', 'Rook', 'ROOK', '22/01/2002', '14 Cobble Lane'] },
];

let XLSX_HEADER_ROW = 0;
const files = {}; // file -> content written (for report)
const extracts = [];

// ================================================================ 1. MIDWIFERY (DOCX)
// Ashvale General Hospital NHS Trust (fictional) maternity chronology, Word template.
const MW = 'midwifery-chronology.docx';
{
  const f = fmt.ddmmyy_dot;
  const P = ['P2'];
  const R = (id, iso, time, type, details, plan, role, lab) => ({ id, cells: [iso ? f(iso) : '', time || '', type, details, plan, role], lab });
  const recs = [
    R('mw-selfref', '2022-03-22', '', 'Referral received', 'Self referral form received via website. G2 P1. LMP 28/01/22. GP Dr at Ashvale Vale Surgery.', 'Booking appt sent for 05/04', 'Admin / booking clerk',
      E('Self referral form received via website', '2022-03-22', P, 'routine')),
    R(null, '2022-04-05', '10:30', 'Booking appointment', 'Booking at Ashvale Community Hub. Kayleigh attended with partner Jordan (FOB). Hx low mood 2020 (GP aware, no meds). Smoker 5/day, advised, CO 12ppm. Lives w/ daughter Tayla (2). Routine enquiry re DA not asked - partner present throughout.', 'Ask RE at next contact. Smoking cessation referral. Bloods.', 'Community midwife',
      E('Routine enquiry re DA not asked - partner present throughout', '2022-04-05', ['P2', 'P3', 'P5'], 'routine', null, { time: '10:30' })),
    R(null, '2022-04-05', '11:15', 'Bloods', 'Booking bloods taken: FBC, group & save, infection screen. Consent for screening.', 'Results to be checked', 'Community midwife',
      E('Booking bloods taken', '2022-04-05', P, 'routine', null, { time: '11:15' })),
    R(null, '2022-04-21', '09:40', 'Scan', 'Dating scan 12+0. Singleton, EDD 04/11/22. Combined screening low chance.', 'Anomaly scan 20/40', 'Sonographer',
      E('Dating scan 12+0', '2022-04-21', P, 'routine', null, { time: '09:40' })),
    R('mw-bruise', '2022-05-13', '14:00', 'Antenatal appt 15/40', 'Seen alone today. Small bruise L forearm noted, K said she walked into the door frame at home. RE DA asked - "no, nothing like that". Domestic abuse leaflet given discreetly. FH heard.', 'Document. Continue to offer RE.', 'Community midwife',
      E('Small bruise L forearm noted', '2022-05-13', P, 'concern', 'P2', { time: '14:00' })),
    R('mw-mash', '2022-05-17', '12:20', 'Telephone', 'Call from MASH social worker re police PPN - DA incident at home address 14/05. Shared booking info + bruise seen 13/05. Agreed joint home visit.', 'Joint HV with SW Fri 20/05', 'Community midwife',
      E('Call from MASH social worker re police PPN', '2022-05-17', ['P2', 'P3'], 'response', null, { time: '12:20' })),
    R('mw-joint', '2022-05-20', '10:00', 'Home visit (joint)', 'Joint home visit with SW. Kayleigh alone with Tayla. Safety planning discussed, K agreed to referral to IDVA. Says Jordan staying at his dad\'s for now.', 'IDVA referral today', 'Community midwife',
      E('Joint home visit with SW', '2022-05-20', ['P2', 'P5', 'P3'], 'response', null, { time: '10:00' })),
    R(null, '2022-05-20', '15:30', 'Referral', 'Referral to Ashvale Women\'s Refuge IDVA service sent with consent.', 'Await contact', 'Community midwife',
      E('Referral to Ashvale Women\'s Refuge IDVA service', '2022-05-20', P, 'response', null, { time: '15:30' })),
    { cells: ['w/c 13/06/2022', '', 'Letter', 'Anomaly scan appointment letter sent (date of letter not recorded).', '', 'Admin / booking clerk'],
      lab: E('Anomaly scan appointment letter sent', '2022-06-13', P, 'routine', null, { dateTo: '2022-06-19', precision: 'week' }) },
    R(null, '2022-06-24', '11:00', 'Scan', 'Anomaly scan 20+6 - normal, no concerns.', '', 'Sonographer',
      E('Anomaly scan 20+6 - normal', '2022-06-24', P, 'routine', null, { time: '11:00' })),
    R(null, '2022-07-12', '13:45', 'Antenatal appt 23/40', 'BP 112/70, urine NAD, FH heard, fundus as expected. K seen alone - RE asked, declined to discuss. K says Jordan "has moved back to his dad\'s".', 'GTT not indicated', 'Community midwife',
      E('BP 112/70, urine NAD', '2022-07-12', ['P2', 'P3'], 'routine', null, { time: '13:45' })),
    R(null, '2022-08-02', '', 'Telephone', 'Ms Marsh rang to cancel appt - no childcare. Rebooked 09/08.', '', 'Admin / booking clerk',
      E('Ms Marsh rang to cancel appt - no childcare', '2022-08-02', P, 'routine')),
    R(null, '2022-08-09', '10:15', 'Antenatal appt 27/40', '28/40 bloods (FBC, antibodies). Pertussis vaccine advised - to book with GP. Well.', '', 'Community midwife',
      E('28/40 bloods (FBC, antibodies)', '2022-08-09', P, 'routine', null, { time: '10:15' })),
    R(null, '2022-09-13', '10:45', 'Antenatal appt 32/40', 'All well. BP 118/74. Birth plan discussed, wants to deliver at ASGH. Has had whooping cough vaccine.', '', 'Community midwife',
      E('Birth plan discussed, wants to deliver at ASGH', '2022-09-13', P, 'routine', null, { time: '10:45' })),
    R(null, '2022-09-27', '10:30', 'Antenatal appt 34/40', 'Growth on curve. Infant feeding discussed - plans to formula feed. Car seat & Moses basket ready.', '', 'Community midwife',
      E('plans to formula feed', '2022-09-27', P, 'routine', null, { time: '10:30' })),
    R(null, '2022-10-11', '10:30', 'Antenatal appt 36/40', 'Cephalic, 3/5 palp. BP normal. Signs of labour discussed.', '', 'Community midwife',
      E('Cephalic, 3/5 palp', '2022-10-11', P, 'routine', null, { time: '10:30' })),
    R(null, '2022-10-25', '11:00', 'Antenatal appt 38/40', 'Partner Jordan present, asking when baby due, "can\'t wait". No concerns raised.', '', 'Community midwife',
      E('Partner Jordan present, asking when baby due', '2022-10-25', ['P2', 'P3'], 'routine', null, { time: '11:00' })),
    R(null, '2022-11-08', '10:00', 'Antenatal appt 40+4', 'Membrane sweep offered and done. Post dates plan explained.', '', 'Community midwife',
      E('Membrane sweep offered and done', '2022-11-08', P, 'routine', null, { time: '10:00' })),
    R(null, '2022-11-15', '10:00', 'Antenatal appt 41+4', 'Post dates - IOL booked for 18/11 at ASGH.', '', 'Community midwife',
      E('IOL booked for 18/11 at ASGH', '2022-11-15', P, 'routine', null, { time: '10:00' })),
    R('mw-birth', '2022-11-19', '04:12', 'Delivery', 'SVD at ASGH maternity unit after IOL. Live male infant 3.12kg, Apgars 9/10. Both parents present. Baby Finley.', 'Postnatal ward', 'Hospital midwife',
      E('Live male infant 3.12kg, Apgars 9/10', '2022-11-19', ['P1', 'P2', 'P3'], 'routine', null, { time: '04:12' })),
    R(null, '2022-11-20', '19:50', 'Postnatal ward', 'FOB loud and verbally aggresive to staff at end of visiting, shouting at K when baby wouldn\'t settle. Asked to leave by security. K apologised, said he is "just tired".', 'Datix. Handover to day staff.', 'Hospital midwife',
      E('FOB loud and verbally aggresive to staff', '2022-11-20', ['P3', 'P2', 'P1'], 'concern', 'P1', { time: '19:50' })),
    R(null, '2022-11-21', '12:00', 'Discharge', 'Mother and baby discharged home. Transfer to community midwife.', '', 'Hospital midwife',
      E('Mother and baby discharged home', '2022-11-21', ['P2', 'P1'], 'routine', null, { time: '12:00' })),
    R(null, '2022-11-22', '11:30', 'Postnatal home visit', 'Day 3. Baby feeding well (formula), wt 3.02kg. Jordan present, K quiet. Cord clean.', '', 'Community midwife',
      E('Day 3. Baby feeding well (formula)', '2022-11-22', ['P1', 'P2', 'P3'], 'routine', null, { time: '11:30' })),
    R(null, '2022-11-24', '10:00', 'Postnatal home visit', 'Day 5 - newborn blood spot taken. Baby wt 3.08kg.', '', 'Maternity support worker',
      E('newborn blood spot taken', '2022-11-24', ['P1', 'P2'], 'routine', null, { time: '10:00' })),
    R('mw-handover', '2022-11-29', '09:30', 'Discharge to HV', 'Discharged from midwifery care. Handover to Ashvale HV team by phone + form, inc. MASH involvement May 22 and incident on ward 20/11.', '', 'Community midwife',
      E('Handover to Ashvale HV team by phone + form', '2022-11-29', ['P1', 'P2', 'P3'], 'response', null, { time: '09:30' })),
    R('mw-records', '2023-04-05', '15:00', 'Information request', 'Request from CSC for maternity records for s47 enquiry (Finley). Records sent via secure email.', '', 'Safeguarding midwife',
      E('Request from CSC for maternity records for s47 enquiry', '2023-04-05', ['P1', 'P2'], 'response', null, { time: '15:00' })),
    R(null, '2023-04-06', '', 'Records review', 'Internal review of maternity records completed by safeguarding team. Datix raised re RE not completed at booking.', '', 'Safeguarding midwife',
      E('Internal review of maternity records completed', '2023-04-06', ['P2'], 'routine')),
  ];

  const header = ['Date', 'Time', 'Type of contact', 'Details / discussion', 'Action / plan', 'Designation'];
  const cell = (t, bold = false) => new docx.TableCell({ children: [new docx.Paragraph({ children: [new docx.TextRun({ text: t, bold })] })] });
  const rows = [new docx.TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })];
  recs.forEach((rec, i) => {
    rows.push(new docx.TableRow({ children: rec.cells.map((c) => cell(c)) }));
    register(MW, i + 2, rec, rec.cells.join(' | '));
  });
  const doc = new docx.Document({
    creator: 'Named Midwife for Safeguarding',
    sections: [{
      children: [
        new docx.Paragraph({ children: [new docx.TextRun({ text: 'Ashvale General Hospital NHS Trust - Maternity Services', bold: true })] }),
        new docx.Paragraph({ children: [new docx.TextRun(`Agency chronology for CSPR. Woman: Kayleigh MARSH, DOB 14/06/2003, NHS ${spaced(NHS_MUM)}, ${ADDR}, Ashvale AV4 2QT`)] }),
        new docx.Paragraph({ children: [new docx.TextRun('Prepared by: Named Midwife for Safeguarding')] }),
        new docx.Table({ rows, width: { size: 100, type: docx.WidthType.PERCENTAGE } }),
      ],
    }],
  });
  const buf = await docx.Packer.toBuffer(doc);
  fs.writeFileSync(path.join(DIR, MW), buf);
  await normalizeZip(path.join(DIR, MW));
  extracts.push({ file: MW, agency: 'Midwifery', notes: 'Word chronology table (header row 1), dd.mm.yy dates, one week-approximate row; woman named in a paragraph above the table' });
  files[MW] = recs.length;
}

// ================================================================ 2. HEALTH VISITING (CSV, UTF-8 BOM, dd/mm/yy)
// Ashvale Community Health (fictional) 0-19 service, export from the child health record.
const HV = 'health-visiting.csv';
{
  const f = fmt.ddmmyy;
  const B = 'Finley HARLOCK', M = 'Kayleigh MARSH (mum)', T = 'Tayla MARSH', U = 'Unborn (Kayleigh MARSH)';
  const R = (id, iso, time, client, type, loc, notes, outcome, staff, lab) => ({ id, cells: [iso ? f(iso) : '', time || '', client, type, loc, notes, outcome, staff], lab });
  const recs = [
    R('hv-mash', '2022-05-17', '09:50', T, 'Safeguarding notification', 'Office', 'MASH notification received re DA incident at home 14/05/22. Tayla (2) and unborn. Records checked: Tayla 2-2.5yr review Feb 22 no concerns, imms up to date.', 'Info returned to MASH. Flag added.', 'HV',
      E('MASH notification received re DA incident', '2022-05-17', ['P5', 'P2', 'P3'], 'response', null, { time: '09:50' })),
    R('hv-strat', '2022-05-18', '14:00', T, 'Strategy discussion', 'Telephone', 'Strategy discussion (telephone) with MASH TM and police DS - HV contributed health info for Tayla. Outcome single assessment, not s47.', 'HV to do antenatal contact', 'HV',
      E('HV contributed health info for Tayla', '2022-05-18', ['P5', 'P2'], 'response', null, { time: '14:00' })),
    { cells: ['?14/06/22', '', M, 'Telephone', 'Telephone', 'Phone call to mum to arrange antenatal contact - no answer, text sent. (entered late, date uncertain)', 'Retry', 'HV'],
      lab: E('Phone call to mum to arrange antenatal contact', '2022-06-14', ['P2'], 'routine', null, { precision: 'approximate' }) },
    R('hv-closure', '2022-08-30', '', T, 'Correspondence', 'Office', 'CSC closure notification received - Early Help closed 26/08/22. Noted on Tayla and mum records.', 'Flag kept', 'Admin',
      E('CSC closure notification received', '2022-08-30', ['P5', 'P2'], 'response')),
    R(null, '2022-09-06', '13:30', U, 'Antenatal contact', 'Home', 'Antenatal contact, K 31/40. Safe sleep, feeding, ICON (coping with crying) discussed. Lives with Tayla; says Jordan visits.', 'NBV after birth', 'HV',
      E('Antenatal contact, K 31/40', '2022-09-06', ['P2', 'P5', 'P3'], 'routine', null, { time: '13:30' })),
    R(null, '2022-09-20', '', T, 'Letter', 'Office', '3yr review invite letter sent to mum for 11/10/22 (Tayla)', '', 'Admin',
      E('3yr review invite letter sent', '2022-09-20', ['P5', 'P2'], 'routine')),
    R(null, '2022-10-11', '10:00', T, '3 yr review', 'Clinic', 'Tayla 3yr review - speech good, toilet trained, height/wt on 50th. Mum attended. No concerns.', '', 'Nursery nurse',
      E('Tayla 3yr review - speech good', '2022-10-11', ['P5', 'P2'], 'routine', null, { time: '10:00' })),
    R('hv-handover', '2022-11-29', '09:45', B, 'Transfer in', 'Telephone', 'Midwifery handover received for Finley (b. 19/11/22). Note previous MASH involvement May 22 + incident on postnatal ward with dad.', 'NBV booked 01/12', 'HV',
      E('Midwifery handover received for Finley', '2022-11-29', ['P1', 'P2', 'P3'], 'response', null, { time: '09:45' })),
    R(null, '2022-12-01', '10:00', B, 'New birth visit', 'Home', 'NBV day 12. Wt 3.4kg. Dad (Jordan) present throughout, answered most questions, mum quiet. EPDS not done as partner present - do at 6-8wk. Safe sleep: Moses basket seen.', 'Universal plus', 'HV',
      E('NBV day 12', '2022-12-01', ['P1', 'P2', 'P3'], 'routine', null, { time: '10:00' })),
    R(null, '2022-12-14', '11:10', B, 'Clinic', 'Ashvale Family Hub', 'Weighed at baby clinic 3.7kg. Mum attended with Tayla. Happy with feeding.', '', 'Nursery nurse',
      E('Weighed at baby clinic 3.7kg', '2022-12-14', ['P1', 'P2', 'P5'], 'routine', null, { time: '11:10' })),
    R(null, '2022-12-28', '15:20', B, 'Telephone', 'Telephone', 'Mum rang re crying/posseting in evenings, ?colic. Advice given, ICON reinforced.', '', 'HV',
      E('Mum rang re crying/posseting', '2022-12-28', ['P1', 'P2'], 'routine', null, { time: '15:20' })),
    R('hv-dna1', '2023-01-12', '10:30', B, '6-8 week contact', 'Home', 'DNA - no answer at home. Card left.', 'Rebook', 'HV',
      E('DNA - no answer at home. Card left.', '2023-01-12', ['P1', 'P2'], 'concern', 'P1', { time: '10:30' })),
    R('hv-dna2', '2023-01-19', '14:00', B, '6-8 week contact', 'Home', 'No access. Voices heard inside + baby crying, nobody came to door. Card left, text sent.', 'Rebook at clinic', 'HV',
      E('Voices heard inside + baby crying, nobody came to door', '2023-01-19', ['P1', 'P2'], 'concern', 'P1', { time: '14:00' })),
    R(null, '2023-01-26', '', M, 'Text', 'Telephone', 'Text from mum: "sorry been ill, will come to clinic"', 'Clinic 02/02', 'HV',
      E('sorry been ill, will come to clinic', '2023-01-26', ['P2'], 'routine')),
    R('hv-epds', '2023-02-02', '11:00', B, '6-8 week contact', 'Ashvale Family Hub', 'Late 6-8wk contact at clinic. Wt 4.9kg. EPDS 14 - mum says "just tired", declined listening visits. Dad waited in car.', 'Listening visit offered', 'HV',
      E('EPDS 14', '2023-02-02', ['P1', 'P2', 'P3'], 'concern', 'P2', { time: '11:00' })),
    R(null, '2023-02-22', '', M, 'Letter', 'Office', 'Letter offering listening visit 09/03', '', 'Admin',
      E('Letter offering listening visit', '2023-02-22', ['P2'], 'routine')),
    R('hv-bruise', '2023-03-09', '16:40', B, 'Telephone', 'Telephone', 'Mum rang to cancel listening visit. Mentioned baby has small bruise on cheek, says car seat strap "caught it getting him in". Advised to see GP.', 'Not seen by HV', 'HV',
      E('car seat strap "caught it getting him in"', '2023-03-09', ['P1', 'P2'], 'concern', 'P1', { time: '16:40' })),
    R('hv-noaccess', '2023-03-21', '10:00', B, 'Review', 'Home', '16wk review - no access, curtains closed. Could hear TV. Card left.', 'Letter', 'HV',
      E('16wk review - no access, curtains closed', '2023-03-21', ['P1', 'P2'], 'concern', 'P1', { time: '10:00' })),
    R(null, '2023-03-23', '', B, 'Letter', 'Office', 'Appt letter sent for review 03/04/23', '', 'Admin',
      E('Appt letter sent for review 03/04/23', '2023-03-23', ['P1', 'P2'], 'routine')),
    R('hv-info', '2023-04-01', '09:15', B, 'Safeguarding', 'Telephone', 'Call from CSC EDT: Finley admitted ASGH overnight with head injury, now PICU. HV records summary shared.', 'Safeguarding supervision', 'HV',
      E('HV records summary shared', '2023-04-01', ['P1', 'P2', 'P3'], 'response', null, { time: '09:15' })),
    R('hv-strat2', '2023-04-12', '10:00', B, 'Strategy meeting', 'Teams', 'Attended strategy meeting 2. Shared missed contacts Jan/Mar and bruise phone call 09/03.', '', 'HV',
      E('Attended strategy meeting 2', '2023-04-12', ['P1', 'P2', 'P3', 'P5'], 'response', null, { time: '10:00' })),
    R(null, '2023-04-20', '', B, 'Report', 'Office', 'HV report for ICPC completed and sent to chair.', '', 'HV',
      E('HV report for ICPC completed', '2023-04-20', ['P1', 'P5'], 'response')),
    R('hv-icpc', '2023-04-26', '13:30', B, 'ICPC', 'Civic Centre', 'Attended ICPC. Finley and Tayla made subject to CP plans (Finley: physical abuse; Tayla: emotional abuse).', 'Core group 10/05', 'HV',
      E('Attended ICPC', '2023-04-26', ['P1', 'P5', 'P2', 'P3'], 'response', null, { time: '13:30' })),
    R('hv-core', '2023-05-10', '10:00', T, 'Core group', 'MGM home', 'Core group at Nanna Sharon\'s. Tayla settled, growth ok.', '', 'HV',
      E('Core group at Nanna Sharon', '2023-05-10', ['P5', 'P6', 'P2'], 'response', null, { time: '10:00' })),
    R(null, '2023-05-18', '', B, 'Transfer', 'Office', 'Finley discharged from hospital to foster carers under ICO. HV transfer to carers\' area team.', '', 'HV',
      E('HV transfer to carers', '2023-05-18', ['P1'], 'response')),
    R('hv-rcpc', '2023-07-12', '13:30', B, 'RCPC', 'Civic Centre', 'Attended RCPC - plans continue for both children.', '', 'HV',
      E('Attended RCPC', '2023-07-12', ['P1', 'P5'], 'response', null, { time: '13:30' })),
  ];
  const header = ['Contact Date', 'Time', 'Client', 'Contact Type', 'Location', 'Notes', 'Outcome/Plan', 'Staff'];
  const out = '\uFEFF' + writeCsv(HV, header, recs);
  fs.writeFileSync(path.join(DIR, HV), out, 'utf8');
  extracts.push({ file: HV, agency: 'Health Visiting', notes: 'child health record export, CSV UTF-8 with BOM, dd/mm/yy, one uncertain "?" date' });
  files[HV] = recs.length;
}

// ================================================================ 3. GP (CSV, UTF-8, dd/mm/yyyy)
// Ashvale Vale Surgery (fictional), journal extract for the household found by name search.
const GP = 'gp-journal.csv';
{
  const f = fmt.ddmmyyyy;
  const K = ['MARSH, Kayleigh', '14/06/2003', spaced(NHS_MUM)];
  const F = ['HARLOCK, Finley', '19/11/2022', spaced(NHS_BABY)];
  const T = ['MARSH, Tayla', '02/08/2019', spaced(NHS_TAYLA)];
  const J = ['HARLOCK, Jordan Lee', '03/09/2001', spaced(NHS_DAD)];
  const JS = ['HARLOCK, Jordan Lee', '11/02/1976', spaced(NHS_PGF)];
  const R = (id, dateText, who, type, clin, problem, notes, plan, lab) => ({ id, cells: [dateText, ...who, type, clin, problem, notes, plan], lab });
  const D = (iso) => f(iso);
  const lowMood = 'Low mood since baby, tearful most days, not sleeping even when baby sleeps.\n"Jord works nights, I\'m on my own with both of them."\nNo thoughts of self harm. PHQ-9 16. Appetite poor.';
  const recs = [
    R(null, '12/08/2021', K, 'Surgery', 'Practice nurse', 'Contraception review', 'Pill check, BP 108/66. Happy to continue.', 'Review 12m',
      BAD('Pill check, BP 108/66', 'outside_review_period')),
    R(null, D('2022-03-14'), K, 'Surgery', 'GP', 'Pregnancy confirmed', 'Pregnancy test positive, LMP 28/01/22. Planned-ish. Self-referral to midwifery advised.', 'Folic acid 400mcg',
      E('Pregnancy test positive, LMP 28/01/22', '2022-03-14', ['P2'], 'routine')),
    R(null, D('2022-04-11'), K, 'Correspondence', 'Admin', 'Letter in', 'Maternity booking summary received. Smoker. Hx low mood.', 'Filed',
      E('Maternity booking summary received', '2022-04-11', ['P2'], 'routine')),
    R('gp-mash', D('2022-05-17'), K, 'Correspondence', 'GP safeguarding lead', 'Safeguarding', 'Info request from Ashvale MASH re DA incident 14/05. GP summary sent: K - hx low mood 2020, no DA previously recorded; Tayla - no concerns.', 'Safeguarding alert added to K and Tayla',
      E('Info request from Ashvale MASH re DA incident 14/05', '2022-05-17', ['P2', 'P5'], 'response')),
    R(null, D('2022-06-06'), K, 'Telephone', 'GP', 'Heartburn in pregnancy', 'Heartburn, 18/40. No red flags.', 'Gaviscon Advance',
      E('Heartburn, 18/40', '2022-06-06', ['P2'], 'routine')),
    R(null, D('2022-09-05'), K, 'Surgery', 'Practice nurse', 'Immunisation', 'Pertussis vaccine (Boostrix-IPV) given, 31/40.', '',
      E('Pertussis vaccine (Boostrix-IPV) given', '2022-09-05', ['P2'], 'routine')),
    R(null, D('2022-09-15'), T, 'Surgery', 'GP', 'Otitis media', 'Tayla brought by mum. Ear pain 2 days, R TM red and bulging. Temp 38.1.', 'Amoxicillin 5/7',
      E('Ear pain 2 days, R TM red and bulging', '2022-09-15', ['P5', 'P2'], 'routine')),
    R(null, D('2022-09-22'), K, 'Surgery', 'Practice nurse', 'Immunisation', 'Flu vaccine given (pregnant).', '',
      E('Flu vaccine given (pregnant)', '2022-09-22', ['P2'], 'routine')),
    R(null, D('2022-09-28'), K, 'Prescription', 'GP', 'Repeat', 'Repeat prescription Gaviscon Advance issued.', '',
      E('Repeat prescription Gaviscon Advance issued', '2022-09-28', ['P2'], 'routine')),
    R(null, D('2022-10-03'), J, 'Telephone', 'GP', 'Low back pain', 'Back pain after lifting at work (warehouse). No red flags.', 'Fit note 1/52, naproxen',
      E('Back pain after lifting at work (warehouse)', '2022-10-03', ['P3'], 'routine')),
    R(null, D('2022-10-19'), JS, 'Surgery', 'Practice nurse', 'Hypertension review', 'BP 148/92. Smoker. Amlodipine continued.', 'Recheck 4/52',
      E('BP 148/92. Smoker. Amlodipine continued.', '2022-10-19', ['P4'], 'routine')),
    R(null, D('2022-11-21'), F, 'Correspondence', 'Admin', 'Birth notification', 'Birth notification: born 19/11/22 at ASGH, SVD, 3.12kg. Mother MARSH Kayleigh.', 'Register',
      E('Birth notification: born 19/11/22 at ASGH', '2022-11-21', ['P1', 'P2'], 'routine')),
    R(null, D('2022-11-28'), F, 'Registration', 'Admin', 'New patient', 'Finley registered. Linked to mother\'s record. Father recorded as Jordan HARLOCK (d.o.b. 03/09/01).', '',
      E('Finley registered. Linked to mother', '2022-11-28', ['P1', 'P2', 'P3'], 'routine')),
    R(null, D('2022-12-15'), F, 'Telephone', 'GP', 'Infant colic', 'Mum phoned - baby crying a lot in evenings, posseting. Feeding 4oz 3 hrly, wet nappies. Thriving per HV.', 'Advice, HV to follow',
      E('baby crying a lot in evenings, posseting', '2022-12-15', ['P1', 'P2'], 'routine')),
    R('gp-lowmood', D('2023-01-09'), K, 'Surgery', 'GP', 'Postnatal depression ?', lowMood, 'Sertraline 50mg od. Review 2/52. Self-help leaflets.',
      E('Low mood since baby, tearful most days', '2023-01-09', ['P2', 'P3', 'P1', 'P5'], 'concern', 'P2')),
    R(null, D('2023-01-13'), F, 'Surgery', 'Practice nurse', 'Immunisation', '8wk imms - DNA. Text reminder sent.', 'Rebook',
      E('8wk imms - DNA', '2023-01-13', ['P1', 'P2'], 'routine')),
    R('gp-edjan', D('2023-01-23'), F, 'Correspondence', 'Admin', 'A&E letter', 'ED discharge summary: attended 21/01 crying inconsolably ?colic, obs normal, discharged.', 'Filed - no action',
      E('ED discharge summary: attended 21/01', '2023-01-23', ['P1'], 'routine')),
    R('gp-dnareview', D('2023-01-27'), K, 'Surgery', 'GP', 'Postnatal depression ?', 'DNA for 2wk sertraline review.', 'Text sent to rebook',
      E('DNA for 2wk sertraline review', '2023-01-27', ['P2'], 'concern', 'P2')),
    R(null, D('2023-02-06'), F, 'Surgery', 'GP', '8 week check', '8wk check (late, 11wks). NAD, hips stable, red reflex present bilat, testes descended. Wt 5.1kg. 8wk imms given.', '',
      E('8wk check (late, 11wks)', '2023-02-06', ['P1', 'P2'], 'routine')),
    R(null, D('2023-02-16'), K, 'Telephone', 'GP', 'Postnatal depression', 'Sertraline review by phone. "A bit better." No side effects.', 'Continue, review 6/52',
      E('Sertraline review by phone', '2023-02-16', ['P2'], 'routine')),
    R(null, D('2023-02-20'), T, 'Telephone', 'GP', 'Cough', 'Tayla - cough and coryza, eating and drinking. Viral.', 'Safety netting',
      E('Tayla - cough and coryza', '2023-02-20', ['P5', 'P2'], 'routine')),
    R('gp-edmar4', D('2023-03-06'), F, 'Correspondence', 'Admin', 'A&E letter', 'ED letter: attended 04/03 ?fall from changing mat, no injury found, discharged.', 'Filed',
      E('ED letter: attended 04/03', '2023-03-06', ['P1'], 'routine')),
    R('gp-bruise', D('2023-03-10'), F, 'Surgery', 'GP', 'Bruise', 'Seen with mum. Small bruise L cheek approx 1cm, yellowish. Mum says caught on car seat buckle on Tues. Otherwise well, alert, feeding. Not yet rolling.', 'Reassured. 12wk imms given today.',
      E('caught on car seat buckle', '2023-03-10', ['P1', 'P2'], 'concern', 'P1')),
    R('gp-edmar25', D('2023-03-27'), F, 'Correspondence', 'Admin', 'A&E letter', 'ED letter: attended 25/03 vomiting, "rolled off sofa" 24/03 per father. Obs normal, discharged with head injury advice.', 'Filed',
      E('ED letter: attended 25/03 vomiting', '2023-03-27', ['P1', 'P3'], 'routine')),
    R('gp-woundup', D('2023-03-28'), K, 'Telephone', 'GP', 'Postnatal depression', 'Med review by phone. Says Jordan "is back and it\'s stressful", "he gets wound up when Finn cries". Sleeping poorly.', 'Sertraline increased to 100mg',
      E('he gets wound up when Finn cries', '2023-03-28', ['P2', 'P3', 'P1'], 'concern', 'P1')),
    R(null, '31/02/2023', K, 'Prescription', 'GP', 'Repeat', 'Repeat prescription sertraline 50mg x28 issued.', '',
      BAD('Repeat prescription sertraline 50mg x28 issued', 'impossible_date')),
    R('gp-info', D('2023-04-01'), F, 'Telephone', 'Duty GP', 'Safeguarding', 'Call from CSC EDT: Finley admitted overnight with head injury, ?NAI. Info requested for strategy discussion. Summary shared inc. bruise 10/03.', 'Safeguarding lead informed',
      E('Summary shared inc. bruise 10/03', '2023-04-01', ['P1', 'P2'], 'response')),
    R('gp-strat2', D('2023-04-12'), F, 'Meeting', 'GP safeguarding lead', 'Safeguarding', 'GP attended strategy meeting (Teams).', '',
      E('GP attended strategy meeting (Teams)', '2023-04-12', ['P1'], 'response')),
    R(null, '17/04/2032', F, 'Correspondence', 'Admin', 'Letter in', 'Letter from Ashvale Children\'s Services - ICPC invite 26/04.', 'GP report requested',
      BAD('ICPC invite 26/04', 'future_date')),
    R(null, D('2023-04-24'), F, 'Correspondence', 'GP safeguarding lead', 'Safeguarding', 'GP report for ICPC sent (Finley and Tayla).', '',
      E('GP report for ICPC sent', '2023-04-24', ['P1', 'P5'], 'response')),
    R('gp-icpc', D('2023-04-26'), F, 'Meeting', 'GP safeguarding lead', 'Child protection', 'ICPC held - GP attended first 30 mins. CP plans for Finley and Tayla. CP code added.', '',
      E('ICPC held - GP attended first 30 mins', '2023-04-26', ['P1', 'P5'], 'response')),
    R(null, D('2023-05-05'), K, 'Surgery', 'GP', 'Depression', 'Distressed re events, tearful. Sertraline continued 100mg.', 'Referred to Ashvale Talking Therapies',
      E('Referred to Ashvale Talking Therapies', '2023-05-05', ['P2'], 'response')),
    R(null, D('2023-06-14'), JS, 'Surgery', 'Practice nurse', 'Hypertension review', 'BP 138/86, improved.', '',
      E('BP 138/86, improved', '2023-06-14', ['P4'], 'routine')),
  ];
  // exact duplicate of the DNA review row (exported twice)
  const dupOf = recs.findIndex((r) => r.id === 'gp-dnareview');
  recs.splice(dupOf + 1, 0, { cells: [...recs[dupOf].cells], lab: DUP('DNA for 2wk sertraline review', 'gp-dnareview') });
  const header = ['Date', 'Patient', 'DOB', 'NHS No', 'Consultation type', 'Clinician', 'Problem', 'Notes', 'Plan'];
  fs.writeFileSync(path.join(DIR, GP), writeCsv(GP, header, recs), 'utf8');
  extracts.push({ file: GP, agency: 'GP', notes: 'GP journal extract, CSV UTF-8, dd/mm/yyyy, surname-first names, a multi-line cell; includes the paternal grandfather (same name, DOB 1976) found by name search' });
  files[GP] = recs.length;
}

// ================================================================ 4. EMERGENCY DEPARTMENT (JSON lines, ISO UTC timestamps)
// Ashvale General Hospital (ASGH, fictional) ED system export. Finley's DOB is mistyped 2022-11-29 throughout.
const ED = 'ed-attendances.jsonl';
{
  const FIN = { name: 'Finley Harlock', dob: '2022-11-29', nhs_number: NHS_BABY };
  const KAY = { name: 'Kayleigh Marsh', dob: '2003-06-14', nhs_number: NHS_MUM };
  const TAY = { name: 'Tayla Marsh', dob: '2019-08-02', nhs_number: NHS_TAYLA };
  const R = (id, ts, att, patient, mode, complaint, triage, notes, sg, outcome, expectLocal, key, people, signal, about) => {
    const loc = london(ts);
    if (expectLocal && expectLocal !== `${loc.date} ${loc.time}`) throw new Error(`ED local time mismatch ${ts}: ${loc.date} ${loc.time}`);
    const rec = { attendance_id: att, event_ts: ts, patient, arrival_mode: mode, presenting_complaint: complaint, triage_category: triage, clinical_notes: notes, safeguarding_screen: sg, disposal: outcome };
    return { id, json: rec, lab: E(key, loc.date, people, signal, about, { time: loc.time }) };
  };
  const recs = [
    R(null, '2022-07-18T13:20:00Z', 'ED22-071834', KAY, 'Walk-in', 'Abdominal pain, 24/40 pregnant', 3, 'Lower abdo pain since am, dysuria. Urine dip nitrites+. Obs stable. FH heard by maternity.', 'Completed - no concerns', 'Referred to maternity assessment unit', '2022-07-18 14:20',
      'Urine dip nitrites+', ['P2'], 'routine'),
    R(null, '2022-10-08T10:05:00Z', 'ED22-100822', TAY, 'Private car', 'Laceration chin', 4, 'Fell off scooter at park per mum and Nan, 1.5cm chin lac. Mechanism consistent, playing happily.', 'Completed - no concerns', 'Steri-strips, discharged', '2022-10-08 11:05',
      'Fell off scooter at park', ['P5', 'P2', 'P6'], 'routine'),
    R('ed-jan21', '2023-01-21T22:47:00Z', 'ED23-012177', FIN, 'Private car', 'Crying inconsolably', 3, '9/52 infant, brought by father. Crying 3hrs, not settling. Obs normal, afebrile, feeding. ?colic. Mother at home with sibling.', 'Not completed', 'Discharged, GP letter', '2023-01-21 22:47',
      'Crying 3hrs, not settling', ['P1', 'P3'], 'concern', 'P1'),
    R('ed-kaybruise', '2023-01-29T19:10:00Z', 'ED23-012940', KAY, 'Walk-in', 'Facial injury', 4, 'R periorbital bruising and swelling. States slipped in bathroom and hit sink. No LOC. Partner waiting outside with baby. Asked re DA - denies.', 'Completed - DA screen negative', 'Discharged, analgesia', '2023-01-29 19:10',
      'R periorbital bruising and swelling', ['P2', 'P3', 'P1'], 'concern', 'P2'),
    R('ed-mar4', '2023-03-04T16:30:00Z', 'ED23-030418', FIN, 'Private car', 'Fall', 3, '15/52 infant. Per dad fell from changing mat approx 60cm onto carpet. No LOC, cried immediately. No visible injury, fontanelle soft. Not yet rolling per dad.', 'Not completed', 'Discharged with head injury advice', '2023-03-04 16:30',
      'fell from changing mat approx 60cm onto carpet', ['P1', 'P3'], 'concern', 'P1'),
    R('ed-mar25', '2023-03-25T23:55:00Z', 'ED23-032599', FIN, 'Private car', 'Vomiting', 3, '18/52. Vomiting x3 today, irritable. Dad reports baby rolled off sofa yesterday. Obs stable, tolerated feed in dept. No bruising seen.', 'Not completed - busy dept', 'Discharged with head injury advice, GP letter', '2023-03-25 23:55',
      'rolled off sofa yesterday', ['P1', 'P3'], 'concern', 'P1'),
    R('ed-arrival', '2023-03-31T23:40:00Z', 'ED23-040102', FIN, 'Ambulance (BIBA)', 'Seizure', 1, 'BIBA with both parents. Seizure at home, unresponsive on arrival, GCS 8. Parents state found him floppy in cot. Resus team.', 'Pending', 'Resus', '2023-04-01 00:40',
      'Seizure at home, unresponsive on arrival', ['P1', 'P2', 'P3'], 'concern', 'P1'),
    R(null, '2023-04-01T01:35:00Z', 'ED23-040102', FIN, 'Ambulance (BIBA)', 'Seizure', 1, 'CT head: bilateral subdural haematomas, differing densities (?different ages). Retinal exam requested. Intubated.', 'Pending', 'Transfer to regional PICU', '2023-04-01 02:35',
      'bilateral subdural haematomas, differing densities', ['P1'], 'concern', 'P1'),
    R('ed-referral', '2023-04-01T02:50:00Z', 'ED23-040102', FIN, 'Ambulance (BIBA)', 'Seizure', 1, 'Paediatric consultant: suspected NAI. Safeguarding referral made by phone to Ashvale CSC EDT; police informed by phone. Sibling at MGM address.', 'Completed - referral made', 'Transfer to regional PICU', '2023-04-01 03:50',
      'Safeguarding referral made by phone to Ashvale CSC EDT', ['P1', 'P5', 'P6'], 'response'),
    R(null, '2023-04-01T05:20:00Z', 'ED23-040102', FIN, 'Ambulance (BIBA)', 'Seizure', 1, 'Transferred by retrieval team to regional PICU (Kestleigh Children\'s). Parents informed, police officer present.', 'Completed - referral made', 'Transferred', '2023-04-01 06:20',
      'Transferred by retrieval team to regional PICU', ['P1', 'P2', 'P3'], 'routine'),
    R('ed-od', '2023-04-19T08:15:00Z', 'ED23-041955', KAY, 'Walk-in', 'Overdose?', 2, 'Took 10 x sertraline 100mg after argument on phone, says wanted to sleep. Alert. Psych liaison review - no ongoing intent.', 'Completed - CSC aware (children not in her care)', 'Discharged to MGM after psych liaison', '2023-04-19 09:15',
      'Took 10 x sertraline 100mg', ['P2', 'P6'], 'concern', 'P2'),
  ];
  const text = recs.map((r) => JSON.stringify(r.json)).join('\n') + '\n';
  recs.forEach((r, i) => register(ED, i + 1, r, JSON.stringify(r.json)));
  fs.writeFileSync(path.join(DIR, ED), text, 'utf8');
  extracts.push({ file: ED, agency: 'Emergency Department', notes: 'JSON lines (no header, first record is line 1), event_ts ISO UTC, label dates in Europe/London; baby DOB mistyped 2022-11-29' });
  files[ED] = recs.length;
}

// ================================================================ 5. CHILDREN'S SOCIAL CARE (XLSX, title rows)
// Ashvale Borough Council Children's Services (fictional), case-record chronology for the baby.
const CSC = 'csc-chronology.xlsx';
{
  const dt = (iso) => { const [y, m, d] = parts(iso); return new Date(Date.UTC(y, m - 1, d)); };
  const R = (id, iso, time, type, source, details, outcome, worker, lab, opts = {}) => ({ id, cells: [opts.text ?? dt(iso), time || '', type, source, details, outcome, worker], lab });
  const C = ['P1'];
  const HEADER = ['Date', 'Time', 'Event Type', 'Source', 'Details', 'Outcome / Action', 'Worker'];
  const recs = [
    R('csc-contact', '2022-05-16', '09:12', 'Contact', 'Police PPN', 'Contact received: Police PPN - DA incident 14/05/22 at Flat 3, 22 Weaver Close. Mother (pregnant, approx 15/40) and Tayla (2) present. Father Jordan HARLOCK (03/09/01) left before police arrived. Police note previous DA conviction (2020, ex-partner).', 'MASH', 'MASH social worker',
      E('Contact received: Police PPN', '2022-05-16', ['P1', 'P2', 'P3', 'P5', 'P7'], 'response', null, { time: '09:12' })),
    R(null, '2022-05-16', '11:00', 'MASH decision', 'MASH', 'MASH RAG rating Amber. Checks requested: health (midwife, HV, GP), education (nursery), police.', 'Checks', 'MASH team manager',
      E('MASH RAG rating Amber', '2022-05-16', C, 'response', null, { time: '11:00' })),
    R('csc-mw', '2022-05-17', '12:20', 'Information', 'Midwife', 'Community midwife: booked 05/04, attends. Bruise L forearm seen 13/05 - mother said walked into door. RE DA not able to be asked at booking.', 'Joint visit agreed', 'MASH social worker',
      E('Bruise L forearm seen 13/05', '2022-05-17', ['P1', 'P2'], 'response', null, { time: '12:20' })),
    R('csc-hv', '2022-05-17', '09:50', 'Information', 'Health visitor', 'HV: Tayla known, 2yr review Feb 22 no concerns.', '', 'MASH social worker',
      E('HV: Tayla known, 2yr review Feb 22', '2022-05-17', ['P5'], 'response', null, { time: '09:50' })),
    R('csc-gp', '2022-05-17', '', 'Information', 'GP', 'GP: mother hx low mood 2020, nil DA recorded.', '', 'MASH social worker',
      E('GP: mother hx low mood 2020, nil DA recorded', '2022-05-17', ['P2'], 'response')),
    R('csc-nursery', '2022-05-17', '14:30', 'Information', 'Nursery', 'Little Acorns Nursery: Tayla attends Mon-Wed, good attendance, happy, no concerns.', '', 'MASH social worker',
      E('Little Acorns Nursery: Tayla attends Mon-Wed', '2022-05-17', ['P5'], 'response', null, { time: '14:30' })),
    R('csc-strat', '2022-05-18', '14:00', 'Strategy discussion', 'MASH', 'Strategy discussion: MASH TM, police DS (PVP), HV. Threshold for s47 not met. Single assessment (unborn and Tayla), joint visit with midwife, DA support for mother.', 'Single assessment', 'MASH team manager',
      E('Threshold for s47 not met', '2022-05-18', ['P1', 'P2', 'P5', 'P3'], 'response', null, { time: '14:00' })),
    R('csc-joint', '2022-05-20', '10:00', 'Home visit', 'Social worker', 'Joint visit with community midwife. Mother says argument got "out of hand", denies being hit. Safety plan agreed, IDVA referral by midwife. Father not present.', 'Assessment', 'Social worker',
      E('Joint visit with community midwife', '2022-05-20', ['P2', 'P5', 'P3'], 'response', null, { time: '10:00' })),
    R(null, '2022-05-20', '', 'Assessment', 'Social worker', 'Single assessment commenced (unborn baby of Kayleigh MARSH; Tayla MARSH).', '', 'Social worker',
      E('Single assessment commenced', '2022-05-20', ['P1', 'P5', 'P2'], 'response')),
    R(null, '2022-05-23', '', 'Letter', 'Social worker', 'Letter to mother confirming assessment and contact details.', '', 'Business support',
      E('Letter to mother confirming assessment', '2022-05-23', ['P2'], 'routine')),
    R(null, null, '', 'Early Help', 'Early Help', 'Father offered Caring Dads programme via Early Help - did not attend initial session (exact date not recorded).', 'Chased by letter', 'Early Help worker',
      E('did not attend initial session', '2022-06-01', ['P3', 'P1'], 'concern', 'P1', { dateTo: '2022-06-30', precision: 'month' }), { text: 'June 2022' }),
    R(null, '2022-06-24', '15:00', 'Home visit', 'Social worker', 'Home visit: mother says relationship is over, Jordan living at his dad\'s in Tenter Row. Home clean, Tayla happy.', '', 'Social worker',
      E('mother says relationship is over', '2022-06-24', ['P2', 'P3', 'P5'], 'routine', null, { time: '15:00' })),
    R(null, '2022-07-15', '', 'Assessment', 'Social worker', 'Assessment completed: CIN not required. Step down to Early Help (DA support, Caring Dads offer to father).', 'Step down', 'Team manager',
      E('Step down to Early Help', '2022-07-15', ['P1', 'P5', 'P2', 'P3'], 'routine')),
    R('csc-closure', '2022-08-26', '', 'Case closure', 'Early Help', 'Early Help closed: father has not engaged with Caring Dads; mother reports no contact with father. Closure letters to GP and HV.', 'Closed', 'Early Help worker',
      E('father has not engaged with Caring Dads', '2022-08-26', ['P1', 'P2', 'P3', 'P5'], 'concern', 'P1')),
    R(null, '2022-09-12', '', 'Contact', 'Mother', 'Mother phoned asking for a support letter for housing bidding (2-bed). Signposted to Ashvale Homes.', 'NFA', 'Duty social worker',
      E('support letter for housing bidding', '2022-09-12', ['P2'], 'routine')),
    R(null, '2022-11-25', '', 'Contact', 'Maternity', 'Birth notification received from maternity (no open case): male infant born 19/11/22. Record renamed Finley HARLOCK.', 'NFA', 'Business support',
      E('Birth notification received from maternity (no open case)', '2022-11-25', ['P1', 'P2'], 'routine')),
    { header: true },
    R('csc-referral', null, '03:55', 'Contact', 'Hospital', 'EDT: referral from ASGH ED paediatric consultant - Finley (4 months) brought in by ambulance fitting, CT shows subdural bleeds of different ages; suspected NAI. Police informed by hospital.', 'Strategy discussion', 'EDT social worker',
      E('EDT: referral from ASGH ED paediatric consultant', '2023-04-01', ['P1', 'P2', 'P3'], 'response', null, { time: '03:55' }), { text: '01/04/2023' }),
    R('csc-strat1', null, '09:00', 'Strategy discussion', 'EDT', 'Strategy discussion (EDT SW, police CAIT DS, ED paediatric consultant): s47 joint investigation agreed. Tayla to stay with MGM Sharon Marsh under safety plan.', 's47', 'EDT team manager',
      E('s47 joint investigation agreed', '2023-04-01', ['P1', 'P5', 'P6', 'P2', 'P3'], 'response', null, { time: '09:00' }), { text: '01/04/2023' }),
    R(null, '2023-04-01', '09:30', 's47 enquiry', 'Social worker', 's47 enquiry commenced - Finley and Tayla.', '', 'Social worker',
      E('s47 enquiry commenced', '2023-04-01', ['P1', 'P5'], 'response', null, { time: '09:30' })),
    R('csc-info', '2023-04-01', '09:15', 'Information', 'Health', 'Information requested and received from HV and GP (bruise L cheek 10/03, ED attendances 04/03 and 25/03, missed HV contacts).', '', 'Social worker',
      E('Information requested and received from HV and GP', '2023-04-01', ['P1'], 'response', null, { time: '09:15' })),
    R('csc-arrest', '2023-04-01', '12:10', 'Information', 'Police', 'Police update: father arrested at PGF address (Tenter Row) on suspicion of GBH. Mother to be interviewed voluntarily.', '', 'Social worker',
      E('father arrested at PGF address', '2023-04-01', ['P3', 'P2', 'P4', 'P1'], 'response', null, { time: '12:10' })),
    R(null, null, '', 'Medical', 'Regional PICU', 'Skeletal survey: healing posterior rib fractures R 5-7, estimated 2-4 weeks old. Ophthalmology: bilateral retinal haemorrhages.', 'Shared with police', 'Social worker',
      E('healing posterior rib fractures', '2023-04-03', ['P1'], 'concern', 'P1'), { text: '03/04/2023' }),
    R('csc-nurserycall', '2023-04-03', '08:40', 'Information', 'Social worker', 'Call to Little Acorns nursery: Tayla to be collected by MGM or mother only; father NOT to collect. Nursery to report any disclosures.', '', 'Social worker',
      E('Call to Little Acorns nursery', '2023-04-03', ['P5', 'P6', 'P2', 'P3'], 'response', null, { time: '08:40' })),
    R('csc-mwrec', '2023-04-05', '', 'Information', 'Social worker', 'Maternity records requested from ASGH safeguarding midwife.', '', 'Social worker',
      E('Maternity records requested', '2023-04-05', ['P1', 'P2'], 'response')),
    R('csc-strat2', '2023-04-12', '10:00', 'Strategy meeting', 'Social worker', 'Strategy meeting 2: police, HV, GP, paediatrician, SW. Medical opinion: injuries non-accidental. ICPC to be convened.', 'ICPC', 'Team manager',
      E('Strategy meeting 2: police, HV, GP', '2023-04-12', ['P1', 'P5', 'P2', 'P3'], 'response', null, { time: '10:00' })),
    {},
    R(null, '2023-04-14', '', 'Legal', 'Legal', 'Application for interim care order (Finley) issued - Ashvale Family Court.', '', 'Team manager',
      E('Application for interim care order', '2023-04-14', ['P1'], 'response')),
    R('csc-od', '2023-04-19', '', 'Information', 'ASGH ED', 'Mother attended ED after taking extra sertraline; seen by psych liaison, staying with MGM.', '', 'Social worker',
      E('Mother attended ED after taking extra sertraline', '2023-04-19', ['P2', 'P6'], 'response')),
    R('csc-icpc', '2023-04-26', '13:30', 'ICPC', 'Conference', 'ICPC: Finley - CP plan, physical abuse. Tayla - CP plan, emotional abuse. Father to have no contact pending investigation.', 'Core group 10/05', 'Conference chair',
      E('Finley - CP plan, physical abuse', '2023-04-26', ['P1', 'P5', 'P3', 'P2'], 'response', null, { time: '13:30' })),
    R('csc-core', '2023-05-10', '10:00', 'Core group', 'Social worker', 'Core group 1 at MGM home: SW, HV, nursery DSL, mother, MGM.', '', 'Social worker',
      E('Core group 1 at MGM home', '2023-05-10', ['P5', 'P2', 'P6'], 'response', null, { time: '10:00' })),
    R(null, '2023-05-18', '', 'Placement', 'Social worker', 'Finley discharged from Kestleigh Children\'s Hospital to foster carers under ICO.', '', 'Social worker',
      E('discharged from Kestleigh Children\'s Hospital to foster carers', '2023-05-18', ['P1'], 'response')),
    {},
    R(null, '2023-06-07', '', 'Visit', 'Social worker', 'Statutory visit to Finley at foster placement. Feeding well, follow-up with neurology booked.', '', 'Social worker',
      E('Statutory visit to Finley at foster placement', '2023-06-07', ['P1'], 'routine')),
    R('csc-rcpc', '2023-07-12', '13:30', 'RCPC', 'Conference', 'RCPC: both plans continue. Criminal investigation ongoing (father on bail).', '', 'Conference chair',
      E('RCPC: both plans continue', '2023-07-12', ['P1', 'P5', 'P3'], 'response', null, { time: '13:30' })),
    R(null, '2023-07-20', '', 'Legal', 'Legal', 'Case management hearing - ICO renewed.', '', 'Team manager',
      E('Case management hearing - ICO renewed', '2023-07-20', ['P1'], 'response')),
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ashvale Borough Council';
  wb.created = new Date(Date.UTC(2023, 8, 4));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Chronology');
  ws.getRow(1).getCell(1).value = 'Ashvale Borough Council - Children\'s Services';
  ws.getRow(2).getCell(1).value = 'Case chronology: Finley HARLOCK (LCS ID 4471203) - prepared for CSPR';
  ws.getRow(3).getCell(1).value = 'Period 01/03/2022 - 31/07/2023. Prior to birth recorded as "Unborn baby of Kayleigh MARSH".';
  const HROW = 5;
  XLSX_HEADER_ROW = HROW;
  ws.getRow(HROW).values = HEADER;
  ws.getRow(HROW).font = { bold: true };
  let n = HROW + 1;
  for (const rec of recs) {
    if (rec.header) {
      ws.getRow(n).values = HEADER;
      register(CSC, n, { lab: DIV('Event Type') }, HEADER.join(' | '));
    } else if (!rec.cells) {
      register(CSC, n, { lab: BAD('', 'empty_row') }, '');
    } else {
      const row = ws.getRow(n);
      rec.cells.forEach((v, i) => { if (v !== '') row.getCell(i + 1).value = v; });
      if (rec.cells[0] instanceof Date) row.getCell(1).numFmt = 'dd/mm/yyyy';
      register(CSC, n, rec, rec.cells.map(String).join(' | '));
    }
    n++;
  }
  ws.getColumn(1).width = 12; ws.getColumn(5).width = 90; ws.getColumn(6).width = 30;
  await wb.xlsx.writeFile(path.join(DIR, CSC));
  await normalizeZip(path.join(DIR, CSC));
  extracts.push({ file: CSC, agency: "Children's Social Care", notes: 'case-record chronology, XLSX: 3 title rows + blank, header row 5, repeated header row, blank rows, real Excel dates plus some dates as text and one month-only date' });
  files[CSC] = recs.length;
}

// ================================================================ 6. POLICE (CSV, Windows-1252, dd-Mon-yy HH:MM)
// Vale Shire Constabulary (fictional), records management system occurrence extract.
const POL = 'police-occurrences.csv';
{
  const JH = 'HARLOCK Jordan Lee (03/09/2001)';
  const JS = 'HARLOCK Jordan Lee (11/02/1976)';
  const KM = 'MARSH Kayleigh (14/06/2003)';
  const R = (id, ref, iso, time, type, loc, noms, summary, action, officer, lab, opts = {}) => ({ id, cells: [ref, opts.text ?? `${fmt.ddMonyy(iso)}${time ? ' ' + time : ''}`, type, loc, noms, summary, action, officer], lab });
  const W = `${ADDR}, Ashvale`;
  const recs = [
    R(null, 'VS-20-118402', '2020-08-02', '01:15', 'Domestic - assault', '14 Cobble Lane, Ashvale', `${JH} - SUSPECT; ROOK Chantelle (22/01/2002) - VICTIM`, 'Ex-partner punched and pushed down stairs by HARLOCK during argument. Injuries: split lip, bruised ribs. DASH: Medium.', 'Charged common assault - convicted 10/20, 12m community order', 'PC response',
      BAD('Ex-partner punched and pushed down stairs', 'outside_review_period')),
    R('pol-da', 'VS-22-084417', '2022-05-14', '22:41', 'Domestic - verbal/disturbance', W, `${JH} - SUSPECT (not present); ${KM} - VICTIM`, 'Call from neighbour: male and female shouting, banging, child crying. On arrival male had left. MARSH visibly upset, approx 4 months pregnant, denies assault, no visible injury. Front door panel damaged (est £150). Tayla (2) in cot.', 'DASH: Standard (mother answered most Qs no). PPN to be submitted.', 'PC response',
      E('shouting, banging, child crying', '2022-05-14', ['P2', 'P3', 'P5', 'P1'], 'concern', 'P2', { time: '22:41' })),
    R('pol-ppn', 'VS-22-084417', '2022-05-15', '09:30', 'PPN', W, `${KM}; MARSH Tayla (02/08/2019)`, 'Child PPN submitted to MASH - children present (Tayla, unborn). Suspect has previous DA conviction (2020).', 'Sent to MASH', 'PC response',
      E('Child PPN submitted to MASH', '2022-05-15', ['P2', 'P5', 'P1', 'P3'], 'response', null, { time: '09:30' })),
    R(null, 'VS-22-084417', '2022-05-15', '16:20', 'Enquiry', `${PGF_ADDR}, Ashvale`, `${JH}; ${JS}`, 'Attempt to trace suspect at father\'s address. Spoke to HARLOCK snr, son not present, will pass on message.', 'Suspect seen 16/05 - denies, no complaint from victim, NFA', 'PC response',
      E('Spoke to HARLOCK snr', '2022-05-15', ['P3', 'P4'], 'routine', null, { time: '16:20' })),
    R('pol-strat', 'VS-22-084417', '2022-05-18', '14:00', 'Strategy discussion', 'Telephone', KM, 'Strategy discussion with CSC MASH re unborn and Tayla. Police info shared inc. 2020 DA conviction.', 'CSC single assessment', 'DS PVP',
      E('Strategy discussion with CSC MASH', '2022-05-18', ['P2', 'P1', 'P5', 'P3'], 'response', null, { time: '14:00' })),
    R(null, 'VS-22-103355', '2022-06-20', '18:45', 'Neighbour dispute', `${PGF_ADDR}, Ashvale`, JS, 'Dispute over parking with neighbour at no.9. Words exchanged, no threats.', 'Words of advice', 'PCSO',
      E('Dispute over parking with neighbour', '2022-06-20', ['P4'], 'routine', null, { time: '18:45' })),
    R(null, 'VS-22-160981', '2022-10-15', '23:50', 'Drunk and disorderly', 'Market Square, Ashvale', JH, 'Drunk and disorderly outside Railway Tavern. Compliant on arrest.', 'PND issued', 'PC response',
      E('Drunk and disorderly outside Railway Tavern', '2022-10-15', ['P3'], 'routine', null, { time: '23:50' })),
    R(null, 'VS-22-188204', '2022-12-06', '11:05', 'Harassment', 'Ashvale (by phone)', `${JH} - SUSPECT; ROOK Chantelle (22/01/2002) - VICTIM`, 'Ex-partner reports threatening messages from HARLOCK since Oct, incl. "I know where you live now". Previous DA victim.', 'Harassment warning issued 10/12', 'PC neighbourhood',
      E('I know where you live now', '2022-12-06', ['P7', 'P3'], 'concern', 'P7', { time: '11:05' })),
    R('pol-jan', 'VS-23-014470', '2023-01-28', '23:15', 'Concern for welfare', W, 'Occupants (not known)', 'Neighbour call: shouting and baby crying at flat 3 for over an hour. Officers attended 00:10, no reply, all quiet, lights off.', 'No further action, log closed', 'PC response',
      E('no reply, all quiet, lights off', '2023-01-28', ['P2', 'P1'], 'concern', 'P2', { time: '23:15' })),
    R(null, 'VS-23-021877', '2023-02-12', '15:30', 'Road traffic', 'A461 Ashvale bypass', JS, 'Stopped driving with no insurance. Vehicle seized.', 'TOR issued', 'PC roads policing',
      E('Stopped driving with no insurance', '2023-02-12', ['P4'], 'routine', null, { time: '15:30' })),
    R('pol-mar', 'VS-23-041106', '2023-03-18', '01:05', 'Domestic - verbal', W, `${JH}; ${KM}`, '999 from neighbour: male shouting "shut that baby up", baby screaming. Officers attended. Both at address - verbal argument only per both, "baby has colic". Baby seen asleep in Moses basket, older child asleep. No offences disclosed.', 'DASH declined by MARSH. No PPN submitted.', 'PC response',
      E('shut that baby up', '2023-03-18', ['P3', 'P2', 'P1', 'P5'], 'concern', 'P1', { time: '01:05' })),
    R('pol-report', 'VS-23-045980', '2023-04-01', '03:52', 'Child abuse - GBH', 'ASGH, Ashvale', `HARLOCK Finley (19/11/2022) - VICTIM; ${JH}; ${KM}`, 'Report from ASGH ED paed consultant: 4 month old with subdural bleeding, suspected NAI. CAIT informed, officer sent to hospital.', 'Crime recorded', 'Control room',
      E('Report from ASGH ED paed consultant', '2023-04-01', ['P1', 'P3', 'P2'], 'response', null, { time: '03:52' })),
    R('pol-strat1', 'VS-23-045980', '2023-04-01', '09:00', 'Strategy discussion', 'Telephone', 'HARLOCK Finley (19/11/2022)', 'Strategy discussion with CSC EDT and paediatrician - joint s47/criminal investigation.', 'Arrest strategy agreed', 'DS CAIT',
      E('joint s47/criminal investigation', '2023-04-01', ['P1'], 'response', null, { time: '09:00' })),
    R('pol-arrest', 'VS-23-045980', '2023-04-01', '11:30', 'Arrest', `${PGF_ADDR}, Ashvale`, `${JH} - ARRESTED`, 'HARLOCK Jordan Lee (b.2001) arrested at his father\'s address on suspicion of GBH with intent to child. Note: father of same name (b.1976) lives at address - PNC checked by DOB.', 'Custody', 'DC CAIT',
      E('arrested at his father\'s address on suspicion of GBH', '2023-04-01', ['P3', 'P4', 'P1'], 'response', null, { time: '11:30' })),
    R(null, 'VS-23-045980', '2023-04-01', '15:00', 'Scene', W, '', 'Scene examination at Flat 3, 22 Weaver Close - photographs, cot and car seat seized.', 'Exhibits booked', 'CSI',
      E('cot and car seat seized', '2023-04-01', ['P1'], 'routine', null, { time: '15:00' })),
    R(null, 'VS-23-045980', '2023-04-02', '10:20', 'Interview', 'Ashvale custody', JH, 'Interviewed - no comment. Released on bail: no unsupervised contact with any child under 16, not to attend Weaver Close, reside at Tenter Row.', 'Bail to 01/05', 'DC CAIT',
      E('Interviewed - no comment', '2023-04-02', ['P3', 'P1'], 'response', null, { time: '10:20' })),
    R(null, 'VS-23-045980', '2023-04-03', '14:00', 'Interview', 'Ashvale police station', KM, 'Voluntary interview MARSH. States she was asleep, Jordan up with baby. Says bruise on cheek was car seat.', '', 'DC CAIT',
      E('Voluntary interview MARSH', '2023-04-03', ['P2', 'P3', 'P1'], 'routine', null, { time: '14:00' })),
    R('pol-strat2', 'VS-23-045980', '2023-04-12', '10:00', 'Strategy meeting', 'Teams', 'HARLOCK Finley (19/11/2022)', 'Strategy meeting 2 - medical opinion NAI, rib fractures 2-4 weeks old.', '', 'DS CAIT',
      E('Strategy meeting 2 - medical opinion NAI', '2023-04-12', ['P1'], 'response', null, { time: '10:00' })),
    R('pol-icpc', 'VS-23-045980', '2023-04-26', '13:30', 'Case conference', 'Civic Centre', 'HARLOCK Finley (19/11/2022)', 'ICPC attended - police report shared (2020 conviction, 2022 DA, Jan/Mar 23 calls to address).', '', 'DC CAIT',
      E('ICPC attended - police report shared', '2023-04-26', ['P1', 'P3'], 'response', null, { time: '13:30' })),
    R(null, 'VS-23-045980', '2023-05-01', '', 'Bail', 'Ashvale', JH, 'Bail extended to 26/06, conditions unchanged.', '', 'DC CAIT',
      E('Bail extended to 26/06', '2023-05-01', ['P3'], 'routine')),
    R(null, 'VS-23-045980', '2023-06-14', '', 'Investigation', '', JH, 'Full file incl. medical reports to CPS for charging advice.', 'Awaiting CPS', 'DS CAIT',
      E('to CPS for charging advice', '2023-06-14', ['P3', 'P1'], 'routine')),
    R('pol-rcpc', 'VS-23-045980', '2023-07-12', '', 'Case conference', 'Civic Centre', 'HARLOCK Finley (19/11/2022)', 'Report submitted to RCPC - investigation ongoing.', '', 'DC CAIT',
      E('Report submitted to RCPC', '2023-07-12', ['P1', 'P3'], 'response')),
    R(null, 'VS-23-045980', '2023-07-27', '', 'Bail', 'Ashvale', JH, 'Released under investigation pending CPS advice; CSC informed of RUI status.', '', 'DC CAIT',
      E('Released under investigation pending CPS advice', '2023-07-27', ['P3'], 'response')),
  ];
  const dupAt = recs.findIndex((r) => r.id === 'pol-mar');
  recs.splice(dupAt + 1, 0, { cells: [...recs[dupAt].cells], lab: DUP('shut that baby up', 'pol-mar') });
  const header = ['Occurrence Ref', 'Date/Time', 'Occurrence Type', 'Location', 'Nominals', 'Summary', 'Action/Result', 'Officer'];
  const text = writeCsv(POL, header, recs);
  if (/[^\x00-\xff]/.test(text)) throw new Error('police text not representable in Windows-1252/latin1 subset');
  fs.writeFileSync(path.join(DIR, POL), Buffer.from(text, 'latin1'));
  extracts.push({ file: POL, agency: 'Police', notes: 'RMS occurrence extract, CSV Windows-1252 (pound sign), dd-Mon-yy HH:MM local time, surname-first nominals with DOB; father and paternal grandfather share a name', encoding: 'windows-1252' });
  files[POL] = recs.length;
}

// ================================================================ 7. NURSERY (CSV, semicolon, d/m/yyyy, first names only)
// Little Acorns Day Nursery, Ashvale (fictional), older sibling Tayla's daily/concern log.
const NUR = 'nursery-log.csv';
{
  const f = fmt.dmyyyy;
  const R = (id, iso, by, what, informed, follow, lab, opts = {}) => ({ id, cells: [opts.text ?? f(iso), 'Tayla', by, what, informed, follow], lab });
  const T = ['P5'];
  const recs = [
    R(null, '2022-03-07', 'Keyworker', 'Tayla settled well after half term, enjoying messy play.', '', '',
      E('settled well after half term', '2022-03-07', T, 'routine')),
    R(null, '2022-04-04', 'Manager', 'Spring term invoice sent to Mum (Kayleigh). 15 funded hrs + 3 paid.', '', '',
      E('Spring term invoice sent to Mum (Kayleigh)', '2022-04-04', ['P5', 'P2'], 'routine')),
    R('nur-mash', '2022-05-17', 'Manager/DSL', 'Phone call from social worker (MASH) asking about Tayla. Told: attends Mon-Wed, happy child, good attendance, no concerns.', 'No - SW asked us not to', 'DSL file opened',
      E('Phone call from social worker (MASH) asking about Tayla', '2022-05-17', T, 'response')),
    R(null, '2022-05-18', 'Keyworker', 'All about me book updated - Tayla drew her family "me, mummy and baby in tummy".', '', '',
      E('All about me book updated', '2022-05-18', ['P5', 'P2'], 'routine')),
    R(null, '2022-06-06', 'Room leader', 'Accident: Tayla tripped in garden, graze on R knee, cleaned + plaster.', 'Mum at pick up, signed', '',
      E('tripped in garden, graze on R knee', '2022-06-06', T, 'routine')),
    R(null, '2022-06-29', 'Keyworker', '2yr progress check (EYFS) shared with Mum - on track all areas.', 'Yes', '',
      E('2yr progress check (EYFS) shared with Mum', '2022-06-29', ['P5', 'P2'], 'routine')),
    R(null, '2022-07-20', 'Manager', 'End of summer term. Autumn invoice sent.', '', '',
      E('End of summer term. Autumn invoice sent.', '2022-07-20', ['P5', 'P2'], 'routine')),
    R(null, '2022-09-05', 'Room leader', 'Back after summer, moved up to Pre-school room. Settled quickly.', '', '',
      E('moved up to Pre-school room', '2022-09-05', T, 'routine')),
    R(null, '2022-09-12', 'Manager', '30 hours funding form signed by Kayleigh, code checked.', '', '',
      E('30 hours funding form signed by Kayleigh', '2022-09-12', ['P5', 'P2'], 'routine')),
    R(null, '2022-09-26', 'Keyworker', 'Parents evening - Mum attended. Tayla doing well, loves the home corner.', '', '',
      E('Parents evening - Mum attended', '2022-09-26', ['P5', 'P2'], 'routine')),
    R(null, null, 'Keyworker', 'Autumn 2022 summary: Tayla confident, making friends (Ruby, Alfie), counting to 10.', '', '',
      E('Autumn 2022 summary', '2022-09-01', T, 'routine', null, { dateTo: '2022-11-30', precision: 'season' }), { text: 'Autumn 2022' }),
    R(null, '2022-10-03', 'Room leader', 'Bumped head on table edge, small red mark, cold compress. Bump form signed by Jordan at pick up.', 'Yes - Jordan', '',
      E('Bump form signed by Jordan at pick up', '2022-10-03', ['P5', 'P3'], 'routine')),
    R(null, '2022-11-21', 'Keyworker', 'Mum\'s partner Jordan collected - said Mum had the baby on Saturday, a boy, "Finn". Tayla excited.', '', 'Card made',
      E('said Mum had the baby on Saturday', '2022-11-21', ['P5', 'P3', 'P2', 'P1'], 'routine')),
    R(null, '2022-12-14', 'Room leader', 'Christmas nativity - Tayla a star. Nanna Sharon came to watch.', '', '',
      E('Christmas nativity - Tayla a star', '2022-12-14', ['P5', 'P6'], 'routine')),
    R(null, '2023-01-11', 'Room leader', 'Absent - no call. Rang Mum x2, no answer.', '', 'Chase',
      E('Absent - no call. Rang Mum x2', '2023-01-11', ['P5', 'P2'], 'routine')),
    R(null, '2023-01-16', 'Room leader', 'Absent, Mum texted "poorly".', '', '',
      E('Absent, Mum texted', '2023-01-16', ['P5', 'P2'], 'routine')),
    R('nur-jan', '2023-01-24', 'Keyworker', 'In home corner Tayla said "Daddy Jordan shouted at Mummy and made her cry, Mummy was on the floor". Keyworker said "oh dear" and carried on. Not passed to DSL.', 'No', 'None recorded',
      E('Mummy was on the floor', '2023-01-24', ['P5', 'P3', 'P2'], 'concern', 'P2')),
    R(null, '2023-02-08', 'Keyworker', 'WOW moment: Tayla wrote the letter T by herself!', '', 'Shared on app',
      E('WOW moment: Tayla wrote the letter T', '2023-02-08', T, 'routine')),
    R(null, '2023-02-27', 'Manager', 'Spring 2 fees reminder sent (£42 outstanding).', '', '',
      E('Spring 2 fees reminder sent', '2023-02-27', ['P5', 'P2'], 'routine')),
    R('nur-mar', '2023-03-14', 'Keyworker', 'Mum dropped off, very tearful, said Jordan is "back living with us" and is "stressed with the baby". Tayla told keyworker "baby Finn got hurted, he cried and cried". Concern form started, DSL off sick.', 'n/a', 'Form left in DSL tray - not followed up',
      E('baby Finn got hurted', '2023-03-14', ['P5', 'P2', 'P3', 'P1'], 'concern', 'P1')),
    R(null, null, 'Room leader', 'Easter bonnet parade photos sent home on app.', '', '',
      BAD('Easter bonnet parade photos sent home', 'missing_date'), { text: '' }),
    R('nur-call', '2023-04-03', 'Manager/DSL', 'Call from social worker: Tayla\'s baby brother in hospital. Tayla staying with Nanna Sharon. Only Sharon or Mum to collect - Jordan NOT to collect.', 'n/a', 'All staff briefed, photo of Sharon on file',
      E('Only Sharon or Mum to collect - Jordan NOT to collect', '2023-04-03', ['P5', 'P1', 'P6', 'P2', 'P3'], 'response')),
    R(null, '2023-04-03', 'Manager/DSL', 'DSL back from sick leave - found concern form 14/3 not actioned. Shared with SW same day.', 'n/a', 'Internal review',
      E('found concern form 14/3 not actioned', '2023-04-03', ['P5', 'P1'], 'response')),
    R(null, '2023-04-18', 'Manager/DSL', 'Report for child protection conference written and sent.', '', '',
      E('Report for child protection conference', '2023-04-18', T, 'response')),
    R('nur-icpc', '2023-04-26', 'Manager/DSL', 'DSL attended ICPC. Tayla on CP plan (emotional). Nursery part of core group.', '', '',
      E('DSL attended ICPC', '2023-04-26', T, 'response')),
    R('nur-core', '2023-05-10', 'Manager/DSL', 'Core group at Nanna\'s house - DSL attended.', '', '',
      E('Core group at Nanna', '2023-05-10', ['P5', 'P6'], 'response')),
    R(null, '2023-05-15', 'Keyworker', 'Tayla settled, collected by Nanna daily. Asked where Finn is, told "at hospital getting better".', '', '',
      E('collected by Nanna daily', '2023-05-15', ['P5', 'P6', 'P1'], 'routine')),
    { cells: ['', '', '', '', '', ''], lab: BAD('', 'empty_row') },
    R('nur-rcpc', '2023-07-12', 'Manager/DSL', 'RCPC - DSL attended, plan continues.', '', '',
      E('RCPC - DSL attended', '2023-07-12', T, 'response')),
    R(null, '2023-07-21', 'Manager', 'Summer term ends. Tayla starts Reception at Ashvale Fields Primary in Sept - transition info sent with consent.', '', '',
      E('Summer term ends', '2023-07-21', ['P5'], 'routine')),
  ];
  const header = ['Date', 'Child', 'Logged by', 'What happened', 'Parent/carer informed', 'Follow up'];
  fs.writeFileSync(path.join(DIR, NUR), writeCsv(NUR, header, recs, { delim: ';' }), 'utf8');
  extracts.push({ file: NUR, agency: 'Nursery', notes: 'nursery daily/concern log, CSV semicolon-delimited UTF-8, d/m/yyyy, first names only, a season date, a missing date and an empty row', delim: ';' });
  files[NUR] = recs.length;
}



// ================================================================ LINKS, CLUSTERS, CONTROLS
const LINKS = [
  { why: 'police PPN about the 14/05/22 DA incident and its receipt as a contact by the CSC MASH', ids: ['pol-ppn', 'csc-contact'] },
  { why: 'the same strategy discussion 18/05/22 recorded by CSC, police and health visiting', ids: ['csc-strat', 'pol-strat', 'hv-strat'] },
  { why: 'MASH health check with the midwife 17/05/22, recorded by CSC and midwifery', ids: ['csc-mw', 'mw-mash'] },
  { why: 'MASH notification to / information from the HV 17/05/22', ids: ['csc-hv', 'hv-mash'] },
  { why: 'MASH information request to the GP 17/05/22 and the GP summary sent', ids: ['csc-gp', 'gp-mash'] },
  { why: 'MASH phone check with the nursery 17/05/22', ids: ['csc-nursery', 'nur-mash'] },
  { why: 'joint home visit by social worker and community midwife 20/05/22', ids: ['csc-joint', 'mw-joint'] },
  { why: 'Early Help closure 26/08/22 and the HV receiving the closure notification', ids: ['csc-closure', 'hv-closure'] },
  { why: 'midwifery discharge handover to HV 29/11/22, sent and received', ids: ['mw-handover', 'hv-handover'] },
  { why: 'ED attendance 21/01/23 and the discharge summary received by the GP', ids: ['ed-jan21', 'gp-edjan'] },
  { why: 'ED attendance 04/03/23 (fall from changing mat) and the GP letter', ids: ['ed-mar4', 'gp-edmar4'] },
  { why: 'ED attendance 25/03/23 (vomiting, rolled off sofa) and the GP letter', ids: ['ed-mar25', 'gp-edmar25'] },
  { why: 'ED safeguarding referral in the early hours of 01/04/23, received by CSC EDT and police', ids: ['ed-referral', 'csc-referral', 'pol-report'] },
  { why: 'strategy discussion 01/04/23 09:00 recorded by CSC and police', ids: ['csc-strat1', 'pol-strat1'] },
  { why: 'CSC information requests to HV and GP on 01/04/23 and their replies', ids: ['csc-info', 'hv-info', 'gp-info'] },
  { why: "father's arrest 01/04/23 and the police update recorded by CSC", ids: ['pol-arrest', 'csc-arrest'] },
  { why: 'social worker call to the nursery 03/04/23 about who may collect Tayla', ids: ['csc-nurserycall', 'nur-call'] },
  { why: 'CSC request for maternity records 05/04/23 and the records sent', ids: ['csc-mwrec', 'mw-records'] },
  { why: "mother's ED attendance 19/04/23 and CSC's note of it", ids: ['ed-od', 'csc-od'] },
  { why: 'strategy meeting 2 on 12/04/23 recorded by CSC, police, HV and GP', ids: ['csc-strat2', 'pol-strat2', 'hv-strat2', 'gp-strat2'] },
  { why: 'initial child protection conference 26/04/23 recorded by five agencies', ids: ['csc-icpc', 'hv-icpc', 'gp-icpc', 'pol-icpc', 'nur-icpc'] },
  { why: 'core group 10/05/23 at the maternal grandmother\'s home, recorded by CSC, HV and nursery', ids: ['csc-core', 'hv-core', 'nur-core'] },
  { why: 'review child protection conference 12/07/23 recorded by CSC, HV, police and nursery', ids: ['csc-rcpc', 'hv-rcpc', 'pol-rcpc', 'nur-rcpc'] },
];
const CLUSTERS = [
  { ref: 'C1', person: 'P1', from: '2023-03-04', to: '2023-03-28',
    agencies: ['Emergency Department', 'Health Visiting', 'GP', 'Nursery', 'Police'],
    ids: ['ed-mar4', 'hv-bruise', 'gp-bruise', 'nur-mar', 'pol-mar', 'hv-noaccess', 'ed-mar25', 'gp-woundup'],
    expected: 'missed', rank: 1,
    why: 'in the four weeks before the injury a non-mobile baby had two ED attendances with reported falls, a cheek bruise explained as the car seat (told to the HV, seen by the GP), a nursery disclosure that "baby Finn got hurted", a 999 call to the father shouting "shut that baby up" with no PPN, a missed HV review and the mother telling the GP the father "gets wound up when Finn cries"; no referral, no information shared, no strategy discussion' },
  { ref: 'C2', person: 'P2', from: '2023-01-09', to: '2023-02-02',
    agencies: ['GP', 'Health Visiting', 'Emergency Department', 'Nursery', 'Police'],
    ids: ['gp-lowmood', 'hv-dna1', 'hv-dna2', 'ed-jan21', 'nur-jan', 'gp-dnareview', 'pol-jan', 'ed-kaybruise', 'hv-epds'],
    expected: 'missed', rank: 2,
    why: "mother's postnatal low mood (GP, missed review, EPDS 14), a black eye explained as a slip, Tayla's disclosure that Jordan shouted at Mummy and she was on the floor, a neighbour's call about shouting and a crying baby, two missed HV contacts and a baby ED attendance, in a household known for DA in 2022; nobody referred or shared" },
];
const CONTROLS = [
  { ref: 'K1', person: 'P2', from: '2022-05-13', to: '2022-05-20', kind: 'responded',
    why: 'bruise seen by the midwife and a police DA call were followed within days by a PPN, MASH checks with health and nursery, a strategy discussion and a joint SW/midwife visit' },
  { ref: 'K2', person: 'P2', from: '2022-09-01', to: '2022-09-30', kind: 'routine',
    why: 'antenatal appointments, vaccinations, a sibling ear infection, nursery funding form and parents evening, HV antenatal contact: a routine month' },
];


// ================================================================ LABELS + CHECKS

const settings = {
  periodFrom: '2022-03-01', periodTo: '2023-07-31',
  incident: { date: '2023-04-01', kind: 'serious harm' },
  people: [
    { ref: 'P1', name: 'Finley James Harlock', role: 'subject', dob: '2022-11-19', identifiers: `NHS ${spaced(NHS_BABY)}; ${ADDR}, Ashvale; known as Finn` },
    { ref: 'P2', name: 'Kayleigh Dawn Marsh', role: 'family', dob: '2003-06-14', identifiers: `mother; NHS ${spaced(NHS_MUM)}; ${ADDR}, Ashvale` },
    { ref: 'P3', name: 'Jordan Lee Harlock', role: 'family', dob: '2001-09-03', identifiers: `father; NHS ${spaced(NHS_DAD)}; also at ${PGF_ADDR}, Ashvale (his father's address); NOT his father of the same name born 11/02/1976` },
    { ref: 'P5', name: 'Tayla Grace Marsh', role: 'family', dob: '2019-08-02', identifiers: `half-sibling; NHS ${spaced(NHS_TAYLA)}; attends Little Acorns Nursery` },
  ],
};
const ref = (id) => { if (!idIndex[id]) throw new Error('unknown id ' + id); return idIndex[id]; };
const links = LINKS.map((l) => ({ why: l.why, rows: l.ids.map(ref) }));
const clusters = CLUSTERS.map((c) => ({ ...c, rows: c.ids.map(ref), ids: undefined }));
clusters.forEach((c) => delete c.ids);

const labels = {
  case: CASE,
  title: 'Child Safeguarding Practice Review: Child F (Ashvale)',
  reviewType: 'CSPR',
  settings,
  people,
  extracts: extracts.map(({ file, agency, notes }) => ({ file, agency, notes })),
  rows: labelRows,
  links,
  clusters,
  controls: CONTROLS,
};
fs.writeFileSync(path.join(DIR, 'labels.json'), JSON.stringify(labels, null, 2) + '\n');

// ---------------------------------------------------------------- CHECKS (read back every file)
const problems = [];
function parseCsv(text, delim) {
  const recs = []; let i = 0, line = 1;
  while (i < text.length) {
    const start = line; const fields = []; let f = ''; let q = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (q) {
        if (ch === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; }
        else { if (ch === '\n') line++; f += ch; }
      } else if (ch === '"') q = true;
      else if (ch === delim) { fields.push(f); f = ''; }
      else if (ch === '\r') { /* skip */ }
      else if (ch === '\n') { line++; i++; break; }
      else f += ch;
    }
    fields.push(f);
    recs.push({ line: start, fields });
  }
  return recs;
}
const readBack = {}; // file -> Map(row -> text)
for (const ex of extracts) {
  const fp = path.join(DIR, ex.file);
  const m = new Map();
  if (ex.file.endsWith('.csv')) {
    const buf = fs.readFileSync(fp);
    let text = ex.encoding === 'windows-1252' ? buf.toString('latin1') : buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const recs = parseCsv(text, ex.delim || ',');
    recs.slice(1).forEach((r) => m.set(r.line, r.fields.join(' | ')));
  } else if (ex.file.endsWith('.jsonl')) {
    fs.readFileSync(fp, 'utf8').split('\n').forEach((l, i) => { if (l.trim()) { JSON.parse(l); m.set(i + 1, l); } });
  } else if (ex.file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(fp);
    const ws = wb.worksheets[0];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const vals = (row.values || []).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v == null ? '' : String(v)));
      m.set(n, vals.join(' | '));
    });
    for (let n = 1; n <= ws.rowCount; n++) if (!m.has(n)) m.set(n, '');
    ex._headerRow = XLSX_HEADER_ROW;
  } else if (ex.file.endsWith('.docx')) {
    const zip = await JSZip.loadAsync(fs.readFileSync(fp));
    const xml = await zip.file('word/document.xml').async('string');
    const trs = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) || [];
    const dec = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    trs.forEach((tr, i) => {
      const cells = (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) || []).map((tc) => dec((tc.match(/<w:t[^>]*>[^<]*<\/w:t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join('')));
      m.set(i + 1, cells.join(' | '));
    });
  }
  readBack[ex.file] = m;
}
const seen = new Set();
for (const r of labelRows) {
  const k = `${r.file}#${r.row}`;
  if (seen.has(k)) problems.push('labelled twice ' + k);
  seen.add(k);
  const t = readBack[r.file]?.get(r.row);
  if (t === undefined) problems.push('row not in file ' + k);
  else if (!t.includes(r.key)) problems.push(`key not in row ${k}: "${r.key}" vs "${t.slice(0, 120)}"`);
  if (r.status === 'entry') {
    for (const f of ['date', 'dateTo', 'precision', 'people', 'signal']) if (r[f] === undefined) problems.push(`missing ${f} ${k}`);
    if (r.signal === 'concern' && !r.concernAbout) problems.push('concern without concernAbout ' + k);
    if (r.date < settings.periodFrom || r.dateTo > settings.periodTo) problems.push('entry outside period ' + k);
    for (const p of r.people) if (!people.find((x) => x.ref === p)) problems.push('unknown person ' + p + ' ' + k);
  }
  if (r.status === 'duplicate') {
    const orig = labelRows.find((x) => x.file === r.file && x.row === r.duplicateOf);
    if (!orig || orig.status !== 'entry') problems.push('duplicateOf not an entry ' + k);
    else if (readBack[r.file].get(r.row) !== readBack[r.file].get(r.duplicateOf)) problems.push('duplicate not exact ' + k);
  }
}
// key identifies its row within its file (duplicates share their original's key; empty rows have none)
for (const r of labelRows) {
  if (!r.key) continue;
  const others = [...readBack[r.file]].filter(([n, t]) => n !== r.row && t.includes(r.key))
    .filter(([n]) => { const o = labelRows.find((x) => x.file === r.file && x.row === n); return !(o && (o.duplicateOf === r.row || r.duplicateOf === n)); })
    .filter(([n]) => n > (r.file.endsWith('.xlsx') ? XLSX_HEADER_ROW : r.file.endsWith('.jsonl') ? 0 : 1));
  if (others.length) problems.push(`key not unique in ${r.file}#${r.row}: "${r.key}" also in rows ${others.map((o) => o[0]).join(',')}`);
}
// every data row of every file labelled exactly once
for (const ex of extracts) {
  const m = readBack[ex.file];
  const first = ex.file.endsWith('.jsonl') ? 1 : ex.file.endsWith('.xlsx') ? XLSX_HEADER_ROW + 1 : 2;
  for (const [n] of m) if (n >= first && !seen.has(`${ex.file}#${n}`)) problems.push(`unlabelled row ${ex.file}#${n}: ${m.get(n).slice(0, 80)}`);
}
const entryAt = (f, n) => labelRows.find((x) => x.file === f && x.row === n && x.status === 'entry');
for (const l of links) for (const [f, n] of l.rows) if (!entryAt(f, n)) problems.push('link row not entry ' + f + '#' + n);
for (const c of clusters) for (const [f, n] of c.rows) {
  const e = entryAt(f, n);
  if (!e) problems.push('cluster row not entry ' + f + '#' + n);
  else {
    if (e.signal !== 'concern') problems.push(`cluster ${c.ref} row not concern ${f}#${n}`);
    if (e.date < c.from || e.date > c.to) problems.push(`cluster ${c.ref} row outside window ${f}#${n}`);
    if (!c.agencies.includes(extracts.find((x) => x.file === f).agency)) problems.push(`cluster ${c.ref} agency missing for ${f}`);
  }
}
// no response rows inside missed clusters' windows about the same family
for (const c of clusters) {
  const resp = labelRows.filter((r) => r.status === 'entry' && r.signal === 'response' && r.date >= c.from && r.date <= c.to);
  if (resp.length) problems.push(`cluster ${c.ref} has responses in window: ` + resp.map((r) => r.file + '#' + r.row).join(','));
}
for (const k of CONTROLS.filter((k) => k.kind === 'routine')) {
  const bad = labelRows.filter((r) => r.status === 'entry' && r.signal !== 'routine' && r.date <= k.to && r.dateTo >= k.from);
  if (bad.length) problems.push(`routine control ${k.ref} has non-routine rows: ` + bad.map((r) => r.file + '#' + r.row).join(','));
}
JSON.parse(fs.readFileSync(path.join(DIR, 'labels.json'), 'utf8'));
for (const ex of extracts) { delete ex._headerRow; }

const count = (f) => labelRows.filter((r) => r.file === f).length;
console.log('files:'); for (const ex of extracts) console.log(`  ${ex.file}: ${count(ex.file)} labelled rows (${labelRows.filter((r) => r.file === ex.file && r.status === 'entry').length} entries)`);
console.log(`total rows ${labelRows.length}; links ${links.length}; clusters ${clusters.length}; controls ${CONTROLS.length}`);
if (problems.length) { console.error('PROBLEMS:\n  ' + problems.join('\n  ')); process.exit(1); }
console.log('all checks passed');

