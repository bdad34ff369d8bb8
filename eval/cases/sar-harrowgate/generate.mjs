// Generator for the blind evaluation case sar-harrowgate (fictional).
// Run: cd /work/main && node eval/cases/sar-harrowgate/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as docx from 'docx';
import JSZip from 'jszip';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const out = (f) => path.join(DIR, f);

// ---------------------------------------------------------------- helpers
function nhsNumber(base9) {
  const d = base9.replace(/\D/g, '').split('').map(Number);
  const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  if (c === 10) throw new Error('invalid NHS base ' + base9);
  const n = d.join('') + c;
  return { plain: n, spaced: `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` };
}
const NHS = nhsNumber('438112596');

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
function london(iso) {
  const p = Object.fromEntries(LONDON.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

// label registry ---------------------------------------------------------
const rowsOut = [];            // label rows in output order
const byId = new Map();        // id -> label row
function register(file, row, spec) {
  const L = { file, row, key: spec.key, status: spec.status || 'entry' };
  if (L.status === 'entry') {
    L.date = spec.date;
    L.dateTo = spec.to || spec.date;
    L.time = spec.time ?? null;
    L.precision = spec.prec || 'day';
    L.people = spec.people || [];
    L.signal = spec.sig || 'routine';
    if (L.signal === 'concern') L.concernAbout = spec.about || 'P1';
  } else if (L.status === 'duplicate') {
    const orig = byId.get(spec.dupOf);
    if (!orig) throw new Error('duplicate of unknown ' + spec.dupOf);
    L.duplicateOf = orig.row;
  } else if (L.status === 'bad') {
    L.badReason = spec.bad;
  }
  rowsOut.push(L);
  if (spec.id) {
    if (byId.has(spec.id)) throw new Error('dup id ' + spec.id);
    byId.set(spec.id, L);
  }
  return L;
}
// entry spec shorthand
const E = (id, key, date, sig, people, more = {}) => ({ id, key, date, sig, people, ...more });

// CSV ---------------------------------------------------------------------
function csvField(v, delim) {
  const s = v == null ? '' : String(v);
  return /["\n\r]/.test(s) || s.includes(delim) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
// write records; returns line number where each record begins (header = line 1)
function buildCsv(header, records, delim) {
  let line = 1;
  const lines = [header.map((h) => csvField(h, delim)).join(delim)];
  const starts = [];
  for (const rec of records) {
    line += 1;
    starts.push(line);
    const txt = rec.map((v) => csvField(v, delim)).join(delim);
    lines.push(txt);
    line += (txt.match(/\n/g) || []).length;
  }
  return { text: lines.join('\r\n') + '\r\n', starts };
}
// Minimal CSV parser for the check step: returns [{line, fields}]
function parseCsv(text, delim) {
  const recs = [];
  let i = 0, line = 1;
  while (i < text.length) {
    const start = line; const fields = []; let f = ''; let q = false;
    for (;;) {
      if (i >= text.length) { fields.push(f); break; }
      const c = text[i];
      if (q) {
        if (c === '"' && text[i + 1] === '"') { f += '"'; i += 2; continue; }
        if (c === '"') { q = false; i++; continue; }
        if (c === '\n') line++;
        f += c; i++; continue;
      }
      if (c === '"') { q = true; i++; continue; }
      if (c === delim) { fields.push(f); f = ''; i++; continue; }
      if (c === '\r') { i++; continue; }
      if (c === '\n') { fields.push(f); i++; line++; break; }
      f += c; i++;
    }
    recs.push({ line: start, fields });
  }
  return recs;
}
// Windows-1252 encoder (the few non-Latin-1 characters we use)
const CP1252 = { '\u20ac': 0x80, '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2014': 0x97 };
function encode1252(s) {
  const b = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (CP1252[ch] != null) b[i] = CP1252[ch];
    else if (ch.charCodeAt(0) < 256) b[i] = ch.charCodeAt(0);
    else throw new Error('char not in cp1252: ' + ch);
  }
  return b;
}

const fileTexts = {};   // file -> Map(row -> text of that row) for key checks
const extracts = [];

// ================================================================ POLICE
{
  const FILE = 'police-niche-export.csv';
  extracts.push({ file: FILE, agency: 'Police', notes: 'records management system occurrence export, Windows-1252, timestamps ISO 8601 UTC, persons as SURNAME, Forename (DOB); includes a namesake of the subject' });
  const header = ['Incident Ref', 'Created (UTC)', 'Occurrence Type', 'Location', 'Persons Involved', 'Officer', 'Summary', 'Closure / Result'];
  const LEN = 'ASHDOWN, Leonard (08/03/1952)';
  const NAMESAKE = 'ASHDOWN, Leonard (22/11/1979)';
  const K7 = 'Flat 7, Kestrel House, Mill Lane, Harrowgate';
  // [fields..., labelSpec]  labelSpec.date/time are computed from the UTC stamp unless given
  const P = [
    [['HW-20220315-0233', '2022-03-15T14:22:00Z', 'Theft - shop', 'Co-op, Tanner Street, Harrowgate', NAMESAKE, 'PC 2241',
      'Male detained by store staff after concealing meat products (value £46.20). Admitted. Known to police.', 'Community resolution'],
      { id: 'pol_ns_0315', key: 'concealing meat products', status: 'bad', bad: 'outside_review_period' }],
    [['HW-20220730-1187', '2022-07-30T20:14:00Z', 'Drunk and disorderly', 'Wheatsheaf PH, Tanner Street', NAMESAKE + ', 41 Tanner Street', 'PC 1986',
      'Male shouting at passers-by outside the Wheatsheaf, refused to leave. Arrested, detained until sober.', 'Fixed penalty notice'],
      E('pol_ns_0730', 'shouting at passers-by outside the Wheatsheaf', null, 'routine', ['P2'])],
    [['HW-20221002-0041', '2022-10-02T01:05:00Z', 'Concern for welfare', '12 Tanner Street, Harrowgate', 'ASHDOWN, Leonard', 'PC 2241',
      'Male found asleep in doorway of 12 Tanner St, heavily intoxicated & very cold. PNC: 2 traces for name – checked DOB, correct trace 22/11/1979 (41 Tanner St). Conveyed home, left with partner.', 'Closed – words of advice'],
      E('pol_ns_1002', 'found asleep in doorway', null, 'concern', ['P2'], { about: 'P2' })],
    [['HW-20221214-0602', '2022-12-14T11:00:00Z', 'Crime prevention', 'Mill Lane flats, Harrowgate', '', 'PCSO 7712',
      'Bogus caller warning leaflets delivered to Mill Lane flats (older residents) after distraction burglaries in area.', 'Complete'],
      E('pol_leaflet', 'Bogus caller warning', null, 'routine', [])],
    [['HW-20230121-0955', '2023-01-21T16:40:00Z', 'Theft from motor vehicle', 'Carr Road car park', NAMESAKE + ' (suspect)', 'DC 0903',
      'CCTV shows male matching ASHDOWN trying car doors. Interviewed, denies. Insufficient evidence.', 'NFA – evidential difficulties'],
      E('pol_ns_0121', 'trying car doors', null, 'routine', ['P2'])],
    [['HW-20320211-0310', '2032-02-11T10:00:00Z', 'Breach', 'Harrowgate Police Station', NAMESAKE, 'PC 1986',
      'Breach of community order – reported by Probation. Attended voluntarily.', 'Summons'],
      { id: 'pol_ns_future', key: 'Breach of community order', status: 'bad', bad: 'future_date' }],
    [['HW-20230308-0127', '2023-03-08T09:10:00Z', 'Warrant', '41 Tanner Street, Harrowgate', NAMESAKE, 'PC 2241',
      'Arrested on warrant (failed to appear, Harrowgate Magistrates). Bailed to court.', 'Warrant executed'],
      E('pol_ns_0308', 'Arrested on warrant', null, 'routine', ['P2'])],
    [['HW-20230422-1412', '2023-04-22T23:20:00Z', 'ASB - drugs', K7, 'PELLING, Joan (caller); ' + LEN, 'PC 2241',
      'Caller (neighbour, Flat 8) reports youths coming and going from Flat 7 at all hours, smell of cannabis in stairwell.\nOccupant is an elderly male who lives alone.\nUpdate 01:05: officers attended, spoke to occupant ASHDOWN, Leonard who states the visitors are his nephews and he is happy for them to stay. 3 males present, no drugs seen. Appears to have capacity. No offences disclosed. Caller updated.',
      'No further police action'],
      E('pol_0423', 'states the visitors are his nephews', null, 'concern', ['P1', 'P6'])],
    [['HW-20230520-0588', '2023-05-20T11:30:00Z', 'Theft - shop', 'Boots, Market Place, Harrowgate', NAMESAKE, 'PC 1986',
      'Male left store with 3 fragrance gift sets. NB name also matches an older male, Mill Lane – NOT the same person, DOB checked.', 'Charged'],
      E('pol_ns_0520', 'Boots, Market Place', null, 'routine', ['P2', 'P1'])],
    [['HW-20230527-0702', '2023-05-27T15:00:00Z', 'Patrol', 'Kestrel House, Mill Lane', '', 'PCSO 7712',
      'Reassurance patrol Kestrel House & Mill Lane flats following ASB reports. Nothing of note.', 'Complete'],
      E('pol_patrol', 'Reassurance patrol Kestrel House', null, 'routine', [])],
    [['HW-20230629-1530', '2023-06-29T19:55:00Z', 'Stop search', 'Station Road, Harrowgate', 'CROWE, Jayden (14/06/2003)', 'PC 2093',
      'Stop search Station Rd. CROWE found in poss of 2 mobile phones & £840 cash, no explanation. Gave address as Flat 7 Kestrel House, Mill Lane (says it’s his uncle’s).', 'Cash seized (POCA). Intel submitted'],
      E('pol_crowe_0629', '£840 cash', null, 'concern', ['P3', 'P1'])],
    [['HW-20230711-0200', '2023-07-11T08:00:00Z', 'Intelligence', K7, '', 'Intel Unit',
      'Intelligence log: Flat 7 Kestrel House believed used as a base to supply crack cocaine/heroin (‘JB’ line). Elderly occupant, possibly vulnerable. Graded B/2.', 'No tasking at present'],
      E('pol_intel_0711', 'believed used as a base to supply', null, 'concern', ['P1'])],
    [['HW-20230812-1644', '2023-08-12T20:47:00Z', 'Concern for welfare', K7, 'PELLING, Joan (caller)', 'PC 2093',
      'Caller concerned for elderly neighbour at Flat 7 – not seen him for a week, no reply, blinds down, several voices inside. Officers attended 23:10, knocked, no reply, voices heard inside, no one came to door. Unable to establish occupant at risk.', 'Closed – no further action'],
      E('pol_0812', 'no reply, blinds down, several voices inside', null, 'concern', ['P1', 'P6'])],
    'DUP:pol_0812',
    [['HW-20230902-0388', '2023-09-02T10:15:00Z', 'Concern for welfare', K7, 'WILDE, Sandra (caller, daughter); MARSH, Kai (02/01/2004)', 'PCSO 7712',
      'Daughter (lives Eastmere) rang – unable to contact her father Leonard ASHDOWN for 3 wks, young male answered his mobile & hung up. PCSO attended 12:40: door answered by MARSH, Kai who stated Leonard was at the shops. Flat untidy, strong smell. Advised caller.', 'Closed – advice given'],
      E('pol_0902', 'door answered by MARSH, Kai', null, 'concern', ['P1', 'P5', 'P4'])],
    [['HW-20230909-1702', '2023-09-09T21:30:00Z', 'Stop search', 'Outside Kestrel House, Mill Lane', 'MARSH, Kai (02/01/2004)', 'PC 2093',
      'Stop search – 6 wraps suspected crack cocaine. MARSH states he “stays at the old man’s at no 7, he lets us”. Arrested PWITS.', 'Released under investigation'],
      E('pol_0909', '6 wraps', null, 'concern', ['P4', 'P1'])],
    [['HW-20230911-0921', '2023-09-11T13:05:00Z', 'ASB - drugs', K7, 'Anonymous', 'Contact Centre',
      'Anonymous 101 report: drug dealing from Flat 7 Kestrel House, the old man who lives there “looks ill”.', 'Logged, passed to neighbourhood team'],
      E('pol_0911', 'Anonymous 101 report', null, 'concern', ['P1'])],
    [['HW-20230916-2290', '2023-09-16T23:48:00Z', 'Sudden death / injury', K7, LEN, 'PC 2093',
      'Ambulance request police – male unresponsive at Flat 7 Kestrel House, head injury, callers left scene. Officers attended 00:58: ASHDOWN on lounge floor, significant head injury, flat in very poor state.', 'Crime scene – see linked'],
      E('pol_incident', 'Ambulance request police', null, 'concern', ['P1'])],
    [['HW-20230916-2290', '2023-09-17T00:35:00Z', 'Sudden death / injury', K7, LEN, 'DS 0412',
      'Life pronounced extinct 01:32 by paramedic. Scene preserved. Major Investigation Team notified. HM Coroner informed.', 'Investigation ongoing'],
      E('pol_ple', 'Life pronounced extinct', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-09-17T13:00:00Z', 'Sudden death / injury', K7, LEN, 'DS 0412',
      'Ferncliffe HA (out of hours) informed of death of tenant; flat secured as crime scene.', 'Update'],
      E('pol_tohousing', 'Ferncliffe HA (out of hours) informed', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-09-18T06:10:00Z', 'Arrest', '22 Wren Close, Harrowgate', 'CROWE, Jayden (14/06/2003); MARSH, Kai (02/01/2004)', 'MIT',
      'CROWE and MARSH arrested on suspicion of murder of Leonard ASHDOWN.', 'Interviewed, bailed'],
      E('pol_arrest', 'arrested on suspicion of murder', null, 'routine', ['P3', 'P4', 'P1'])],
    [['HW-20230916-2290', '2023-09-19T09:30:00Z', 'Safeguarding', K7, LEN, 'DS 0412',
      'Adult safeguarding referral (form ASR1) submitted to Harrowgate ASC re death of ASHDOWN, Leonard – suspected cuckooing; concern for other vulnerable residents of Kestrel House.', 'Referral sent'],
      E('pol_asr', 'form ASR1', null, 'response', ['P1'])],
    [['HW-20230916-2290', '2023-09-19T11:00:00Z', 'Sudden death / injury', K7, LEN, "Coroner's Officer",
      'Coroner’s officer requested GP records from Birchfield Surgery.', 'Update'],
      E('pol_coronergp', 'requested GP records from Birchfield', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-09-20T08:45:00Z', 'Sudden death / injury', K7, LEN, 'MIT',
      'Request to Ferncliffe HA for tenancy file & CCTV (communal entrance).', 'Update'],
      E('pol_tenancyreq', 'tenancy file & CCTV', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-09-21T13:00:00Z', 'Safeguarding', K7, '', 'DS 0412',
      'Strategy discussion (ASC, Police, Ferncliffe HA) re other vulnerable residents of Kestrel House – welfare visits to all flats.', 'Actions allocated'],
      E('pol_strategy', 'welfare visits to all flats', null, 'response', ['P1'])],
    [['HW-20230916-2290', '2023-09-27T10:00:00Z', 'Sudden death / injury', K7, LEN, "Coroner's Officer",
      'Inquest opened and adjourned at Harrowgate Coroner’s Court. Provisional cause of death: head injury.', 'Update'],
      E('pol_inquest', 'Inquest opened and adjourned', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-10-12T15:00:00Z', 'Sudden death / injury', K7, LEN, 'MIT',
      'Post mortem report recd: blunt force head injury, injuries consistent with assault; old healing fractures L ribs. BMI 16.', 'Update'],
      E('pol_pm', 'Post mortem report', null, 'routine', ['P1'])],
    [['HW-20230916-2290', '2023-12-05T17:20:00Z', 'Charge', 'Harrowgate Police Station', 'CROWE, Jayden (14/06/2003); MARSH, Kai (02/01/2004)', 'MIT',
      'CPS authorised charges: CROWE – manslaughter & PWITS; MARSH – PWITS. Both remanded.', 'Charged'],
      E('pol_charge', 'CPS authorised charges', null, 'routine', ['P3', 'P4', 'P1'])],
  ];
  const records = []; const specs = [];
  for (const p of P) {
    if (typeof p === 'string') { // exact duplicate of a previous row
      const id = p.slice(4); const src = P.find((x) => Array.isArray(x) && x[1].id === id);
      records.push([...src[0]]); specs.push({ key: src[1].key, status: 'duplicate', dupOf: id });
      continue;
    }
    const [fields, spec] = p;
    if (spec.status !== 'bad' && !spec.date) { const l = london(fields[1]); spec.date = l.date; spec.time = l.time; }
    records.push(fields); specs.push(spec);
  }
  const { text, starts } = buildCsv(header, records, ',');
  fs.writeFileSync(out(FILE), encode1252(text));
  specs.forEach((s, i) => register(FILE, starts[i], s));
}


// ================================================================ ADULT SOCIAL CARE (XLSX)
const ascFile = 'asc-mosaic-chronology.xlsx';
{
  const FILE = ascFile;
  extracts.push({ file: FILE, agency: 'Adult Social Care', notes: 'case-record system chronology for one client: three title rows above the header, a repeated header at a page break, a blank row; dates partly real Excel dates, partly text (incl. 2-digit years); DOB in the title row is mistyped (day/month swapped)' });
  const PID = 40021877;
  const XD = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
  const HEADER = ['Person ID', 'Date', 'Time', 'Step / Activity', 'Worker (role)', 'Case Note'];
  // [dateCell (Date|string), time, step, worker, note, spec]; spec.date = ISO local date
  const R = [
    ['2022-07-12', '10:05', 'Contact / Referral', 'Duty Social Worker', 'Referral from Birchfield Surgery (practice nurse): Mr Ashdown recently bereaved (wife Margaret d. 2021), low mood, struggling w/ shopping & meals. Requests Care Act assessment. Client consented to referral.',
      E('asc_0712', 'Referral from Birchfield Surgery', '2022-07-12', 'response', ['P1', 'P7'], { time: '10:05' })],
    ['2022-07-20', '14:30', 'Tel call', 'Social Care Assessor', "Tel to client. Leonard says he is 'managing ok', daughter helps at weekends sometimes. Declines assessment at present - 'don't want a fuss'. Advised can re-refer.",
      E('asc_0720', "don't want a fuss", '2022-07-20', 'concern', ['P1', 'P5'], { time: '14:30' })],
    ['21/07/2022', '', 'Letter', 'Admin', 'Information & advice letter sent (meals on wheels, Age Concern Harrowgate befriending). Contact closed - NFA.',
      E('asc_0721', 'Information & advice letter sent', '2022-07-21', 'routine', ['P1'])],
    ['2022-11-07', '16:10', 'Contact', 'Duty Social Worker', "Tel from daughter Sandra Wilde (07700 900418), lives Eastmere. Worried re dad - had a fall last wk, flat 'in a state', not eating properly, forgetting things. Requests assessment.",
      E('asc_1107', 'Tel from daughter Sandra Wilde', '2022-11-07', 'concern', ['P1', 'P5'], { time: '16:10' })],
    ['2022-11-08', '09:20', 'Safeguarding concern', 'Safeguarding Adults Team', 'Safeguarding concern recd from Ferncliffe HA Tenancy Support - self-neglect: clutter, strong odour, little food in flat, fall 03/11/22.',
      E('asc_1108a', 'Safeguarding concern recd from Ferncliffe', '2022-11-08', 'response', ['P1'], { time: '09:20' })],
    ['2022-11-08', '11:45', 'Tel call', 'Social Worker', 'Tel to Birchfield Surgery - PMH obtained (COPD, T2DM, ?early memory problems, low mood). Concerns shared with GP.',
      E('asc_1108b', 'Tel to Birchfield Surgery', '2022-11-08', 'response', ['P1'], { time: '11:45' })],
    ['2022-11-09', '10:00', 'S42 Triage', 'Safeguarding Adults Manager', 'Triage: s42 duty considered. Decision - concerns to be addressed via Care Act assessment & joint visit with housing; DSL agreed. Daughter updated.',
      E('asc_1109', 's42 duty considered', '2022-11-09', 'response', ['P1', 'P5'], { time: '10:00' })],
    ['2022-11-10', '13:30', 'Home visit', 'Social Worker', 'Joint home visit with Ferncliffe Tenancy Support Officer. Mr A pleasant, some clutter, fridge almost empty, bruising R forearm from fall. Has capacity re care & support; agrees to assessment, pendant alarm & shopping help.',
      E('asc_1110', 'Joint home visit with Ferncliffe', '2022-11-10', 'response', ['P1'], { time: '13:30' })],
    ['2022-11-11', '', 'Referral', 'Social Worker', 'Referral to Harrowgate Falls Prevention Service sent.',
      E('asc_1111', 'Referral to Harrowgate Falls Prevention', '2022-11-11', 'response', ['P1'])],
    ['14/11/2022', '', 'Letter', 'Social Worker', 'Letter to GP - outcome of assessment & plan (falls referral, Careline, weekly shopping call).',
      E('asc_1114', 'Letter to GP - outcome of assessment', '2022-11-14', 'response', ['P1'])],
    ['2022-11-18', '15:00', 'Care & Support Plan', 'Social Worker', 'Care and support plan agreed with client & daughter: weekly shopping/wellbeing call (Age Concern), Careline pendant.',
      E('asc_1118', 'Care and support plan agreed', '2022-11-18', 'response', ['P1', 'P5'], { time: '15:00' })],
    ['2022-11-22', '', 'Provider update', 'Admin', 'Careline pendant installed per provider.',
      E('asc_1122', 'Careline pendant installed', '2022-11-22', 'routine', ['P1'])],
    ['2022-11-25', '', 'S42 Outcome', 'Safeguarding Adults Manager', 'Safeguarding concern closed - risks reduced, managed under care & support plan. Housing informed.',
      E('asc_1125', 'risks reduced, managed under care', '2022-11-25', 'response', ['P1'])],
    ['13/12/22', '10:15', 'Tel call', 'Social Care Assessor', "Review call - the client says pendant fine, shopping calls 'a godsend'.",
      E('asc_1213', "shopping calls 'a godsend'", '2022-12-13', 'routine', ['P1'], { time: '10:15' })],
    ['10/01/23', '', 'Tel call', 'Social Care Assessor', 'Tel to client: Christmas ok, daughter visited. No issues.',
      E('asc_0110', 'Christmas ok, daughter visited', '2023-01-10', 'routine', ['P1', 'P5'])],
    ['14/02/2023', '11:00', 'Review', 'Social Worker', 'Annual review completed by phone. Leonard reports all ok, managing with support. No concerns raised. Plan continues.',
      E('asc_0214', 'Annual review completed by phone', '2023-02-14', 'routine', ['P1'], { time: '11:00' })],
    ['2023-02-20', '', 'Provider update', 'Admin', 'Careline monthly report: no activations.',
      E('asc_0220', 'no activations', '2023-02-20', 'routine', ['P1'])],
    'REPEAT_HEADER',
    ['15-Mar-23', '', 'Provider update', 'Admin', "Age Concern: client cancelled weekly shopping call - says 'friends' now help him with shopping.",
      E('asc_0315', 'cancelled weekly shopping call', '2023-03-15', 'concern', ['P1'])],
    ['2023-04-04', '15:20', 'Tel call', 'Social Care Assessor', "Tel to client re cancellation. A male answered, said Len was asleep & he was 'family'. Would not give name. Will call back.",
      E('asc_0404', "he was 'family'", '2023-04-04', 'concern', ['P1'], { time: '15:20' })],
    ['2023-04-06', '10:40', 'Tel call', 'Social Care Assessor', "Spoke to Mr Ashdown - says he is fine, his nephew helps him now, doesn't need us. Has capacity to decline. Discussed with manager - case to close.",
      E('asc_0406', 'his nephew helps him now', '2023-04-06', 'concern', ['P1'], { time: '10:40' })],
    ['12/04/2023', '', 'Case closure', 'Team Manager', 'Case closed - no eligible unmet needs, client declines support. Careline to remain. Closure letter to client & GP.',
      E('asc_0412', 'no eligible unmet needs', '2023-04-12', 'concern', ['P1'])],
    'BLANK',
    ['2023-06-19', '', 'Provider update', 'Admin', 'Careline: pendant unit offline x 10 days (line unplugged?), client not answering - provider logged.',
      E('asc_0619', 'pendant unit offline', '2023-06-19', 'concern', ['P1'])],
    ['03/07/2023', '', 'Provider update', 'Admin', 'Careline: account suspended, equipment not returned.',
      E('asc_0703', 'account suspended', '2023-07-03', 'routine', ['P1'])],
    ['2023-09-01', '11:50', 'Contact', 'Duty Social Worker (Front Door)', "Tel from daughter Sandra - can't get hold of dad for 3 wks, a young man answered his mobile & hung up. Advised to contact police for welfare check. Case closed to ASC - NFA.",
      E('asc_0901', 'Advised to contact police for welfare check', '2023-09-01', 'concern', ['P1', 'P5'], { time: '11:50' })],
    ['18/09/2023', '09:05', 'Contact', 'Duty Social Worker (Front Door)', 'Tel from daughter: dad died at the weekend, police involved. Condolences given.',
      E('asc_0918', 'dad died at the weekend', '2023-09-18', 'routine', ['P1', 'P5'], { time: '09:05' })],
    ['2023-09-20', '09:00', 'Safeguarding concern', 'Safeguarding Adults Team', 'Safeguarding concern recd from Police (ASR1) re death of the client - suspected cuckooing. Others at risk at Kestrel House?',
      E('asc_0920', 'Safeguarding concern recd from Police (ASR1)', '2023-09-20', 'response', ['P1'], { time: '09:00' })],
    ['2023-09-21', '14:00', 'Strategy discussion', 'Safeguarding Adults Manager', 'Strategy discussion with Police & Ferncliffe HA re other residents of Kestrel House. s42 enquiry opened (other residents). Decision to refer to SAB for SAR.',
      E('asc_0921', 'Strategy discussion with Police & Ferncliffe', '2023-09-21', 'response', ['P1'], { time: '14:00' })],
    ['28/09/23', '', 'SAR referral', 'Safeguarding Adults Manager', 'SAR referral submitted to Harrowgate Safeguarding Adults Board.',
      E('asc_0928', 'SAR referral submitted', '2023-09-28', 'response', ['P1'])],
    ['2023-10-03', '16:30', 'Contact', 'Safeguarding Adults Team', "Tel from Mill Lane Food Bank safeguarding lead - shared info: Len's weight loss, bank card held by 'Jay'. Passed to police & SAB.",
      E('asc_1003', 'Tel from Mill Lane Food Bank', '2023-10-03', 'response', ['P1', 'P3'], { time: '16:30' })],
    ['2023-10-31', '', 'Case closure', 'Team Manager', 'Case closed - client deceased. Records retained for SAR.',
      E('asc_1031', 'client deceased', '2023-10-31', 'routine', ['P1'])],
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Case record system'; wb.created = new Date(Date.UTC(2023, 10, 6, 9, 0)); wb.modified = wb.created;
  const ws = wb.addWorksheet('Chronology');
  ws.getRow(1).values = ['Harrowgate Metropolitan Borough Council – Adult Social Care'];
  ws.getRow(2).values = ['Chronology report | Person ID: 40021877 | Name: ASHDOWN, Leonard | DOB: 03/08/1952 | Address: Flat 7 Kestrel House, Mill Lane'];
  ws.getRow(3).values = ['OFFICIAL-SENSITIVE – printed from case record system'];
  ws.getRow(4).values = HEADER;
  ws.getRow(4).font = { bold: true };
  ws.columns = [{ width: 11 }, { width: 12 }, { width: 7 }, { width: 22 }, { width: 28 }, { width: 100 }];
  let r = 5;
  for (const x of R) {
    if (x === 'REPEAT_HEADER') {
      ws.getRow(r).values = HEADER; ws.getRow(r).font = { bold: true };
      register(FILE, r, { key: 'Step / Activity', status: 'divider' }); r++; continue;
    }
    if (x === 'BLANK') { register(FILE, r, { key: '', status: 'bad', bad: 'empty_row' }); r++; continue; }
    const [dc, time, step, worker, note, spec] = x;
    const row = ws.getRow(r);
    row.values = [PID, /^\d{4}-/.test(dc) ? XD(dc) : dc, time || null, step, worker, note];
    if (/^\d{4}-/.test(dc)) row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(6).alignment = { wrapText: true };
    register(FILE, r, spec); r++;
  }
  await wb.xlsx.writeFile(out(FILE));
}

// ================================================================ GP (semicolon CSV)
const gpFile = 'gp-birchfield-surgery.csv';
{
  const FILE = gpFile;
  extracts.push({ file: FILE, agency: 'GP', notes: 'Birchfield Surgery journal extract, semicolon-separated, UTF-8 with BOM, dates dd.mm.yyyy (a few dd.mm.yy), one multi-line entry' });
  const header = ['Date', 'Time', 'Patient', 'DOB', 'NHS No', 'Consultation type', 'Clinician', 'Problem', 'Entry'];
  const pt = ['ASHDOWN Leonard F', '08.03.1952', NHS.spaced];
  const iso = (s) => { const [d, m, y] = s.split('.'); return `${y.length === 2 ? '20' + y : y}-${m}-${d}`; };
  // [date, time, type, clinician, problem, entry, spec]
  const G = [
    ['02.11.2021', '10:20', 'Immunisation', 'Practice Nurse', 'Influenza vaccination', 'Flu vacc given L deltoid. Batch FL2291.', { key: 'Batch FL2291', status: 'bad', bad: 'outside_review_period' }],
    ['05.07.2022', '09:40', 'Face to face', 'Practice Nurse', 'COPD annual review', 'Annual COPD review. Spirometry stable. Inhaler technique ok. Lives alone since wife died last yr, says struggling with shopping/cooking, low mood. Discussed ASC referral - agreeable.', E('gp_0705', 'struggling with shopping/cooking', 0, 'concern', ['P1', 'P7'])],
    ['12.07.2022', '09:15', 'Admin', 'Practice Nurse', 'Referral', 'Referral to Adult Social Care (Care Act assessment) sent via e-referral. Pt consented.', E('gp_0712', 'Referral to Adult Social Care', 0, 'response', ['P1'])],
    ['19.07.2022', '11:10', 'Telephone', 'GP', 'Low mood', 'Tel consult. Bereavement, low mood, PHQ-9 = 12. Not suicidal. Started sertraline 50mg. Cruse info given.', E('gp_0719', 'PHQ-9 = 12', 0, 'routine', ['P1'])],
    ['02.08.2022', '', 'Medication review', 'Clinical Pharmacist', 'Medication review', 'Structured medication review. Metformin, sertraline, Trelegy, atorvastatin, amlodipine. No changes.', E('gp_0802', 'Structured medication review', 0, 'routine', ['P1'])],
    ['16.08.2022', '', 'Repeat prescription', 'Reception', 'Repeat', 'Repeat Rx issued (28 days), Rx ref 10233.', E('gp_0816', 'Rx ref 10233', 0, 'routine', ['P1'])],
    ['13.09.2022', '08:30', 'Blood test', 'HCA', 'Diabetes monitoring', 'Bloods: HbA1c, U&E, lipids taken.', E('gp_0913', 'HbA1c, U&E, lipids taken', 0, 'routine', ['P1'])],
    ['20.09.22', '', 'Results', 'GP', 'Diabetes monitoring', 'HbA1c 56 mmol/mol - stable. File, no action.', E('gp_0920', 'HbA1c 56', 0, 'routine', ['P1'])],
    ['04.10.2022', '10:50', 'Immunisation', 'Practice Nurse', 'Influenza vaccination', 'Flu vacc given. Batch FL3307. Covid booster declined.', E('gp_1004', 'Batch FL3307', 0, 'routine', ['P1'])],
    ['04.11.2022', '08:55', 'Correspondence in', 'Admin', 'Fall', 'Ambulance service notification (ePCR): fall at home 03/11/22, no injury found, not conveyed, advised GP falls review.', E('gp_1104', 'fall at home 03/11/22', 0, 'concern', ['P1'])],
    ['08.11.2022', '11:45', 'Telephone', 'GP', 'Safeguarding', 'Tel from ASC social worker re safeguarding concern from housing (self-neglect). PMH & meds shared with consent. Agree GP falls review.', E('gp_1108', 'Tel from ASC social worker', 0, 'response', ['P1'])],
    ['16.11.2022', '', 'Correspondence in', 'Admin', 'Social care', 'Letter from ASC: assessment outcome & care plan (falls referral, Careline pendant, weekly shopping call). Filed, GP aware.', E('gp_1116', 'Letter from ASC: assessment outcome', 0, 'response', ['P1'])],
    ['22.11.2022', '10:30', 'Face to face', 'GP', 'Fall', 'Falls review. BP lying 142/80 standing 118/70, postural drop. Amlodipine stopped. No head injury. Bloods ok.', E('gp_1122', 'postural drop', 0, 'routine', ['P1'])],
    ['06.12.2022', '', 'Correspondence in', 'Admin', 'Fall', 'Falls service: appt offered 10/01/23.', E('gp_1206', 'Falls service: appt offered', 0, 'routine', ['P1'])],
    ['30.12.2022', '', 'Correspondence in', 'Admin', 'LRTI', 'ED discharge summary recd: attended Harrowgate General 28/12/22 by ambulance, LRTI, oral antibiotics, discharged home same night.', E('gp_1230', 'ED discharge summary', 0, 'routine', ['P1'])],
    ['12.01.2023', '', 'Correspondence in', 'Admin', 'Fall', 'Falls clinic letter: seen 10/01, strength & balance programme, home hazard advice.', E('gp_0112', 'strength & balance programme', 0, 'routine', ['P1'])],
    ['24.01.2023', '', 'Correspondence in', 'Admin', 'COPD', 'Resp clinic letter: seen 17/01/23, COPD stable, continue Trelegy.', E('gp_0124', 'Resp clinic letter', 0, 'routine', ['P1'])],
    ['07.02.2023', '09:20', 'Face to face', 'Practice Nurse', 'Diabetic annual review', 'Diabetic annual review. Wt 68.2 kg, BP 130/78, feet ok, HbA1c 58. Mood better.', E('gp_0207', 'Diabetic annual review', 0, 'routine', ['P1'])],
    ['14.02.2023', '', 'Medication review', 'Clinical Pharmacist', 'Medication review', 'Medication review - sertraline continue, amlodipine remains stopped.', E('gp_0214', 'sertraline continue', 0, 'routine', ['P1'])],
    ['21.02.2023', '08:40', 'Blood test', 'HCA', 'Memory', 'Bloods: FBC, B12, TFT (memory screen).', E('gp_0221', 'memory screen', 0, 'routine', ['P1'])],
    ['31.02.2023', '', 'Repeat prescription', 'Reception', 'Repeat', 'Repeat Rx issued, Rx ref 10871.', { key: 'Rx ref 10871', status: 'bad', bad: 'impossible_date' }],
    ['14.03.2023', '', 'Repeat prescription', 'Reception', 'Repeat', 'Repeat Rx issued, Rx ref 10934.', E('gp_0314', 'Rx ref 10934', 0, 'routine', ['P1'])],
    ['18.04.2023', '', 'Correspondence in', 'Admin', 'Social care', 'Letter from ASC: case closed, no eligible needs, pt declined support.', E('gp_0418', 'Letter from ASC: case closed', 0, 'routine', ['P1'])],
    ['25.04.2023', '10:00', 'DNA', 'Practice Nurse', 'Memory', 'Did not attend - B12/memory follow-up. Text sent.', E('gp_0425', 'memory follow-up', 0, 'concern', ['P1'])],
    ['09.05.2023', '11:20', 'DNA', 'GP', 'Memory', 'DNA. 2nd missed appt. Will rebook.', E('gp_0509', '2nd missed appt', 0, 'concern', ['P1'])],
    ['15.05.2023', '', 'Correspondence in', 'Admin', 'Fall', "Ambulance service notification: fall 13/05/23, graze L forearm, not conveyed, 'friends' present.", E('gp_0515', 'fall 13/05/23', 0, 'concern', ['P1'])],
    ['23.05.2023', '16:40', 'Face to face', 'GP', 'Pain', "Attended with younger male (says grandson) who did most of the talking. Pt quiet. Requesting early repeat of co-codamol, says 'lost them'. Wt 63.0 kg. Early Rx declined, 7 days issued.", E('gp_0523', 'says grandson', 0, 'concern', ['P1'])],
    ['06.06.2023', '12:05', 'Telephone', 'Reception', 'Pain', 'Caller (male, says nephew) requesting co-codamol early again - advised pt must speak to GP himself.', E('gp_0606', 'requesting co-codamol early again', 0, 'concern', ['P1'])],
    ['19.06.2033', '', 'Repeat prescription', 'Reception', 'Repeat', 'Rx reauthorised 6 months, Rx ref 11206.', { key: 'Rx ref 11206', status: 'bad', bad: 'future_date' }],
    ['04.07.2023', '', 'Admin', 'Reception', 'COPD', 'Text reminder: COPD review due.', E('gp_0704', 'Text reminder: COPD review due', 0, 'routine', ['P1'])],
    ['18.07.2023', '09:40', 'DNA', 'Practice Nurse', 'COPD', 'DNA COPD review.', E('gp_0718', 'DNA COPD review', 0, 'concern', ['P1'])],
    ['01.08.2023', '', 'Correspondence out', 'Admin', 'DNA', 'Letter to pt: 3 missed appointments, please contact surgery.', E('gp_0801', '3 missed appointments', 0, 'routine', ['P1'])],
    ['15.08.23', '10:10', 'DNA', 'GP', 'Memory', 'DNA - no contact from pt.', E('gp_0815', 'DNA - no contact from pt', 0, 'concern', ['P1'])],
    ['22.08.23', '08:50', 'DNA', 'HCA', 'Diabetes monitoring', 'DNA diabetic bloods.', E('gp_0822', 'DNA diabetic bloods', 0, 'concern', ['P1'])],
    ['28.08.2023', '', 'Correspondence in', 'Admin', 'Fall', "Ambulance service notification: fall 26/08/23 23:50, laceration forehead, declined conveyance. 'Friends' present to supervise. Safeguarding referral: not made.", E('gp_0828', 'fall 26/08/23', 0, 'concern', ['P1'])],
    ['29.08.2023', '11:30', 'Face to face', 'GP', 'Weight loss', "Attended w/ young man (says friend, 'Jay'), who answered most questions.\nWt 52.4 kg (68.2 kg Feb). Unkempt, smells of urine, clothes loose.\nBruising L cheek + healing lac forehead - says fell. Denies anyone hurting him. ?cognitive decline.\nPlan: bloods, r/v 2/52.", E('gp_0829', 'Wt 52.4 kg', 0, 'concern', ['P1', 'P3'])],
    ['05.09.2023', '08:45', 'DNA', 'HCA', 'Weight loss', 'DNA bloods (wt loss screen).', E('gp_0905', 'DNA bloods (wt loss screen)', 0, 'concern', ['P1'])],
    ['12.09.2023', '', 'Repeat prescription', 'Mill Lane Pharmacy', 'Repeat', "Pharmacy: Rx collected by 'nephew', pharmacist notes pt not seen in person for 2 months.", E('gp_0912', "collected by 'nephew'", 0, 'concern', ['P1'])],
    ['18.09.2023', '09:30', 'Admin', 'GP', 'Death', 'Notified: pt deceased 17/09/23 (police). Deceased flag added. Appts cancelled.', E('gp_0918', 'Deceased flag added', 0, 'routine', ['P1'])],
    ['19.09.2023', '14:00', 'Correspondence out', 'Practice Manager', 'Death', "Request from coroner's officer for copy of records - sent securely.", E('gp_0919', "Request from coroner's officer", 0, 'routine', ['P1'])],
    ['29.09.2023', '', 'Correspondence in', 'Admin', 'Death', 'Letter from HM Coroner: inquest opened 27/09/23 & adjourned.', E('gp_0929', 'inquest opened 27/09/23', 0, 'routine', ['P1'])],
    ['10.10.2023', '', 'Correspondence in', 'Practice Manager', 'Safeguarding', 'Harrowgate SAB: request for chronology/IMR (SAR re Mr Ashdown).', E('gp_1010', 'request for chronology/IMR', 0, 'response', ['P1'])],
    ['16.10.2023', '', 'Admin', 'Reception', 'Death', 'Deducted from list - deceased.', E('gp_1016', 'Deducted from list', 0, 'routine', ['P1'])],
  ];
  const records = []; const specs = [];
  for (const [d, t, type, clin, prob, entry, spec] of G) {
    if (spec.status !== 'bad') { spec.date = iso(d); spec.time = t || null; }
    records.push([d, t, ...pt, type, clin, prob, entry]); specs.push(spec);
  }
  const { text, starts } = buildCsv(header, records, ';');
  fs.writeFileSync(out(FILE), '\ufeff' + text, 'utf8');
  specs.forEach((s, i) => register(FILE, starts[i], s));
}

// ================================================================ AMBULANCE (JSON array, UTC)
const ambFile = 'ambulance-epcr.json';
{
  const FILE = ambFile;
  extracts.push({ file: FILE, agency: 'Ambulance', notes: 'Northmoor Ambulance Service CAD/ePCR extract, JSON array, call times ISO 8601 UTC; includes patient transport (PTS) journeys' });
  const pt = { forename: 'Leonard', surname: 'Ashdown', dob: '1952-03-08', nhsNumber: NHS.plain };
  const addr = { address: 'Flat 7 Kestrel House, Mill Lane, Harrowgate', postcode: 'HW4 2JP' };
  const A = [
    [{ incidentNumber: 'NAS-221103-4471', callReceivedUtc: '2022-11-03T15:12:40Z', service: '999', callerType: 'Patient', location: addr, patient: pt,
      chiefComplaint: 'Fall - elderly', clinicalNarrative: 'Pt called 999 himself - slipped in kitchen approx 2 hrs ago, unable to get up. No head injury, no LOC. Obs normal. Flat cluttered, little food in fridge. Assisted up, mobilising with stick.',
      disposition: 'Not conveyed - falls referral advised via GP', gpNotified: true, safeguardingReferral: false },
      E('amb_1103', 'unable to get up', 0, 'concern', ['P1'])],
    [{ incidentNumber: 'NAS-221228-9012', callReceivedUtc: '2022-12-28T22:05:00Z', service: '999', callerType: 'Patient', location: addr, patient: pt,
      chiefComplaint: 'Breathing problems', clinicalNarrative: 'Productive cough 4/7, SpO2 89% RA, pyrexial. Known COPD.',
      disposition: 'Conveyed Harrowgate General ED', gpNotified: false, safeguardingReferral: false },
      E('amb_1228', 'Productive cough 4/7', 0, 'routine', ['P1'])],
    [{ incidentNumber: 'PTS-230117-0335', callReceivedUtc: '2023-01-17T08:40:00Z', service: 'PTS', callerType: 'Booked journey', location: addr, patient: pt,
      chiefComplaint: 'Outpatient transport', clinicalNarrative: 'Patient transport: home to Harrowgate General respiratory outpatients and return. Uneventful.',
      disposition: 'Journey completed', gpNotified: false, safeguardingReferral: false },
      E('amb_0117', 'respiratory outpatients', 0, 'routine', ['P1'])],
    [{ incidentNumber: 'PTS-230328-0190', callReceivedUtc: '2023-03-28T08:15:00Z', service: 'PTS', callerType: 'Booked journey', location: addr, patient: pt,
      chiefComplaint: 'Outpatient transport', clinicalNarrative: 'Patient transport: home to Harrowgate General eye clinic (diabetic retinopathy screening) and return.',
      disposition: 'Journey completed', gpNotified: false, safeguardingReferral: false },
      E('amb_0328', 'eye clinic', 0, 'routine', ['P1'])],
    [{ incidentNumber: 'NAS-230513-7765', callReceivedUtc: '2023-05-13T21:05:00Z', service: '999', callerType: 'Third party (male, says nephew)', location: addr, patient: pt,
      chiefComplaint: 'Fall - elderly', clinicalNarrative: "Pt fell in hallway. Graze L forearm, dressed. Alert, ?alcohol on breath - denies. 2-3 young males present, stated they are pt's nephews/friends and will keep an eye on him.",
      disposition: 'Not conveyed', gpNotified: true, safeguardingReferral: false },
      E('amb_0513', 'will keep an eye on him', 0, 'concern', ['P1'])],
    [{ incidentNumber: 'NAS-230624-0412', callReceivedUtc: '2023-06-24T01:10:00Z', service: '999', callerType: 'Third party (male, would not give name)', location: addr, patient: pt,
      chiefComplaint: 'Unconscious / not breathing?', clinicalNarrative: "Caller reported man 'not breathing'. On arrival pt alert, sat in chair, callers gone. Pt says 'just had a funny turn'. BM 4.1, obs ok. Flat very untidy, several mattresses in lounge.",
      disposition: 'Refused conveyance - has capacity', gpNotified: false, safeguardingReferral: false },
      E('amb_0624', 'just had a funny turn', 0, 'concern', ['P1'])],
    [{ incidentNumber: 'PTS-230725-0088', callReceivedUtc: '2023-07-25T07:30:00Z', service: 'PTS', callerType: 'Booked journey', location: addr, patient: pt,
      chiefComplaint: 'Outpatient transport', clinicalNarrative: "PTS journey to resp clinic aborted - no answer at door, curtains drawn, male voice inside said 'he's not going'.",
      disposition: 'Aborted - patient not available', gpNotified: false, safeguardingReferral: false },
      E('amb_0725', "he's not going", 0, 'concern', ['P1'])],
    [{ incidentNumber: 'NAS-230826-8830', callReceivedUtc: '2023-08-26T22:50:00Z', service: '999', callerType: 'Third party (male)', location: addr, patient: pt,
      chiefComplaint: 'Fall - head injury', clinicalNarrative: "Fall at home, laceration ~3cm forehead, bruise L cheek. Pt vague about how it happened. Several young males present, one said 'we'll look after him'. ?intoxicated. Wound closed with steri-strips.",
      disposition: 'Declined conveyance. GP notified via ePCR. Safeguarding: not required - pt has capacity', gpNotified: true, safeguardingReferral: false },
      E('amb_0826', "we'll look after him", 0, 'concern', ['P1'])],
    [{ incidentNumber: 'NAS-230916-9954', callReceivedUtc: '2023-09-16T23:41:05Z', service: '999', callerType: 'Anonymous (male)', location: addr,
      patient: { forename: 'Unknown', surname: 'male ~70s (later identified by police as Leonard Ashdown)', dob: null, nhsNumber: null },
      chiefComplaint: 'Unconscious - head injury', clinicalNarrative: 'Caller: old man on floor not waking up, blood on head. Caller hung up. Crew on scene 00:52: male on lounge floor, GCS 3, large occipital haematoma, cold to touch. Police requested. Resus commenced, ROLE 01:32.',
      disposition: 'Recognition of life extinct - police on scene', gpNotified: false, safeguardingReferral: false },
      E('amb_0917', 'old man on floor not waking up', 0, 'concern', ['P1'])],
  ];
  const arr = [];
  A.forEach(([rec, spec], i) => {
    const l = london(rec.callReceivedUtc); spec.date = l.date; spec.time = l.time;
    arr.push(rec); register(FILE, i + 1, spec);
  });
  fs.writeFileSync(out(FILE), JSON.stringify(arr, null, 2) + '\n', 'utf8');
}

// ================================================================ HOUSING (DOCX table)
const housingFile = 'housing-ferncliffe-chronology.docx';
const housingRows = [];   // for the check step: expected text per table row
{
  const FILE = housingFile;
  extracts.push({ file: FILE, agency: 'Housing', notes: 'Ferncliffe Housing Association chronology, Word table, approximate dates (early 2023, March 2023, w/c, ?dd/mm/yyyy), year divider rows, one row without a date' });
  const HDR = ['Date', 'Contact type', 'Officer', 'Details', 'Action / outcome'];
  const dmy = (s) => { const [d, m, y] = s.replace(/^\?/, '').split('/'); return `${y}-${m}-${d}`; };
  const H = [
    'DIV:Year: 2022',
    ['early 2022', 'Tenancy', 'Housing Officer', 'Tenancy succession: wife deceased 2021, tenancy transferred to sole name of Mr L Ashdown.', 'New agreement signed', { key: 'Tenancy succession', status: 'bad', bad: 'outside_review_period' }],
    ['04/07/2022', 'Rent', 'Income Officer', 'Annual rent statement issued to Mr L Ashdown. Account clear.', 'None', E('h_0704', 'Annual rent statement issued', 0, 'routine', ['P1'])],
    ['18/08/2022', 'Gas safety', 'Contractor (Heatwise)', 'Annual gas safety check completed.', 'CP12 issued', E('h_0818', 'Annual gas safety check completed', 0, 'routine', ['P1'])],
    ['10/10/2022', 'Tenancy support', 'Tenancy Support Officer', 'Tenant rang - PIP stopped pending review, no money for food.', 'Foodbank voucher issued (Mill Lane Food Bank). Referred to Citizens Advice for PIP appeal.', E('h_1010', 'Foodbank voucher issued', 0, 'response', ['P1'])],
    ['w/c 24/10/2022', 'Repairs', 'Repairs team', 'Kitchen tap leaking.', 'Repaired', E('h_1024', 'Kitchen tap leaking', '2022-10-24', 'routine', ['P1'], { to: '2022-10-30', prec: 'week' })],
    ['07/11/2022', 'Home visit', 'Tenancy Support Officer', "Visit after tenant mentioned fall. Flat cluttered, strong smell, bruising on arm from fall last wk, fridge empty. Mr A says he is 'just tired'. Daughter has also rung ASC.", 'Discuss with ASC', E('h_1107', "'just tired'", 0, 'concern', ['P1', 'P5'])],
    ['08/11/2022', 'Safeguarding', 'Tenancy Support Officer', 'Self-neglect concerns (see 07/11).', 'Safeguarding concern (self-neglect) raised with ASC via online form.', E('h_1108', 'raised with ASC via online form', 0, 'response', ['P1'])],
    ['10/11/2022', 'Joint visit', 'Tenancy Support Officer', 'Joint visit with ASC social worker. Plan: pendant, shopping help, falls referral.', 'TSO to help with declutter', E('h_1110', 'Joint visit with ASC social worker', 0, 'response', ['P1'])],
    ['05/12/2022', 'Home visit', 'Tenancy Support Officer', 'Declutter visit - kitchen & hall clear, much improved.', 'Tenancy support case closed', E('h_1205', 'Declutter visit', 0, 'routine', ['P1'])],
    'DIV:Year: 2023',
    ['13/02/2023', 'Rent', 'Income Officer', 'Rent increase letter (7%) from 03/04/23 sent.', 'None', E('h_0213', 'Rent increase letter', 0, 'routine', ['P1'])],
    ['21/02/2023', 'Tenancy check', 'Housing Officer', 'Annual tenancy check by phone - no issues reported, tenant happy with property.', 'None', E('h_0221', 'Annual tenancy check', 0, 'routine', ['P1'])],
    ['March 2023', 'Caretaker note', 'Caretaker', 'Communal door to Kestrel House propped open on several nights, unknown youths in stairwell, seen going into flat 7.', 'Door closer adjusted', E('h_0323', 'unknown youths in stairwell', '2023-03-01', 'concern', ['P1'], { to: '2023-03-31', prec: 'month' })],
    ['spring 2023', 'Caretaker note', 'Caretaker', "(date approx) Neighbour at no.8 mentioned Mr A has 'new friends' visiting, young lads.", 'None recorded', E('h_spring23', "'new friends' visiting", '2023-03-01', 'concern', ['P1', 'P6'], { to: '2023-05-31', prec: 'season' })],
    ['24/04/2023', 'ASB complaint', 'Housing Officer', 'Complaint from Mrs Pelling (Flat 8): noise, visitors at all hrs to flat 7, cannabis smell. Says she rang police Sat night.', 'Logged ASB case', E('h_0424', 'visitors at all hrs to flat 7', 0, 'concern', ['P1', 'P6'])],
    ['02/05/2023', 'ASB', 'Housing Officer', 'ASB warning letter to tenant re noise/visitors.', 'Letter sent', E('h_0502', 'ASB warning letter', 0, 'concern', ['P1'])],
    ['15/05/2023', 'Rent', 'Income Officer', 'UC housing element not received, arrears £212. Out of character - always paid on time.', 'Arrears letter', E('h_0515', 'Out of character', 0, 'concern', ['P1'])],
    ['26/05/2023', 'Home visit', 'Housing Officer', "Visited re arrears & ASB. Tenant at home with 2 young men. Mr A said they're helping him out.", 'Payment plan agreed £10/wk', E('h_0526', 'Tenant at home with 2 young men', 0, 'concern', ['P1'])],
    ['?14/06/2023', 'Gas safety', 'Contractor (Heatwise)', 'Gas safety check - no access (1st attempt).', 'Rebooked', E('h_0614', 'no access (1st attempt)', 0, 'concern', ['P1'])],
    ['05/07/2023', 'Gas safety', 'Contractor (Heatwise)', 'Gas safety - no access 2nd attempt.', 'Letter: forced entry warning', E('h_0705', 'no access 2nd attempt', 0, 'concern', ['P1'])],
    ['20/07/2023', 'Gas safety', 'Contractor (Heatwise)', "Gas safety completed. Engineer notes 3-4 people in flat, mattresses on lounge floor, 'bit of a state'.", 'CP12 issued', E('h_0720', 'mattresses on lounge floor', 0, 'concern', ['P1'])],
    ['07/08/2023', 'Repairs', 'Repairs team', 'Bathroom extractor - no access. Voices inside, a male shouted through door that Len was asleep.', 'Rebook', E('h_0807', 'shouted through door that Len was asleep', 0, 'concern', ['P1'])],
    ['w/c 14/08/2023', 'Rent', 'Income Officer', 'Rent statement: arrears now £486, payment plan broken.', 'Reminder letter', E('h_0814', 'payment plan broken', '2023-08-14', 'concern', ['P1'], { to: '2023-08-20', prec: 'week' })],
    ['04/09/2023', 'Rent', 'Income Officer', 'Arrears £640.', 'Letter sent - NOSP being considered', E('h_0904', 'NOSP being considered', 0, 'concern', ['P1'])],
    ['11/09/2023', 'ASB complaint', 'Housing Officer', "Neighbour (Flat 8): drug dealing from flat 7, 'the old man looks really ill', hasn't seen him out for weeks.", 'HO to visit', E('h_0911', 'the old man looks really ill', 0, 'concern', ['P1', 'P6'])],
    ['13/09/2023', 'Home visit', 'Housing Officer', 'Visit re ASB/arrears - no answer.', 'Card left', E('h_0913', 'Card left', 0, 'concern', ['P1'])],
    ['', 'Repairs', 'Caretaker', 'Front door of flat 7 found damaged, lock barrel replaced. Date not recorded.', 'Complete', { key: 'lock barrel replaced', status: 'bad', bad: 'missing_date' }],
    ['17/09/2023', 'Notification', 'Out of hours', 'Police informed us of death of tenant. Flat secured by police.', 'Housing Manager informed', E('h_0917', 'Police informed us of death of tenant', 0, 'routine', ['P1'])],
    ['20/09/2023', 'Information request', 'Housing Officer', 'Police request for tenancy records.', 'Tenancy file & communal CCTV provided', E('h_0920', 'Tenancy file & communal CCTV provided', 0, 'routine', ['P1'])],
    ['21/09/2023', 'Meeting', 'Housing Manager', 'Attended strategy discussion (ASC, police) re other residents of Kestrel House.', 'Welfare visits to all flats agreed', E('h_0921', 'Attended strategy discussion', 0, 'response', ['P1'])],
    ['02/10/2023', 'Tenancy', 'Housing Officer', 'Tenancy ended - death of tenant.', 'Flat cleared after police release', E('h_1002', 'Tenancy ended', 0, 'routine', ['P1'])],
    ['16/10/2023', 'Information request', 'Housing Manager', 'SAB chronology request received (SAR).', 'Chronology being prepared', E('h_1016', 'SAB chronology request', 0, 'response', ['P1'])],
  ];
  const cell = (t, opts = {}) => new docx.TableCell({ children: [new docx.Paragraph({ children: [new docx.TextRun({ text: t, bold: !!opts.bold })] })], columnSpan: opts.span });
  const trows = [new docx.TableRow({ tableHeader: true, children: HDR.map((h) => cell(h, { bold: true })) })];
  let r = 2;
  for (const h of H) {
    if (typeof h === 'string') {
      const y = h.slice(4);
      trows.push(new docx.TableRow({ children: [cell(y, { bold: true, span: 5 })] }));
      housingRows.push(y); register(FILE, r, { key: y, status: 'divider' }); r++; continue;
    }
    const [d, type, off, det, act, spec] = h;
    if (spec.status !== 'bad' && !spec.date) { spec.date = dmy(d); }
    if (spec.status !== 'bad') spec.time = null;
    trows.push(new docx.TableRow({ children: [d, type, off, det, act].map((t) => cell(t)) }));
    housingRows.push([d, type, off, det, act].join(' | '));
    register(FILE, r, spec); r++;
  }
  const doc = new docx.Document({
    sections: [{ children: [
      new docx.Paragraph({ children: [new docx.TextRun({ text: 'Ferncliffe Housing Association – Agency chronology for Safeguarding Adults Review', bold: true })] }),
      new docx.Paragraph('Tenant: Mr L Ashdown, Flat 7 Kestrel House, Mill Lane, Harrowgate HW4 2JP. Tenancy ref FHA-0047719.'),
      new docx.Table({ rows: trows, width: { size: 100, type: docx.WidthType.PERCENTAGE } }),
    ] }],
  });
  // fixed document dates so the output does not depend on the day it was generated
  const z = await JSZip.loadAsync(await docx.Packer.toBuffer(doc));
  const FIXED = new Date(Date.UTC(2023, 10, 6, 9, 0));
  const core = (await z.file('docProps/core.xml').async('string'))
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, '$12023-11-06T09:00:00Z');
  z.file('docProps/core.xml', core);
  z.forEach((_, f) => { f.date = FIXED; });
  fs.writeFileSync(out(FILE), await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', date: FIXED }));
}

// ================================================================ FOOD BANK (CSV, informal)
const fbFile = 'foodbank-visits.csv';
{
  const FILE = fbFile;
  extracts.push({ file: FILE, agency: 'Food bank', notes: 'Mill Lane Community Food Bank visit log kept by volunteers, UTF-8 CSV, dd/mm/yy dates, first names only, informal notes; a blank line and an exact duplicate row' });
  const header = ['Date', 'Client', 'Referred by', 'Parcel', 'Notes'];
  const iso = (s) => { const [d, m, y] = s.split('/'); return `${y.length === 2 ? '20' + y : y}-${m}-${d}`; };
  const F = [
    ['13/10/22', 'Len A', 'Ferncliffe HA (tenancy support)', 'single', 'First visit. Voucher from Ferncliffe. Bit embarrassed, lovely chap, widower. PIP stopped.', E('fb_1013', 'First visit', 0, 'response', ['P1'])],
    ['27/10/22', 'Len', '', 'single', 'Len in, chatted about his allotment days', E('fb_1027', 'allotment days', 0, 'routine', ['P1'])],
    ['10/11/22', 'Len', '', 'single', 'Len said he had a fall last week, bit bruised, walking slow. housing lady has been round', E('fb_1110', 'bit bruised', 0, 'concern', ['P1'])],
    ['24/11/22', 'Len', '', 'single', 'Len in w new pendant round his neck, says social worker sorted it', E('fb_1124', 'new pendant', 0, 'routine', ['P1'])],
    ['08/12/22', 'Len', '', 'single + xmas hamper', 'xmas hamper given, v pleased', E('fb_1208', 'xmas hamper given', 0, 'routine', ['P1'])],
    ['05/01/23', 'Len', '', 'single', 'Len in, his daughter came up for xmas he said', E('fb_0105', 'came up for xmas', 0, 'routine', ['P1', 'P5'])],
    ['19/01/23', 'Len', '', 'single', 'quiet today, freezing in the hall, gave him a flask of tea', E('fb_0119', 'gave him a flask', 0, 'routine', ['P1'])],
    ['09/02/23', 'Len A', 'Citizens Advice', 'single', 'Voucher renewed (CAB). PIP appeal won he thinks!', E('fb_0209', 'PIP appeal won', 0, 'routine', ['P1'])],
    ['23/02/23', 'Len', '', 'single', 'Len in, usual. took extra tea bags', E('fb_0223', 'extra tea bags', 0, 'routine', ['P1'])],
    ['23/03/23', 'Len', '', 'single', "Len came in with a young lad, said its his mates grandson helping him out", E('fb_0323', 'young lad', 0, 'concern', ['P1'])],
    ['06/04/23', 'Len A', '', 'single', 'Jay (the lad from last time) did all the talking, asked for extra tins & toiletries. Len v quiet, didnt look at us', E('fb_0406', 'did all the talking', 0, 'concern', ['P1', 'P3'])],
    ['20/04/23', 'Len', '', 'single + extra', "Len said money gone - paid tues nothing left by thurs, says he 'lent it' to the lads. gave extra parcel", E('fb_0420', 'nothing left by thurs', 0, 'concern', ['P1'])],
    'DUP:fb_0420',
    ['04/05/23', 'Len', '', 'single', 'Len on his own, seemed brighter, talked about the footie', E('fb_0504', 'talked about the footie', 0, 'routine', ['P1'])],
    ['18/05/23', 'Len', '', 'single', 'Jay collected parcel for Len, said Len poorly in bed. Told him Len needs to come himself next time', E('fb_0518', 'Jay collected parcel', 0, 'concern', ['P1', 'P3'])],
    'BLANK',
    ['01/06/23', 'Len', '', 'single', "Len in. Very thin. Asked if we do hot meals - pointed him to St Anne's lunch club", E('fb_0601', 'hot meals', 0, 'concern', ['P1'])],
    ['15/06/23', 'Len', '', 'single', 'Len in w Jay again. Jay carried bags, Len didnt say much', E('fb_0615', 'Jay carried bags', 0, 'concern', ['P1', 'P3'])],
    ['29/06/23', 'Len', '', '', 'not in today', E('fb_0629', 'not in today', 0, 'routine', ['P1'])],
    ['13/07/23', 'Len', '', 'single', 'Len in, quiet, plaster on his hand - said tin opener', E('fb_0713', 'tin opener', 0, 'concern', ['P1'])],
    ['27/07/23', 'Len', '', 'single', 'usual parcel', E('fb_0727', 'usual parcel', 0, 'routine', ['P1'])],
    ['10/08/23', 'Len', 'Citizens Advice', 'single', 'voucher run out, phoned CAB for him for a new one', E('fb_0810', 'phoned CAB', 0, 'routine', ['P1'])],
    ['05/09/23', 'Len', '', 'single', "Len looked awful, lost loads of weight, bruise on his face. Said hes not allowed to keep his bank card, Jay has it. Didnt want us to tell anyone.\nNot sure who we tell??", E('fb_0905', 'Jay has it', 0, 'concern', ['P1', 'P3'])],
    ['14/09/23', 'Len', '', '', "Jay & another lad came asking for Len's parcel, said hes in bed. Told them no, Len has to come himself", E('fb_0914', 'another lad', 0, 'concern', ['P1', 'P3'])],
    ['26/09/23', 'Len', '', '', 'Heard from Mrs P (his neighbour) that Len has passed away. Very sad. All vols told.', E('fb_0926', 'passed away', 0, 'routine', ['P1', 'P6'])],
    ['03/10/2023', 'Len A', '', '', 'Safeguarding lead rang ASC to share what we knew (card, weight loss, Jay). Should have done this sooner.', E('fb_1003', 'Safeguarding lead rang ASC', 0, 'response', ['P1', 'P3'])],
  ];
  const records = []; const specs = [];
  for (const f of F) {
    if (f === 'BLANK') { records.push(['', '', '', '', '']); specs.push({ key: '', status: 'bad', bad: 'empty_row' }); continue; }
    if (typeof f === 'string') {
      const id = f.slice(4); const src = F.find((x) => Array.isArray(x) && x[5].id === id);
      records.push(src.slice(0, 5)); specs.push({ key: src[5].key, status: 'duplicate', dupOf: id }); continue;
    }
    const spec = f[5]; spec.date = iso(f[0]); spec.time = null;
    records.push(f.slice(0, 5)); specs.push(spec);
  }
  const { text, starts } = buildCsv(header, records, ',');
  fs.writeFileSync(out(FILE), text, 'utf8');
  specs.forEach((s, i) => register(FILE, starts[i], s));
}

// ================================================================ LABELS
const ref = (id) => { const L = byId.get(id); if (!L) throw new Error('unknown id ' + id); return [L.file, L.row]; };
const link = (why, ...ids) => ({ why, rows: ids.map(ref) });
const links = [
  link('GP referral to ASC and its receipt the same morning', 'gp_0712', 'asc_0712'),
  link('housing issues a food bank voucher; the food bank records the voucher at the first visit', 'h_1010', 'fb_1013'),
  link('999 call for the fall on 03/11/22 and the ePCR notification received by the GP', 'amb_1103', 'gp_1104'),
  link('housing safeguarding concern (self-neglect) sent and received by ASC', 'h_1108', 'asc_1108a'),
  link('ASC telephone call to the GP for history: recorded by both', 'asc_1108b', 'gp_1108'),
  link('joint home visit ASC social worker and tenancy support officer', 'asc_1110', 'h_1110'),
  link('ASC letter to GP about the assessment and its receipt', 'asc_1114', 'gp_1116'),
  link('999 call for chest infection, conveyed to ED; ED discharge summary at the GP', 'amb_1228', 'gp_1230'),
  link('patient transport to the respiratory clinic and the clinic letter at the GP', 'amb_0117', 'gp_0124'),
  link('ASC case closure letter copied to the GP', 'asc_0412', 'gp_0418'),
  link('fall on 13/05/23: ambulance call and the notification to the GP', 'amb_0513', 'gp_0515'),
  link('fall with head laceration on 26/08/23: ambulance call and the ePCR notification to the GP', 'amb_0826', 'gp_0828'),
  link('fatal incident: ambulance call and the ambulance request for police attendance', 'amb_0917', 'pol_incident'),
  link('recognition of life extinct 01:32 recorded by the ambulance crew and by police', 'amb_0917', 'pol_ple'),
  link('police inform Ferncliffe HA out of hours of the death', 'pol_tohousing', 'h_0917'),
  link('police adult safeguarding referral about the death and its receipt by ASC', 'pol_asr', 'asc_0920'),
  link("coroner's officer requests the GP records; GP sends them", 'pol_coronergp', 'gp_0919'),
  link('police request for the tenancy file and CCTV; housing provides it', 'pol_tenancyreq', 'h_0920'),
  link('inquest opened and adjourned 27/09/23: police note and coroner letter to GP', 'pol_inquest', 'gp_0929'),
  link('strategy discussion about other residents of Kestrel House recorded by ASC, police and housing', 'asc_0921', 'pol_strategy', 'h_0921'),
  link('food bank safeguarding lead rings ASC after the death to share information', 'fb_1003', 'asc_1003'),
];
const C1 = ['h_0807', 'pol_0812', 'gp_0815', 'gp_0822', 'amb_0826', 'gp_0828', 'gp_0829', 'asc_0901', 'pol_0902', 'h_0904', 'gp_0905', 'fb_0905', 'pol_0909', 'h_0911', 'pol_0911', 'gp_0912', 'h_0913', 'fb_0914'];
const C2 = ['asc_0315', 'fb_0323', 'asc_0404', 'asc_0406', 'fb_0406', 'asc_0412', 'fb_0420', 'pol_0423', 'h_0424', 'gp_0425', 'h_0502', 'gp_0509', 'amb_0513', 'gp_0515', 'h_0515', 'fb_0518', 'gp_0523', 'h_0526'];
const agencyOf = Object.fromEntries(extracts.map((x) => [x.file, x.agency]));
const agenciesOf = (ids) => [...new Set(ids.map((id) => agencyOf[byId.get(id).file]))];
const clusters = [
  { ref: 'C1', person: 'P1', from: '2023-08-01', to: '2023-09-16', agencies: agenciesOf(C1), rows: C1.map(ref), expected: 'missed', rank: 1,
    why: 'final six weeks: no access with voices inside, neighbour and daughter welfare calls closed by police, two GP DNAs, a night-time fall with head laceration and young males "looking after him", 16 kg weight loss and a bruised cheek seen by the GP, bank card held by "Jay", arrears, drug dealing reported and a young man stopped with wraps outside - six agencies, no referral, no information shared, no strategy meeting' },
  { ref: 'C2', person: 'P1', from: '2023-03-13', to: '2023-05-31', agencies: agenciesOf(C2), rows: C2.map(ref), expected: 'missed', rank: 2,
    why: 'onset of cuckooing: ASC support cancelled because "friends" help and the case closed on capacity; a young man does the talking at the food bank and the GP; money gone two days after payday; neighbour complaints of youths and cannabis to police and housing (ASB letter to the victim); arrears out of character; DNAs; a fall with young men present - no referral or sharing' },
];
const controls = [
  { ref: 'K1', person: 'P1', from: '2022-11-01', to: '2022-11-25', kind: 'responded',
    why: 'fall (ambulance), daughter\'s call and housing\'s self-neglect findings answered within days: safeguarding concern to ASC, s42 triage, information from GP, joint visit with housing, falls referral, care plan and letter to GP' },
  { ref: 'K2', person: 'P1', from: '2023-02-01', to: '2023-02-28', kind: 'routine',
    why: 'diabetic annual review, medication review, bloods, rent increase letter, tenancy check, ASC annual review by phone, pendant report and food bank visits - all unremarkable' },
];
const ADDR = 'Flat 7 Kestrel House';
const people = [
  { ref: 'P1', name: 'Leonard Frank Ashdown', kind: 'subject',
    written: ['ASHDOWN, Leonard (08/03/1952)', 'ASHDOWN Leonard F', 'ASHDOWN, Leonard', 'Leonard ASHDOWN', 'Mr Ashdown', 'Mr A', 'Mr L Ashdown', 'Leonard', 'Len', 'Len A', 'the client', 'pt', 'tenant', 'the old man'],
    identifiers: ['Ashdown', 'ASHDOWN', 'Leonard', 'Len', '08/03/1952', '08.03.1952', '1952-03-08', '03/08/1952', NHS.spaced, NHS.plain, '40021877', ADDR, 'Kestrel House', 'Mill Lane', 'HW4 2JP', 'FHA-0047719'] },
  { ref: 'P2', name: 'Leonard Paul Ashdown', kind: 'namesake',
    written: ['ASHDOWN, Leonard (22/11/1979)', 'ASHDOWN, Leonard', 'ASHDOWN'],
    identifiers: ['Ashdown', 'ASHDOWN', 'Leonard', '22/11/1979', '41 Tanner Street', '41 Tanner St'] },
  { ref: 'P3', name: 'Jayden Crowe', kind: 'associate',
    written: ['CROWE, Jayden (14/06/2003)', 'CROWE', 'Jay', "'Jay'"],
    identifiers: ['Crowe', 'CROWE', 'Jayden', 'Jay', '14/06/2003', '22 Wren Close'] },
  { ref: 'P4', name: 'Kai Marsh', kind: 'associate',
    written: ['MARSH, Kai (02/01/2004)', 'MARSH, Kai', 'MARSH'],
    identifiers: ['Marsh', 'MARSH', 'Kai', '02/01/2004', '22 Wren Close'] },
  { ref: 'P5', name: 'Sandra Wilde', kind: 'family',
    written: ['WILDE, Sandra', 'Sandra Wilde', 'Sandra', 'daughter'],
    identifiers: ['Wilde', 'WILDE', 'Sandra', '07700 900418', 'Eastmere'] },
  { ref: 'P6', name: 'Joan Pelling', kind: 'other',
    written: ['PELLING, Joan', 'Mrs Pelling', 'Mrs P', 'Neighbour at no.8', 'Neighbour (Flat 8)'],
    identifiers: ['Pelling', 'PELLING', 'Joan', 'Mrs P', 'Flat 8'] },
  { ref: 'P7', name: 'Margaret Ashdown', kind: 'family',
    written: ['wife Margaret', 'wife'],
    identifiers: ['Margaret', 'Ashdown'] },
];
const labels = {
  case: 'sar-harrowgate',
  title: 'Safeguarding Adults Review: Adult A (Harrowgate)',
  reviewType: 'SAR',
  settings: {
    periodFrom: '2022-07-01', periodTo: '2023-12-31',
    incident: { date: '2023-09-17', kind: 'death' },
    people: [
      { ref: 'P1', name: 'Leonard Frank Ashdown', role: 'subject', dob: '1952-03-08', identifiers: `NHS ${NHS.spaced}; Flat 7, Kestrel House, Mill Lane, Harrowgate HW4 2JP; known as Len` },
      { ref: 'P3', name: 'Jayden Crowe', role: 'associate', dob: '2003-06-14', identifiers: 'known as Jay' },
      { ref: 'P4', name: 'Kai Marsh', role: 'associate', dob: '2004-01-02', identifiers: '' },
      { ref: 'P5', name: 'Sandra Wilde', role: 'family', dob: null, identifiers: 'daughter, lives in Eastmere' },
    ],
  },
  people,
  extracts,
  rows: rowsOut,
  links, clusters, controls,
};
fs.writeFileSync(out('labels.json'), JSON.stringify(labels, null, 2) + '\n', 'utf8');

// ================================================================ CHECKS
const problems = [];
const must = (c, m) => { if (!c) problems.push(m); };
// read back every file into Map(row -> text)
const texts = {};
{
  const dec = new TextDecoder('windows-1252');
  const pol = parseCsv(dec.decode(fs.readFileSync(out('police-niche-export.csv'))), ',');
  texts['police-niche-export.csv'] = new Map(pol.slice(1).map((r) => [r.line, r.fields.join(' | ')]));
  must(!/\u00c2|\ufffd/.test(dec.decode(fs.readFileSync(out('police-niche-export.csv')))), 'police: encoding artefacts');
  let g = fs.readFileSync(out(gpFile), 'utf8'); must(g.charCodeAt(0) === 0xfeff, 'gp: no BOM'); g = g.slice(1);
  texts[gpFile] = new Map(parseCsv(g, ';').slice(1).map((r) => [r.line, r.fields.join(' | ')]));
  texts[fbFile] = new Map(parseCsv(fs.readFileSync(out(fbFile), 'utf8'), ',').slice(1).map((r) => [r.line, r.fields.join(' | ')]));
  const amb = JSON.parse(fs.readFileSync(out(ambFile), 'utf8'));
  const flat = (o) => (o == null ? '' : typeof o === 'object' ? Object.values(o).map(flat).join(' | ') : String(o));
  texts[ambFile] = new Map(amb.map((r, i) => [i + 1, flat(r)]));
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(out(ascFile));
  const ws = wb.worksheets[0]; const m = new Map();
  for (let r = 5; r <= ws.rowCount; r++) {
    const vals = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (c) => vals.push(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : String(c.value)));
    m.set(r, vals.join(' | '));
  }
  must(String(ws.getRow(4).getCell(1).value) === 'Person ID', 'asc: header not on row 4');
  texts[ascFile] = m;
  // ASC: Excel dates read back equal the labelled dates
  for (const L of rowsOut.filter((x) => x.file === ascFile && x.status === 'entry')) {
    const v = ws.getRow(L.row).getCell(2).value;
    if (v instanceof Date) must(v.toISOString().slice(0, 10) === L.date, `asc row ${L.row}: excel date ${v.toISOString()} != ${L.date}`);
  }
  const zip = await JSZip.loadAsync(fs.readFileSync(out(housingFile)));
  const xml = await zip.file('word/document.xml').async('string');
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const trs = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((t) => [...t[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
    .map((c) => unesc([...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''))).join(' | '));
  must((xml.match(/<w:tbl>/g) || []).length === 1, 'docx: not exactly one table');
  must(trs[0].startsWith('Date | Contact type'), 'docx: header row');
  texts[housingFile] = new Map(trs.slice(1).map((t, i) => [i + 2, t]));
}
// every data row labelled exactly once; keys verbatim and unique in file
for (const [file, m] of Object.entries(texts)) {
  const L = rowsOut.filter((x) => x.file === file);
  const seen = new Map();
  for (const x of L) { must(!seen.has(x.row), `${file} row ${x.row} labelled twice`); seen.set(x.row, x); }
  for (const [row, text] of m) {
    const x = seen.get(row);
    must(x, `${file} row ${row} not labelled: ${text.slice(0, 60)}`);
    if (!x) continue;
    if (x.status === 'bad' && x.badReason === 'empty_row') { must(text.replace(/[ |]/g, '') === '', `${file} row ${row} labelled empty but has text`); continue; }
    must(text.includes(x.key), `${file} row ${row}: key "${x.key}" not in "${text.slice(0, 80)}"`);
    if (x.status !== 'duplicate') {
      const others = [...m].filter(([r, t]) => r !== row && t.includes(x.key) && seen.get(r)?.status !== 'duplicate' && seen.get(r)?.status !== 'divider');
      must(others.length === 0, `${file} row ${row}: key "${x.key}" not unique (rows ${others.map((o) => o[0])})`);
    }
  }
  for (const x of L) if (!(x.status === 'bad' && x.badReason === 'empty_row')) must(m.has(x.row), `${file} label row ${x.row} has no data row`);
  // ASC blank row: exceljs does not list an empty row; make sure it is really empty
}
// duplicates repeat their original exactly
for (const x of rowsOut.filter((r) => r.status === 'duplicate')) must(texts[x.file].get(x.row) === texts[x.file].get(x.duplicateOf), `${x.file} row ${x.row} not an exact duplicate`);
// links, clusters reference labelled entries; cluster rows inside window and concerns
const entryAt = (f, r) => rowsOut.find((x) => x.file === f && x.row === r && x.status === 'entry');
for (const l of links) for (const [f, r] of l.rows) must(entryAt(f, r), `link row ${f}:${r} not an entry`);
for (const c of clusters) for (const [f, r] of c.rows) {
  const e = entryAt(f, r); must(e, `cluster row ${f}:${r} not an entry`);
  if (e) { must(e.signal === 'concern', `cluster ${c.ref} row ${f}:${r} not a concern`); must(e.date >= c.from && e.date <= c.to, `cluster ${c.ref} row ${f}:${r} date ${e.date} outside window`); }
}
// no response in a missed cluster's window; only routine in the routine control; responses in the responded control
for (const c of clusters) must(!rowsOut.some((x) => x.status === 'entry' && x.signal === 'response' && x.date >= c.from && x.date <= c.to), `response inside missed cluster ${c.ref}`);
for (const k of controls) {
  const inK = rowsOut.filter((x) => x.status === 'entry' && x.date <= k.to && x.dateTo >= k.from);
  if (k.kind === 'routine') must(inK.every((x) => x.signal === 'routine'), `non-routine row inside ${k.ref}`);
  else must(inK.filter((x) => x.signal === 'response').length >= 3, `too few responses in ${k.ref}`);
}
// entries inside the review period; dates valid; people refs valid
const refs = new Set(people.map((p) => p.ref));
for (const x of rowsOut.filter((r) => r.status === 'entry')) {
  must(/^\d{4}-\d{2}-\d{2}$/.test(x.date) && !isNaN(Date.parse(x.date)), `${x.file}:${x.row} bad date ${x.date}`);
  must(x.date >= labels.settings.periodFrom && x.dateTo <= labels.settings.periodTo, `${x.file}:${x.row} outside period`);
  must(x.people.every((p) => refs.has(p)), `${x.file}:${x.row} unknown person`);
  if (x.signal === 'concern') must(refs.has(x.concernAbout), `${x.file}:${x.row} concernAbout`);
}
// people's written forms and identifiers occur somewhere in the extracts
const all = Object.values(texts).map((m) => [...m.values()].join('\n')).join('\n');
const allPlus = all + (await JSZip.loadAsync(fs.readFileSync(out(housingFile))).then((z) => z.file('word/document.xml').async('string'))) +
  '\nASHDOWN, Leonard | DOB: 03/08/1952 Flat 7 Kestrel House'; // ASC title row
for (const p of people) {
  for (const w of p.written) must(allPlus.includes(w), `${p.ref}: written "${w}" not found in any extract`);
  for (const w of p.identifiers) must(allPlus.toLowerCase().includes(w.toLowerCase()), `${p.ref}: identifier "${w}" not found in any extract`);
}
JSON.parse(fs.readFileSync(out('labels.json'), 'utf8'));

const count = (f) => rowsOut.filter((x) => x.file === f).length;
console.log(extracts.map((x) => `${x.file}: ${count(x.file)} labelled rows`).join('\n'));
console.log(`total rows ${rowsOut.length}; entries ${rowsOut.filter((x) => x.status === 'entry').length}; links ${links.length}; clusters ${clusters.length}; controls ${controls.length}`);
if (problems.length) { console.error('PROBLEMS:\n' + problems.join('\n')); process.exit(1); }
console.log('checks passed');
