// Generator for the fictional DHR case "dhr-millbrook". Deterministic: no random numbers, no current dates.
// Run: cd /work/main && node eval/cases/dhr-millbrook/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as docx from 'docx';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const out = (f) => path.join(DIR, f);

// ---------- helpers ----------
function nhsCheck(nine) {
  const d = nine.split('').map(Number);
  let s = 0; for (let i = 0; i < 9; i++) s += d[i] * (10 - i);
  let c = 11 - (s % 11); if (c === 11) c = 0;
  if (c === 10) throw new Error('invalid NHS base ' + nine);
  return nine + c;
}
const NHS_LEANNE = nhsCheck('472381906');
const NHS_ISLA = nhsCheck('738104552');
const nhsSpaced = (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;

// Europe/London local wall time -> UTC ISO string with Z
const londonFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function londonParts(ms) {
  const p = Object.fromEntries(londonFmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
function localToUTC(date, time) {
  const [y, m, d] = date.split('-').map(Number); const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  for (const off of [1, 0]) {
    const ms = wall - off * 3600e3;
    if (londonParts(ms) === `${date} ${time}`) return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  throw new Error('no UTC for ' + date + ' ' + time);
}
const excelDate = (date, time) => {
  const [y, m, d] = date.split('-').map(Number); const [hh, mm] = (time || '00:00').split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
};
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dmy = (iso, sep = '/', yy = false) => { const [y, m, d] = iso.split('-'); return `${d}${sep}${m}${sep}${yy ? y.slice(2) : y}`; };
const dMonY = (iso) => { const [y, m, d] = iso.split('-'); return `${d}-${MON[+m - 1]}-${y}`; };
const dmyNoPad = (iso, yy = false) => { const [y, m, d] = iso.split('-'); return `${+d}/${+m}/${yy ? y.slice(2) : y}`; };
const addDays = (iso, n) => { const t = new Date(iso + 'T00:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };

// Windows-1252 encoding for the characters we use
const CP1252 = { '\u2019': 0x92, '\u2018': 0x91, '\u201C': 0x93, '\u201D': 0x94, '\u2013': 0x96, '\u2014': 0x97, '\u00A3': 0xA3, '\u00E9': 0xE9 };
const CP1252_REV = Object.fromEntries(Object.entries(CP1252).map(([k, v]) => [v, k]));
function encode1252(str) {
  const bytes = [];
  for (const ch of str) {
    const c = ch.codePointAt(0);
    if (c < 0x80) bytes.push(c); else if (CP1252[ch] !== undefined) bytes.push(CP1252[ch]); else throw new Error('not cp1252: ' + ch);
  }
  return Buffer.from(bytes);
}
const decode1252 = (buf) => Array.from(buf).map((b) => (b < 0x80 ? String.fromCharCode(b) : (CP1252_REV[b] ?? String.fromCharCode(b)))).join('');

function csvCell(v, delim) {
  const s = v == null ? '' : String(v);
  return /["\n\r]/.test(s) || s.includes(delim) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
// parse CSV text -> [{line, cells}]
function parseCSV(text, delim) {
  const recs = []; let i = 0, line = 1; const n = text.length;
  while (i < n) {
    const start = line; const cells = []; let cell = ''; let inQ = false;
    for (; i < n; i++) {
      const ch = text[i];
      if (inQ) {
        if (ch === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else inQ = false; }
        else { if (ch === '\n') line++; cell += ch; }
      } else if (ch === '"') inQ = true;
      else if (ch === delim) { cells.push(cell); cell = ''; }
      else if (ch === '\r') { /* skip */ }
      else if (ch === '\n') { i++; line++; break; }
      else cell += ch;
    }
    cells.push(cell); recs.push({ line: start, cells });
  }
  return recs;
}

// ---------- labels ----------
const labels = {
  case: 'dhr-millbrook',
  title: 'Domestic Homicide Review: Leanne Cresswell (Millbrook)',
  reviewType: 'DHR',
  settings: {
    periodFrom: '2022-06-01', periodTo: '2024-06-30',
    incident: { date: '2024-05-18', kind: 'death' },
    people: [
      { ref: 'P1', name: 'Leanne Marie Cresswell', role: 'subject', dob: '1989-07-14',
        identifiers: `NHS ${nhsSpaced(NHS_LEANNE)}; 7 Sorrel Court, Millbrook MB4 2QT; née Tolland (maiden name)` },
      { ref: 'P2', name: 'Gavin Paul Cresswell', role: 'family', dob: '1985-03-02', identifiers: 'husband; 7 Sorrel Court, Millbrook' },
      { ref: 'P3', name: 'Isla Grace Cresswell', role: 'family', dob: '2023-04-29', identifiers: `daughter; NHS ${nhsSpaced(NHS_ISLA)}` },
      { ref: 'P4', name: 'Susan Tolland', role: 'family', identifiers: "mother; 14 Fenwick Road, Millbrook" },
    ],
  },
  people: [
    { ref: 'P1', name: 'Leanne Marie Cresswell', kind: 'subject',
      written: ['TOLLAND, Leanne', 'CRESSWELL, Leanne', 'Miss Leanne M Tolland', 'Leanne Cresswell', 'Leanne CRESSWELL (née TOLLAND)', 'Mrs L Cresswell', 'Miss L Tolland', 'Leanne', 'LC', 'LT', 'client', 'the victim', 'his partner', 'his wife', 'Mum', 'pt', 'tenant'],
      identifiers: ['Leanne', 'Tolland', 'TOLLAND', 'Cresswell', 'CRESSWELL', '14/07/1989', '14/07/89', '17/07/1989', NHS_LEANNE, nhsSpaced(NHS_LEANNE), '7 Sorrel Court', 'Sorrel Court', 'MB4 2QT', '07700 900417', 'HL-0457', 'MH-0022391', 'MM-22-118', 'MM-23-402', 'SC/0071/T'] },
    { ref: 'P2', name: 'Gavin Paul Cresswell', kind: 'family',
      written: ['CRESSWELL, Gavin', 'Gavin CRESSWELL', 'Gavin', 'GC', 'Gav', 'PoP', 'Dad', 'husband', 'partner'],
      identifiers: ['Gavin', 'Cresswell', 'CRESSWELL', '02/03/1985', '02/03/85', 'X614207', '7 Sorrel Court'] },
    { ref: 'P3', name: 'Isla Grace Cresswell', kind: 'family',
      written: ['Isla', 'CRESSWELL, Isla', 'Isla CRESSWELL', 'baby', 'unborn', 'infant'],
      identifiers: ['Isla', 'Cresswell', '29/04/2023', '29/04/23', NHS_ISLA, nhsSpaced(NHS_ISLA), '2208841'] },
    { ref: 'P4', name: 'Susan Tolland', kind: 'family',
      written: ['TOLLAND, Susan', 'Susan TOLLAND', 'MGM', "mum's address", 'maternal grandmother', 'Sue'],
      identifiers: ['Susan', 'Tolland', 'TOLLAND', 'Sue', '14 Fenwick Road', 'Fenwick Road'] },
    { ref: 'P5', name: 'Gavin Cresswell (senior)', kind: 'namesake',
      written: ['CRESSWELL, Gavin (SNR)', 'Gavin Snr', 'Gavin CRESSWELL Snr', 'PGF'],
      identifiers: ['Gavin', 'Cresswell', 'CRESSWELL', '11/01/1958', '22 Holt Lane'] },
  ],
  extracts: [],
  rows: [], links: [], clusters: [], controls: [],
};
const ROWREF = {}; // id -> [file,row]
const written = {}; // file -> [{row, text}] for checks
function label(file, row, L) {
  const r = { file, row, key: L.key, status: L.st || 'entry' };
  if (r.status === 'entry') {
    Object.assign(r, { date: L.d, dateTo: L.to || L.d, time: L.t ?? null, precision: L.prec || 'day', people: L.p, signal: L.s });
    if (L.s === 'concern') r.concernAbout = L.c || 'P1';
  } else if (r.status === 'duplicate') r.duplicateOf = ROWREF[L.dup][1];
  else if (r.status === 'bad') r.badReason = L.bad;
  labels.rows.push(r);
  if (L.id) { if (ROWREF[L.id]) throw new Error('dup id ' + L.id); ROWREF[L.id] = [file, row]; }
}

// =====================================================================
// 1. POLICE (XLSX, title rows, Excel dates + some text dates)
// =====================================================================
async function police() {
  const FILE = 'police-westmarch-ppu.xlsx';
  labels.extracts.push({ file: FILE, agency: 'Police', notes: 'Westmarch Police PPU records export; 3 title rows above the header; dates mostly real Excel date-times, some typed as text (one with a 2-digit year); a repeated header row at a page break; one record exported twice; one undated intelligence entry; "SURNAME, Forename" nominals' });
  const V_T = 'TOLLAND, Leanne (V)', V_C = 'CRESSWELL, Leanne (V) AKA TOLLAND', S = 'CRESSWELL, Gavin (S)';
  const R = [];
  const row = (date, time, cells, L) => R.push({ date, time, cells, L });
  // cells: [occ, dateCellOverride|null, nominals, type, details, dash, action]
  row('2021-11-20', '23:05', ['WP/21/184422', null, `${V_T}; CRESSWELL, Gavin`, 'Domestic - verbal', 'Report of raised voices 7 Sorrel Court. Both parties spoken to, verbal argument over his drinking, no offences disclosed. Both state happy for other to stay.', 'STANDARD', 'Words of advice. DA leaflet.'],
    { key: 'verbal argument over his drinking', st: 'bad', bad: 'outside_review_period' });
  row('2022-06-14', '11:20', ['WP/22/088150', null, 'TOLLAND, Leanne (IP)', 'Theft - pedal cycle', 'IP reports pedal cycle stolen from communal bike store Sorrel Court overnight. No CCTV. Crime recorded.', '', 'Filed - no lines of enquiry.'],
    { key: 'pedal cycle stolen from communal bike store', d: '2022-06-14', t: '11:20', p: ['P1'], s: 'routine' });
  row('2022-07-09', '23:20', ['WP/22/110973', null, `${V_T}; ${S}`, 'Domestic - verbal/?assault', 'Call from neighbour at no.9 reporting shouting and female screaming. On arrival TOLLAND tearful, red mark L cheek, says she "caught it on the cupboard door". CRESSWELL calm and polite, says argument about money and she "gets hysterical". No allegation made. Spoken to separately.', 'MEDIUM (9 ticks)', 'DASH completed. Words of advice. DA leaflet left. NFA - no offences disclosed.'],
    { id: 'pol_jul22', key: 'caught it on the cupboard door', d: '2022-07-09', t: '23:20', p: ['P1', 'P2'], s: 'concern' });
  row('2022-09-17', '01:40', ['WP/22/149301', null, `CRESSWELL (nee TOLLAND), Leanne (V); ${S}`, 'Domestic - assault ABH', '999 call from victim: husband has hit her and "won\'t let me out". Officers attended. Swelling R eye, cut to lip, redness to neck. Victim states pushed against hall wall, punched to face, grabbed round throat. Married 08/22, now CRESSWELL. Suspect arrested at scene. BWV first account captured.', 'HIGH (16 ticks)', 'Arrested ABH. Photos taken. Victim to mother\'s address (14 Fenwick Road).'],
    { id: 'pol_assault22', key: 'won\'t let me out', d: '2022-09-17', t: '01:40', p: ['P1', 'P2', 'P4'], s: 'concern' });
  row('2022-09-17', '15:10', ['WP/22/149301', null, S, 'Custody', 'Suspect interviewed - no comment. CPS advice: charged s39 common assault (strangulation element insufficient evidence). Bailed to Millbrook MC 04/10 with conditions not to contact victim or attend Sorrel Court.', '', 'Charged. Conditional bail.'],
    { key: 'Suspect interviewed - no comment', d: '2022-09-17', t: '15:10', p: ['P2', 'P1'], s: 'routine' });
  row('2022-09-18', '10:05', ['WP/22/149301', null, V_C, 'Safeguarding referral', 'MARAC referral submitted to Millbrook MARAC (DASH HIGH 16). Referral to Harbour Light IDVA service sent by secure email. No children in household - no CSC notification.', 'HIGH', 'Referrals sent.'],
    { id: 'pol_ref22', key: 'MARAC referral submitted to Millbrook MARAC', d: '2022-09-18', t: '10:05', p: ['P1'], s: 'response' });
  row('2022-09-21', '14:00', ['WP/22/149301', null, V_C, 'Victim contact', 'Joint visit DA officer with IDVA at mother\'s address. Victim supportive of prosecution at this time. Safety advice, TecSOS phone offered - declined, "he\'d find it".', '', 'Joint visit completed.'],
    { id: 'pol_joint22', key: 'Joint visit DA officer with IDVA', d: '2022-09-21', t: '14:00', p: ['P1', 'P4'], s: 'response' });
  row('2022-10-06', '10:00', ['WP/22/149301', null, `${V_C}; ${S}`, 'MARAC', 'MARAC held. Police actions: flag Sorrel Court address for priority response (marker placed), DA officer to monitor bail compliance.', 'HIGH', 'Address marker placed.'],
    { id: 'pol_marac22', key: 'MARAC held. Police actions: flag Sorrel Court', d: '2022-10-06', t: '10:00', p: ['P1', 'P2'], s: 'response' });
  row('2022-10-20', '16:30', ['WP/22/149301', null, V_C, 'Victim contact', 'Victim attended Millbrook station, provided retraction statement. States "he\'s getting help, I don\'t want him to have a record". OIC discussed with CPS - to proceed evidence-led (BWV, 999 recording).', '', 'Retraction recorded.'],
    { key: 'provided retraction statement', d: '2022-10-20', t: '16:30', p: ['P1', 'P2'], s: 'concern' });
  row('2022-11-01', '12:00', ['WP/22/149301', null, S, 'Court', 'Bail variation granted at Millbrook MC on application of defence - suspect permitted to return to home address. Victim consented via defence solicitor. Police not consulted before hearing.', '', 'Bail varied.'],
    { key: 'Bail variation granted', d: '2022-11-01', t: '12:00', p: ['P2', 'P1'], s: 'concern' });
  row('2022-12-14', '14:45', ['WP/22/149301', null, S, 'Court result', 'Millbrook MC: CRESSWELL pleaded guilty s39 common assault. 18 month Community Order - Building Better Relationships (BBR), 20 RAR days, costs £85. No restraining order (victim did not support).', '', 'Result recorded. Case closed.'],
    { id: 'pol_court', key: 'pleaded guilty s39 common assault', d: '2022-12-14', t: '14:45', p: ['P2', 'P1'], s: 'routine' });
  row('2022-12-21', '09:30', ['WP/22/149301', null, S, 'Information request', 'DA callout history request from Westmarch Probation (OM) re CRESSWELL - 3 callouts and MARAC 06/10/22 disclosed by secure email.', '', 'Disclosed.'],
    { id: 'pol_probreq', key: 'DA callout history request from Westmarch Probation', d: '2022-12-21', t: '09:30', p: ['P2', 'P1'], s: 'response' });
  // repeated header at a page break
  R.push({ header: true, L: { key: 'Occurrence No', st: 'divider' } });
  row('2023-03-11', '22:47', ['WP/23/041876', '11/03/23 22:47', 'CRESSWELL, Leanne', 'Silent 999 / open line', 'Silent 999 call from mobile registered to CRESSWELL, Leanne (07700 900417). Open line approx 40 secs, muffled voices, possible female crying. Call back answered by male who stated "butt dial, all fine, she\'s in the bath". Address marker not checked. No deployment.', '', 'Closed - no further action.'],
    { key: 'Silent 999 call from mobile registered', d: '2023-03-11', t: '22:47', p: ['P1', 'P2'], s: 'concern' });
  row('2023-06-10', '19:05', ['WP/23/097702', null, `CRESSWELL, Leanne (V); ${S}; CRESSWELL, Isla (child)`, 'Domestic - verbal', 'Report from victim of argument re money, husband "shouting in my face". Baby Isla (6 wks) present in room. Victim denies any assault or threats. Husband left to stay at his father\'s. Child notification (PPN) sent to CSC.', 'STANDARD (5 ticks)', 'DASH done. PPN to CSC. NFA.'],
    { id: 'pol_jun23', key: 'shouting in my face', d: '2023-06-10', t: '19:05', p: ['P1', 'P2', 'P3'], s: 'response' });
  row('2023-06-10', '19:05', ['WP/23/097702', null, `CRESSWELL, Leanne (V); ${S}; CRESSWELL, Isla (child)`, 'Domestic - verbal', 'Report from victim of argument re money, husband "shouting in my face". Baby Isla (6 wks) present in room. Victim denies any assault or threats. Husband left to stay at his father\'s. Child notification (PPN) sent to CSC.', 'STANDARD (5 ticks)', 'DASH done. PPN to CSC. NFA.'],
    { key: 'shouting in my face', st: 'duplicate', dup: 'pol_jun23' });
  row('2023-08-15', '08:10', ['WP/23/131090', null, 'CRESSWELL, Gavin', 'Road traffic', 'Speed enforcement Millbrook bypass 52 in 40. Driver CRESSWELL, Gavin. Fixed penalty issued.', '', 'FPN.'],
    { key: 'Speed enforcement Millbrook bypass', d: '2023-08-15', t: '08:10', p: ['P2'], s: 'routine' });
  row('2023-11-04', '21:30', ['WP/23/182245', null, `CRESSWELL, Leanne (V); ${S}; CRESSWELL, Isla (child)`, 'Domestic - false imprisonment / controlling', '999 from victim using neighbour\'s phone: husband took her phone and car keys and locked the front door, would not let her leave with baby for approx 3 hrs. Scratch to L wrist. Victim states he "goes through everything, my phone, my bank, who I talk to". Suspect arrested. Baby present.', 'HIGH (15 ticks)', 'Arrested false imprisonment / s76 controlling or coercive behaviour. Photos.'],
    { id: 'pol_nov23', key: 'goes through everything, my phone, my bank', d: '2023-11-04', t: '21:30', p: ['P1', 'P2', 'P3'], s: 'concern' });
  row('2023-11-05', '09:10', ['WP/23/182245', null, 'CRESSWELL, Leanne (V)', 'Safeguarding referral', 'Repeat MARAC referral (previous MARAC 10/22). IDVA referral to Harbour Light.', 'HIGH', 'Referrals sent.'],
    { id: 'pol_ref23', key: 'Repeat MARAC referral (previous MARAC 10/22)', d: '2023-11-05', t: '09:10', p: ['P1'], s: 'response' });
  row('2023-11-05', '09:25', ['WP/23/182245', null, 'CRESSWELL, Isla (child)', 'Child notification', 'PPN submitted to CSC: child (6 months) present at DA incident 04/11/23, father arrested.', '', 'PPN sent.'],
    { id: 'pol_ppn23', key: 'PPN submitted to CSC: child (6 months)', d: '2023-11-05', t: '09:25', p: ['P3', 'P1', 'P2'], s: 'response' });
  row('2023-11-05', '16:00', ['WP/23/182245', null, `${S}; CRESSWELL, Leanne (V)`, 'Custody', 'Suspect interviewed, denies, states wife "wanted to drive after drinking". Victim declined to provide statement, "I just want him home". Released under investigation.', '', 'RUI.'],
    { key: 'I just want him home', d: '2023-11-05', t: '16:00', p: ['P2', 'P1'], s: 'concern' });
  row('2023-11-23', '10:00', ['WP/23/182245', null, 'CRESSWELL, Leanne (V); CRESSWELL, Gavin', 'MARAC', 'Repeat MARAC held. Victim not engaging with IDVA. Police action: address marker reviewed and renewed; OIC to progress investigation.', 'HIGH', 'Marker renewed.'],
    { id: 'pol_marac23', key: 'Repeat MARAC held', d: '2023-11-23', t: '10:00', p: ['P1', 'P2'], s: 'response' });
  row('2024-01-30', '11:15', ['WP/23/182245', '30/01/2024', S, 'Investigation update', 'Investigation filed: victim not supporting, insufficient evidence for CPS threshold. RUI ended. Victim informed by phone.', '', 'NFA - filed.'],
    { key: 'Investigation filed: victim not supporting', d: '2024-01-30', t: null, p: ['P2', 'P1'], s: 'concern' });
  row('2024-03-22', '17:40', ['WP/24/050317', null, 'CRESSWELL, Gavin', 'Public order', 'Road rage - CRESSWELL alleged to have got out of van and shouted at another driver at Kingsmead roundabout. Other party did not wish to pursue.', '', 'Words of advice.'],
    { key: 'Road rage', d: '2024-03-22', t: '17:40', p: ['P2'], s: 'routine' });
  row('2024-05-04', '18:40', ['WP/24/082661', '04/05/2024 18:40', 'CRESSWELL, Leanne; TOLLAND, Susan (caller); CRESSWELL, Gavin; CRESSWELL, Gavin (SNR)', 'Concern for welfare', 'Caller TOLLAND, Susan (mother) states not heard from daughter in 2 wks, texts "don\'t sound like her", son-in-law "controls everything". Officers attended 7 Sorrel Court. CRESSWELL, Leanne spoke at door with husband beside her, states all fine and her phone is broken. CRESSWELL, Gavin (SNR), DOB 11/01/1958, father of husband, also present. Child seen asleep. No DA disclosed.', '', 'Caller updated. DASH not completed - no DA disclosed. Closed.'],
    { id: 'pol_welfare', key: 'son-in-law "controls everything"', d: '2024-05-04', t: '18:40', p: ['P1', 'P4', 'P2', 'P5', 'P3'], s: 'concern' });
  row('2024-05-18', '02:04', ['WP/24/091120', null, `CRESSWELL, Leanne (deceased); ${S}; CRESSWELL, Isla (child)`, 'Sudden death / Murder', '999 from CRESSWELL, Gavin stating wife "fell down the stairs, not breathing". Police and ambulance attended. CRESSWELL, Leanne pronounced life extinct 02:51. Injuries inconsistent with fall, marks to neck. Husband arrested on suspicion of murder.', '', 'Arrested. Scene preserved. Major Investigation Team informed.'],
    { id: 'pol_death', key: 'fell down the stairs, not breathing', d: '2024-05-18', t: '02:04', p: ['P1', 'P2', 'P3'], s: 'concern' });
  row('2024-05-18', '03:30', ['WP/24/091120', null, 'CRESSWELL, Isla (child); TOLLAND, Susan', 'Police protection', 'CRESSWELL, Isla (1 yr) taken into police protection (s46 CA 1989). CSC EDT contacted, agreed placement with maternal grandmother TOLLAND, Susan at 14 Fenwick Road.', '', 'PPO. EDT informed.'],
    { id: 'pol_ppo', key: 'taken into police protection (s46 CA 1989)', d: '2024-05-18', t: '03:30', p: ['P3', 'P4', 'P1'], s: 'response' });
  row('2024-05-20', '16:20', ['WP/24/091120', null, S, 'Charge', 'CRESSWELL, Gavin charged with murder of wife. Remanded in custody by Millbrook MC to Crown Court.', '', 'Charged - remanded.'],
    { key: 'charged with murder of wife', d: '2024-05-20', t: '16:20', p: ['P2', 'P1'], s: 'routine' });
  row('2024-05-24', '09:00', ['WP/24/091120', null, 'CRESSWELL, Leanne (deceased)', 'DHR notification', 'Notification to Millbrook Community Safety Partnership: DHR criteria considered met. Police records secured for review.', '', 'Notification sent.'],
    { key: 'Notification to Millbrook Community Safety Partnership', d: '2024-05-24', t: '09:00', p: ['P1'], s: 'response' });
  row(null, null, ['WP/INT/23/7713', '', 'CRESSWELL, Gavin', 'Intelligence', 'Anonymous: male at Sorrel Court "knocks his missus about", seen dragging her into flat by arm. Grade E.', '', 'Logged.'],
    { key: 'knocks his missus about', st: 'bad', bad: 'missing_date' });

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Westmarch Police PPU'; wb.created = wb.modified = new Date(Date.UTC(2024, 6, 1, 9, 0));
  const ws = wb.addWorksheet('PPU Extract');
  ws.addRow(['WESTMARCH POLICE - PUBLIC PROTECTION UNIT']);
  ws.addRow(['DHR chronology extract: CRESSWELL, Leanne / TOLLAND, Leanne (DOB 14/07/1989) - for Millbrook Community Safety Partnership']);
  ws.addRow(['Period searched 01/06/2022 - 30/06/2024. OFFICIAL-SENSITIVE. Prepared by PPU review officer.']);
  const HEAD = ['Occurrence No', 'Date/Time Reported', 'Nominals', 'Occ Type', 'Details', 'DASH risk', 'Action / Result'];
  ws.addRow(HEAD);
  ws.columns.forEach((c, i) => { c.width = [16, 18, 40, 24, 90, 16, 40][i]; });
  for (const r of R) {
    let xr;
    if (r.header) xr = ws.addRow(HEAD);
    else {
      const c = [...r.cells];
      if (c[1] === null) c[1] = excelDate(r.date, r.time);
      xr = ws.addRow(c);
      if (c[1] instanceof Date) xr.getCell(2).numFmt = 'dd/mm/yyyy hh:mm';
    }
    label(FILE, xr.number, r.L);
  }
  await wb.xlsx.writeFile(out(FILE));
  return FILE;
}


// =====================================================================
// 2. IDVA (CSV, Windows-1252, dd.mm.yy dates, "client"/"LC"/"GC")
// =====================================================================
function idva() {
  const FILE = 'idva-harbour-light.csv';
  labels.extracts.push({ file: FILE, agency: 'IDVA service', notes: 'Harbour Light DA Service case-management export; Windows-1252 (curly quotes, £), comma-delimited, dd.mm.yy dates, no times; one multi-line notes cell; client named as client/LC, husband as GC' });
  const HEAD = ['Client Ref', 'Date', 'Contact type', 'With', 'Case notes', 'Risk', 'Outcome'];
  const R = [];
  const row = (date, cells, L) => R.push({ cells: ['HL-0457', date ? dmy(date, '.', true) : '', ...cells], L: { d: date, p: ['P1'], ...L } });
  row('2022-09-19', ['Referral in', 'Westmarch Police PPU', 'Referral rec’d from police following incident 17/09. DASH HIGH 16. Client staying at mum’s. Married to GC 08/22 (was Tolland).', 'HIGH', 'Allocated'], { id: 'idva_ref22', key: 'Referral rec’d from police following incident 17/09', s: 'response', p: ['P1', 'P2', 'P4'] });
  row('2022-09-19', ['Phone', 'Client', 'Initial call, safe to talk. Agreed joint visit Weds with DAO.', 'HIGH', ''], { key: 'Initial call, safe to talk', s: 'routine' });
  row('2022-09-21', ['Joint visit', 'Client + DAO', 'Joint visit with police DAO at mum’s address.\nClient disclosed hx of controlling beh – GC checks her phone, took her bank card, “tells me what to wear”, stopped her seeing friends.\nSafety plan done. Client says she will support prosecution.', 'HIGH', 'Safety plan'], { id: 'idva_joint22', key: 'Joint visit with police DAO', s: 'response', p: ['P1', 'P2', 'P4'] });
  row('2022-09-28', ['Phone', 'Client', 'Client anxious, GC messaging her via friends despite bail conds. Advised to report to police – client reluctant, “it’ll make it worse”.', 'HIGH', ''], { key: 'GC messaging her via friends despite bail conds', s: 'concern', p: ['P1', 'P2'] });
  row('2022-10-05', ['Phone', 'Client', 'Pre-MARAC call, client views gathered – wants GC to “get help”, wants to stay in her flat.', 'HIGH', ''], { key: 'Pre-MARAC call, client views gathered', s: 'routine', p: ['P1', 'P2'] });
  row('2022-10-06', ['MARAC', 'MARAC', 'MARAC attended. IDVA actions: continue support, court support, referral to Own Space recovery group.', 'HIGH', 'Actions noted'], { id: 'idva_marac22', key: 'MARAC attended. IDVA actions', s: 'response' });
  row('2022-10-12', ['Phone', 'Client', 'No answer. Text to safe number.', 'HIGH', ''], { key: 'No answer. Text to safe number.', s: 'routine' });
  row('2022-10-18', ['Phone', 'Client', 'Client says she is pregnant (approx 9 wks). Wants to drop the case, “he’s changed, he’s getting help”. Pregnancy discussed as risk factor. Client says GC moving back.', 'HIGH', ''], { key: 'Pregnancy discussed as risk factor', s: 'concern', p: ['P1', 'P2'] });
  row('2022-11-02', ['Phone', 'Client', 'Client confirms GC back home, bail varied. Declines further safety planning, “we’re fine now”.', 'HIGH', ''], { key: 'Declines further safety planning', s: 'concern', p: ['P1', 'P2'] });
  row('2022-11-09', ['Phone', 'Client', 'No answer x2.', 'HIGH', ''], { key: 'No answer x2.', s: 'routine' });
  row('2022-11-16', ['Letter', 'Client', 'No answer. Letter sent in plain envelope asking client to call.', 'HIGH', ''], { key: 'Letter sent in plain envelope', s: 'routine' });
  row('2022-11-30', ['Closure', '', 'Case closed – disengaged. Unable to contact x3. Risk remains HIGH at closure.', 'HIGH', 'Closed'], { key: 'Case closed – disengaged', s: 'concern' });
  row('2023-11-06', ['Referral in', 'Westmarch Police PPU', 'New referral from police – incident 04/11/23 (locked in, phone and keys taken), DASH HIGH 15, repeat MARAC.', 'HIGH', 'Re-opened'], { id: 'idva_ref23', key: 'New referral from police – incident 04/11/23', s: 'response', p: ['P1', 'P2'] });
  row('2023-11-06', ['Phone', 'Client', 'Call to client mobile – answered by male who said Leanne “not here”. Did not identify service.', 'HIGH', ''], { key: 'answered by male who said Leanne', s: 'concern', p: ['P1', 'P2'] });
  row('2023-11-08', ['Phone', 'Client', 'Client called from unknown no. Doesn’t want support, “it was a misunderstanding”, doesn’t want GC in trouble. Male voice could be heard in background.', 'HIGH', ''], { key: 'it was a misunderstanding', s: 'concern', p: ['P1', 'P2'] });
  row('2023-11-15', ['Text', 'Client', 'Text to safe no. unanswered.', 'HIGH', ''], { key: 'Text to safe no. unanswered', s: 'routine' });
  row('2023-11-22', ['Phone', 'Client', 'Pre-MARAC – unable to gain client views.', 'HIGH', ''], { key: 'unable to gain client views', s: 'routine' });
  row('2023-11-23', ['MARAC', 'MARAC', 'Repeat MARAC – IDVA update: no engagement. Actions: IDVA to refer Isla to CSC, 2 further contact attempts.', 'HIGH', 'Actions noted'], { id: 'idva_marac23', key: 'Repeat MARAC – IDVA update', s: 'response', p: ['P1', 'P3'] });
  row('2023-11-24', ['Referral out', 'CSC Front Door', 'Referral sent to CSC Front Door re Isla (6m) – DA risk HIGH, repeat MARAC, mum not engaging.', 'HIGH', 'Sent'], { id: 'idva_csc', key: 'Referral sent to CSC Front Door', s: 'response', p: ['P3', 'P1'] });
  row('2023-12-07', ['Closure', '', 'Final attempt no answer. Closed – client declined service.', 'HIGH', 'Closed'], { key: 'Closed – client declined service', s: 'concern' });
  row('2024-05-13', ['Phone', 'Client', 'Incoming call from client, whispering. Says “he checks my phone, I can’t do this anymore”, asked about refuge for her and the baby. Call cut off after approx 2 mins. Call back – no answer, not safe to leave VM.', '', ''], { id: 'idva_may24', key: 'he checks my phone, I can’t do this anymore', s: 'concern', p: ['P1', 'P2', 'P3'] });
  row('2024-05-14', ['Phone', 'Client', 'Tried client x1, no answer. New case opened, awaiting allocation.', '', ''], { key: 'New case opened, awaiting allocation', s: 'routine' });
  row('2024-05-20', ['Closure', '', 'Informed by police client died 18/05/24. Case closed. Records secured for DHR.', '', 'Closed'], { key: 'Informed by police client died', s: 'routine' });
  let text = HEAD.join(',') + '\r\n'; let line = 2;
  for (const r of R) {
    const s = r.cells.map((c) => csvCell(c, ',')).join(',');
    label(FILE, line, r.L); line += (s.match(/\n/g) || []).length + 1; text += s.replace(/\n/g, '\r\n') + '\r\n';
  }
  fs.writeFileSync(out(FILE), encode1252(text));
  return FILE;
}

// =====================================================================
// 3. MARAC (DOCX minutes, one table)
// =====================================================================
async function marac() {
  const FILE = 'marac-minutes-extract.docx';
  labels.extracts.push({ file: FILE, agency: 'MARAC', notes: 'Millbrook MARAC minutes extract, one Word table (header row = row 1); a divider row between meeting years' });
  const HEAD = ['Date of MARAC', 'Case ref', 'Victim', 'Perpetrator', 'Children', 'Information shared', 'Actions agreed'];
  const R = [];
  R.push({ cells: ['06/10/2022', 'MM-22-118', 'Leanne CRESSWELL (née TOLLAND) 14/07/89', 'Gavin CRESSWELL 02/03/85', 'None known', 'Police: ABH 17/09/22, DASH 16, strangulation reported; earlier callout 07/22. Housing: tenancy in victim’s maiden name, neighbour reports of shouting. GP: no DA disclosures on record. IDVA: engaged, supportive of prosecution.', 'Police – flag address, monitor bail. Housing – flag tenancy, offer target hardening. GP – MARAC alert on record. IDVA – safety plan and court support.'],
    L: { id: 'marac1', key: 'ABH 17/09/22, DASH 16', d: '2022-10-06', p: ['P1', 'P2'], s: 'response' } });
  R.push({ cells: ['03/11/2022', 'MM-22-118', 'Leanne CRESSWELL', 'Gavin CRESSWELL', 'Unborn (approx 11 wks)', 'Review item. Victim now pregnant. Perpetrator returned home following bail variation. IDVA: engagement reducing.', 'IDVA – inform safeguarding midwife at Millbrook General. All agencies – re-refer on any new incident.'],
    L: { id: 'marac1b', key: 'inform safeguarding midwife', d: '2022-11-03', p: ['P1', 'P2'], s: 'response' } });
  R.push({ cells: ['--- 2023 meetings ---', '', '', '', '', '', ''], L: { key: '--- 2023 meetings ---', st: 'divider' } });
  R.push({ cells: ['23/11/2023', 'MM-23-402', 'Leanne CRESSWELL (REPEAT)', 'Gavin CRESSWELL', 'Isla CRESSWELL (6m)', 'Police: 04/11/23 victim locked in, phone and keys taken, DASH 15, RUI. Probation: on CO, breach proceedings pending, RoSH high to partner. IDVA: victim has withdrawn from support, views not obtained. CSC: PPN received 06/11.', 'IDVA – refer Isla to CSC. Probation – share minutes with OM and BBR. Police – renew address marker. Housing – review tenancy flag. GP – update alert.'],
    L: { id: 'marac2', key: 'victim has withdrawn from support', d: '2023-11-23', p: ['P1', 'P2', 'P3'], s: 'response' } });
  R.push({ cells: ['18/01/2024', 'MM-23-402', 'Leanne CRESSWELL', 'Gavin CRESSWELL', 'Isla CRESSWELL', 'Review item. No further incidents reported to police. Victim not engaged with IDVA. CSC assessment closed NFA 12/12/23.', 'Case closed to MARAC – re-refer if further incident.'],
    L: { key: 'Case closed to MARAC', d: '2024-01-18', p: ['P1', 'P2', 'P3'], s: 'response' } });
  R.push({ cells: ['30/05/2024', 'MM-23-402', 'Leanne CRESSWELL (deceased 18/05/24)', 'Gavin CRESSWELL (charged)', 'Isla CRESSWELL – with MGM', 'Information item: death of victim. CSP has been notified and DHR decision pending. Agencies asked to secure records.', 'All agencies – secure records for DHR.'],
    L: { key: 'Information item: death of victim', d: '2024-05-30', p: ['P1', 'P2', 'P3', 'P4'], s: 'response' } });
  const cell = (t, bold) => new docx.TableCell({ children: [new docx.Paragraph({ children: [new docx.TextRun({ text: t, bold })] })] });
  const rows = [new docx.TableRow({ tableHeader: true, children: HEAD.map((h) => cell(h, true)) })];
  let n = 2;
  for (const r of R) { rows.push(new docx.TableRow({ children: r.cells.map((c) => cell(c, false)) })); label(FILE, n++, r.L); }
  const doc = new docx.Document({ sections: [{ children: [
    new docx.Paragraph({ children: [new docx.TextRun({ text: 'Millbrook MARAC – minutes extract for DHR (OFFICIAL-SENSITIVE)', bold: true })] }),
    new docx.Paragraph({ text: 'Cases MM-22-118 and MM-23-402. Prepared by the MARAC coordinator.' }),
    new docx.Table({ rows }),
  ] }] });
  fs.writeFileSync(out(FILE), await docx.Packer.toBuffer(doc));
  return FILE;
}

// =====================================================================
// 4. GP (CSV, dd-Mon-yyyy, DOB mistyped, maiden name never updated)
// =====================================================================
function gp() {
  const FILE = 'gp-brookside.csv';
  labels.extracts.push({ file: FILE, agency: 'GP', notes: 'Brookside Medical Practice consultation export, UTF-8, comma-delimited, dd-Mon-yyyy dates, no times; registered name still TOLLAND and DOB mistyped as 17/07/1989; one multi-line cell; one row exported twice; an impossible date and a future-date typo' });
  const HEAD = ['Patient', 'D.O.B.', 'NHS Number', 'Date', 'Clinician', 'Consultation type', 'Problem', 'Notes'];
  const PAT = ['Miss Leanne M Tolland', '17/07/1989', nhsSpaced(NHS_LEANNE)];
  const R = [];
  const row = (date, cells, L) => R.push({ cells: [...PAT, date === null ? '' : (L.rawDate || dMonY(date)), ...cells], L: { d: date, p: ['P1'], ...L } });
  const rx = (date, dose, extra = {}) => row(date, ['Dispenser', 'Medication', 'Anxiety', `Repeat issue: Sertraline ${dose} tablets x56 (${date.slice(8)}/${date.slice(5, 7)})`], { key: `Sertraline ${dose} tablets x56 (${date.slice(8)}/${date.slice(5, 7)})`, s: 'routine', ...extra });
  rx('2022-06-08', '50mg');
  row('2022-06-22', ['Practice Pharmacist', 'Medication review', 'Anxiety', 'Med review – anxiety stable on sertraline 50mg, sleeping ok, working part time at Kingsmead Co-op. Continue.'], { key: 'anxiety stable on sertraline 50mg', s: 'routine' });
  row('2022-07-13', ['GP Registrar', 'Face to face', 'Chest wall pain', 'L sided chest wall pain since Sat, says slipped getting out of the bath. Tender L ribs 6-7 with small bruise. Chest clear, no SOB. ?rib contusion. Cocodamol, safety-netted.'], { key: 'says slipped getting out of the bath', s: 'concern' });
  rx('2022-08-03', '50mg');
  row('2022-08-30', ['Admin', 'Document', 'Admin', 'Letter from pt: change of name to CRESSWELL following marriage 20/08/22. Forwarded to PCSE for registration update.'], { key: 'change of name to CRESSWELL', s: 'routine' });
  row('2022-09-19', ['GP Partner', 'Document', 'Facial injury', 'ED letter Millbrook General 17/09/22: periorbital swelling R, lip laceration, reported assault by partner. No fracture. Discharged to mother\'s address. Filed.'], { key: 'reported assault by partner', s: 'concern', p: ['P1', 'P2'] });
  rx('2022-09-28', '50mg');
  row('2022-10-07', ['GP Partner', 'Document', 'Safeguarding', 'MARAC notification received (meeting 06/10/22). MARAC alert added – do not discuss DA in presence of partner. Husband Gavin CRESSWELL not registered here.'], { id: 'gp_marac22', key: 'MARAC alert added', s: 'response', p: ['P1', 'P2'] });
  row('2022-10-11', ['Practice Nurse', 'Face to face', 'Pregnancy', 'Pos preg test, LMP 14/08/22. Referred to community midwife (Millbrook General). Folic acid advised.'], { id: 'gp_mwref', key: 'Referred to community midwife', s: 'routine' });
  row('2022-11-15', ['GP Partner', 'Telephone', 'Anxiety', 'Sertraline in pregnancy discussed – benefits outweigh risks, continue 50mg.'], { key: 'Sertraline in pregnancy discussed', s: 'routine' });
  row('2022-12-01', ['Practice Nurse', 'Immunisation', 'Pregnancy', 'Influenza vaccine given (pregnant). Batch FL2291.'], { key: 'Influenza vaccine given (pregnant)', s: 'routine' });
  row('2023-01-18', ['Practice Nurse', 'Immunisation', 'Pregnancy', 'Pertussis vaccine given 22/40.'], { key: 'Pertussis vaccine given', s: 'routine' });
  row('2023-02-31', ['Dispenser', 'Medication', 'Anxiety', 'Repeat issue: Sertraline 50mg x56 – early request, pt says "lost a strip"'], { key: 'early request, pt says "lost a strip"', st: 'bad', bad: 'impossible_date', rawDate: '31-Feb-2023' });
  row('2023-03-07', ['GP Partner', 'Face to face', 'Low mood', 'Low mood, tearful ++, sleeping poorly, 29/40.\nSays "just tired, it\'s the pregnancy". Husband waiting in car outside and phoned her twice during consultation.\nAsked re home – says "just stress". Declined perinatal mental health referral.\nSertraline increased to 100mg. R/V 2/52.'], { key: 'Husband waiting in car outside', s: 'concern', p: ['P1', 'P2'] });
  row('2023-03-21', ['GP Partner', 'DNA', 'Low mood', 'Did not attend r/v of mood. No contact from pt.'], { key: 'Did not attend r/v of mood', s: 'concern' });
  rx('2023-04-04', '100mg');
  row('2023-05-02', ['Admin', 'Document', 'Pregnancy', 'Discharge summary Millbrook General rec\'d: SVD 29/04/23 at 36+6, live female 3.2kg. Mother and baby well.'], { id: 'gp_dis', key: 'Discharge summary Millbrook General rec\'d', s: 'routine', p: ['P1', 'P3'] });
  row('2023-06-12', ['GP Partner', 'Face to face', 'Postnatal', '6/52 postnatal check. Mood "better". Contraception discussed – POP started. Husband present, holding baby.'], { key: '6/52 postnatal check', s: 'routine', p: ['P1', 'P2', 'P3'] });
  rx('2023-07-04', '100mg', { id: 'gp_rx0704' });
  R.push({ ...R[R.length - 1], L: { key: 'Sertraline 100mg tablets x56 (04/07)', st: 'duplicate', dup: 'gp_rx0704' } });
  row('2023-08-09', ['Admin', 'Letter', 'Screening', 'Cervical screening invitation letter sent.'], { key: 'Cervical screening invitation letter sent', s: 'routine' });
  row('2023-08-22', ['Practice Pharmacist', 'Medication review', 'Anxiety', 'Med review – sertraline 100mg, pt reports mood ok, not breastfeeding. Continue, review 12m.'], { key: 'pt reports mood ok, not breastfeeding', s: 'routine' });
  rx('2023-09-05', '100mg');
  row('2023-09-12', ['Practice Nurse', 'Face to face', 'Contraception', 'Pill check: BP 118/74, wt 64kg. POP continued 6m.'], { key: 'Pill check: BP 118/74', s: 'routine' });
  rx('2023-10-31', '100mg');
  row('2023-11-27', ['GP Partner', 'Document', 'Safeguarding', 'Repeat MARAC 23/11/23 info rec\'d. Alert updated. Child Isla on record – HV informed.'], { key: 'Repeat MARAC 23/11/23 info rec\'d', s: 'response', p: ['P1', 'P3'] });
  rx('2023-12-27', '100mg');
  row('2024-01-01', ['Admin', 'Document', 'Anxiety', 'Letter from Millbrook Talking Therapies: pt self-referred online (date of referral given only as Jan 2024), placed on waiting list.'], { key: 'Millbrook Talking Therapies', s: 'routine', prec: 'month', to: '2024-01-31', rawDate: 'Jan 2024' });
  row('2024-01-16', ['GP Partner', 'Telephone', 'Headache', 'Tension-type headaches 3/52, sleeping poorly, baby teething. Paracetamol, sleep hygiene.'], { key: 'Tension-type headaches', s: 'routine', p: ['P1', 'P3'] });
  row('2024-02-20', ['Practice Pharmacist', 'DNA', 'Anxiety', 'DNA – medication review. Rebook letter sent.'], { key: 'DNA – medication review', s: 'routine' });
  rx('2024-02-27', '100mg');
  row('2032-03-12', ['Admin', 'Result', 'Screening', 'Cervical screening result: HPV negative. Recall 3 yrs.'], { key: 'HPV negative', st: 'bad', bad: 'future_date' });
  row('2024-04-23', ['GP Registrar', 'Face to face', 'Wrist injury', 'Attends with husband. R wrist pain and swelling, says tripped on stairs carrying baby 2 days ago. Bruising R forearm ?fingertip pattern. Asked if safe at home – husband answered "she\'s just clumsy", pt agreed. MARAC alert not noted. Xray requested.'], { id: 'gp_wrist', key: 'she\'s just clumsy', s: 'concern', p: ['P1', 'P2', 'P3'] });
  row('2024-04-26', ['Admin', 'Result', 'Wrist injury', 'XR R wrist: no bony injury. Soft tissue. Pt informed by text.'], { key: 'XR R wrist: no bony injury', s: 'routine' });
  row('2024-05-02', ['Admin', 'Document', 'Pregnancy', 'Letter from EPAU Millbrook General 29/04/24: threatened miscarriage 7/40, USS viable IUP. Filed – no action.'], { id: 'gp_epau', key: 'Letter from EPAU Millbrook General', s: 'routine' });
  row('2024-05-09', ['Reception', 'Telephone', 'Admin', 'Husband phoned requesting pt\'s repeat prescription and a copy of her medical records. Advised pt must request herself / consent needed. He was "not happy".'], { key: 'copy of her medical records', s: 'concern', p: ['P1', 'P2'] });
  row('2024-05-20', ['Admin', 'Document', 'Admin', 'Notification of death from Westmarch Police (18/05/24). Record marked deceased.'], { key: 'Notification of death from Westmarch Police', s: 'routine' });
  row('2024-06-03', ['Practice Manager', 'Document', 'Safeguarding', 'DHR records request from Millbrook CSP. Records summary sent to ICB safeguarding lead.'], { key: 'DHR records request', s: 'response' });
  let text = HEAD.join(',') + '\n'; let line = 2;
  for (const r of R) { const s = r.cells.map((c) => csvCell(c, ',')).join(','); label(FILE, line, r.L); line += (s.match(/\n/g) || []).length + 1; text += s + '\n'; }
  fs.writeFileSync(out(FILE), text, 'utf8');
  return FILE;
}

// =====================================================================
// 5. MATERNITY (JSON lines, ISO UTC timestamps)
// =====================================================================
function maternity() {
  const FILE = 'maternity-millbrook-general.jsonl';
  labels.extracts.push({ file: FILE, agency: 'Maternity', notes: 'Millbrook General maternity system export, one JSON object per line, ISO 8601 UTC timestamps (labels in Europe/London local time; the birth at 23:40Z on 28/04/2023 is 00:40 BST on 29/04/2023)' });
  const R = [];
  let n = 0;
  const ev = (date, time, type, staff, text, L) => {
    n++;
    R.push({ obj: { eventId: `MAT-${String(70310 + n * 7)}`, recordedAt: localToUTC(date, time), mrn: 'MH-0022391', patientName: 'Leanne Cresswell', previousSurname: 'Tolland', nhsNumber: NHS_LEANNE, encounterType: type, staffRole: staff, note: text },
      L: { d: date, t: time, p: ['P1'], ...L } });
  };
  ev('2022-10-12', '09:15', 'Referral', 'Maternity Admin', 'Referral received from GP (Brookside MP). LMP 14/08/22. Booking appt sent.', { id: 'mat_gpref', key: 'Referral received from GP (Brookside MP)', s: 'routine' });
  ev('2022-10-25', '10:30', 'Booking', 'Community Midwife', 'Booking 10+2. Routine enquiry re DA asked (partner in waiting room): discloses "an incident" in Sept, police involved, says "it\'s sorted now, he\'s getting help". Sertraline 50mg. Safeguarding MW to be informed.', { key: 'Routine enquiry re DA asked (partner in waiting room)', s: 'concern', p: ['P1', 'P2'] });
  ev('2022-11-01', '11:00', 'Scan', 'Sonographer', 'Dating scan. Single viable IUP. EDD 21/05/2023.', { key: 'Dating scan', s: 'routine' });
  ev('2022-11-04', '14:00', 'Safeguarding', 'Safeguarding Midwife', 'MARAC info rec\'d via IDVA (MARAC 03/11/22). Plan: lone time at every appt, consider pre-birth referral to CSC at 20/40.', { id: 'mat_marac', key: 'Plan: lone time at every appt', s: 'response' });
  ev('2022-12-06', '09:40', 'Antenatal', 'Community Midwife', '16/40. BP 112/70, urine NAD. Partner present.', { key: '16/40. BP 112/70', s: 'routine', p: ['P1', 'P2'] });
  ev('2022-12-28', '13:10', 'Scan', 'Sonographer', 'Anomaly scan 19+3 – no abnormalities seen. Husband attended.', { key: 'Anomaly scan 19+3', s: 'routine', p: ['P1', 'P2'] });
  ev('2023-01-10', '15:20', 'Safeguarding', 'Safeguarding Midwife', 'Pre-birth referral to CSC (Millbrook Front Door): DA history, MARAC 10/22, father on community order for assault on mother.', { id: 'mat_cscref', key: 'Pre-birth referral to CSC', s: 'response', p: ['P1', 'P2'] });
  ev('2023-01-24', '10:00', 'Home visit', 'Community Midwife', 'Joint home visit with CSC social worker. Both parents present. Leanne denies any current DA, "we\'re in a good place".', { id: 'mat_joint', key: 'Joint home visit with CSC social worker', s: 'response', p: ['P1', 'P2'] });
  ev('2023-01-31', '09:30', 'Antenatal', 'Community Midwife', '24/40. Fundal height 24cm, FH heard. Partner present.', { key: '24/40. Fundal height 24cm', s: 'routine', p: ['P1', 'P2'] });
  ev('2023-02-14', '10:15', 'Antenatal', 'Community Midwife', '26/40. Bruise approx 4cm L upper arm, yellowing. States walked into door frame at home. Partner present throughout and answered most questions for her. Unable to complete routine enquiry – partner would not leave room.', { id: 'mat_bruise', key: 'walked into door frame', s: 'concern', p: ['P1', 'P2'] });
  ev('2023-02-28', '09:00', 'DNA', 'Community Midwife', 'DNA 28/40 appt. Phoned x2 – no answer. Letter sent.', { key: 'DNA 28/40 appt', s: 'concern' });
  ev('2023-03-03', '11:30', 'Antenatal', 'Community Midwife', 'Rebooked 28/40 – attended with husband. OGTT booked. Nil concerns raised by pt.', { key: 'Rebooked 28/40', s: 'routine', p: ['P1', 'P2'] });
  ev('2023-03-28', '10:00', 'Antenatal', 'Community Midwife', '32/40. Growth on centile. Birth preferences started.', { key: '32/40. Growth on centile', s: 'routine' });
  ev('2023-04-11', '10:20', 'Antenatal', 'Community Midwife', '34/40. BP normal. Husband wants to be present at every appt and the birth.', { key: '34/40. BP normal', s: 'routine', p: ['P1', 'P2'] });
  ev('2023-04-25', '09:50', 'Antenatal', 'Community Midwife', '36/40. Ceph, 3/5 palp. Hospital bag ready.', { key: '36/40. Ceph', s: 'routine' });
  ev('2023-04-28', '22:15', 'Admission', 'Labour Ward Midwife', 'Admitted Labour Ward, SROM 20:00, contracting 1 in 3.', { key: 'Admitted Labour Ward', s: 'routine' });
  ev('2023-04-29', '00:40', 'Delivery', 'Labour Ward Midwife', 'SVD live female infant, 3.2kg, Apgars 9/10. Baby Isla.', { key: 'SVD live female infant', s: 'routine', p: ['P1', 'P3'] });
  ev('2023-04-29', '09:00', 'Postnatal', 'Postnatal Ward Midwife', 'Postnatal ward. Feeding formula. Husband visiting.', { key: 'Postnatal ward. Feeding formula', s: 'routine', p: ['P1', 'P3', 'P2'] });
  ev('2023-04-30', '12:00', 'Discharge', 'Postnatal Ward Midwife', 'Discharged home with baby. Discharge summary sent to GP and Health Visiting.', { id: 'mat_dis', key: 'Discharge summary sent to GP and Health Visiting', s: 'routine', p: ['P1', 'P3'] });
  ev('2023-05-01', '11:10', 'Postnatal visit', 'Community Midwife', 'Day 2 visit. Mother and baby well.', { key: 'Day 2 visit', s: 'routine', p: ['P1', 'P3'] });
  ev('2023-05-04', '10:30', 'Postnatal visit', 'Maternity Support Worker', 'Day 5 – newborn bloodspot taken. Wt 3.05kg.', { key: 'newborn bloodspot taken', s: 'routine', p: ['P1', 'P3'] });
  ev('2023-05-10', '14:00', 'Postnatal visit', 'Community Midwife', 'Day 11 – discharged to Health Visitor. Husband answered door, said Leanne asleep; seen briefly in bedroom.', { key: 'discharged to Health Visitor', s: 'routine', p: ['P1', 'P3', 'P2'] });
  ev('2024-04-29', '14:20', 'EPAU', 'EPAU Midwife', 'Attended EPAU alone. PV bleeding, 7/40 by dates. USS viable IUP. Tearful. When asked re safety, disclosed "he\'s been worse since I told him", "he doesn\'t let me go out without him". Offered IDVA and safeguarding referral – declined, "he\'ll know". Leaflet given. Plan: discuss at booking.', { id: 'mat_epau', key: 'he\'s been worse since I told him', s: 'concern', p: ['P1', 'P2'] });
  ev('2024-04-30', '09:10', 'Letter', 'EPAU Admin', 'Letter to GP: threatened miscarriage 7/40, viable IUP. Booking referral made.', { id: 'mat_epauletter', key: 'Letter to GP: threatened miscarriage', s: 'routine' });
  ev('2024-05-14', '10:00', 'DNA', 'Community Midwife', 'DNA booking appt. Text reply from pt\'s mobile: "lost the baby, don\'t need appt". Not verified.', { key: 'lost the baby, don\'t need appt', s: 'concern' });
  ev('2024-05-21', '08:45', 'Safeguarding', 'Safeguarding Midwife', 'Informed via Trust safeguarding team of death of pt 18/05/24. Record closed. Notes secured.', { key: 'Record closed. Notes secured', s: 'routine' });
  let text = ''; let line = 1;
  for (const r of R) { text += JSON.stringify(r.obj) + '\n'; label(FILE, line++, r.L); }
  fs.writeFileSync(out(FILE), text, 'utf8');
  return FILE;
}

// =====================================================================
// 6. PROBATION (CSV about the husband; victim as initials / "his partner")
// =====================================================================
function probation() {
  const FILE = 'probation-contact-log.csv';
  labels.extracts.push({ file: FILE, agency: 'Probation', notes: 'Westmarch Probation Delivery Unit contact log for the husband (PoP), UTF-8, comma-delimited, ISO dates with separate time column; the victim is "LC", "his partner", "his wife", "the victim"' });
  const HEAD = ['CRN', 'Name', 'Contact Date', 'Time', 'Contact Type', 'Outcome', 'Notes'];
  const R = [];
  const row = (date, time, type, outcome, notes, L) => R.push({ cells: ['X614207', 'CRESSWELL Gavin Paul', date, time, type, outcome, notes], L: { d: date, t: time, p: ['P2'], ...L } });
  row('2022-12-14', '15:30', 'Court / Sentence', 'Sentenced', 'Sentenced Millbrook MC – 18m Community Order: BBR, RAR 20 days. Index offence common assault on partner (LC, previously LT). Allocated OM.', { id: 'prob_sent', key: 'Sentenced Millbrook MC – 18m Community Order', s: 'routine', p: ['P2', 'P1'] });
  row('2022-12-16', '10:00', 'Induction', 'Attended', 'Induction. Order requirements explained, compact signed. PoP states partner is pregnant.', { key: 'Order requirements explained, compact signed', s: 'routine', p: ['P2', 'P1'] });
  row('2022-12-20', '11:00', 'Safeguarding enquiry', 'Sent', 'DA enquiry to Westmarch Police and child safeguarding enquiry to Millbrook CSC sent (unborn child).', { id: 'prob_enq', key: 'DA enquiry to Westmarch Police and child safeguarding', s: 'response', p: ['P2', 'P1'] });
  row('2023-01-05', '09:30', 'Information received', '', 'Police DA check returned: 3 callouts, MARAC 06/10/22, the victim assessed high risk.', { key: 'Police DA check returned', s: 'routine', p: ['P2', 'P1'] });
  row('2023-01-12', '10:00', 'Supervision', 'Attended', 'Supervision. Working nights at Kingsmead Distribution. Motivated to complete BBR.', { key: 'Working nights at Kingsmead Distribution', s: 'routine' });
  row('2023-01-17', '14:00', 'Information shared', '', 'Call from CSC SW (pre-birth assessment): confirmed PoP on CO, BBR starting Feb, risk to partner assessed high.', { id: 'prob_csc', key: 'Call from CSC SW (pre-birth assessment)', s: 'response', p: ['P2', 'P1', 'P3'] });
  row('2023-01-19', '10:00', 'OASys', 'Completed', 'OASys completed. RoSH HIGH to known adult (partner), medium to children. Risk factors: jealousy, control of finances, minimisation.', { key: 'RoSH HIGH to known adult (partner)', s: 'concern', c: 'P1', p: ['P2', 'P1'] });
  const bbr = (date, n, extra) => row(date, '18:00', 'BBR group', 'Attended', `BBR session ${n} attended.${extra ? ' ' + extra : ''}`, { key: `BBR session ${n} attended`, s: 'routine' });
  bbr('2023-02-06', 1); bbr('2023-02-13', 2);
  row('2023-02-20', '18:00', 'BBR group', 'Failed to attend', 'BBR session 3 – FTA. PoP phoned next morning: partner "having a meltdown", could not leave her. Not accepted – warning letter issued.', { key: 'partner "having a meltdown"', s: 'concern', c: 'P1', p: ['P2', 'P1'] });
  row('2023-02-27', '18:00', 'BBR group', 'Attended', 'BBR session 3 (catch-up). Facilitator notes PoP said re index offence "she knows how to wind me up", blamed victim.', { key: 'she knows how to wind me up', s: 'concern', c: 'P1', p: ['P2', 'P1'] });
  bbr('2023-03-06', 4); bbr('2023-03-13', 5);
  row('2023-03-16', '10:00', 'Supervision', 'Attended', 'Supervision. PoP tired, says baby due May, "stressful at home" with money.', { key: 'stressful at home', s: 'routine', p: ['P2'] });
  bbr('2023-03-27', 6); bbr('2023-04-17', 8);
  row('2023-05-02', '10:00', 'Supervision', 'Attended', 'PoP reports birth of daughter Isla 29/04. Two BBR sessions deferred (paternity leave) – agreed.', { key: 'PoP reports birth of daughter Isla', s: 'routine', p: ['P2', 'P3'] });
  bbr('2023-05-22', 10);
  row('2023-06-13', '10:00', 'Supervision', 'Attended', 'PoP disclosed police called to home 10/06 after "just a row" about money. Staying at his father\'s (Gavin Snr, 22 Holt Lane) for a few days. OM did not contact police.', { key: 'just a row', s: 'concern', c: 'P1', p: ['P2', 'P1', 'P5'] });
  bbr('2023-06-19', 14); bbr('2023-07-10', 17); bbr('2023-07-24', 19);
  row('2023-08-07', '18:00', 'BBR group', 'Completed', 'BBR final session – programme completed. Facilitator end report to follow.', { key: 'BBR final session – programme completed', s: 'routine' });
  row('2023-08-17', '10:00', 'Supervision', 'Attended', 'Supervision. RAR days complete. Nil concerns reported.', { key: 'RAR days complete', s: 'routine' });
  row('2023-08-31', '10:00', 'Supervision', 'Attended', 'Supervision. Discussed BBR end report. Still working nights.', { key: 'Discussed BBR end report', s: 'routine' });
  row('2023-09-14', '10:00', 'Supervision', 'Attended', 'Supervision. Reporting reduced to monthly (tier review).', { key: 'Reporting reduced to monthly', s: 'routine' });
  row('2023-10-12', '10:00', 'Supervision', 'Failed to attend', 'FTA – no explanation. Unacceptable absence, first warning letter.', { key: 'first warning letter', s: 'concern', c: 'P1', p: ['P2'] });
  row('2023-10-26', '10:00', 'Supervision', 'Failed to attend', 'FTA – second unacceptable absence within 12m. Breach action initiated, summons requested.', { key: 'Breach action initiated', s: 'concern', c: 'P1', p: ['P2'] });
  row('2023-11-06', '09:00', 'Information received', '', 'Police notified OM: PoP arrested 04/11/23 – false imprisonment / controlling behaviour towards his wife. RUI. RoSH reviewed – remains HIGH.', { id: 'prob_arrest23', key: 'PoP arrested 04/11/23', s: 'concern', c: 'P1', p: ['P2', 'P1'] });
  row('2023-11-23', '10:00', 'MARAC', 'Attended', 'MARAC attended by OM (repeat). Breach pending. Minutes to be shared with BBR team.', { id: 'prob_marac23', key: 'MARAC attended by OM', s: 'response', p: ['P2', 'P1'] });
  row('2023-12-12', '11:30', 'Court / Breach', 'Order amended', 'Breach proved at Millbrook MC – order extended 3 months (ends 13/09/2024), fined £60.', { key: 'Breach proved at Millbrook MC', s: 'routine' });
  const sup = (date, note, k) => row(date, '10:00', 'Supervision', 'Attended', note, { key: k, s: 'routine' });
  sup('2024-01-11', 'Supervision. PoP says things "calm". Employment continuing.', 'things "calm"');
  sup('2024-02-08', 'Supervision. Discussed money worries, rent arrears at home.', 'rent arrears at home');
  sup('2024-03-07', 'Supervision. Nil new issues reported.', 'Nil new issues reported');
  sup('2024-04-04', 'Supervision. PoP reports new job offer, days.', 'new job offer');
  row('2024-04-10', '10:00', 'Supervision', 'Failed to attend', 'FTA – PoP phoned at 12:00, van broken down. Acceptable absence, rebooked.', { key: 'van broken down', s: 'routine' });
  row('2024-04-17', '10:00', 'Supervision', 'Attended', 'Rebooked appt. PoP agitated, says his wife "wants to leave and take the baby" and "I won\'t let that happen". OM challenged. Plan: discuss at next supervision. No contact with police / MARAC.', { id: 'prob_apr24', key: 'wants to leave and take the baby', s: 'concern', c: 'P1', p: ['P2', 'P1', 'P3'] });
  row('2024-05-01', '10:00', 'Supervision', 'Attended', 'PoP calmer, says they have "sorted it", wife pregnant again.', { key: 'sorted it', s: 'routine', p: ['P2', 'P1'] });
  row('2024-05-14', '10:00', 'Supervision', 'Attended', 'PoP says "all good at home". RoSH reviewed – no change.', { key: 'all good at home', s: 'routine', p: ['P2'] });
  row('2024-05-18', '10:30', 'Information received', '', 'Notified by police: PoP arrested on suspicion of murder of his wife (LC) overnight 17-18/05/24.', { id: 'prob_death', key: 'arrested on suspicion of murder of his wife', s: 'routine', p: ['P2', 'P1'] });
  row('2024-05-20', '17:00', 'Court', 'Remanded', 'Remanded in custody to HMP Ashcombe.', { key: 'HMP Ashcombe', s: 'routine' });
  row('2024-05-22', '09:00', 'SFO', 'Notified', 'Serious Further Offence notification submitted. SFO review commenced.', { key: 'Serious Further Offence notification', s: 'routine', p: ['P2', 'P1'] });
  row('2024-06-14', '12:00', 'Case management', 'Transferred', 'Case transferred to custody OM. Community order to be dealt with at Crown Court.', { key: 'Case transferred to custody OM', s: 'routine' });
  let text = HEAD.join(',') + '\n'; let line = 2;
  for (const r of R) { const s = r.cells.map((c) => csvCell(c, ',')).join(','); label(FILE, line, r.L); line += (s.match(/\n/g) || []).length + 1; text += s + '\n'; }
  fs.writeFileSync(out(FILE), text, 'utf8');
  return FILE;
}

// =====================================================================
// 7. CHILDREN'S SOCIAL CARE (XLSX, Mosaic case notes about Isla; "Mum"/"Dad")
// =====================================================================
async function csc() {
  const FILE = 'csc-mosaic-casenotes.xlsx';
  labels.extracts.push({ file: FILE, agency: "Children's Social Care", notes: 'Millbrook CSC Mosaic case-note export for the child; one title row; dates mixed: real Excel dates, text dd/mm/yy and a "w/c" week; a blank row; Mum/Dad naming' });
  const R = [];
  const row = (date, dcell, type, worker, subj, note, L) => R.push({ date, dcell, cells: [type, worker, subj, note], L: { d: date, p: ['P3', 'P1'], ...L } });
  const S0 = 'Unborn CRESSWELL', S1 = 'Isla CRESSWELL';
  row('2023-01-11', null, 'Contact', 'Front Door Social Worker', S0, 'Contact rec\'d from Millbrook General safeguarding midwife re unborn baby of Leanne CRESSWELL (21/40). Hx DA, MARAC 10/22, Dad on community order for assault on Mum.', { id: 'csc_contact23', key: 'Contact rec\'d from Millbrook General safeguarding midwife', s: 'response', p: ['P3', 'P1', 'P2'] });
  row('2023-01-12', null, 'Decision', 'Team Manager', S0, 'Decision: progress to Child & Family Assessment (pre-birth). Allocate.', { key: 'progress to Child & Family Assessment (pre-birth)', s: 'response' });
  row('2023-01-17', null, 'Agency checks', 'Social Worker', S0, 'Checks: Police – 3 DA callouts incl ABH 09/22. Probation (OM) – Dad on CO, BBR from Feb, RoSH high to partner. GP – no reply yet.', { id: 'csc_checks', key: 'Checks: Police – 3 DA callouts', s: 'response', p: ['P3', 'P1', 'P2'] });
  row('2023-01-24', null, 'Home visit', 'Social Worker', S0, 'Joint visit with community midwife. Mum and Dad seen together. Mum denies any current DA. Dad says he is "doing the course" and "it was a one off".', { id: 'csc_joint', key: 'Joint visit with community midwife', s: 'response', p: ['P3', 'P1', 'P2'] });
  row('2023-02-01', null, 'Direct work', 'Social Worker', S0, 'Planned to see Mum alone at Kingsmead Children\'s Centre – Dad brought her and stayed. Mum said "there\'s nothing I can\'t say in front of him".', { key: 'nothing I can\'t say in front of him', s: 'concern', c: 'P1', p: ['P3', 'P1', 'P2'] });
  row('2023-02-07', null, 'Assessment', 'Team Manager', S0, 'C&F Assessment completed. Outcome: NFA – step down to universal services (midwife/HV). Parents engaging, Dad attending BBR.', { key: 'NFA – step down to universal services', s: 'concern', c: 'P3', p: ['P3', 'P1', 'P2'] });
  R.push({ blank: true, L: { key: '', st: 'bad', bad: 'empty_row' } });
  row('2023-06-12', null, 'Contact', 'MASH Screener', S1, 'Police PPN rec\'d re DA incident 10/06/23 (verbal, child present, 6 wks). MASH screening: below threshold – information to HV, NFA.', { id: 'csc_ppn23a', key: 'Police PPN rec\'d re DA incident 10/06/23', s: 'response', p: ['P3', 'P1', 'P2'] });
  row('2023-06-19', 'w/c 19/06/2023', 'Information sharing', 'MASH Screener', S1, 'PPN information shared with Health Visiting team (Millbrook East).', { key: 'PPN information shared with Health Visiting team', s: 'response', prec: 'week', to: '2023-06-25' });
  row('2023-11-06', null, 'Contact', 'MASH Screener', S1, 'Police notification: DA incident 04/11/23, child present, Dad arrested. Repeat MARAC booked.', { id: 'csc_ppn23b', key: 'Police notification: DA incident 04/11/23', s: 'response', p: ['P3', 'P1', 'P2'] });
  row('2023-11-24', null, 'Contact', 'Front Door Social Worker', S1, 'Contact from IDVA (Harbour Light) following MARAC 23/11 – Mum not engaging, risk HIGH.', { id: 'csc_idva', key: 'Contact from IDVA (Harbour Light)', s: 'response' });
  row('2023-11-27', '27/11/23', 'Decision', 'Team Manager', S1, 'Decision: C&F Assessment. Allocated.', { key: 'Decision: C&F Assessment. Allocated.', s: 'response', p: ['P3'] });
  row('2023-12-05', null, 'Home visit', 'Social Worker', S1, 'HV: Mum and Isla seen, Dad present throughout. Mum says incident "blown out of proportion". Isla well presented, home clean and warm. Mum denies any DA since.', { key: 'blown out of proportion', s: 'routine', p: ['P3', 'P1', 'P2'] });
  row('2023-12-12', '12/12/23', 'Assessment', 'Team Manager', S1, 'Assessment closed NFA. Mum does not accept DA concerns, no further incidents, Dad engaging with Probation. Universal services.', { key: 'Assessment closed NFA', s: 'concern', c: 'P3', p: ['P3', 'P1', 'P2'] });
  row('2024-05-18', null, 'EDT', 'EDT Social Worker', S1, 'EDT: Police protection of Isla (s46) following death of Mum at home. Dad arrested. Placed with MGM Susan TOLLAND, 14 Fenwick Road. Checks completed.', { id: 'csc_edt', key: 'Police protection of Isla (s46)', s: 'response', p: ['P3', 'P1', 'P2', 'P4'] });
  row('2024-05-20', null, 'Strategy meeting', 'Team Manager', S1, 'Strategy meeting (police, health, CSC): threshold met for s47 enquiry. Isla to remain with MGM.', { key: 'threshold met for s47 enquiry', s: 'response', p: ['P3', 'P4'] });
  row('2024-05-22', null, 'Visit', 'Social Worker', S1, 'Visit to Isla at MGM\'s. Settled, feeding well. Medical arranged.', { key: 'Settled, feeding well', s: 'routine', p: ['P3', 'P4'] });
  row('2024-05-28', null, 'Contact', 'Social Worker', S1, 'PGF Gavin CRESSWELL Snr phoned requesting contact with Isla. Advised to seek legal advice; views noted.', { key: 'PGF Gavin CRESSWELL Snr', s: 'routine', p: ['P3', 'P5'] });
  row('2024-06-05', null, 'Legal planning', 'Team Manager', S1, 'Legal planning meeting: plan Special Guardianship assessment of MGM.', { key: 'Special Guardianship assessment', s: 'response', p: ['P3', 'P4'] });
  row('2024-06-19', '19/06/24', 'Admin', 'Business Support', S1, 'DHR notification rec\'d from CSP. Chronology requested by 31/07/24.', { key: 'DHR notification rec\'d from CSP', s: 'routine', p: ['P3', 'P1'] });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mosaic'; wb.created = wb.modified = new Date(Date.UTC(2024, 6, 3, 9, 0));
  const ws = wb.addWorksheet('Case Notes');
  ws.addRow([`Mosaic – Case Notes – Person ID 2208841 – Isla CRESSWELL (DOB 29/04/2023) NHS ${NHS_ISLA}`]);
  ws.addRow(['Date', 'Note Type', 'Worker', 'Subject', 'Case Note']);
  ws.columns.forEach((c, i) => { c.width = [14, 20, 24, 20, 100][i]; });
  for (const r of R) {
    let xr;
    if (r.blank) { xr = ws.addRow(['', '', '', '', '']); }
    else {
      const dc = r.dcell ?? excelDate(r.date);
      xr = ws.addRow([dc, ...r.cells]);
      if (dc instanceof Date) xr.getCell(1).numFmt = 'dd/mm/yyyy';
    }
    label(FILE, xr.number, r.L);
  }
  await wb.xlsx.writeFile(out(FILE));
  return FILE;
}

// =====================================================================
// 8. HOUSING (CSV, semicolon, UTF-8 BOM, d/m/yyyy, some 2-digit years)
// =====================================================================
function housing() {
  const FILE = 'housing-millbrook-homes.csv';
  labels.extracts.push({ file: FILE, agency: 'Housing', notes: 'Millbrook Homes tenancy action log, UTF-8 with BOM, semicolon-delimited, d/m/yyyy dates (some d/m/yy), an approximate month, an uncertain "?" date, one row exported twice' });
  const HEAD = ['Date', 'Tenancy Ref', 'Tenant', 'Action Type', 'Officer', 'Comments'];
  const R = [];
  const row = (date, raw, tenant, type, officer, comments, L) => R.push({ cells: [raw ?? dmyNoPad(date), 'SC/0071/T', tenant, type, officer, comments], L: { d: date, p: ['P1'], ...L } });
  const T = 'Miss L Tolland', C = 'Mrs L Cresswell';
  row('2022-03-01', 'March 2022', T, 'Household change', 'Housing Officer', 'Tenant reports partner Gavin CRESSWELL living at property since last yr. Household change form sent.', { key: 'Household change form sent', st: 'bad', bad: 'outside_review_period' });
  row('2022-06-14', '?14/06/2022', T, 'Repair', 'Repairs Desk', 'Kitchen tap dripping – job raised, routine.', { key: 'Kitchen tap dripping', s: 'routine' });
  row('2022-07-01', null, T, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – balance £12.40 credit', { key: 'balance £12.40 credit', s: 'routine' });
  row('2022-07-11', null, T, 'ASB enquiry', 'Housing Officer', 'Neighbour at no.9 reports shouting and a woman screaming at no.7 Sat night (09/07), police came. Advised it was "a domestic" – ASB case not opened.', { key: 'ASB case not opened', s: 'concern' });
  row('2022-08-30', null, C, 'Tenancy admin', 'Housing Officer', 'Name change to CRESSWELL – marriage certificate seen (20/08/22).', { key: 'marriage certificate seen', s: 'routine' });
  row('2022-09-19', null, C, 'Repair - emergency', 'Repairs Desk', 'Tenant\'s mother (Mrs Tolland) requested lock change, tenant staying with her "after an incident". Locks changed same day.', { key: 'requested lock change', s: 'concern', p: ['P1', 'P4'] });
  row('2022-10-03', null, C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – balance £0.00 (Oct 22)', { key: 'balance £0.00 (Oct 22)', s: 'routine' });
  row('2022-10-10', null, C, 'MARAC', 'Tenancy Sustainment', 'MARAC notification (06/10/22) – DA HIGH flag added to tenancy. Target hardening (door chain, spy hole) offered – tenant declined, "he\'s not allowed here anyway".', { id: 'hou_marac22', key: 'DA HIGH flag added to tenancy', s: 'response', p: ['P1', 'P2'] });
  row('2022-11-15', null, C, 'Tenancy admin', 'Housing Officer', 'Application received to add husband Gavin as joint tenant.', { key: 'add husband Gavin as joint tenant', s: 'routine', p: ['P1', 'P2'] });
  row('2022-12-06', null, C, 'Tenancy admin', 'Housing Officer', 'Joint tenancy application declined (MARAC flag on file). Sole tenancy remains. Letter sent.', { key: 'Joint tenancy application declined', s: 'routine', p: ['P1', 'P2'] });
  row('2023-01-03', '3/1/23', C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – balance £0.00 (Jan 23)', { key: 'balance £0.00 (Jan 23)', s: 'routine' });
  row('2023-03-02', null, C, 'ASB complaint', 'Housing Officer', 'Neighbour no.9 complains of loud banging and shouting late at night x3 in last fortnight, "sounds like someone being thrown about". Noise nuisance letter sent to tenant.', { key: 'sounds like someone being thrown about', s: 'concern', p: ['P1'] });
  row('2023-03-09', null, C, 'ASB complaint', 'Housing Officer', 'Tenant phoned re noise letter, apologised – husband "drops things", it won\'t happen again. Case closed.', { key: 'husband "drops things"', s: 'routine', p: ['P1', 'P2'] });
  row('2023-04-03', null, C, 'Rent', 'Income Team', 'Annual rent increase letter (7%) and rent statement – balance £0.00', { key: 'Annual rent increase letter', s: 'routine' });
  row('2023-05-16', null, C, 'Gas safety', 'Contractor', 'Annual gas safety check completed – pass.', { key: 'Annual gas safety check completed', s: 'routine' });
  row('2023-06-20', null, C, 'Repair', 'Repairs Desk', 'Bedroom door – hole in door panel approx fist size, tenant says "accident with the hoover". Replacement door ordered, recharge applies.', { key: 'accident with the hoover', s: 'concern' });
  row('2023-07-03', null, C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – balance £0.00 (Jul 23)', { key: 'balance £0.00 (Jul 23)', s: 'routine' });
  row('2023-08-10', null, C, 'Consultation', 'Estate Services', 'Communal cleaning consultation letter sent to all Sorrel Court residents.', { key: 'Communal cleaning consultation', s: 'routine' });
  row('2023-08-24', null, C, 'Tenancy audit', 'Housing Officer', 'Tenancy audit visit – property in good order, husband and baby present, no repairs reported.', { key: 'Tenancy audit visit', s: 'routine', p: ['P1', 'P2', 'P3'] });
  row('2023-09-07', null, C, 'Repair', 'Repairs Desk', 'Extractor fan bathroom – job completed.', { key: 'Extractor fan bathroom', s: 'routine' });
  row('2023-10-02', null, C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – balance £0.00 (Oct 23)', { key: 'balance £0.00 (Oct 23)', s: 'routine' });
  row('2023-11-28', null, C, 'MARAC', 'Tenancy Sustainment', 'Repeat MARAC notification (23/11/23) – tenancy flag reviewed and kept. Tenancy sustainment officer to offer visit.', { key: 'Repeat MARAC notification (23/11/23)', s: 'response' });
  row('2024-01-02', '2/1/24', C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – arrears £186.20', { key: 'arrears £186.20', s: 'routine' });
  row('2024-02-19', null, C, 'Arrears', 'Income Officer', 'Arrears £412 – out of character for this tenant. Tenant says husband "manages the money now" and she has no access to the account.', { key: 'manages the money now', s: 'concern', p: ['P1', 'P2'] });
  row('2024-02-26', null, C, 'Arrears', 'Income Officer', 'Arrangement to pay £10/wk set up by phone – husband spoke for tenant, tenant gave verbal consent in background.', { key: 'husband spoke for tenant', s: 'concern', p: ['P1', 'P2'] });
  row('2024-04-01', null, C, 'Rent statement', 'Income Team', 'Quarterly rent statement issued – arrears £352.20', { id: 'hou_rent0424', key: 'arrears £352.20', s: 'routine' });
  R.push({ ...R[R.length - 1], L: { key: 'arrears £352.20', st: 'duplicate', dup: 'hou_rent0424' } });
  row('2024-04-15', null, C, 'Housing options', 'Housing Officer', 'Tenant phoned asking what happens to the tenancy if she leaves and whether she could be rehoused quickly "just me and the baby". Advised housing options. Tenant asked us not to call her – "I\'ll ring you".', { id: 'hou_apr15', key: 'just me and the baby', s: 'concern', p: ['P1', 'P3'] });
  row('2024-04-16', null, C, 'Housing options', 'Housing Officer', 'Tenant phoned to withdraw enquiry – "husband says we\'re fine". Male voice heard in background. Closed.', { key: 'husband says we\'re fine', s: 'concern', p: ['P1', 'P2'] });
  row('2024-05-19', null, C, 'Estate incident', 'Housing Officer', 'Police advise serious incident at no.7 on 18/05, cordon in place. Property secured after police release.', { key: 'cordon in place', s: 'routine' });
  row('2024-06-10', null, C, 'Tenancy end', 'Housing Officer', 'Tenancy ended – death of sole tenant. Keys from police. Belongings to MGM.', { key: 'death of sole tenant', s: 'routine', p: ['P1', 'P4'] });
  let text = '\uFEFF' + HEAD.join(';') + '\r\n'; let line = 2;
  for (const r of R) { const s = r.cells.map((c) => csvCell(c, ';')).join(';'); label(FILE, line, r.L); line += (s.match(/\n/g) || []).length + 1; text += s + '\r\n'; }
  fs.writeFileSync(out(FILE), text, 'utf8');
  return FILE;
}

// =====================================================================
// main: write extracts, links, clusters, controls, then check everything
// =====================================================================
const files = [];
files.push(await police());
files.push(idva());
files.push(await marac());
files.push(gp());
files.push(maternity());
files.push(probation());
files.push(await csc());
files.push(housing());

const agencyOf = Object.fromEntries(labels.extracts.map((e) => [e.file, e.agency]));
const byKey = (file, key) => {
  const hits = labels.rows.filter((r) => r.file === file && r.key === key && r.status === 'entry');
  if (hits.length !== 1) throw new Error(`byKey ${file} "${key}" -> ${hits.length}`);
  return [file, hits[0].row];
};
const ref = (id) => { if (!ROWREF[id]) throw new Error('no id ' + id); return ROWREF[id]; };
const link = (why, ...ids) => labels.links.push({ why, rows: ids.map(ref) });
link('Police IDVA referral after the September 2022 assault and its receipt by the IDVA service', 'pol_ref22', 'idva_ref22');
link('Joint visit by the police DA officer and the IDVA on 21/09/2022', 'pol_joint22', 'idva_joint22');
link('MARAC meeting 06/10/2022 in the MARAC minutes, police and IDVA records', 'marac1', 'pol_marac22', 'idva_marac22');
link('Sentencing hearing at Millbrook MC 14/12/2022 recorded by police and probation', 'pol_court', 'prob_sent');
link('Probation DA enquiry sent to police and the police reply', 'prob_enq', 'pol_probreq');
link('GP referral to community midwife and maternity receipt', 'gp_mwref', 'mat_gpref');
link('MARAC review 03/11/2022 action to inform the safeguarding midwife and its receipt by maternity', 'marac1b', 'mat_marac');
link('Maternity pre-birth referral to CSC and the CSC contact record', 'mat_cscref', 'csc_contact23');
link('CSC agency check with probation during the pre-birth assessment', 'prob_csc', 'csc_checks');
link('Joint home visit by social worker and community midwife 24/01/2023', 'mat_joint', 'csc_joint');
link('Maternity discharge summary sent and received by the GP', 'mat_dis', 'gp_dis');
link('Police PPN after the June 2023 incident and its receipt by CSC', 'pol_jun23', 'csc_ppn23a');
link('Arrest on 04/11/2023 noted by probation', 'pol_nov23', 'prob_arrest23');
link('Police repeat MARAC / IDVA referral November 2023 and IDVA receipt', 'pol_ref23', 'idva_ref23');
link('Police child notification November 2023 and CSC receipt', 'pol_ppn23', 'csc_ppn23b');
link('Repeat MARAC 23/11/2023 in the minutes, police, IDVA and probation records', 'marac2', 'pol_marac23', 'idva_marac23', 'prob_marac23');
link('IDVA referral to CSC after the repeat MARAC and CSC receipt', 'idva_csc', 'csc_idva');
link('EPAU letter to GP sent and filed', 'mat_epauletter', 'gp_epau');
link('Arrest for murder 18/05/2024 recorded by police and probation', 'pol_death', 'prob_death');
link('Police protection of the child and the EDT placement with the maternal grandmother', 'pol_ppo', 'csc_edt');

const P = 'police-westmarch-ppu.xlsx', I = 'idva-harbour-light.csv', G = 'gp-brookside.csv', M = 'maternity-millbrook-general.jsonl', PR = 'probation-contact-log.csv', H = 'housing-millbrook-homes.csv';
const cluster = (ref, rank, from, to, rows, why) => {
  const rr = rows.map(([f, k]) => byKey(f, k));
  labels.clusters.push({ ref, person: 'P1', from, to, agencies: [...new Set(rr.map(([f]) => agencyOf[f]))], rows: rr, expected: 'missed', rank, why });
};
cluster('C1', 1, '2024-04-15', '2024-05-14', [
  [H, 'just me and the baby'], [H, "husband says we're fine"], [PR, 'wants to leave and take the baby'], [G, "she's just clumsy"],
  [M, "he's been worse since I told him"], [P, 'son-in-law "controls everything"'], [G, 'copy of her medical records'],
  [I, 'he checks my phone, I can’t do this anymore'], [M, "lost the baby, don't need appt"]],
  'Final four weeks: she asked housing about leaving with the baby and withdrew it, the husband told probation he "won\'t let that happen", a wrist injury with fingertip bruising was explained away at the GP with him answering, she disclosed worsening abuse to the EPAU midwife alone and declined referral, her mother raised control with police, the husband sought her records, and she whispered to the IDVA asking about refuge; a known twice-MARAC\'d high-risk victim, yet no referral, information sharing or MARAC re-referral by any agency before her death.');
cluster('C2', 2, '2023-02-14', '2023-03-21', [
  [M, 'walked into door frame'], [PR, 'partner "having a meltdown"'], [PR, 'she knows how to wind me up'], [M, 'DNA 28/40 appt'],
  [H, 'sounds like someone being thrown about'], [G, 'Husband waiting in car outside'], [P, 'Silent 999 call from mobile registered'], [G, 'Did not attend r/v of mood']],
  'Late pregnancy, one week after CSC closed its pre-birth assessment: a bruise "from a door frame" with the husband answering for her, his missed BBR session blaming her "meltdown" and victim-blaming in group, a missed antenatal appointment, a neighbour hearing "someone being thrown about", low mood with the husband phoning through the GP consultation, a silent 999 call closed on his word, and a missed GP review; MARAC-known high risk, no referral, sharing or repeat MARAC.');
labels.controls.push({ ref: 'K1', person: 'P1', from: '2022-09-17', to: '2022-10-10', kind: 'responded',
  why: 'High-risk DASH assault on 17/09/2022 (and ED letter to GP) answered within days: MARAC and IDVA referrals the next day, a joint police/IDVA visit, MARAC on 06/10/2022 with actions for police, housing, GP and IDVA, all recorded as done.' });
labels.controls.push({ ref: 'K2', person: 'P1', from: '2023-08-01', to: '2023-09-15', kind: 'routine',
  why: 'A burst of routine contacts: GP screening letter, medication review, repeat prescription and pill check; housing consultation letter, tenancy audit and a repair; probation supervisions and BBR completion; a speeding ticket for the husband. No concerns.' });

fs.writeFileSync(out('labels.json'), JSON.stringify(labels, null, 2));

// ---------------- checks ----------------
const errors = [];
const err = (m) => errors.push(m);
async function readBack(file) { // -> {headerRow, rows: Map(rowNumber -> text)}
  const rows = new Map();
  if (file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(out(file));
    const ws = wb.worksheets[0];
    let header = null;
    for (let r = 1; r <= ws.rowCount; r++) {
      const vals = []; ws.getRow(r).eachCell({ includeEmpty: false }, (c) => vals.push(c.value instanceof Date ? c.value.toISOString() : String(c.value ?? '')));
      const t = vals.join(' | ');
      if (header === null) { if (/^(Occurrence No|Date \| Note Type)/.test(t)) header = r; continue; }
      rows.set(r, t);
    }
    return rows;
  }
  if (file.endsWith('.docx')) {
    const xml = execFileSync('unzip', ['-p', out(file), 'word/document.xml']).toString('utf8');
    const trs = xml.split(/<w:tr[ >]/).slice(1);
    trs.forEach((tr, i) => { const t = [...tr.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' | ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'); if (i > 0) rows.set(i + 1, t); });
    return rows;
  }
  if (file.endsWith('.jsonl')) {
    fs.readFileSync(out(file), 'utf8').split('\n').forEach((l, i) => { if (l.trim()) { const o = JSON.parse(l); rows.set(i + 1, Object.values(o).join(' | ')); } });
    return rows;
  }
  const buf = fs.readFileSync(out(file));
  let text = file === I ? decode1252(buf) : buf.toString('utf8');
  if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
  const delim = file === H ? ';' : ',';
  const recs = parseCSV(text.replace(/\s+$/, '\n'), delim);
  for (const r of recs.slice(1)) rows.set(r.line, r.cells.join(' | '));
  return rows;
}
const rowsByFile = {};
for (const f of files) rowsByFile[f] = await readBack(f);
for (const f of files) {
  const fileRows = rowsByFile[f];
  const labs = labels.rows.filter((r) => r.file === f);
  const seen = new Set();
  for (const l of labs) {
    if (seen.has(l.row)) err(`${f} row ${l.row} labelled twice`); seen.add(l.row);
    const t = fileRows.get(l.row);
    if (l.status === 'bad' && l.badReason === 'empty_row') { if (t && t.replace(/[|\s]/g, '')) err(`${f} row ${l.row} not empty: ${t}`); continue; }
    if (t === undefined) { err(`${f} row ${l.row} missing in file`); continue; }
    if (!t.includes(l.key)) err(`${f} row ${l.row} key "${l.key}" not in: ${t.slice(0, 120)}`);
    const holders = [...fileRows].filter(([, tx]) => tx.includes(l.key)).map(([n]) => n);
    const group = new Set([l.row]);
    for (const o of labs) { if (o.duplicateOf === l.row) group.add(o.row); if (l.duplicateOf && (o.row === l.duplicateOf || o.duplicateOf === l.duplicateOf)) group.add(o.row); }
    if (holders.some((h) => !group.has(h))) err(`${f} key "${l.key}" not unique: rows ${holders}`);
    if (l.status === 'duplicate' && fileRows.get(l.duplicateOf) !== t) err(`${f} duplicate ${l.row} differs from ${l.duplicateOf}`);
    if (l.status === 'entry') {
      if (!(l.date >= labels.settings.periodFrom && l.dateTo <= labels.settings.periodTo)) err(`${f} row ${l.row} entry outside period ${l.date}`);
      if (l.signal === 'concern' && !l.concernAbout) err(`${f} row ${l.row} concern without concernAbout`);
      if (!l.people.length) err(`${f} row ${l.row} no people`);
    }
  }
  for (const n of fileRows.keys()) if (!seen.has(n)) err(`${f} data row ${n} not labelled: ${fileRows.get(n).slice(0, 80)}`);
}
// maternity timestamps -> London local equals labels
for (const l of labels.rows.filter((r) => r.file === M)) {
  const line = fs.readFileSync(out(M), 'utf8').split('\n')[l.row - 1];
  const loc = londonParts(Date.parse(JSON.parse(line).recordedAt));
  if (loc !== `${l.date} ${l.time}`) err(`maternity row ${l.row} local ${loc} vs label ${l.date} ${l.time}`);
}
const entryAt = (f, r) => labels.rows.find((x) => x.file === f && x.row === r && x.status === 'entry');
for (const lk of labels.links) for (const [f, r] of lk.rows) if (!entryAt(f, r)) err(`link row ${f}:${r} not an entry`);
for (const c of labels.clusters) {
  for (const [f, r] of c.rows) { const e = entryAt(f, r); if (!e) err(`cluster row ${f}:${r} not entry`); else if (e.date < c.from || e.date > c.to) err(`cluster ${c.ref} row ${f}:${r} outside window`); }
  const resp = labels.rows.filter((x) => x.status === 'entry' && x.signal === 'response' && x.date <= c.to && x.dateTo >= c.from && x.people.includes(c.person));
  if (resp.length) err(`cluster ${c.ref} has responses in window: ${resp.map((x) => x.file + ':' + x.row)}`);
}
for (const k of labels.controls) {
  const inWin = labels.rows.filter((x) => x.status === 'entry' && x.date <= k.to && x.dateTo >= k.from);
  if (k.kind === 'routine' && inWin.some((x) => x.signal !== 'routine')) err(`control ${k.ref} has non-routine rows`);
  if (k.kind === 'responded' && !inWin.some((x) => x.signal === 'response')) err(`control ${k.ref} has no response`);
}
JSON.parse(fs.readFileSync(out('labels.json'), 'utf8'));
// summary
const count = {}; for (const r of labels.rows) { count[r.file] ??= { rows: 0, entry: 0, duplicate: 0, bad: 0, divider: 0 }; count[r.file].rows++; count[r.file][r.status]++; }
console.table(count);
console.log('rows', labels.rows.length, 'links', labels.links.length, 'clusters', labels.clusters.length, 'controls', labels.controls.length);
if (errors.length) { console.error('CHECK FAILED:\n' + errors.join('\n')); process.exit(1); } else console.log('all checks passed');
