// Generator for the blind evaluation case dhr-copperfield-parricide (all names invented).
// Run: cd /work/main && node eval/cases/dhr-copperfield-parricide/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as docx from 'docx';
import JSZip from 'jszip';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const CASE = 'dhr-copperfield-parricide';

// ---------- helpers ----------
function nhs(nine) {
  const d = nine.replace(/\D/g, '').split('').map(Number);
  const sum = d.reduce((a, x, i) => a + x * (10 - i), 0);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  if (c === 10) throw new Error('invalid NHS stem ' + nine);
  const s = d.join('') + c;
  return { spaced: `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`, plain: s };
}
const NHS_IRENE = nhs('485721630');
const NHS_DARREN = nhs('612338904');

const MON = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'];
const MONTH = ['January','February','March','April','May','June','July','August','September','October','November','December'];
const pad = (n) => String(n).padStart(2, '0');
const parts = (iso) => iso.split('-').map(Number);
const fmt = {
  dmy: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}/${pad(m)}/${y}`; },
  dmy2dot: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}.${pad(m)}.${String(y).slice(2)}`; },
  dMonyy: (iso) => { const [y, m, d] = parts(iso); return `${pad(d)}-${MON[m - 1]}-${String(y).slice(2)}`; },
  long: (iso) => { const [y, m, d] = parts(iso); return `${d} ${MONTH[m - 1]} ${y}`; },
  iso: (iso) => iso,
};
// Europe/London local -> UTC ISO string
function lastSundayUTC(y, m /*0-based*/) {
  const d = new Date(Date.UTC(y, m + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return Date.UTC(y, m, d.getUTCDate(), 1, 0, 0);
}
function isBST(ms) { const y = new Date(ms).getUTCFullYear(); return ms >= lastSundayUTC(y, 2) && ms < lastSundayUTC(y, 9); }
function londonToUtcIso(date, time) {
  const [y, m, d] = parts(date); const [hh, mm] = time.split(':').map(Number);
  const local = Date.UTC(y, m - 1, d, hh, mm);
  const guess = local - 3600e3;
  const utc = isBST(guess) ? guess : local;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}
function utcToLondon(isoZ) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(isoZ)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}


// Re-pack a zip-based office file with fixed timestamps so the generator's output is byte-stable.
const FIXED = new Date(Date.UTC(2023, 9, 2, 9, 0, 0));
async function normalizeZip(full) {
  const z = await JSZip.loadAsync(fs.readFileSync(full));
  const out = new JSZip();
  for (const name of Object.keys(z.files).sort()) {
    const f = z.files[name];
    if (f.dir) continue;
    let content = await f.async('nodebuffer');
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content.toString('utf8')
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, '$12023-10-02T09:00:00Z$2')
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, '$12023-10-02T09:00:00Z$2'), 'utf8');
    }
    out.file(name, content, { date: FIXED, createFolders: false });
  }
  fs.writeFileSync(full, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

// ---------- label registry ----------
const labelRows = [];
const idIndex = {}; // id -> [file,row]
const written = {}; // file -> Map(row -> text of row, for checks)
const extracts = [];

function register(file, row, r) {
  let lab;
  if (r.div) lab = { file, row, key: r.key, status: 'divider' };
  else if (r.bad) lab = { file, row, key: r.key, status: 'bad', badReason: r.bad };
  else if (r.dupOf) {
    const orig = idIndex[r.dupOf];
    if (!orig || orig[0] !== file) throw new Error('duplicate of unknown ' + r.dupOf);
    lab = { file, row, key: r.key, status: 'duplicate', duplicateOf: orig[1] };
  } else {
    if (!r.d) throw new Error('entry without date ' + r.key);
    if (!['concern', 'response', 'routine'].includes(r.s)) throw new Error('bad signal ' + r.key);
    lab = { file, row, key: r.key, status: 'entry', date: r.d, dateTo: r.dTo || r.d, time: r.t || null,
      precision: r.prec || 'day', people: r.p, signal: r.s };
    if (r.s === 'concern') { if (!r.ca) throw new Error('concern without concernAbout ' + r.key); lab.concernAbout = r.ca; }
  }
  if (r.id) { if (idIndex[r.id]) throw new Error('dup id ' + r.id); idIndex[r.id] = [file, row]; }
  labelRows.push(lab);
}

// ---------- CSV ----------
const CP1252 = { '\u2019': 0x92, '\u2018': 0x91, '\u2013': 0x96, '\u2014': 0x97, '\u201C': 0x93, '\u201D': 0x94, '\u20AC': 0x80 };
function encode1252(s) {
  const out = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (CP1252[ch] !== undefined) out.push(CP1252[ch]);
    else if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) out.push(c);
    else throw new Error('not in cp1252: ' + ch);
  }
  return Buffer.from(out);
}
function decode1252(buf) {
  const rev = Object.fromEntries(Object.entries(CP1252).map(([k, v]) => [v, k]));
  let s = ''; for (const b of buf) s += rev[b] ?? String.fromCharCode(b); return s;
}
function csvField(v, delim) {
  v = v == null ? '' : String(v);
  if (/["\r\n]/.test(v) || v.includes(delim)) return '"' + v.replace(/"/g, '""') + '"';
  return v;
}
function writeCsv(file, agency, notes, header, recs, toCells, { delim = ',', eol = '\r\n', bom = false, enc = 'utf8' } = {}) {
  let text = header.map((h) => csvField(h, delim)).join(delim) + eol;
  let line = 2;
  for (const r of recs) {
    const rec = toCells(r).map((c) => csvField(c, delim)).join(delim);
    register(file, line, r);
    text += rec + eol;
    line += 1 + (rec.match(/\n/g) || []).length;
  }
  let buf = enc === 'cp1252' ? encode1252(text) : Buffer.from(text, 'utf8');
  if (bom) buf = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), buf]);
  fs.writeFileSync(path.join(DIR, file), buf);
  extracts.push({ file, agency, notes, _kind: 'csv', _delim: delim, _enc: enc });
}
function parseCsv(text, delim) { // returns [{line, cells}]
  const out = []; let i = 0, line = 1; const n = text.length;
  while (i < n) {
    const start = line; const cells = []; let cell = ''; let inQ = false; let done = false;
    while (i < n && !done) {
      const ch = text[i];
      if (inQ) {
        if (ch === '"') { if (text[i + 1] === '"') { cell += '"'; i += 2; continue; } inQ = false; i++; continue; }
        if (ch === '\n') line++;
        cell += ch; i++; continue;
      }
      if (ch === '"') { inQ = true; i++; continue; }
      if (ch === delim) { cells.push(cell); cell = ''; i++; continue; }
      if (ch === '\r') { i++; continue; }
      if (ch === '\n') { cells.push(cell); line++; i++; done = true; continue; }
      cell += ch; i++;
    }
    if (!done) cells.push(cell);
    out.push({ line: start, cells });
  }
  return out;
}

// =====================================================================
// PROBATION (CSV, UTF-8 with BOM) - Darren is the subject; mother = Mum / his mother / IP
// =====================================================================
const CRN = 'X482913';
const probation = [
  { d: '2021-11-15', type: 'PSR Interview', staff: 'PSO (Court)', out: 'Report prepared', notes: 'Pre-sentence report interview at court. DP lives with his mother at home address (council tenancy in her name). Dx paranoid schizophrenia, under CMHT, monthly depot. Uses cannabis daily. Mum attended court with him.', key: 'Pre-sentence report interview at court', p: ['P2', 'P1'], s: 'routine' },
  { id: 'prob_sentence', d: '2021-12-14', type: 'Court', staff: 'Court Team', out: 'Order made', notes: 'Sentenced at Copperfield Magistrates: Community Order 24 months, RAR 20 days, UPW 100 hrs. Offences: possession of bladed article in public place, criminal damage.', key: 'Sentenced at Copperfield Magistrates', p: ['P2'], s: 'routine' },
  { d: '2021-12-20', type: 'Induction', staff: 'PO', out: 'Attended', notes: 'Induction completed. Requirements of order explained, national standards/warnings explained. Says he takes his depot "most of the time".', key: 'Induction completed', p: ['P2'], s: 'routine' },
  { d: '2022-01-05', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'OASys started. RoSH medium - known adult (his mother) and public. Describes Mum as "alright, she nags me about my weed".', key: 'OASys started', p: ['P2', 'P1'], s: 'routine' },
  { d: '2022-01-19', type: 'UPW Induction', staff: 'UPW Supervisor', out: 'Attended', notes: 'UPW induction, placed on Tues group (charity shop warehouse).', key: 'UPW induction', p: ['P2'], s: 'routine' },
  { d: '2022-02-02', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'RAR session 1 - goals. Engaged ok.', key: 'RAR session 1', p: ['P2'], s: 'routine' },
  { d: '2022-02-16', type: 'Supervision', staff: 'PO', out: 'Acceptable absence', notes: 'DNA. Mum rang at 14:10 to say he was unwell with D&V. Acceptable absence, rebooked.', key: 'unwell with D&V', p: ['P2', 'P1'], s: 'routine' },
  { id: 'prob_email_cco', d: '2022-03-03', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Presented as distracted, poor eye contact, said the neighbours were "filming him through the walls". Not seen like this before. Advised to speak to his CCO. Email sent to CCO same day sharing concerns.', key: 'filming him through the walls', p: ['P2'], s: 'response' },
  { id: 'prob_meeting', d: '2022-03-15', type: 'Professionals Meeting', staff: 'PO', out: 'Attended', notes: 'Professionals meeting at CMHT (CMHT, HTT, ASC, Housing, Probation). Risk to his mother discussed. Agreed: HTT to continue, PO weekly phone contact while unwell in lieu of office visits, ASC carer\'s assessment for Mum.', key: 'Professionals meeting at CMHT', p: ['P2', 'P1'], s: 'response' },
  { d: '2022-03-22', type: 'Telephone', staff: 'PO', out: 'Contact made', notes: 'Phone contact in lieu of office visit (as agreed at meeting). Says he is sleeping better, HTT still visiting.', key: 'in lieu of office visit (as agreed', p: ['P2'], s: 'routine' },
  { d: '2022-04-06', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Back to office reporting. Discharged from HTT. Reports no cannabis for 2 weeks.', key: 'Back to office reporting', p: ['P2'], s: 'routine' },
  { d: '2022-05-04', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'RAR session - consequential thinking. Back at UPW next week.', key: 'consequential thinking', p: ['P2'], s: 'routine' },
  { d: '2022-06-01', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'RAR - managing stress. No issues.', key: 'managing stress', p: ['P2'], s: 'routine' },
  { d: '2022-07-13', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Mum unwell with her back, he has been doing the shopping. Positive.', key: 'doing the shopping', p: ['P2', 'P1'], s: 'routine' },
  { d: '2022-08-10', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Admits seeing "Jonno" (John Briggs, co-def 2021 matter, NFA) again, smoking weed with him at weekends. Discussed.', key: 'smoking weed with him at weekends', p: ['P2', 'P4'], s: 'routine' },
  { d: '2022-09-07', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Attended on time. UPW 64 hrs completed. Nothing of note.', key: 'UPW 64 hrs completed', p: ['P2'], s: 'routine' },
  { d: '2022-10-05', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'RAR - victim awareness. Engaged.', key: 'victim awareness', p: ['P2'], s: 'routine' },
  { d: '2022-11-02', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'OASys review. RoSH remains medium.', key: 'OASys review. RoSH remains medium', p: ['P2'], s: 'routine' },
  { d: '2022-11-30', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Short session. Says Xmas "will be quiet, just me and Mum".', key: 'just me and Mum', p: ['P2', 'P1'], s: 'routine' },
  { d: null, dateText: '', type: 'Supervision', staff: 'PO', out: 'Rearranged', notes: 'Appt rearranged - D phoned to say he had a hospital appt.', key: 'he had a hospital appt', bad: 'missing_date' },
  { d: '2023-01-04', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Seemed flat. Says Christmas was "grim", did not elaborate.', key: 'Christmas was "grim"', p: ['P2'], s: 'routine' },
  { id: 'prob_intel_jan', d: '2023-01-12', type: 'Police Check', staff: 'PO', out: 'Information received', notes: 'Routine PNC/intel check: police attended home address 07/01/23, verbal argument between D and his mother, no offences. Not discussed with D at this stage.', key: 'Routine PNC/intel check', p: ['P2', 'P1'], s: 'concern', ca: 'P1' },
  { d: '2023-01-18', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Asked about 07/01 - says Mum "winds him up", it was "just words". Says he is taking his depot.', key: 'it was "just words"', p: ['P2', 'P1'], s: 'routine' },
  { d: '2023-02-15', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'RAR - relapse prevention (cannabis). Engaged.', key: 'relapse prevention (cannabis)', p: ['P2'], s: 'routine' },
  { d: '2023-03-15', type: 'UPW', staff: 'UPW Supervisor', out: 'Completed', notes: 'UPW requirement completed 100/100 hrs.', key: 'UPW requirement completed', p: ['P2'], s: 'routine' },
  { d: '2023-04-12', type: 'Supervision', staff: 'PO', out: 'Failed to attend', notes: 'FTA. Phoned - no answer. 1st warning letter sent.', key: '1st warning letter sent', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'prob_email_apr', d: '2023-04-19', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Unkempt, strong smell of cannabis. Says he is "done with the injections, they make me a zombie". Encouraged to talk to CMHT. PO emailed CMHT duty the same day to share this.', key: 'done with the injections', p: ['P2'], s: 'response' },
  { d: '2023-05-17', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Talked at length about the neighbours and "the people in the loft". States Mum "is in on it, she lets them in". Discussed with SPO - to monitor, CCO to be made aware.', key: 'is in on it, she lets them in', p: ['P2', 'P1'], s: 'concern', ca: 'P1' },
  { d: '2023-06-14', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Brief session, D wanted to leave after 10 mins. Declined to discuss his MH or meds.', key: 'Declined to discuss his MH', p: ['P2'], s: 'routine' },
  { d: '2023-06-28', type: 'Supervision', staff: 'PO', out: 'Failed to attend', notes: 'FTA. No contact. 2nd warning letter sent.', key: '2nd warning letter sent', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'prob_fta_jul', d: '2023-07-13', type: 'Supervision', staff: 'PO', out: 'Failed to attend', notes: 'FTA. Breach considered - SPO advised one more chance given his MH. Letter sent.', key: 'one more chance given his MH', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'prob_jul20', d: '2023-07-20', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Attended 25 mins late. Agitated, pacing. Spoke about his mother: "she has to stop what she\'s doing or I\'ll stop her". PO challenged this, D said he "didn\'t mean it like that". RoSH not reviewed.', key: 'or I\'ll stop her', p: ['P2', 'P1'], s: 'concern', ca: 'P1' },
  { dupOf: 'prob_jul20', d: '2023-07-20', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Attended 25 mins late. Agitated, pacing. Spoke about his mother: "she has to stop what she\'s doing or I\'ll stop her". PO challenged this, D said he "didn\'t mean it like that". RoSH not reviewed.', key: 'or I\'ll stop her' },
  { id: 'prob_mum_call', d: '2023-08-03', t: '11:40', type: 'Telephone (in)', staff: 'PO', out: 'Message taken', notes: 'Call from his mother (IP) asking if D can be seen more often - says he is not sleeping, up all night talking to himself, threw a mug at the wall on Sunday. Asked that D is not told she rang. PO to raise at next supervision.', key: 'threw a mug at the wall', p: ['P2', 'P1'], s: 'concern', ca: 'P1' },
  { d: '2023-08-10', type: 'Supervision', staff: 'PO', out: 'Attended', notes: 'Calmer today. Denied any problems at home. Did not raise Mum\'s call (as she asked).', key: 'Denied any problems at home', p: ['P2', 'P1'], s: 'routine' },
  { id: 'prob_informed', d: '2023-08-21', t: '09:15', type: 'Information Received', staff: 'SPO', out: 'Escalated', notes: 'Informed by police that D was arrested 20/08/23 on suspicion of the murder of his mother at the home address. Head of PDU informed.', key: 'on suspicion of the murder of his mother', p: ['P2', 'P1'], s: 'response' },
  { d: '2023-08-22', type: 'SFO', staff: 'SPO', out: 'Notification submitted', notes: 'Serious Further Offence notification submitted. SFO review commissioned.', key: 'Serious Further Offence notification', p: ['P2'], s: 'routine' },
  { d: '2023-08-25', type: 'Court', staff: 'Court Team', out: 'Remanded', notes: 'Remanded in custody by Copperfield Crown Court. Order remains in force pending outcome.', key: 'Remanded in custody by Copperfield Crown Court', p: ['P2'], s: 'routine' },
  { id: 'prob_dhr', d: '2023-09-12', type: 'Information Received', staff: 'SPO', out: 'Chronology requested', notes: 'DHR notification from Copperfield CSP received. Agency chronology and IMR requested.', key: 'DHR notification from Copperfield CSP', p: ['P2', 'P1'], s: 'response' },
];
writeCsv('probation-contacts.csv', 'Probation Service',
  'case management contact log export, UTF-8 with BOM, dd/mm/yyyy; subject is the son, mother appears as Mum / his mother / IP',
  ['CRN', 'Name', 'Contact Date', 'Contact Type', 'Staff', 'Outcome', 'Notes'],
  probation,
  (r) => [CRN, 'PELLOW, Darren J', r.dateText !== undefined ? r.dateText : fmt.dmy(r.d) + (r.t ? ' ' + r.t : ''), r.type, r.staff, r.out, r.notes],
  { bom: true });

// =====================================================================
// MENTAL HEALTH TRUST (CSV, UTF-8, CRLF) - about the son, "SU"; dd-Mon-yy
// =====================================================================
const RIO = '1048827';
const mh = [
  { d: '2021-06-14', team: 'CMHT North', role: 'Care Coordinator', type: 'CPA Review', note: 'CPA review. SU stable on paliperidone 100mg monthly depot. Lives with mother. Cannabis use ongoing, minimised by SU.', key: 'minimised by SU', bad: 'outside_review_period' },
  { id: 'mh_ld', d: '2021-10-16', t: '17:05', team: 'Liaison & Diversion', role: 'L&D Practitioner', type: 'Assessment', note: `L&D assessment in custody, Copperfield PS. Darren Pellow DOB 02/11/1988, NHS ${NHS_DARREN.spaced}. Arrested for criminal damage / possession of knife. Not acutely unwell, fit to be interviewed. Depot overdue by 1 week. CCO informed.`, key: 'L&D assessment in custody', p: ['P2'], s: 'routine' },
  { d: '2021-10-21', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given at clinic (late). Tolerated well.', key: 'Depot given at clinic (late)', p: ['P2'], s: 'routine' },
  { d: '2021-11-18', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given. Nil new.', key: 'Depot given. Nil new.', p: ['P2'], s: 'routine' },
  { d: '2021-12-02', t: '14:00', team: 'CMHT North', role: 'Care Coordinator', type: 'Home Visit', note: 'HV. SU and mother seen. Court case pending, SU anxious about it. Mother says he is "much the same".', key: 'much the same', p: ['P2', 'P1'], s: 'routine' },
  { d: '2021-12-16', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given. SU told clinic he got a community order.', key: 'he got a community order', p: ['P2'], s: 'routine' },
  { d: '2022-01-13', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given, next due 10/02.', key: 'next due 10/02', p: ['P2'], s: 'routine' },
  { d: '2022-02-10', team: 'CMHT North', role: 'CPN', type: 'DNA', note: 'DNA depot clinic. Phoned SU - says he forgot. Rebooked 17/02.', key: 'says he forgot', p: ['P2'], s: 'concern', ca: 'P2' },
  { d: '2022-02-17', team: 'CMHT North', role: 'CPN', type: 'DNA', note: 'DNA rebooked depot. HV attempted 15:30, no answer. Card left.', key: 'DNA rebooked depot', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'mh_email_po', d: '2022-03-03', t: '16:20', team: 'CMHT North', role: 'Care Coordinator', type: 'Email In', note: 'Email from Probation Officer: SU distracted and suspicious of neighbours at supervision today. CCO to visit tomorrow.', key: 'Email from Probation Officer', p: ['P2'], s: 'response' },
  { d: '2022-03-04', t: '11:00', team: 'CMHT North', role: 'Care Coordinator', type: 'Home Visit', note: 'HV. SU guarded, ?thought disorder, says neighbours "are filming through the walls". Declined depot today. Mother tearful, says he hasn\'t slept for 3 nights. Plan: MDT Monday, crisis numbers given to mother.', key: 'Declined depot today', p: ['P2', 'P1'], s: 'concern', ca: 'P2' },
  { id: 'mh_crisis', d: '2022-03-05', t: '23:10', team: 'Crisis Line', role: 'Crisis Practitioner', type: 'Referral In', note: 'Call from ambulance crew on scene at home address, police also present. SU barricaded in bedroom, shouting. Mother called 999. HTT to assess tonight.', key: 'Call from ambulance crew on scene', p: ['P2', 'P1'], s: 'response' },
  { id: 'mh_htt_assess', d: '2022-03-06', t: '00:45', team: 'Home Treatment Team', role: 'HTT Nurse', type: 'Assessment', note: 'HTT assessment at home jointly with police. Relapse of psychosis in context of missed depot + cannabis. Not detainable - agreed to HTT and oral olanzapine. Mother agrees he stays at home tonight. Daily visits.', key: 'HTT assessment at home jointly with police', p: ['P2', 'P1'], s: 'response' },
  { d: '2022-03-07', t: '10:30', team: 'Home Treatment Team', role: 'HTT Nurse', type: 'Home Visit', note: 'HTT visit. SU slept approx 4 hrs. Taking oral meds. Mother present.', key: 'SU slept approx 4 hrs', p: ['P2', 'P1'], s: 'routine' },
  { id: 'mh_sg_ref', d: '2022-03-08', t: '11:15', team: 'Home Treatment Team', role: 'HTT Nurse', type: 'Safeguarding', note: 'HTT visit.\nMother has bruise to L forearm - states SU grabbed her on Sat night when she tried to take his lighter off him.\nSU remorseful, says he "thought she was one of them".\nSafeguarding adult concern completed and sent to ASC with mother\'s consent.', key: 'Safeguarding adult concern completed and sent to ASC', p: ['P1', 'P2'], s: 'response' },
  { d: '2022-03-09', t: '10:00', team: 'Home Treatment Team', role: 'HTT Nurse', type: 'Home Visit', note: 'HTT visit. Brighter. Depot given at home (restart).', key: 'Depot given at home (restart)', p: ['P2'], s: 'routine' },
  { d: '2022-03-11', t: '14:30', team: 'Home Treatment Team', role: 'HTT Support Worker', type: 'Home Visit', note: 'HTT visit. Went for a walk with SU. Less preoccupied.', key: 'Went for a walk with SU', p: ['P2'], s: 'routine' },
  { id: 'mh_meeting', d: '2022-03-15', t: '13:00', team: 'CMHT North', role: 'Care Coordinator', type: 'Professionals Meeting', note: 'Professionals meeting at CMHT: CMHT, HTT, ASC, Probation, Housing. Risk to mother discussed. Plan: HTT to step down end of week, depot fortnightly x3 months, carer\'s assessment (ASC), CCO to see SU weekly.', key: 'Professionals meeting at CMHT: CMHT, HTT, ASC', p: ['P2', 'P1'], s: 'response' },
  { d: '2022-03-18', team: 'Home Treatment Team', role: 'HTT Nurse', type: 'Discharge', note: 'Discharged from HTT back to CMHT CCO. Depot fortnightly for 3 months then review.', key: 'Discharged from HTT back to CMHT', p: ['P2'], s: 'routine' },
  { d: '2022-03-21', dTo: '2022-03-27', prec: 'week', dateText: 'w/c 21/03/2022', team: 'CMHT North', role: 'Care Coordinator', type: 'Telephone', note: 'Several phone calls to SU and mother during the week - settling, sleeping better.', key: 'Several phone calls to SU and mother', p: ['P2', 'P1'], s: 'routine' },
  { d: '2022-03-31', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given (fortnightly), 1st of 3.', key: '1st of 3', p: ['P2'], s: 'routine' },
  { d: '2022-04-14', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given (fortnightly). Good rapport.', key: 'Good rapport', p: ['P2'], s: 'routine' },
  { d: '2022-04-28', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given (fortnightly). SU asking when it can go back to monthly.', key: 'go back to monthly', p: ['P2'], s: 'routine' },
  { d: '2022-06-14', dateText: '?14/06/2022', team: 'CMHT North', role: 'Care Coordinator', type: 'CPA Review', note: 'Retrospective entry: CCO believes CPA review took place on this date, notes not found. SU stable, depot back to monthly.', key: 'Retrospective entry', p: ['P2'], s: 'routine' },
  { d: '2022-07-12', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given, back on 4-weekly.', key: 'back on 4-weekly', p: ['P2'], s: 'routine' },
  { d: '2022-08-09', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given. Weight checked.', key: 'Weight checked', p: ['P2'], s: 'routine' },
  { d: '2022-09-06', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given, next due 04/10.', key: 'next due 04/10', p: ['P2'], s: 'routine' },
  { d: '2022-09-20', t: '10:15', team: 'CMHT North', role: 'Consultant Psychiatrist', type: 'Outpatient', note: 'OPA. Mental state stable, no psychotic features elicited. Continue paliperidone 100mg monthly. Annual physical health check bloods requested.', key: 'Mental state stable', p: ['P2'], s: 'routine' },
  { d: '2022-10-04', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given. Bloods taken.', key: 'Bloods taken', p: ['P2'], s: 'routine' },
  { d: '2022-11-01', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given. Bloods NAD.', key: 'Bloods NAD', p: ['P2'], s: 'routine' },
  { d: '2022-11-29', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given, next due 27/12.', key: 'next due 27/12', p: ['P2'], s: 'routine' },
  { d: '2022-12-27', team: 'CMHT North', role: 'CPN', type: 'DNA', note: 'DNA depot (bank hol week). Rebooked 05/01.', key: 'bank hol week', p: ['P2'], s: 'concern', ca: 'P2' },
  { d: '2023-01-05', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Depot given 9 days late. SU quiet.', key: 'Depot given 9 days late', p: ['P2'], s: 'routine' },
  { d: '2023-02-08', team: 'CMHT North', role: 'CPN', type: 'Depot', note: 'Monthly depot given. SU says all ok at home.', key: 'SU says all ok at home', p: ['P2'], s: 'routine' },
  { d: '2023-03-03', team: 'CMHT North', role: 'Team Manager', type: 'Allocation', note: 'CCO leaving Trust. SU on waiting list for reallocation; duty to cover depot clinic.', key: 'SU on waiting list for reallocation', p: ['P2'], s: 'routine' },
  { d: '2023-03-08', team: 'CMHT North', role: 'Duty Worker', type: 'Depot', note: 'Depot given by duty.', key: 'Depot given by duty.', p: ['P2'], s: 'routine' },
  { d: '2023-04-05', team: 'CMHT North', role: 'Duty Worker', type: 'DNA', note: 'DNA depot. Letter sent.', key: 'DNA depot. Letter sent.', p: ['P2'], s: 'concern', ca: 'P2' },
  { d: '2023-04-13', t: '15:40', team: 'CMHT North', role: 'Duty Worker', type: 'Telephone', note: 'Phoned SU. Says he doesn\'t want the depot any more. Advised to attend to discuss with Dr. Appt to be sent.', key: 'doesn\'t want the depot any more', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'mh_email_apr', d: '2023-04-20', t: '09:05', team: 'CMHT North', role: 'Duty Worker', type: 'Email In', note: 'Email from PO: SU told probation he wants to stop his depot. Medic review to be offered; SU still awaiting CCO allocation.', key: 'wants to stop his depot', p: ['P2'], s: 'response' },
  { d: '2023-05-03', team: 'CMHT North', role: 'Duty Worker', type: 'DNA', note: 'DNA depot (2nd). Letter to SU.', key: 'DNA depot (2nd)', p: ['P2'], s: 'concern', ca: 'P2' },
  { d: '2023-06-07', team: 'CMHT North', role: 'Consultant Psychiatrist', type: 'DNA', note: 'DNA outpatient appt. Was not brought/not attended. New appt to be offered.', key: 'DNA outpatient appt', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'mh_dna_jul', d: '2023-07-11', t: '12:20', team: 'CMHT North', role: 'Duty Worker', type: 'DNA', note: '3rd consecutive missed depot. Duty phoned home - spoke to mother, she said he is "in his room all the time" and "not right". Advised she encourages him to attend.', key: '3rd consecutive missed depot', p: ['P2', 'P1'], s: 'concern', ca: 'P2' },
  { id: 'mh_phone_jul', d: '2023-07-18', t: '16:05', team: 'CMHT North', role: 'Duty Worker', type: 'Telephone', note: 'Phoned SU. States "I don\'t need it, you\'re using it to track me". Declined HV. Said his mum "should keep her nose out".', key: 'you\'re using it to track me', p: ['P2', 'P1'], s: 'concern', ca: 'P2' },
  { id: 'mh_discharge', d: '2023-07-25', team: 'CMHT North', role: 'Team Manager', type: 'MDT / Discharge', note: 'MDT: SU discharged from CPA care coordination due to non-engagement. Discharge letter to SU and GP. Crisis line numbers included. Open to re-referral.', key: 'discharged from CPA care coordination due to non-engagement', p: ['P2'], s: 'concern', ca: 'P2' },
  { id: 'mh_informed', d: '2023-08-21', t: '08:50', team: 'Patient Safety', role: 'Patient Safety Lead', type: 'Incident', note: 'Trust informed by police: SU arrested following the death of his mother at home address. Serious incident declared on StEIS.', key: 'Serious incident declared', p: ['P2', 'P1'], s: 'response' },
  { d: '2023-08-23', team: 'Patient Safety', role: 'Patient Safety Lead', type: 'Incident', note: '72-hour report completed. Patient safety incident investigation commissioned.', key: '72-hour report completed', p: ['P2'], s: 'routine' },
  { d: '2023-09-11', team: 'Prison In-reach', role: 'In-reach Nurse', type: 'Information Sharing', note: 'SU remanded HMP Stallbridge. Records shared with prison in-reach MH team.', key: 'Records shared with prison in-reach', p: ['P2'], s: 'response' },
  { d: '2023-10-20', team: 'Patient Safety', role: 'Patient Safety Lead', type: 'Incident', note: 'SI review panel - terms of reference agreed; to run alongside DHR.', key: 'terms of reference agreed', p: ['P2'], s: 'routine' },
];
writeCsv('mh-trust-progress-notes.csv', 'Mental Health Trust',
  'progress notes export about the son (SU), UTF-8, CRLF, dd-Mon-yy dates, separate time column, one multi-line note',
  ['RiO ID', 'Date', 'Time', 'Team', 'Author Role', 'Note Type', 'Progress Note'],
  mh,
  (r) => [RIO, r.dateText !== undefined ? r.dateText : fmt.dMonyy(r.d), r.t || '', r.team, r.role, r.type, r.note]);

// =====================================================================
// GP (CSV, Windows-1252) - the mother's practice; DOB mistyped (1953 for 1955) in this file only
// =====================================================================
const gp = [
  { d: '2021-09-22', clin: 'Practice Nurse', type: 'Clinic', det: 'Hypertension review. BP 148/88. Continue amlodipine 5mg od.', key: 'BP 148/88', s: 'routine' },
  { d: '2021-11-03', clin: 'HCA', type: 'Immunisation', det: 'Influenza vaccination given (2021–22 season). L deltoid.', key: 'Influenza vaccination given (2021–22', s: 'routine' },
  { d: '2021-12-17', clin: 'GP', type: 'Telephone', det: 'Low back pain and OA knees flaring. Co-codamol 30/500 repeat. Self-care advice.', key: 'OA knees flaring', s: 'routine' },
  { d: '2022-02-24', clin: 'Clinical Pharmacist', type: 'Medication Review', det: 'Structured medication review. Adherent. Bloods due.', key: 'Structured medication review', s: 'routine' },
  { d: '2022-03-10', clin: 'GP', type: 'Telephone', det: 'Pt says son unwell again, she is ‘exhausted’, not sleeping. Mentions bruise on arm – says the home treatment team know and a social worker is ringing her. Advised carers’ support, sleep hygiene. Carer status discussed.', key: 'a social worker is ringing her', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { id: 'gp_asc_letter', d: '2022-03-23', clin: 'Admin', type: 'Letter In', det: 'Letter from Adult Social Care: carer’s assessment booked 07/04/22. Carer flag added to record.', key: 'Carer flag added to record', s: 'response' },
  { d: '2022-05-12', clin: 'Practice Nurse', type: 'Clinic', det: 'BP 142/84. Bloods: eGFR 68, HbA1c 39, lipids ok.', key: 'eGFR 68', s: 'routine' },
  { id: 'gp_amb_jun', d: '2022-06-21', clin: 'Admin', type: 'Correspondence', det: 'Ambulance PCR received: attended 19/06/22 00:30, central chest pain, ECG NAD, not conveyed. Pt to book review.', key: 'central chest pain, ECG NAD', s: 'routine' },
  { d: '2022-06-28', clin: 'GP', type: 'Face to face', det: 'Chest pain review. Pain reproducible on palpation – ?MSK / anxiety. Reassured. Safety-netted.', key: 'reproducible on palpation', s: 'routine' },
  { d: null, dateText: '31.02.23', clin: 'Admin', type: 'Prescription', det: 'Repeat prescription request – amlodipine, co-codamol.', key: 'Repeat prescription request – amlodipine', bad: 'impossible_date' },
  { d: '2022-09-05', clin: 'HCA', type: 'Immunisation', det: 'Influenza vaccination given (2022–23 season).', key: 'Influenza vaccination given (2022–23', s: 'routine' },
  { d: '2022-09-19', clin: 'GP', type: 'Medication Review', det: 'Annual medication review. BP 138/82. Continue current meds. Review 12 months.', key: 'BP 138/82', s: 'routine' },
  { d: '2022-09-28', clin: 'Practice Nurse', type: 'Clinic', det: 'Carers’ health check (practice carers’ register). Weight stable. No concerns raised by pt.', key: 'Carers’ health check', s: 'routine' },
  { d: '2022-11-14', clin: 'HCA', type: 'Immunisation', det: 'COVID-19 autumn booster given.', key: 'COVID-19 autumn booster', s: 'routine' },
  { id: 'gp_bruise', d: '2023-01-16', t: '09:40', clin: 'GP', type: 'Face to face', det: 'Bruising L upper arm and R cheekbone. Pt states she fell against the door frame in the night going to the toilet. No head injury, no LOC. ?falls – bloods, lying/standing BP. Appears tired, says she is ‘worried about my son’. Did not want to discuss further.', key: 'fell against the door frame', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { d: '2023-01-20', clin: 'Practice Nurse', type: 'Clinic', det: 'Falls bloods normal. Lying/standing BP: no postural drop.', key: 'no postural drop', s: 'routine' },
  { d: '2023-03-06', clin: 'Admin', type: 'Prescription', det: 'Repeat medication issued x2 months.', key: 'Repeat medication issued x2 months', s: 'routine' },
  { d: '2023-04-18', clin: 'Practice Nurse', type: 'Clinic', det: 'Annual hypertension review. BP 152/90 – raised. Stress? Pt says she is ‘coping’. Recheck 4 wks.', key: 'BP 152/90', s: 'routine' },
  { d: '2023-05-16', clin: 'Practice Nurse', type: 'Clinic', det: 'BP recheck 140/86. Continue.', key: 'BP recheck 140/86', s: 'routine' },
  { id: 'gp_amb_aug', d: '2023-08-10', clin: 'Admin', type: 'Correspondence', det: 'Ambulance service notification: attended 09/08/23, fall in kitchen, 3cm scalp laceration closed with glue on scene, not conveyed. Book wound check with nurse.', key: 'fall in kitchen, 3cm scalp laceration', s: 'routine' },
  { id: 'gp_wound', d: '2023-08-11', t: '11:20', clin: 'Practice Nurse', type: 'Clinic', det: 'Wound check scalp – healing, glue intact. Pt quiet. Says her son is ‘not himself’ and she is not sleeping. Signposted to carers’ network.', key: 'Wound check scalp', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { d: '2023-08-21', clin: 'Admin', type: 'Notification', det: 'Notification of death from coroner’s officer. Patient died 20/08/2023 at home.', key: 'Notification of death from coroner', s: 'routine' },
  { d: '2023-09-04', clin: 'Practice Manager', type: 'Correspondence', det: 'HM Coroner request for records – copies sent.', key: 'HM Coroner request for records', s: 'routine' },
  { d: '2023-09-15', clin: 'Practice Manager', type: 'Admin', det: 'Deduction – deceased. Record closed.', key: 'Deduction – deceased', s: 'routine' },
];
for (const r of gp) if (!r.bad && !r.p) r.p = ['P1'];
writeCsv('gp-consultations.csv', 'GP',
  "mother's GP record export, Windows-1252, dd.mm.yy dates, DOB mistyped as 14/03/1953",
  ['Patient', 'DOB', 'NHS No', 'Date', 'Clinician', 'Consultation Type', 'Details'],
  gp,
  (r) => ['Mrs Irene M Pellow', '14/03/1953', NHS_IRENE.spaced, r.dateText !== undefined ? r.dateText : fmt.dmy2dot(r.d) + (r.t ? ' ' + r.t : ''), r.clin, r.type, r.det],
  { enc: 'cp1252' });

// =====================================================================
// HOUSING (CSV, semicolon, UTF-8, LF) - council tenancy in the mother's name; ISO dates
// =====================================================================
const TEN = 'TEN-0071-FC';
const housing = [
  { d: '2020-04-30', cat: 'Rent', off: 'Income Officer', det: 'Arrears letter stage 1 - balance £96.40 (historic).', key: 'Arrears letter stage 1', bad: 'outside_review_period' },
  { d: '2021-09-06', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement issued. Balance £0.00.', key: 'Quarterly rent statement issued. Balance', s: 'routine' },
  { d: '2021-10-11', cat: 'Repairs', off: 'Repairs Desk', det: 'Kitchen tap dripping - job raised, 28 day.', key: 'Kitchen tap dripping', s: 'routine' },
  { d: '2022-01-04', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement Q4 issued, nil arrears.', key: 'statement Q4 issued', s: 'routine' },
  { d: '2022-01-01', dTo: '2022-04-30', prec: 'approximate', dateText: 'early 2022', cat: 'Household', off: 'Tenancy Officer', det: 'Household composition updated: son Darren PELLOW recorded as occupant (date approx - taken from late-returned audit form).', key: 'Household composition updated', s: 'routine', p: ['P1', 'P2'] },
  { id: 'hou_meeting', d: '2022-03-15', cat: 'Multi-agency', off: 'Tenancy Officer', det: "Attended professionals meeting at CMHT re tenant's son (MH crisis). No tenancy concerns. Agreed: property flagged - 2 officers for visits, share any concerns with CCO.", key: 'Attended professionals meeting at CMHT', s: 'response', p: ['P1', 'P2'] },
  { d: '2022-04-04', cat: 'Rent', off: 'Income Team', det: 'Rent increase applied; April statement issued.', key: 'Rent increase applied', s: 'routine' },
  { d: '2022-07-04', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement Q1 issued, nil arrears.', key: 'statement Q1 issued', s: 'routine' },
  { d: '2022-09-05', cat: 'Gas', off: 'Gas Contractor', det: 'Annual gas safety check (LGSR) completed - pass.', key: 'Annual gas safety check', s: 'routine' },
  { d: '2022-09-12', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement Q2 issued, nil arrears.', key: 'statement Q2 issued', s: 'routine' },
  { d: '2022-09-26', cat: 'Tenancy Audit', off: 'Tenancy Officer', det: 'Tenancy audit visit. Tenant and son present, ID seen. Property in good order. No concerns.', key: 'Tenancy audit visit', s: 'routine', p: ['P1', 'P2'] },
  { d: '2023-01-03', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement Q3 issued, nil arrears.', key: 'statement Q3 issued', s: 'routine' },
  { id: 'hou_noise', d: '2023-01-09', cat: 'ASB', off: 'ASB Officer', det: 'Noise complaint from neighbour at no. 9: shouting and banging from no. 7 late at night "most nights this week", says police were called on Sat. Standard noise letter sent to tenant.', key: 'Noise complaint from neighbour at no. 9', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { id: 'hou_noise_closed', d: '2023-01-23', cat: 'ASB', off: 'ASB Officer', det: 'Follow-up call to tenant: Mrs Pellow apologised, said her son "gets loud when he\'s not well" and it is "sorted now". No further complaints. ASB case closed.', key: 'ASB case closed', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { d: '2023-02-20', cat: 'Repairs', off: 'Repairs Desk', det: 'Bathroom extractor fan not working - job raised.', key: 'extractor fan', s: 'routine' },
  { d: '2023-04-03', cat: 'Rent', off: 'Income Team', det: 'Annual rent increase notification letter sent.', key: 'rent increase notification', s: 'routine' },
  { d: '2023-06-15', cat: 'Repairs', off: 'Electrical Contractor', det: 'Smoke/CO alarms tested - ok.', key: 'Smoke/CO alarms tested', s: 'routine' },
  { d: '2023-07-03', cat: 'Rent', off: 'Income Team', det: 'Quarterly rent statement Q1 (23/24) issued, nil arrears.', key: 'Q1 (23/24)', s: 'routine' },
  { id: 'hou_lock', d: '2023-08-14', cat: 'Repairs', off: 'Repairs Desk', det: 'Tenant phoned asking for a lock to be fitted on her bedroom door "for a bit of privacy". Advised council does not fit internal locks, tenant may fit her own. Also reported son\'s bedroom door damaged - said he "banged it". Job raised to inspect door.', key: 'lock to be fitted on her bedroom door', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { id: 'hou_police', d: '2023-08-21', cat: 'Tenancy', off: 'Tenancy Officer', det: 'Police advised tenant deceased and property is a crime scene, secured by police. Repairs job cancelled. Rent account frozen.', key: 'Police advised tenant deceased', s: 'routine' },
  { d: '2023-09-25', cat: 'Tenancy', off: 'Tenancy Officer', det: 'Tenancy ended - death of sole tenant. No succession (son remanded).', key: 'death of sole tenant', s: 'routine', p: ['P1', 'P2'] },
  { d: '2023-10-16', cat: 'Voids', off: 'Voids Team', det: 'Property released by police; keys returned by tenant\'s daughter (Lisa Hartnell). Void works raised.', key: 'keys returned by tenant', s: 'routine', p: ['P1', 'P3'] },
];
for (const r of housing) if (!r.bad && !r.p) r.p = ['P1'];
writeCsv('housing-tenancy-log.csv', 'Housing',
  'council housing tenancy contact log, semicolon-delimited UTF-8, LF line ends, ISO dates; tenancy in the mother\'s name',
  ['Date', 'Tenancy Ref', 'Tenant', 'Address', 'Officer', 'Category', 'Detail'],
  housing,
  (r) => [r.dateText !== undefined ? r.dateText : r.d, TEN, 'Mrs I Pellow', '7 Fennick Close, Copperfield CP4 7RT', r.off, r.cat, r.det],
  { delim: ';', eol: '\n' });

// =====================================================================
// POLICE (XLSX) - title rows, header on row 4, repeated header, blank row, dates real or text
// =====================================================================
const POLICE_HEADER = ['Occurrence Ref', 'Date/Time', 'Persons Involved', 'Occurrence Type', 'Summary', 'Result / Action'];
const police = [
  { id: 'pol_arrest21', d: '2021-10-16', t: '14:22', ref: 'CC/21/044817', per: 'PELLOW, Darren (Suspect); BRIGGS, John (Other)', type: 'Criminal Damage / Bladed Article', sum: 'Shop window at Marlow Parade smashed. Suspect detained nearby with kitchen knife in waistband. BRIGGS present, not involved in damage. Seen by L&D in custody.', res: 'Charged - bailed to Copperfield MC 15/11/21. BRIGGS NFA.', key: 'kitchen knife in waistband', p: ['P2', 'P4'], s: 'concern', ca: 'P2' },
  { id: 'pol_court21', d: '2021-12-14', ref: 'CC/21/044817', per: 'PELLOW, Darren (Defendant)', type: 'Court Result', sum: 'Court result: Community Order 24 months (RAR, UPW 100 hrs). Knife forfeited.', res: 'Result recorded on PNC', key: 'Knife forfeited', p: ['P2'], s: 'routine' },
  { d: '2022-02-02', t: '08:55', ref: 'CC/22/005120', per: 'PELLOW, Darren (Witness); OKAFOR, Daniel (Driver)', type: 'RTC - damage only', sum: 'Two vehicle RTC, Copperfield High Street. Witness PELLOW, Darren (DOB 14/07/1971, 22 Marsh Lane) gave statement.', res: 'Words of advice, no offences', key: 'Two vehicle RTC', p: ['P5'], s: 'routine' },
  { id: 'pol_mh22', d: '2022-03-05', t: '22:58', ref: 'CC/22/010933', per: 'PELLOW, Irene (Informant); PELLOW, Darren (Subject)', type: 'Concern for Welfare - Mental Health', sum: '999 from mother. Son barricaded in bedroom shouting, believes neighbours are filming him. Officers attended with ambulance 23:05. No weapons, no offences. Crisis team contacted via ambulance crew, HTT attended 00:30 and assessed jointly with officers.', res: 'Closed - MH. Handed to HTT.', key: 'believes neighbours are filming him', p: ['P1', 'P2'], s: 'concern', ca: 'P2' },
  { id: 'pol_strat', d: '2022-03-11', t: '10:00', ref: 'CC/22/011402', per: 'PELLOW, Irene (Adult at risk); PELLOW, Darren (Alleged perpetrator)', type: 'Safeguarding - Strategy Discussion', sum: 'Strategy discussion (telephone) with ASC and HTT re son grabbing mother\'s arm 05/03 during MH crisis. Mother does not support a complaint. ASC to lead s42.', res: 'No crime recorded. DA warning marker added to 7 Fennick Close.', key: 'DA warning marker added', p: ['P1', 'P2'], s: 'response' },
  { empty: true, key: '', bad: 'empty_row' },
  { d: '2022-08-04', ref: 'CC/22/031876', per: 'PELLOW, Darren (Subject); BRIGGS, John (Subject)', type: 'Intelligence', sum: 'Intel: BRIGGS believed to be supplying cannabis to PELLOW and others at Fennick Green. Graded B2.', res: 'Intel log only', key: 'supplying cannabis', p: ['P2', 'P4'], s: 'routine' },
  { header: true, key: 'Persons Involved', div: true },
  { id: 'pol_verbal', d: '2023-01-07', t: '21:47', text: '07/01/2023 21:47', ref: 'CC/23/000981', per: 'PELLOW, Irene (Victim); PELLOW, Darren (Suspect)', type: 'Domestic - Verbal', sum: 'Call from neighbour (no. 9) reporting shouting from no. 7, male heard shouting "I know what you\'re doing". Officers attended 22:20. Both parties calm. Verbal argument only (over TV), no offences disclosed, no injuries seen. DASH - victim declined to answer questions, son in the room.', res: 'NFA. Standard risk. No referrals made.', key: 'Verbal argument only', p: ['P1', 'P2'], s: 'concern', ca: 'P1' },
  { text: '11/05/2032 16:30', ref: 'CC/23/018455', per: 'PELLOW, Irene (Aggrieved)', type: 'Theft - Shed', sum: 'Report of pedal cycle stolen from rear garden shed at 7 Fennick Close. No CCTV, no lines of enquiry.', res: 'Filed - no LOE', key: 'pedal cycle stolen', bad: 'future_date' },
  { id: 'pol_silent', d: '2023-08-05', t: '02:13', ref: 'CC/23/032290', per: 'PELLOW, Irene (Caller)', type: 'Silent 999 / Abandoned Call', sum: 'Silent 999 from landline at 7 Fennick Close. Call back answered by female who said she had dialled in error and "everything\'s fine". Male voice heard in background. Address has DA warning marker (03/2022).', res: 'Closed - no police attendance', key: 'Silent 999 from landline', p: ['P1'], s: 'concern', ca: 'P1' },
  { id: 'pol_homicide', d: '2023-08-20', t: '00:16', ref: 'CC/23/033517', per: 'PELLOW, Irene (Victim); PELLOW, Darren (Suspect)', type: 'Homicide', sum: 'Ambulance request: female unresponsive at 7 Fennick Close with stab wounds, son on scene. Officers attended 00:21. Son detained at scene. Life pronounced extinct 00:58.', res: 'Major Investigation Team - Op LARCHWOOD', key: 'Life pronounced extinct', p: ['P1', 'P2'], s: 'concern', ca: 'P1' },
  { id: 'pol_arrest23', d: '2023-08-20', t: '01:05', ref: 'CC/23/033517', per: 'PELLOW, Darren (Suspect)', type: 'Arrest', sum: 'Arrested on suspicion of murder. Conveyed to Copperfield PS. Assessed by L&D / FME - fit to detain.', res: 'In custody', key: 'Arrested on suspicion of murder', p: ['P2'], s: 'routine' },
  { d: '2023-08-20', t: '09:30', ref: 'CC/23/033517', per: 'HARTNELL, Lisa (NOK); PELLOW, Irene (Victim)', type: 'Next of Kin', sum: 'Daughter informed of death in person. FLO deployed.', res: 'FLO log opened', key: 'FLO deployed', p: ['P3', 'P1'], s: 'routine' },
  { id: 'pol_share', d: '2023-08-21', t: '08:30', ref: 'CC/23/033517', per: 'PELLOW, Darren (Suspect); PELLOW, Irene (Victim)', type: 'Information Sharing', sum: 'Probation, MH Trust and Copperfield Council Housing informed of arrest and death. Property to remain secured as scene.', res: 'Emails sent by MIT', key: 'Copperfield Council Housing informed', p: ['P2', 'P1'], s: 'response' },
  { d: '2023-08-22', ref: 'CC/23/033517', per: 'PELLOW, Darren (Suspect)', type: 'Charge', sum: 'Charged with murder (CPS authority). Remanded to appear Copperfield Crown Court 25/08.', res: 'Remanded', key: 'Charged with murder', p: ['P2'], s: 'routine' },
  { id: 'pol_sg', d: '2023-08-22', text: '22/08/2023', ref: 'CC/23/033517', per: 'PELLOW, Irene (Victim)', type: 'Safeguarding Referral', sum: 'Adult safeguarding referral submitted to ASC re death of PELLOW, Irene (domestic homicide, son charged).', res: 'Referral sent', key: 'Adult safeguarding referral submitted to ASC', p: ['P1', 'P2'], s: 'response' },
  { d: '2023-08-29', ref: 'CC/23/033517', per: 'PELLOW, Irene (Victim)', type: 'DHR Notification', sum: 'DHR notification submitted to Copperfield Community Safety Partnership.', res: 'Sent to CSP', key: 'DHR notification submitted', p: ['P1'], s: 'response' },
  { d: '2023-08-30', ref: 'CC/23/033517', per: 'PELLOW, Irene (Deceased)', type: 'Coroner', sum: 'Inquest opened and adjourned by HM Coroner pending criminal proceedings.', res: 'Adjourned', key: 'Inquest opened and adjourned', p: ['P1'], s: 'routine' },
  { d: '2023-11-14', ref: 'CC/23/033517', per: 'PELLOW, Darren (Defendant)', type: 'Court', sum: 'PTPH - trial fixed for March 2024. Psychiatric reports ordered.', res: 'Trial listed', key: 'Psychiatric reports ordered', bad: 'outside_review_period' },
];
async function writePolice() {
  const file = 'police-chronology.xlsx';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Copperfield & District Constabulary';
  wb.created = new Date(Date.UTC(2023, 9, 2, 9, 0));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Chronology');
  ws.getRow(1).getCell(1).value = 'COPPERFIELD & DISTRICT CONSTABULARY - Public Protection Unit';
  ws.getRow(2).getCell(1).value = 'DHR Chronology: Op LARCHWOOD (OFFICIAL - SENSITIVE)';
  ws.getRow(3).getCell(1).value = 'Search period 01/09/2021 - 31/10/2023. Address search: 7 Fennick Close, Copperfield. Name search: PELLOW';
  ws.getRow(1).font = { bold: true, size: 14 };
  let n = 4;
  const hdr = ws.getRow(n); POLICE_HEADER.forEach((h, i) => { hdr.getCell(i + 1).value = h; }); hdr.font = { bold: true };
  for (const r of police) {
    n++;
    register(file, n, r);
    if (r.empty) continue;
    const row = ws.getRow(n);
    if (r.header) { POLICE_HEADER.forEach((h, i) => { row.getCell(i + 1).value = h; }); row.font = { bold: true }; continue; }
    const c = row.getCell(2);
    if (r.text) c.value = r.text;
    else {
      const [y, m, d] = parts(r.d); const [hh, mm] = (r.t || '00:00').split(':').map(Number);
      c.value = new Date(Date.UTC(y, m - 1, d, hh, mm));
      c.numFmt = r.t ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
    }
    row.getCell(1).value = r.ref; row.getCell(3).value = r.per; row.getCell(4).value = r.type;
    row.getCell(5).value = r.sum; row.getCell(6).value = r.res;
  }
  ws.columns.forEach((col, i) => { col.width = [16, 18, 40, 28, 80, 36][i]; });
  await wb.xlsx.writeFile(path.join(DIR, file));
  await normalizeZip(path.join(DIR, file));
  extracts.push({ file, agency: 'Police', notes: 'records system chronology in XLSX: 3 title rows, header on row 4, a blank row, a repeated header row, Excel dates and dates typed as text',
    _check: async (full) => {
      const rb = new ExcelJS.Workbook(); await rb.xlsx.readFile(full);
      const s = rb.worksheets[0]; const out = [];
      if (s.getRow(4).getCell(1).value !== 'Occurrence Ref') throw new Error('police header not on row 4');
      for (let i = 5; i <= s.rowCount; i++) {
        const vals = []; s.getRow(i).eachCell((cell) => { const v = cell.value; vals.push(v instanceof Date ? v.toISOString() : String(v)); });
        out.push({ row: i, text: vals.join(' | ') });
      }
      return out;
    } });
}

// =====================================================================
// ADULT SOCIAL CARE (DOCX, one chronology table, header row 1, year divider rows)
// =====================================================================
const asc = [
  { div: true, key: '--- 2022 ---' },
  { id: 'asc_sg_in', d: '2022-03-09', src: 'MH Trust (HTT)', ev: 'Safeguarding adult concern received from HTT: son (Darren) grabbed Mrs Pellow\'s forearm on 05/03/22 during a mental health crisis, bruise seen by nurse. Consent given.', act: 'Screened by duty SW - s42 criteria met. Strategy discussion arranged for 11/03.', key: 'Safeguarding adult concern received from HTT', p: ['P1', 'P2'], s: 'response' },
  { d: '2022-03-10', src: 'Telephone', ev: 'Call to Irene Pellow. Consents to enquiry. Says "he\'s not a bad lad, it\'s the illness". Wants support for herself, not police.', act: 'Desired outcomes recorded. Carer\'s assessment offered - accepted.', key: 'he\'s not a bad lad, it\'s the illness', p: ['P1', 'P2'], s: 'response' },
  { id: 'asc_strat', d: '2022-03-11', src: 'Strategy discussion', ev: 'Strategy discussion: ASC, Police (PPU), HTT. Police will not pursue (adult at risk declines). Risk linked to relapse.', act: 's42 enquiry to proceed, ASC lead. Police to add warning marker.', key: 'Strategy discussion: ASC, Police (PPU), HTT', p: ['P1', 'P2'], s: 'response' },
  { id: 'asc_meeting', d: '2022-03-15', src: 'Professionals meeting (CMHT)', ev: 'Professionals meeting: CMHT, HTT, ASC, Probation, Housing. Protection plan agreed: HTT/CMHT oversight of son\'s meds, carer\'s assessment, referral to carers\' support, housing to flag address.', act: 'Protection plan in place. Review 4 weeks.', key: 'Protection plan agreed', p: ['P1', 'P2'], s: 'response' },
  { id: 'asc_ref_ccn', d: '2022-03-22', src: 'Referral out', ev: 'Referral to Copperfield Carers Network (with Mrs Pellow\'s consent) for emotional support and carers\' group.', act: 'Referral emailed.', key: 'Referral to Copperfield Carers Network', p: ['P1'], s: 'response' },
  { id: 'asc_gp_letter', d: '2022-03-23', src: 'Letter out', ev: 'Letter to GP: carer\'s assessment booked for 07/04/22, please add carer flag.', act: 'Letter sent.', key: 'please add carer flag', p: ['P1'], s: 'response' },
  { id: 'asc_carers_assess', d: '2022-04-07', src: 'Home visit', ev: 'Carer\'s assessment completed at home with Carers Network support worker present. Eligible needs: emotional wellbeing, breaks from caring. Son not present.', act: 'Carer\'s direct payment £300 p.a. agreed for breaks. Support plan sent.', key: 'Carer\'s assessment completed at home', p: ['P1'], s: 'response' },
  { d: '2022-04-01', dTo: '2022-04-30', prec: 'month', dateText: 'April 2022', src: 'Post', ev: 'Carers\' information pack and direct payment agreement posted (date not recorded).', act: 'Agreement returned signed.', key: 'direct payment agreement posted', p: ['P1'], s: 'routine' },
  { d: '2022-04-21', src: 'Case note', ev: 's42 enquiry concluded. Son engaged with CMHT, depot restarted; Mrs Pellow has carer\'s support plan and CCN support. Outcome: risk reduced.', act: 'Safeguarding closed. Carer\'s review 12 months.', key: 's42 enquiry concluded', p: ['P1', 'P2'], s: 'response' },
  { d: '2022-06-27', src: 'Telephone', ev: 'Call from daughter Lisa Hartnell asking about respite options for her mum (she lives in Dunmere). Info given on using direct payment.', act: 'Advice given.', key: 'asking about respite options', p: ['P3', 'P1'], s: 'routine' },
  { d: '2022-09-14', src: 'Finance', ev: 'Direct payment annual statement sent to Mrs Pellow.', act: 'None required.', key: 'Direct payment annual statement', p: ['P1'], s: 'routine' },
  { div: true, key: '--- 2023 ---' },
  { d: '2023-02-13', src: 'Letter out', ev: 'Carer\'s review due - letter to Mrs Pellow offering review appointment.', act: 'Awaiting reply.', key: 'offering review appointment', p: ['P1'], s: 'routine' },
  { d: '2023-03-15', src: 'Case note', ev: 'No reply to carer\'s review letter. One phone call - no answer.', act: 'Review closed - "carer can re-refer if needed". Direct payment continues.', key: 'carer can re-refer if needed', p: ['P1'], s: 'concern', ca: 'P1' },
  { id: 'asc_sg_death', d: '2023-08-23', src: 'Police', ev: 'Adult safeguarding concern received from Police re death of Irene Pellow at home 20/08/23 - domestic homicide, son charged.', act: 'Screened. Referred to SAB for SAR consideration.', key: 'Adult safeguarding concern received from Police', p: ['P1', 'P2'], s: 'response' },
  { d: '2023-08-31', src: 'SAB', ev: 'SAR sub-group: criteria considered; DHR to be led by the CSP, so no separate SAR. ASC to contribute to DHR.', act: 'Decision recorded.', key: 'no separate SAR', p: ['P1'], s: 'response' },
  { id: 'asc_dhr', d: '2023-09-12', src: 'CSP', ev: 'DHR notification received from Copperfield CSP. Agency chronology and IMR requested.', act: 'Records secured.', key: 'DHR notification received from Copperfield CSP', p: ['P1', 'P2'], s: 'response' },
  { d: '2023-09-29', src: 'Case note', ev: 'Carer\'s record closed - carer deceased. Direct payment stopped, final reconciliation.', act: 'Case closed.', key: 'Carer\'s record closed', p: ['P1'], s: 'routine' },
];
async function writeAsc() {
  const file = 'asc-chronology.docx';
  const cell = (t, bold = false, span) => new docx.TableCell({ columnSpan: span, children: [new docx.Paragraph({ children: [new docx.TextRun({ text: t, bold })] })] });
  const header = ['Date', 'Source / Contact', 'Event', 'Action / Outcome', 'Worker'];
  const trs = [new docx.TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })];
  let n = 1;
  for (const r of asc) {
    n++;
    register(file, n, r);
    if (r.div) { trs.push(new docx.TableRow({ children: [cell(r.key, true, 5)] })); continue; }
    const worker = /Finance/.test(r.src) ? 'Finance Officer' : /SAB/.test(r.src) ? 'SAB Manager' : r.d >= '2023-08-01' ? 'Safeguarding Team Manager' : 'Social Worker';
    trs.push(new docx.TableRow({ children: [cell(r.dateText || fmt.long(r.d)), cell(r.src), cell(r.ev), cell(r.act), cell(worker)] }));
  }
  const doc = new docx.Document({
    creator: 'Copperfield Council Adult Social Care', title: 'ASC chronology - DHR',
    sections: [{ properties: { page: { size: { orientation: docx.PageOrientation.LANDSCAPE } } }, children: [
      new docx.Paragraph({ children: [new docx.TextRun({ text: 'Copperfield Council - Adult Social Care', bold: true, size: 28 })] }),
      new docx.Paragraph({ children: [new docx.TextRun('Agency chronology for Domestic Homicide Review. Subject: Irene Margaret PELLOW, DOB 14/03/1955, 7 Fennick Close, Copperfield CP4 7RT. Mosaic ID 775120.')] }),
      new docx.Table({ width: { size: 100, type: docx.WidthType.PERCENTAGE }, rows: trs }),
    ] }],
  });
  const buf = await docx.Packer.toBuffer(doc);
  fs.writeFileSync(path.join(DIR, file), buf);
  await normalizeZip(path.join(DIR, file));
  extracts.push({ file, agency: 'Adult Social Care', notes: 'Word chronology table, header row 1, year divider rows, long-form dates, one month-only date',
    _check: async (full) => {
      const z = await JSZip.loadAsync(fs.readFileSync(full));
      const xml = await z.file('word/document.xml').async('string');
      const tables = xml.split('<w:tbl>').length - 1; if (tables !== 1) throw new Error('expected one table, got ' + tables);
      const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      const trsX = xml.split(/<w:tr[ >]/).slice(1);
      const rows = trsX.map((t) => [...t.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unesc(m[1])).join(' | '));
      if (!rows[0].startsWith('Date')) throw new Error('docx header row not first');
      return rows.slice(1).map((text, i) => ({ row: i + 2, text }));
    } });
}

// =====================================================================
// AMBULANCE (JSON lines, ISO UTC timestamps)
// =====================================================================
const amb = [
  { id: 'amb_mh22', d: '2022-03-05', t: '22:49', cad: 'CAD-220305-1187', pt: 'Darren PELLOW', dob: '1988-11-02', cc: 'Mental health - behavioural', cat: 'C2', notes: 'Caller (mother) reports son 33yrs, known schizophrenia, barricaded in bedroom shouting, not slept 3 days. Police requested to attend. On scene with police. No injuries. Crisis line contacted by crew - HTT to attend.', outcome: 'Referred to MH crisis team - not conveyed', key: 'barricaded in bedroom shouting, not slept 3 days', p: ['P2', 'P1'], s: 'concern', ca: 'P2' },
  { id: 'amb_chest', d: '2022-06-19', t: '00:30', cad: 'CAD-220619-0042', pt: 'Irene PELLOW', dob: '1955-03-14', cc: 'Chest pain', cat: 'C2', notes: 'Central chest pain at rest, onset 23:45, anxious. 12-lead ECG NSR, no ST changes. Obs within normal limits. Pain eased. Son at home with pt.', outcome: 'Not conveyed - GP follow up, PCR to GP', key: '12-lead ECG NSR', p: ['P1', 'P2'], s: 'routine' },
  { d: '2023-03-26', t: '00:40', cad: 'CAD-230326-0019', pt: 'Irene PELLOW', dob: '1955-03-14', cc: 'Diarrhoea / vomiting', cat: 'C4', notes: 'D&V since evening, tolerating fluids, obs normal. Hear & treat - 111 clinician advice.', outcome: 'Hear and treat - no dispatch', key: 'Hear & treat', p: ['P1'], s: 'routine' },
  { id: 'amb_fall', d: '2023-08-09', t: '19:40', cad: 'CAD-230809-1532', pt: 'Irene PELLOW', dob: '1955-03-14', cc: 'Fall - head injury', cat: 'C3', notes: 'Pt states tripped over the cat and hit head on kitchen worktop. 3cm laceration occipital, closed with tissue glue. GCS 15, no LOC. Son present throughout, pacing, answered several questions for pt. Pt declined conveyance, has capacity. Safeguarding: not indicated.', outcome: 'Treated on scene - not conveyed, PCR to GP', key: 'tripped over the cat', p: ['P1', 'P2'], s: 'concern', ca: 'P1' },
  { id: 'amb_incident', d: '2023-08-20', t: '00:14', cad: 'CAD-230820-0007', pt: 'Irene PELLOW', dob: '1955-03-14', cc: 'Stabbing / penetrating trauma', cat: 'C1', notes: 'Caller male (son) states "I had to, she was letting them in". Female approx 68yrs, multiple stab wounds, unresponsive. Police on scene on arrival. ROLE 00:58.', outcome: 'Deceased - police informed, scene handed to police', key: 'multiple stab wounds', p: ['P1', 'P2'], s: 'concern', ca: 'P1' },
];
function writeAmb() {
  const file = 'ambulance-cad.jsonl';
  const lines = amb.map((r, i) => {
    register(file, i + 1, r);
    return JSON.stringify({ cad_ref: r.cad, call_received: londonToUtcIso(r.d, r.t), patient_name: r.pt, patient_dob: r.dob, incident_address: '7 Fennick Close, Copperfield CP4 7RT', chief_complaint: r.cc, category: r.cat, clinical_notes: r.notes, disposition: r.outcome });
  });
  fs.writeFileSync(path.join(DIR, file), lines.join('\n') + '\n');
  extracts.push({ file, agency: 'Ambulance Service', notes: 'CAD/ePCR export as JSON lines, call times as ISO timestamps in UTC',
    _check: async (full) => fs.readFileSync(full, 'utf8').split('\n').filter((l) => l).map((l, i) => {
      const o = JSON.parse(l); const loc = utcToLondon(o.call_received);
      const lab = labelRows.find((x) => x.file === file && x.row === i + 1);
      if (lab.date !== loc.date || lab.time !== loc.time) throw new Error(`ambulance row ${i + 1} UTC ${o.call_received} != label ${lab.date} ${lab.time}`);
      return { row: i + 1, text: Object.values(o).join(' | ') };
    }) });
}

// =====================================================================
// CARERS' CHARITY (JSON array)
// =====================================================================
const ccn = [
  { id: 'ccn_ref_in', d: '2022-03-24', m: 'Referral', note: 'Referral received from Copperfield Council ASC for Irene (caring for adult son with MH needs). Called Irene - welcome pack sent, told her about Tuesday carers\' group.', key: 'Referral received from Copperfield Council ASC', s: 'response', p: ['P1', 'P2'] },
  { id: 'ccn_assess', d: '2022-04-07', m: 'Home visit', note: 'Supported Irene at her carer\'s assessment with the social worker at home.', key: 'Supported Irene at her carer', s: 'response' },
  { d: '2022-05-10', m: 'Group', note: 'Irene ("call me Reenie") came to Tuesday carers\' group for the first time. Chatty, got on well with the others.', key: 'call me Reenie', s: 'routine' },
  { d: '2022-06-14', m: 'Group', note: 'Reenie at group. Talked about her garden.', key: 'Talked about her garden', s: 'routine' },
  { d: '2022-07-19', m: 'Phone', note: 'Check-in call. All ok, D "doing well, back at his community service".', key: 'back at his community service', s: 'routine', p: ['P1', 'P2'] },
  { d: '2022-09-01', dTo: '2022-09-30', prec: 'month', dateText: 'Sept 2022', m: 'Event', note: 'Coffee morning at St Anne\'s hall - Reenie came and won the raffle (date not logged).', key: 'won the raffle', s: 'routine' },
  { d: '2022-09-20', m: 'Post', note: 'Autumn newsletter and winter wellbeing leaflet posted.', key: 'Autumn newsletter', s: 'routine' },
  { d: '2022-11-15', m: 'Group', note: 'Carers\' group - Christmas lunch planning. Reenie signed up.', key: 'Christmas lunch planning', s: 'routine' },
  { id: 'ccn_jan', d: '2023-01-20', m: 'Phone', note: 'Irene rang. Says things are "difficult at home", D not sleeping and shouting at the telly and at her. Did not want to say more on the phone. "I don\'t want to make a fuss." Offered 1:1.', key: 'I don\'t want to make a fuss', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { dupOf: 'ccn_jan', d: '2023-01-20', m: 'Phone', note: 'Irene rang. Says things are "difficult at home", D not sleeping and shouting at the telly and at her. Did not want to say more on the phone. "I don\'t want to make a fuss." Offered 1:1.', key: 'I don\'t want to make a fuss' },
  { d: '2023-02-07', m: '1:1', note: '1:1 cancelled by Irene on the day - "D\'s not well". Rebook when she is ready.', key: '1:1 cancelled by Irene', s: 'routine', p: ['P1', 'P2'] },
  { d: '2023-03-14', m: 'Group', note: 'Reenie at group, quieter than usual, left early.', key: 'quieter than usual', s: 'routine' },
  { d: '2023-05-09', m: 'Phone', note: 'Check-in call. Irene busy with the garden, will come back to group "when the weather turns".', key: 'when the weather turns', s: 'routine' },
  { id: 'ccn_fear', d: '2023-07-27', m: 'Group + 1:1', note: 'Irene came to group for the first time in months. In 1:1 after, said she is frightened of D at night - he says she is putting things in his food - and she has started locking her bedroom door. She does not want him "in trouble" or the police involved and asked us not to contact anyone. Gave DA helpline and Samaritans numbers. Agreed to ring her next week.', key: 'frightened of D at night', s: 'concern', ca: 'P1', p: ['P1', 'P2'] },
  { id: 'ccn_noanswer', d: '2023-08-04', m: 'Phone', note: 'Call to Irene as agreed - no answer. Left voicemail.', key: 'Call to Irene as agreed - no answer', s: 'concern', ca: 'P1' },
  { id: 'ccn_lock', d: '2023-08-15', m: 'Phone', note: 'Irene returned call. Says things are "a bit better". Said she had asked the council about a lock. Will try group next month.', key: 'asked the council about a lock', s: 'concern', ca: 'P1' },
  { d: '2023-08-24', m: 'Phone', note: 'Irene\'s daughter Lisa rang to tell us Irene has died. Staff debrief held.', key: 'Staff debrief held', s: 'routine', p: ['P1', 'P3'] },
  { d: '2023-09-05', m: 'Admin', note: 'Case closed - carer deceased.', key: 'Case closed - carer deceased', s: 'routine' },
  { id: 'ccn_dhr', d: '2023-09-12', m: 'Email', note: 'DHR notification from Copperfield CSP received; asked to share our records with the review.', key: 'asked to share our records', s: 'response' },
];
for (const r of ccn) if (!r.p) r.p = ['P1'];
function writeCcn() {
  const file = 'carers-network-contacts.json';
  const recs = ccn.map((r, i) => {
    register(file, i + 1, r);
    return { contact_date: r.dateText || r.d, carer: 'Irene P', cared_for: 'son (D), 34, MH', method: r.m, worker: 'Carer Support Worker', note: r.note };
  });
  fs.writeFileSync(path.join(DIR, file), JSON.stringify(recs, null, 2) + '\n');
  extracts.push({ file, agency: 'Carers Charity', notes: 'Copperfield Carers Network CRM export, JSON array, ISO dates, one month-only date, first name / nickname only',
    _check: async (full) => JSON.parse(fs.readFileSync(full, 'utf8')).map((o, i) => ({ row: i + 1, text: Object.values(o).join(' | ') })) });
}

// @@AGENCIES@@

// =====================================================================
// labels.json + checks
// =====================================================================
async function main() {
  // @@ASYNC_WRITERS@@
  await writePolice();
  await writeAsc();
  writeAmb();
  writeCcn();
  writeLabels();
  await check();
}
async function check() {
  const errs = [];
  for (const ex of extracts) {
    const labs = labelRows.filter((l) => l.file === ex.file);
    const byRow = new Map();
    for (const l of labs) { if (byRow.has(l.row)) errs.push(`${ex.file} row ${l.row} labelled twice`); byRow.set(l.row, l); }
    let dataRows = []; // [{row, text}]
    const full = path.join(DIR, ex.file);
    if (ex._kind === 'csv') {
      let buf = fs.readFileSync(full);
      if (buf[0] === 0xEF && buf[1] === 0xBB && buf[2] === 0xBF) buf = buf.subarray(3);
      const text = ex._enc === 'cp1252' ? decode1252(buf) : buf.toString('utf8');
      const recs = parseCsv(text, ex._delim).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
      dataRows = recs.slice(1).map((r) => ({ row: r.line, text: r.cells.join(' | ') }));
    }
    if (ex._check) dataRows = await ex._check(full);
    for (const dr of dataRows) {
      const l = byRow.get(dr.row);
      if (!l) { errs.push(`${ex.file} row ${dr.row} not labelled: ${dr.text.slice(0, 60)}`); continue; }
      if (l.badReason === 'empty_row') { if (dr.text.trim() !== '') errs.push(`${ex.file} row ${dr.row} labelled empty but has text`); byRow.delete(dr.row); continue; }
      if (!dr.text.includes(l.key)) errs.push(`${ex.file} row ${dr.row} key not found: ${l.key}`);
      const same = dataRows.filter((x) => x.text.includes(l.key)).map((x) => x.row);
      const allowed = new Set([dr.row, ...labs.filter((o) => o.status === 'duplicate' && (o.duplicateOf === dr.row || o.row === dr.row)).flatMap((o) => [o.row, o.duplicateOf])]);
      if (same.some((r) => !allowed.has(r))) errs.push(`${ex.file} row ${dr.row} key not unique: ${l.key} (${same})`);
      byRow.delete(dr.row);
    }
    for (const [r] of byRow) errs.push(`${ex.file} label row ${r} is not a data row`);
  }
  const isEntry = (f, r) => labelRows.some((l) => l.file === f && l.row === r && l.status === 'entry');
  for (const lk of links) for (const [f, r] of lk.rows) if (!isEntry(f, r)) errs.push(`link row ${f}:${r} not an entry`);
  for (const c of clusters) for (const [f, r] of c.rows) {
    if (!isEntry(f, r)) errs.push(`cluster row ${f}:${r} not an entry`);
    const l = labelRows.find((x) => x.file === f && x.row === r);
    if (l && (l.date < c.from || l.date > c.to)) errs.push(`cluster ${c.ref} row ${f}:${r} date ${l.date} outside`);
    if (l && l.signal !== 'concern') errs.push(`cluster ${c.ref} row ${f}:${r} not a concern`);
  }
  // controls: no concern rows of a K2 routine month; the responded control must contain responses
  for (const k of controls) {
    const inK = labelRows.filter((l) => l.status === 'entry' && l.date >= k.from && l.date <= k.to);
    if (k.kind === 'routine' && inK.some((l) => l.signal !== 'routine')) errs.push(`control ${k.ref} has non-routine rows`);
    if (k.kind === 'responded' && !inK.some((l) => l.signal === 'response')) errs.push(`control ${k.ref} has no response`);
  }
  const peopleRefs = new Set(people.map((p) => p.ref));
  for (const l of labelRows) if (l.people) for (const p of l.people) if (!peopleRefs.has(p)) errs.push(`unknown person ${p}`);
  const out = path.join(DIR, 'labels.json');
  JSON.parse(fs.readFileSync(out, 'utf8'));
  const counts = extracts.map((e) => `${e.file}: ${labelRows.filter((l) => l.file === e.file).length}`);
  console.log(counts.join('\n'));
  console.log('total rows', labelRows.length, 'entries', labelRows.filter((l) => l.status === 'entry').length, 'links', links.length, 'clusters', clusters.length, 'controls', controls.length);
  if (errs.length) { console.error('CHECK FAILED:\n' + errs.join('\n')); process.exit(1); }
  console.log('checks OK');
}

// ---------- people, links, clusters, controls ----------
const people = [
  { ref: 'P1', name: 'Irene Margaret Pellow', kind: 'subject',
    written: ['Irene Pellow', 'PELLOW, Irene', 'Mrs Irene M Pellow', 'Mrs Pellow', 'Mrs I Pellow', 'Irene', 'Irene P', 'Reenie', 'Mum', 'his mother', 'mother', 'IP', 'tenant', 'the victim'],
    identifiers: ['Pellow', 'Irene', 'Reenie', '14/03/1955', '1955-03-14', '14/03/1953', 'Mosaic ID 775120', '775120', NHS_IRENE.spaced, NHS_IRENE.plain, '7 Fennick Close', 'Fennick Close', 'CP4 7RT', 'TEN-0071-FC'] },
  { ref: 'P2', name: 'Darren James Pellow', kind: 'family',
    written: ['PELLOW, Darren J', 'PELLOW, Darren', 'Darren Pellow', 'Darren PELLOW', 'Darren', 'DP', 'D', 'SU', 'son', 'son (D)'],
    identifiers: ['Pellow', 'Darren', '02/11/1988', '1988-11-02', NHS_DARREN.spaced, NHS_DARREN.plain, CRN, 'RiO 1048827', '1048827', '7 Fennick Close'] },
  { ref: 'P3', name: 'Lisa Hartnell', kind: 'family',
    written: ['Lisa Hartnell', 'HARTNELL, Lisa', 'Lisa', 'daughter'],
    identifiers: ['Hartnell', 'Lisa'] },
  { ref: 'P4', name: 'John Briggs', kind: 'associate',
    written: ['BRIGGS, John', 'John Briggs', 'Jonno'],
    identifiers: ['Briggs', 'Jonno', 'John Briggs'] },
  { ref: 'P5', name: 'Darren Pellow (born 1971)', kind: 'namesake',
    written: ['PELLOW, Darren'],
    identifiers: ['Pellow', 'Darren', '14/07/1971', '22 Marsh Lane'] },
];
const L = (why, ...ids) => ({ why, ids });
const linkDefs = [];
const clusterDefs = [];
const controls = [];
let links = [], clusters = [];
function resolve() {
  const get = (id) => { if (!idIndex[id]) throw new Error('unknown id ' + id); return idIndex[id]; };
  links = linkDefs.map((l) => ({ why: l.why, rows: l.ids.map(get) }));
  clusters = clusterDefs.map((c) => ({ ...c, rows: c.ids.map(get), ids: undefined })).map(({ ids, ...c }) => c);
}
function writeLabels() {
  resolve();
  const labels = {
    case: CASE,
    title: 'Domestic Homicide Review: Adult A (Irene Pellow)',
    reviewType: 'DHR',
    settings: {
      periodFrom: '2021-09-01', periodTo: '2023-10-31',
      incident: { date: '2023-08-20', kind: 'death' },
      people: [
        { ref: 'P1', name: 'Irene Margaret Pellow', role: 'subject', dob: '1955-03-14',
          identifiers: `NHS ${NHS_IRENE.spaced}; 7 Fennick Close, Copperfield CP4 7RT; known as Reenie` },
        { ref: 'P2', name: 'Darren James Pellow', role: 'family', dob: '1988-11-02',
          identifiers: `son, perpetrator; NHS ${NHS_DARREN.spaced}; lived at 7 Fennick Close` },
      ],
    },
    people,
    extracts: extracts.map(({ file, agency, notes }) => ({ file, agency, notes })),
    rows: labelRows,
    links, clusters, controls,
  };
  fs.writeFileSync(path.join(DIR, 'labels.json'), JSON.stringify(labels, null, 2) + '\n');
}
linkDefs.push(
  L('arrest with knife Oct 2021 and the L&D assessment in custody the same day', 'pol_arrest21', 'mh_ld'),
  L('sentencing at court: police court result and probation order made', 'pol_court21', 'prob_sentence'),
  L('probation email to the care coordinator and its receipt', 'prob_email_cco', 'mh_email_po'),
  L('probation email to CMHT duty in April 2023 and its receipt', 'prob_email_apr', 'mh_email_apr'),
  L('999 call 05/03/2022: ambulance dispatch, police concern-for-welfare log and crisis line referral from the crew', 'amb_mh22', 'pol_mh22', 'mh_crisis'),
  L('HTT assessment at home carried out jointly with police officers', 'pol_mh22', 'mh_htt_assess'),
  L('safeguarding concern sent by HTT and received by ASC', 'mh_sg_ref', 'asc_sg_in'),
  L('strategy discussion ASC/police/HTT 11/03/2022', 'pol_strat', 'asc_strat'),
  L('professionals meeting at CMHT 15/03/2022 in four agencies\' records', 'mh_meeting', 'prob_meeting', 'asc_meeting', 'hou_meeting'),
  L('ASC referral to the carers\' charity and its receipt', 'asc_ref_ccn', 'ccn_ref_in'),
  L('ASC letter to the GP about the carer\'s assessment and its receipt', 'asc_gp_letter', 'gp_asc_letter'),
  L('carer\'s assessment visit attended by social worker and charity worker', 'asc_carers_assess', 'ccn_assess'),
  L('ambulance chest pain call (00:30 BST, 23:30Z) and the PCR received by the GP', 'amb_chest', 'gp_amb_jun'),
  L('police attendance 07/01/2023 later seen by probation on an intel check', 'pol_verbal', 'prob_intel_jan'),
  L('ambulance fall with scalp laceration and the notification received by the GP', 'amb_fall', 'gp_amb_aug'),
  L('GP wound check of the scalp laceration treated by the ambulance crew', 'amb_fall', 'gp_wound'),
  L('the fatal incident: 999 call (23:14Z = 00:14 BST) and police homicide log', 'amb_incident', 'pol_homicide'),
  L('police information sharing after the arrest received by probation, MH trust and housing', 'pol_share', 'prob_informed', 'mh_informed', 'hou_police'),
  L('police safeguarding referral about the death and its receipt by ASC', 'pol_sg', 'asc_sg_death'),
  L('the CSP\'s DHR notification received by several agencies', 'prob_dhr', 'asc_dhr', 'ccn_dhr'),
);
clusterDefs.push(
  { ref: 'C1', person: 'P1', from: '2023-07-11', to: '2023-08-15',
    agencies: ['Mental Health Trust', 'Probation Service', 'Carers Charity', 'Police', 'Ambulance Service', 'GP', 'Housing'],
    ids: ['mh_dna_jul', 'prob_fta_jul', 'mh_phone_jul', 'prob_jul20', 'mh_discharge', 'ccn_fear', 'prob_mum_call', 'ccn_noanswer', 'pol_silent', 'amb_fall', 'gp_wound', 'hou_lock', 'ccn_lock'],
    expected: 'missed', rank: 1,
    why: 'final five weeks: son off his depot and discharged from care coordination, threatens his mother to probation ("I\'ll stop her"), she rings probation and tells the carers\' charity she is frightened and locks her bedroom door, a silent 999 closed as dialled in error, an ambulance-treated head wound "tripped over the cat" with the son answering for her, GP sees the wound, housing asked for a bedroom-door lock; no referral, no information shared, no MARAC or safeguarding' },
  { ref: 'C2', person: 'P1', from: '2023-01-07', to: '2023-01-23',
    agencies: ['Police', 'Housing', 'Probation Service', 'GP', 'Carers Charity'],
    ids: ['pol_verbal', 'hou_noise', 'prob_intel_jan', 'gp_bruise', 'ccn_jan', 'hou_noise_closed'],
    expected: 'missed', rank: 2,
    why: 'police called to a "verbal argument" (DASH declined with son in the room), neighbour noise complaint, probation learns of the call-out, GP sees arm and face bruising explained as a fall, mother tells the carers\' charity he shouts at her, ASB case closed; despite the DA marker from 2022 nobody referred or shared' },
);
controls.push(
  { ref: 'K1', person: 'P1', from: '2022-03-03', to: '2022-03-24', kind: 'responded',
    why: 'son\'s relapse and the grabbed arm (probation, MH, 999 police/ambulance, GP) answered within days by HTT home treatment, a safeguarding concern, s42 enquiry with a strategy discussion, a four-agency professionals meeting and a carer\'s assessment / charity referral' },
  { ref: 'K3', person: 'P2', from: '2022-03-03', to: '2022-03-24', kind: 'responded',
    why: 'the same March 2022 episode seen from the son: probation shares his presentation with the CCO, 999 call with police and ambulance, crisis line and HTT joint assessment, HTT home treatment, professionals meeting' },
  { ref: 'K2', person: 'P1', from: '2022-09-01', to: '2022-09-30', kind: 'routine',
    why: 'flu jab, medication review, carers\' health check, gas safety check, rent statement, tenancy audit, depot and outpatient review, direct payment statement, coffee morning and newsletter in one month' },
);
// @@DEFS@@

await main().catch((e) => { console.error(e); process.exit(1); });
