// Generator for the blind evaluation case cspr-tenby-cce (fiction).
// Run: cd /work/main && node eval/cases/cspr-tenby-cce/generate.mjs
// Writes every extract, labels.json and REPORT.md, then checks its own output.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { Document, Packer, Table, TableRow, TableCell, Paragraph, TextRun, WidthType, ShadingType } from 'docx';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const CASE = 'cspr-tenby-cce';
const PERIOD = { from: '2022-04-01', to: '2023-09-30' };
const INCIDENT = { date: '2023-08-20', kind: 'serious harm' };

// ---------------------------------------------------------------- people
// NHS number: 10 digits, modulus-11 check digit (computed, not typed)
function nhsCheck(nine) {
  const s = [...nine].reduce((a, d, i) => a + Number(d) * (10 - i), 0);
  const c = 11 - (s % 11);
  return c === 11 ? 0 : c === 10 ? null : c;
}
function makeNhs(seed) {
  let n = Number(seed);
  for (;;) { const nine = String(n).padStart(9, '0'); const c = nhsCheck(nine); if (c !== null) return nine + c; n++; }
}
const NHS = makeNhs('472918305');
const NHS_SPACED = `${NHS.slice(0, 3)} ${NHS.slice(3, 6)} ${NHS.slice(6)}`;
const PERSON_ID = 4471829;

const AG = {
  school: 'School', yjs: 'Youth Justice Service', police: 'Police', csc: "Children's Social Care",
  ed: 'Emergency Department', camhs: 'CAMHS', rhi: 'Return Home Interview service',
};
const FILES = {
  school: 'school-sis-export.csv', yjs: 'yjs-chronology.docx', police: 'police-records.json',
  csc: 'csc-case-notes.xlsx', ed: 'ed-attendances.tsv', camhs: 'camhs-contacts.xlsx', rhi: 'rhi-kestrel.csv',
};

// ---------------------------------------------------------------- label helpers
// L(sig, key, people, extra): sig c=concern r=response o=routine
const L = (sig, key, people, extra = {}) => ({ st: 'entry', sig, key, people, ...extra });
const BAD = (reason, key) => ({ st: 'bad', reason, key });
const DUP = (of, key) => ({ st: 'duplicate', of, key });
const DIV = (key) => ({ st: 'divider', key });
const EMPTY = () => ({ st: 'bad', reason: 'empty_row', key: '' });

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dmy = (s) => { const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(s); return m ? `${m[3]}-${m[2]}-${m[1]}` : null; };
function validIso(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || ''); if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
function london(isoZ) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(isoZ)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
const pmTime = (s) => { // "7.30pm", "4pm", "2.15pm" -> HH:MM
  const m = /^(\d{1,2})(?:\.(\d\d))?(am|pm)$/.exec(s); if (!m) return null;
  let h = +m[1] % 12; if (m[3] === 'pm') h += 12; return `${String(h).padStart(2, '0')}:${m[2] || '00'}`;
};
const edArrival = (iso, hhmm) => { const [y, m, d] = iso.split('-'); return `${d}-${MON[+m - 1]}-${y.slice(2)} ${hhmm}`; };

// ====================================================================== SCHOOL
// SIS export (CSV, UTF-8 with BOM, CRLF, all fields quoted). Two academic-year exports pasted together,
// so the header repeats. Date cell is dd/mm/yyyy, or "w/c ..." or "Autumn term".
const SCHOOL_HEAD = ['AcadYear', 'Date', 'Forename', 'Surname', 'Reg', 'Type', 'Code', 'Comments', 'Recorded By'];
const S = (acad, date, fore, sur, reg, type, code, comments, by, lab, id) => ({ cells: [acad, date, fore, sur, reg, type, code, comments, by], lab, id });
const TT = ['Tyler', 'Tenby'];
const TM = ['Tyler', 'Marsh'];
const school = [
  S('2021/22', '25/04/2022', ...TT, '9R', 'Attendance', 'L', 'Late 09:20, said missed bus', 'Attendance Officer', L('o', 'said missed bus', ['P1'])),
  S('2021/22', '28/04/2022', ...TT, '9R', 'Behaviour', '', 'Science homework not handed in x3. After-school detention set.', 'Science Teacher', L('o', 'Science homework not handed in x3', ['P1'])),
  S('2021/22', '05/05/2022', ...TT, '9R', 'Attendance', 'M', 'Dental appt am, appointment card seen (Brookfield Dental)', 'Attendance Officer', L('o', 'Dental appt am', ['P1']), 'S-dental'),
  S('2021/22', '12/05/2022', ...TT, '9R', 'Report', '', 'Year 9 spring progress report sent home. Effort grades mostly 3, PE 1.', 'Head of Year 9', L('o', 'Year 9 spring progress report', ['P1']), 'S-report9'),
  S('2021/22', '19/05/2022', ...TT, '9R', 'Parents Evening', '', "Mum attended parents' evening. Pleased with PE and DT. Maths teacher raised homework.", 'Form Tutor', L('o', "Mum attended parents' evening", ['P1', 'P2']), 'S-parents'),
  S('2021/22', '24/05/2022', ...TM, '9K', 'Achievement', '', 'Merit - maths challenge', 'Maths Teacher', L('o', 'Merit - maths challenge', ['P5'])),
  S('2021/22', '14/06/2022', ...TT, '9R', 'Behaviour', '', 'Out of lesson without permission, found in toilets on phone. Phone kept til end of day.', 'Inclusion Manager', L('o', 'found in toilets on phone', ['P1'])),
  S('2021/22', '22/06/2022', ...TM, '9K', 'Attendance', 'L', 'Late x2 this week', 'Attendance Officer', L('o', 'Late x2 this week', ['P5'])),
  S('2021/22', '30/06/2022', ...TT, '9R', 'Trip', '', 'Consent received for Y9 trip to Dunmere Outdoor Centre', 'Office', L('o', 'Dunmere Outdoor Centre', ['P1'])),
  S('2021/22', '11/07/2022', ...TT, '9R', 'Attendance', 'N', 'Absent. Mum rang 8.50 - Tyler went missing Fri night, found Sunday, police involved. Keeping him home today.', 'Attendance Officer', L('c', 'went missing Fri night', ['P1', 'P2']), 'S-k1-absent'),
  S('2021/22', '12/07/2022', ...TT, '9R', 'Safeguarding', '', 'DSL attended strategy discussion (Teams) re Tyler. School to monitor attendance and share any concerns with SW.', 'DSL', L('r', 'DSL attended strategy discussion', ['P1']), 'S-strat1'),
  S('2021/22', '15/07/2022', ...TT, '9R', 'Safeguarding', '', "DSL check-in. Tyler quiet, wouldn't talk about the weekend. Knows he can come to pastoral.", 'DSL', L('o', 'DSL check-in', ['P1'])),
  S('2021/22', '20/07/2022', ...TT, '9R', 'Report', '', 'End of year report posted home', 'Head of Year 9', L('o', 'End of year report posted', ['P1'])),
  { cells: ['', '', '', '', '', '', '', '', ''], lab: EMPTY() },
  { cells: [...SCHOOL_HEAD], lab: DIV('Recorded By'), header: true },
  S('2022/23', 'w/c 12/09/2022', ...TT, '10R', 'Attendance', 'N', 'Attendance this week 60%. N codes Tues and Wed. Calls to Mum not answered.', 'Attendance Officer', L('c', 'Attendance this week 60%', ['P1', 'P2'], { date: '2022-09-12', dateTo: '2022-09-18', prec: 'week' })),
  S('2022/23', '21/09/2022', ...TT, '10R', 'Behaviour', '', 'Smelt of cannabis after lunch, not himself, sent to Inclusion. Mum informed by phone.', 'Head of Year 10', L('c', 'sent to Inclusion', ['P1', 'P2'])),
  S('2022/23', '03/10/2022', ...TT, '10R', 'Behaviour', '', 'Verbal altercation with Tyler Marsh (10K) in lunch queue. Both detention.', 'Lunch Supervisor', L('o', 'Verbal altercation with Tyler Marsh', ['P1', 'P5'])),
  S('2022/23', '03/10/2022', ...TM, '10K', 'Behaviour', '', 'Verbal altercation with Tyler Tenby (10R) in lunch queue. Both detention.', 'Lunch Supervisor', L('o', 'Verbal altercation with Tyler Tenby', ['P5', 'P1'])),
  S('2022/23', '31/09/2022', ...TT, '10R', 'Behaviour', '', 'Removed from maths for swearing at teacher.', 'Maths Teacher', BAD('impossible_date', 'Removed from maths')),
  S('2022/23', '18/10/2022', ...TT, '10R', 'Pastoral', '', "HoY call with Mum. Mum worried - out late, won't say where, has new trainers and a second phone. Advised to report to police if he goes missing.", 'Head of Year 10', L('c', "won't say where", ['P1', 'P2'])),
  S('2022/23', '08/11/2022', ...TT, '10R', 'Attendance', 'N', "No contact from home. Mum rang 11am - he didn't come home last night.", 'Attendance Officer', L('c', "he didn't come home last night", ['P1', 'P2']), 'S-c2-absent'),
  S('2022/23', '15/11/2022', ...TT, '10R', 'Behaviour', '', 'Came in with new trainers (Air Max), says a friend bought them. Phone going off in lessons - 2 phones seen.', 'Form Tutor', L('c', 'says a friend bought them', ['P1']), 'S-c2-trainers'),
  S('2022/23', '23/11/2022', ...TT, '10R', 'Behaviour', '', 'Asleep in English. Smelt strongly of cannabis, glazed, not himself.', 'English Teacher', L('c', 'Asleep in English', ['P1']), 'S-c2-cannabis'),
  S('2022/23', '29/11/2022', ...TT, '10R', 'Attendance', 'U', "Arrived 11.40, dropped at gate by older lad in a grey car, wouldn't say who.", 'Attendance Officer', L('c', 'dropped at gate by older lad', ['P1']), 'S-c2-car'),
  S('2022/23', '06/12/2022', ...TT, '10R', 'Behaviour', 'E', 'Refused to remove coat, swore at staff. FTE 1 day (07/12).', 'Head of Year 10', L('c', 'Refused to remove coat', ['P1']), 'S-c2-fte'),
  S('2022/23', '13/12/2022', ...TM, '10K', 'Behaviour', '', 'Phone confiscated in lesson', 'Science Teacher', L('o', 'Phone confiscated in lesson', ['P5'])),
  S('2022/23', '23/11/2022', ...TT, '10R', 'Behaviour', '', 'Asleep in English. Smelt strongly of cannabis, glazed, not himself.', 'English Teacher', DUP('S-c2-cannabis', 'Asleep in English')),
  S('2022/23', 'Autumn term', ...TT, '10R', 'Report', '', 'Autumn term attendance 71.4% - persistent absence. PA letter 1 sent to Mum.', 'Attendance Officer', L('c', 'Autumn term attendance 71.4%', ['P1', 'P2'], { date: '2022-09-01', dateTo: '2022-12-31', prec: 'season' })),
  S('2022/23', '10/01/2023', ...TT, '10R', 'Attendance', '', 'Attendance panel with Mum, attendance contract agreed (target 90%).', 'Attendance Officer', L('o', 'Attendance panel with Mum', ['P1', 'P2'])),
  S('2022/23', '26/01/2023', ...TT, '10R', 'Achievement', '', 'Positive postcard home - great effort in DT', 'DT Teacher', L('o', 'Positive postcard home', ['P1'])),
  S('2022/23', '07/02/2023', ...TT, '10R', 'Pastoral', '', 'Mum rang - Tyler now has a YJS worker, asked for copy of timetable for him.', 'Head of Year 10', L('o', 'asked for copy of timetable', ['P1', 'P2'])),
  S('2022/23', '28/02/2023', ...TT, '10R', 'Safeguarding', '', 'Request from CSC for information for assessment - attendance and behaviour summary sent by DSL.', 'DSL', L('r', 'attendance and behaviour summary sent', ['P1'])),
  S('2022/23', '14/03/2023', ...TM, '10K', 'Pastoral', '', 'Tyler M upset - bike stolen from outside leisure centre Sat, parent has reported to police.', 'Form Tutor', L('o', 'bike stolen from outside leisure centre', ['P5']), 'S-marsh-bike'),
  S('2022/23', '21/03/2023', ...TT, '10R', 'Behaviour', '', 'Internal isolation 1 day - vaping in toilets', 'Inclusion Manager', L('o', 'vaping in toilets', ['P1'])),
  S('2022/23', '25/04/2023', ...TT, '10R', 'Attendance', 'N', "N code - Mum says he stayed at his nan's and overslept.", 'Attendance Officer', L('o', "stayed at his nan's", ['P1', 'P2'])),
  S('2022/23', '16/05/2023', ...TT, '10R', 'Report', '', 'Year 10 progress report sent home. Attendance 66%.', 'Head of Year 10', L('o', 'Year 10 progress report', ['P1'])),
  S('2022/23', '23/05/2023', ...TM, '10K', 'Achievement', '', 'Sports day - 1st in 800m', 'PE Teacher', L('o', '1st in 800m', ['P5'])),
  S('2022/23', '20/06/2023', ...TT, '10R', 'Safeguarding', '', "Bag search after info from another pupil: kitchen knife (about 15cm) wrapped in a sock. Confiscated. Mum called to collect. Tyler said it's 'for protection', would not say from who.", 'Deputy Head', L('c', 'kitchen knife (about 15cm)', ['P1', 'P2']), 'S-c1-knife'),
  S('2022/23', '21/06/2023', ...TT, '10R', 'Attendance', 'E', 'Fixed term exclusion 5 days (bladed article).', 'Attendance Officer', L('c', 'Fixed term exclusion 5 days', ['P1']), 'S-c1-fte'),
  S('2022/23', '28/06/2023', ...TT, '10R', 'Pastoral', '', "Reintegration meeting - Mum attended, Tyler did not. Mum: he's out all hours, 'I can't stop him'.", 'Head of Year 10', L('c', 'Reintegration meeting', ['P1', 'P2']), 'S-c1-reint'),
  S('2022/23', '07/07/2023', ...TT, '10R', 'Attendance', 'N', 'Absent all week. Home visit by attendance officer 2pm - no answer, curtains closed.', 'Attendance Officer', L('c', 'Absent all week', ['P1']), 'S-c1-absent'),
  S('2022/23', '12/07/2023', ...TT, '10R', 'Exclusion', '', 'Permanent exclusion - letter to parent. Persistent disruptive behaviour and bladed article on site.', 'Headteacher', L('c', 'Permanent exclusion - letter to parent', ['P1', 'P2']), 'S-c1-pex'),
  S('2022/23', '18/07/2023', ...TM, '10K', 'Report', '', 'Y10 report sent home', 'Head of Year 10', L('o', 'Y10 report sent home', ['P5'])),
  S('2023/24', '04/09/2023', ...TT, '11R', 'Admin', '', 'CSC informed school of serious incident in August. Tyler off roll (PEX). File transferred to Hollinbrook Learning Centre.', 'DSL', L('o', 'File transferred to', ['P1'])),
];
for (const r of school) if (r.lab.st === 'entry' && !r.lab.date) { r.lab.date = dmy(r.cells[1]); r.lab.time = null; }

// ====================================================================== POLICE (JSON array, UTC Z)
let occ = 118700;
const P = (utc, category, person, role, location, narrative, lab, id, crime_ref = null, officer = 'PC 2231') => ({
  rec: { occurrence_no: `OCC-${(utc || '2023').slice(2, 4)}-${occ++}`, crime_ref, datetime_utc: utc, category, person, person_role: role, location, narrative, officer },
  lab, id,
});
const TEN = 'TENBY, Tyler';
const police = [
  P('2022-07-08T21:14:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', 'Informant TENBY, Kerry (mother) tel 07700 900417. Tyler (14, DOB 11/06/2008) not returned after school, phone switched off. No previous missing. Risk MEDIUM.', L('c', 'No previous missing', ['P1', 'P2']), 'P-k1-miss'),
  P('2022-07-10T06:40:00Z', 'MISSING PERSON - FOUND', TEN, 'Missing person', 'Flat 3, 41 Seagate Road, Carrow Bay', 'Located by Carrow Bay patrol at address with two adult males (not identified). £340 cash and two mobile phones in his possession. Wraps believed crack cocaine in flat. Conveyed home to mother.', L('c', 'two adult males (not identified)', ['P1', 'P2']), 'P-k1-found', null, 'PC 6120'),
  P('2022-07-10T14:05:00Z', 'CHILD NOTICE', TEN, 'Subject', 'Hollinbrook', 'Child Notice (PPN) submitted to Hollinshire MASH re CCE concerns following missing episode and recovery in Carrow Bay.', L('r', 'Child Notice (PPN) submitted', ['P1']), 'P-k1-ppn', null, 'PS 0877'),
  P('2022-07-12T09:30:00Z', 'STRATEGY DISCUSSION', TEN, 'Subject', 'MS Teams', 'DS attended strategy discussion with CSC, school DSL and health. S47 agreed. Police to complete intel checks on Seagate Road address.', L('r', 'Police to complete intel checks', ['P1']), 'P-strat1', null, 'DS 1187'),
  P('2022-07-14T11:20:00Z', 'MODERN SLAVERY', TEN, 'Victim', 'Carrow Bay', 'NRM referral received from CSC (first responder). Crime recorded: modern slavery - CCE. Allocated to Exploitation Team.', L('r', 'NRM referral received from CSC', ['P1']), 'P-nrm1', 'CR/118402/22', 'DS 1187'),
  P('2022-09-23T20:30:00Z', 'INTELLIGENCE', TEN, 'Subject', 'Wexcombe Park, Hollinbrook', "TENBY Tyler seen in shelter at Wexcombe Park with CALLOW Reece (19) aka 'Blade' and two other youths, 21:30. No offences disclosed.", L('c', 'shelter at Wexcombe Park', ['P1', 'P3'])),
  P('2022-10-14T19:50:00Z', 'ARREST', TEN, 'Suspect', 'Brindle Street, Hollinbrook', 'Stop search Brindle Street 20:50. 8 wraps herbal cannabis, £120 cash, 2 phones. Arrested PWITS. Interviewed with mother as AA, no comment. File to Joint Decision Panel.', L('c', '8 wraps herbal cannabis', ['P1', 'P2']), null, 'CR/131977/22', 'PC 4410'),
  P('2022-11-07T22:40:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', "Informant mother. Tyler not home, last seen 16:00, texted her 'dont wait up'. Second missing episode. Risk MEDIUM.", L('c', 'dont wait up', ['P1', 'P2']), 'P-c2-miss1'),
  P('2022-11-08T15:10:00Z', 'MISSING PERSON - RETURNED', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', "Returned home of own accord 14:50. Safe and well by PCSO: evasive, new North Face jacket, says stayed at a mate's (PIKE, Jayden, 15).", L('c', 'new North Face jacket', ['P1', 'P7']), 'P-c2-ret1', null, 'PCSO 7702'),
  P('2022-11-26T01:15:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', 'Mother called 101 - Tyler not home, phone off. Sister says his Snapchat map shows Carrow Bay. Risk MEDIUM.', L('c', 'Snapchat map shows Carrow Bay', ['P1', 'P2', 'P6']), 'P-c2-miss2'),
  P('2022-11-27T18:30:00Z', 'MISSING PERSON - FOUND', TEN, 'Missing person', 'Carrow Bay railway station', 'Located Carrow Bay railway station by BTP, returned home by train with mother. YP known to YJS, no further police action.', L('c', 'Located Carrow Bay railway station', ['P1', 'P2']), 'P-c2-found2', null, 'PC 6120'),
  P('2022-12-09T16:00:00Z', 'INTELLIGENCE', 'UNKNOWN', 'Other', 'Brindle Street flats, Hollinbrook', "MOP reports youths dealing from stairwell, Brindle Street flats, most evenings. One described as 'young lad they call TJ'.", L('c', 'young lad they call TJ', ['P1']), 'P-c2-intel'),
  P('', 'INTELLIGENCE', TEN, 'Subject', 'Hollinbrook', 'Graded intel: TJ TENBY linked to the Kane line phone. Source unverified.', BAD('missing_date', 'linked to the Kane line phone')),
  P('2023-01-19T10:00:00Z', 'ADMIN', TEN, 'Subject', 'Hollinbrook', 'YCC condition (YJS engagement) - update from YJS: attending sessions.', L('o', 'YCC condition (YJS engagement)', ['P1']), null, null, 'PS 0877'),
  P('2023-03-11T15:20:00Z', 'THEFT - PEDAL CYCLE', 'MARSH, Tyler', 'Victim', 'Hollinbrook Leisure Centre', 'Pedal cycle (red Carrera) stolen from rack outside Hollinbrook Leisure Centre between 14:00 and 15:10. Victim Tyler MARSH (14), reported by father. No CCTV.', L('o', 'red Carrera', ['P5']), 'P-marsh-bike', 'CR/040218/23', 'PC 3391'),
  P('2023-04-15T20:05:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', 'Mother reports Tyler not home since 15:00, not answering. Risk MEDIUM.', L('c', 'not home since 15:00', ['P1', 'P2']), 'P-apr-miss'),
  P('2023-04-16T09:30:00Z', 'MISSING PERSON - RETURNED', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', 'Home 10:15, says was at a party in Hollinbrook. Safe and well completed.', L('c', 'at a party in Hollinbrook', ['P1']), 'P-apr-ret'),
  P('2023-07-01T17:40:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', 'Mother reports Tyler missing since early morning, phone going to voicemail. Risk HIGH - previous Carrow Bay.', L('c', 'Risk HIGH - previous Carrow Bay', ['P1', 'P2']), 'P-c1-miss1'),
  P('2023-07-01T23:35:00Z', 'VEHICLE STOP', TEN, 'Missing person', 'Harbour Road, Carrow Bay', "Vehicle stop Harbour Road, Carrow Bay. Driver CALLOW Reece (19), front passenger unknown male known as 'K' (approx 18), rear TENBY Tyler (15) - outstanding missing from Hollinbrook. Strong smell of cannabis, nothing found. Tyler said 'visiting family'. Taken to Carrow Bay station, collected by mother 05:10.", L('c', 'Vehicle stop Harbour Road', ['P1', 'P2', 'P3', 'P4']), 'P-c1-stop', null, 'PC 6120'),
  P('2023-07-27T12:00:00Z', 'INTELLIGENCE', 'CALLOW, Reece', 'Subject', 'Carrow Bay', 'CALLOW Reece aka Blade believed running a line into Carrow Bay using Hollinbrook juveniles incl. TENBY Tyler.', L('c', 'believed running a line into Carrow Bay', ['P1', 'P3']), 'P-c1-intel', null, 'DC 2056'),
  P('2023-08-05T23:10:00Z', 'MISSING PERSON', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', "Mother rang 101 - Tyler not home; she has had texts from an unknown number saying he 'owes'. Risk HIGH.", L('c', 'texts from an unknown number', ['P1', 'P2']), 'P-c1-miss2'),
  P('2023-08-06T11:00:00Z', 'MISSING PERSON - RETURNED', TEN, 'Missing person', '27 Fennick Road, Hollinbrook HB4 7QT', "Tyler home 11:45. Graze to cheek, says fell off a bike. Declined to say where he'd been.", L('c', 'Graze to cheek', ['P1']), 'P-c1-ret2', null, 'PCSO 7702'),
  P('2023-08-12T21:50:00Z', 'CRIMINAL DAMAGE', 'TENBY, Kerry', 'Victim', '27 Fennick Road, Hollinbrook HB4 7QT', "Front window of 27 Fennick Road smashed approx 22:45. Mother says group of youths outside beforehand; Tyler says he doesn't know who. No suspects. Crime recorded.", L('c', 'Front window of 27 Fennick Road smashed', ['P1', 'P2']), 'P-c1-window', 'CR/109334/23', 'PC 4410'),
  P('2023-08-19T23:40:00Z', 'WOUNDING S18', TEN, 'Victim', 'Gallow Lane underpass, Hollinbrook', 'Ambulance request via 999: youth stabbed, Gallow Lane underpass. Victim TENBY Tyler (15), stab wound L thigh and puncture wound to L flank. Conveyed Hollinbrook General. Scene preserved.', L('c', 'youth stabbed, Gallow Lane underpass', ['P1']), 'P-stab', 'CR/112650/23', 'PS 0877'),
  P('2023-08-20T09:30:00Z', 'INVESTIGATION', TEN, 'Victim', 'Hollinbrook General Hospital', 'Victim seen on ward, will not provide an account. CCTV requests for Gallow Lane submitted.', L('o', 'CCTV requests for Gallow Lane', ['P1']), null, 'CR/112650/23', 'DC 2056'),
  P('2023-08-20T12:15:00Z', 'CHILD NOTICE', TEN, 'Victim', 'Hollinbrook', 'Child Notice submitted to MASH: victim of s18 wounding, CCE concerns.', L('r', 'victim of s18 wounding, CCE concerns', ['P1']), 'P-ppn2', null, 'DC 2056'),
  P('2023-08-22T13:00:00Z', 'STRATEGY MEETING', TEN, 'Victim', 'Hollinbrook Civic Offices', 'Strategy meeting: Police, CSC, YJS, ED safeguarding nurse. s47 agreed. Police to share intel re CALLOW.', L('r', 'Police to share intel re CALLOW', ['P1', 'P3']), 'P-strat2', null, 'DS 1187'),
  P('2023-08-24T07:00:00Z', 'ARREST', 'CALLOW, Reece', 'Suspect', 'Hollinbrook', 'CALLOW Reece arrested on suspicion s18 wounding (victim TENBY Tyler). Interviewed, released under investigation.', L('o', 'released under investigation', ['P3', 'P1']), null, 'CR/112650/23', 'DC 2056'),
  P('2023-09-12T10:00:00Z', 'ADMIN', TEN, 'Victim', 'Hollinbrook Civic Offices', 'Police attended ICPC for Tyler TENBY. Report submitted.', L('r', 'Police attended ICPC', ['P1']), 'P-icpc', null, 'DS 1187'),
];
for (const r of police) if (r.lab.st === 'entry') { const l = london(r.rec.datetime_utc); r.lab.date = l.date; r.lab.time = l.time; }

// ====================================================================== CSC (XLSX, title rows)
const C = (date, type, author, note, lab, id) => ({ date, type, author, note, lab, id });
const T = (s) => ({ text: s }); // date written as text
const csc = [
  C('2021-11-15', 'Contact', 'Duty Social Worker', 'Contact from school: Tyler (Yr 8) low mood, friendship issues. Advice to school re CAMHS referral. NFA.', BAD('outside_review_period', 'friendship issues')),
  C('2022-07-10', 'Contact', 'EDT Social Worker', 'Contact received from Police (Child Notice): CYP located at an address in Carrow Bay linked to drug supply, with cash and two phones, after missing since 08/07.', L('r', 'Contact received from Police (Child Notice)', ['P1']), 'C-k1-contact'),
  C('2022-07-11', 'MASH Decision', 'MASH Team Manager', 'MASH: threshold for s47 likely met. Strategy discussion to be convened 12/07.', L('r', 'Strategy discussion to be convened', ['P1'])),
  C('2022-07-12', 'Strategy Discussion', 'Team Manager', 'Strategy discussion: CSC TM, Police DS, school DSL, school nurse. Agreed s47 (CCE). NRM referral to be made by CSC. RHI to be completed by Kestrel.', L('r', 'Agreed s47 (CCE)', ['P1']), 'C-strat1'),
  C('2022-07-12', 'Home Visit', 'Social Worker', "s47 visit. YP seen alone in bedroom. Said he went 'with a mate' and stayed at 'a girl's house'. Mum (Kerry) tearful, says she had no idea. Lacey (9) seen, no concerns.", L('r', 's47 visit. YP seen alone', ['P1', 'P2', 'P6'])),
  C(T('14/07/2022'), 'NRM', 'Social Worker', 'NRM referral submitted online (CSC first responder). Police informed.', L('r', 'NRM referral submitted online', ['P1'], { date: '2022-07-14' }), 'C-nrm1'),
  C('2022-07-19', 'Case Note', 'Social Worker', "RHI report received from Kestrel: YP named 'K' as the person he went with.", L('r', 'RHI report received from Kestrel', ['P1', 'P4'])),
  C('2022-07-26', 's47 Outcome', 'Team Manager', 's47 outcome: concerns substantiated - risk of CCE. Child in Need plan. CIN meeting 09/08.', L('r', 'concerns substantiated', ['P1'])),
  C('2022-08-09', 'CIN Meeting', 'Social Worker', 'Initial CIN meeting: Mum, YP, school (phone), CAMHS (apologies). Plan: curfew 9pm, school mentoring, CAMHS review, SW visits fortnightly.', L('r', 'Initial CIN meeting', ['P1', 'P2'])),
  C('2022-08-11', 'Letter', 'Business Support', 'Letter to Mum with copy of CIN plan.', L('o', 'copy of CIN plan', ['P2', 'P1'])),
  C('2022-08-23', 'CIN Visit', 'Social Worker', "CIN visit. YP at home on Xbox, polite but brief. Mum says curfew is 'mostly' kept.", L('o', 'on Xbox', ['P1', 'P2'])),
  C('2022-09-06', 'CIN Visit', 'Social Worker', "CIN visit. Mum says YP back at school, 'settled'. YP out at football.", L('o', 'out at football', ['P1', 'P2'])),
  C('2022-09-20', 'CIN Visit', 'Social Worker', 'CIN visit - no answer. Card left.', L('o', 'Card left', ['P1'])),
  C('2022-10-04', 'CIN Review', 'Social Worker', 'CIN review: Mum, school, SW. No further missing since July. Mum feels she can manage. Agreed step down.', L('r', 'CIN review: Mum, school, SW', ['P1', 'P2'])),
  C('2022-10-05', 'Closure', 'Team Manager', 'Case closed. Closure summary: the child is engaging, risk of CCE reduced, no further missing episodes. Early Help not required.', L('c', 'Early Help not required', ['P1'])),
  { empty: true, lab: EMPTY() },
  C('2023-02-21', 'Contact', 'MASH Social Worker', "Contact received from YJS: concerns re CCE - missing x2 Nov 22, found Carrow Bay, new clothes and phones, said he 'owes someone'.", L('r', 'Contact received from YJS', ['P1']), 'C-ref2'),
  C('2023-02-22', 'MASH', 'MASH Social Worker', 'MASH info requests sent: school, police, health.', L('r', 'MASH info requests sent', ['P1'])),
  C('2023-03-01', 'Allocation', 'Team Manager', 'Case allocated for single assessment.', L('o', 'Case allocated for single assessment', ['P1'])),
  C(T('03.03.23'), 'Assessment Visit', 'Social Worker', "Single assessment visit. YP seen with Mum. Says he is 'not involved in any of that anymore'. Mum says things better since YJS.", L('r', 'not involved in any of that anymore', ['P1', 'P2'], { date: '2023-03-03' })),
  C('2023-03-29', 'Assessment', 'Social Worker', 'Single assessment completed. Outcome: step down to universal services, YJS to continue. CCE risk assessed as low.', L('c', 'CCE risk assessed as low', ['P1'])),
  C('2023-07-10', 'Contact', 'Duty Social Worker', 'Phone call from mother, Kerry Tenby: worried about Tyler, out late most nights, thinks someone is threatening him, asking for help. Advised to call police if missing and to speak to his YJS worker. NFA - open to YJS.', L('c', 'asking for help', ['P1', 'P2']), 'C-c1-mum'),
  C('2023-08-14', 'Contact', 'Duty Social Worker', "Anonymous caller: says Tyler is 'running for older boys' in Carrow Bay. Logged for duty - awaiting screening.", L('c', 'running for older boys', ['P1']), 'C-c1-anon'),
  { empty: true, lab: EMPTY() },
  C('2023-08-20', 'Contact', 'EDT Social Worker', 'Contact from Police: CYP stabbed in early hours, in Hollinbrook General. Strategy meeting to be arranged.', L('r', 'CYP stabbed in early hours', ['P1']), 'C-ppn2'),
  C('2023-08-22', 'Strategy Meeting', 'Team Manager', 'Strategy meeting: Police, CSC, YJS, ED safeguarding nurse. s47 agreed. NRM to be resubmitted. Safety plan on discharge.', L('r', 'NRM to be resubmitted', ['P1']), 'C-strat2'),
  C('2023-08-23', 'Hospital Visit', 'Social Worker', 's47 visit at hospital (Ward 7). YP would not discuss what happened. Mum at bedside, very distressed.', L('r', 's47 visit at hospital', ['P1', 'P2'])),
  C('2023-08-31', 'Home Visit', 'Social Worker', 'Home visit after discharge. Mum and Lacey present. YP in bedroom, refused to come down.', L('o', 'refused to come down', ['P1', 'P2', 'P6'])),
  C(T('12/09/2023'), 'ICPC', 'Conference Chair', 'ICPC: child protection plan, category physical harm. Core group set for 26/09.', L('r', 'ICPC: child protection plan', ['P1'], { date: '2023-09-12' }), 'C-icpc'),
];
for (const r of csc) if (r.lab.st === 'entry') { if (!r.lab.date) r.lab.date = r.date; r.lab.time = null; }
const CSC_TITLE_ROWS = 3; // rows 1-3 title, row 4 header, data from row 5

// ====================================================================== ED (TSV)
const ED_HEAD = ['AttendanceNo', 'Arrival', 'NHS Number', 'Surname', 'Forename', 'DOB', 'Address', 'Presenting Complaint', 'Triage Note', 'Outcome'];
const Ed = (no, iso, hhmm, pc, note, outcome, lab, id) => ({ cells: [no, edArrival(iso, hhmm), NHS_SPACED, 'TENBY', 'TYLER', '11-Jun-2008', '27 FENNICK RD, HOLLINBROOK', pc, note, outcome], lab: { ...lab, date: iso, time: hhmm }, id });
const ed = [
  Ed('ED22-04417', '2022-06-16', '19:20', 'INJURY R WRIST', 'FOOSH PLAYING FOOTBALL. XR NAD. ?SPRAIN. MUM WITH PT.', 'Discharged - advice', L('o', 'FOOSH PLAYING FOOTBALL', ['P1', 'P2'])),
  Ed('ED22-09983', '2022-12-02', '01:35', 'LACERATION L HAND', '~3CM LAC L PALM. STATES CUT ON FENCE. BROUGHT IN BY MALE ?18YRS WHO LEFT ON ARRIVAL. PT VAGUE RE MECHANISM. SMELLS OF CANNABIS.', 'Steristrips. Discharged', L('c', 'WHO LEFT ON ARRIVAL', ['P1']), 'E-c2-hand'),
  Ed('ED23-01208', '2023-02-12', '15:40', 'ALLERGIC REACTION', 'RASH BOTH ARMS AFTER NEW WASHING POWDER. OBS NORMAL.', 'Antihistamine. Discharged', L('o', 'NEW WASHING POWDER', ['P1'])),
  Ed('ED23-06631', '2023-07-16', '23:10', 'FACIAL INJURY', "BRUISING L PERIORBITAL + ABRASIONS KNUCKLES BOTH HANDS. STATES FELL OFF BIKE. MUM PRESENT, TEARFUL - 'HE WON'T TELL ME ANYTHING'. NO LOC.", 'XR facial bones NAD. Discharged', L('c', 'ABRASIONS KNUCKLES', ['P1', 'P2']), 'E-c1-face'),
  Ed('ED23-07420', '2023-08-20', '00:58', 'STAB WOUND', 'BIBA. STAB WOUND L THIGH + PUNCTURE WOUND L FLANK. POLICE PRESENT. GCS 15. HR 118.', 'Resus. Surgical review', L('c', 'PUNCTURE WOUND L FLANK', ['P1']), 'E-stab'),
  Ed('ED23-07420', '2023-08-20', '04:20', 'STAB WOUND', 'ADMITTED UNDER GEN SURG WARD 7 FOR WOUND EXPLORATION.', 'Admitted', L('o', 'ADMITTED UNDER GEN SURG', ['P1'])),
  Ed('ED23-07420', '2023-08-20', '09:10', 'SAFEGUARDING', 'ED SAFEGUARDING NURSE: REFERRAL TO CSC MASH COMPLETED. POLICE AWARE. MUM INFORMED.', 'Referral made', L('r', 'REFERRAL TO CSC MASH COMPLETED', ['P1', 'P2'])),
  Ed('ED23-08102', '2023-09-14', '10:30', 'WOUND CHECK', 'REVIEW L THIGH WOUND, HEALING. NO SIGNS INFECTION.', 'Discharged', L('o', 'HEALING. NO SIGNS INFECTION', ['P1'])),
];

// ====================================================================== CAMHS (XLSX, multi-line notes)
const CAMHS_HEAD = ['Appt Date', 'Time', 'Contact Type', 'Clinician', 'Attendance', 'Notes'];
const M = (iso, time, type, clin, att, notes, lab, id) => ({ iso, time, type, clin, att, notes, lab, id });
const camhs = [
  M('2022-04-12', '15:30', 'Medication review', 'CAMHS Nurse', 'Attended', 'ADHD medication review.\nSeen with Mum. Ht/Wt/BP ok.\nPlan: continue methylphenidate XL 36mg, review 4-6 weeks.', L('o', 'continue methylphenidate XL 36mg', ['P1', 'P2'])),
  M('2022-05-17', '16:00', 'Routine review', 'Consultant Psychiatrist', 'Attended', "Routine review.\nSchool 'ok', sleeping better.\nNo side effects. Review 3 months.", L('o', 'sleeping better', ['P1']), 'M-k2'),
  M('2022-06-14', '09:40', 'Telephone', 'CAMHS Nurse', 'n/a', 'Mum rang for repeat prescription. Request sent to GP.', L('o', 'repeat prescription', ['P2', 'P1'])),
  M('2022-08-16', '14:00', 'Review', 'Consultant Psychiatrist', 'Attended', "Seen alone for part.\nLow mood, 'everyone's on my case'. Aware SW involved.\nCannabis: says 'only tried it once'.\nPlan: review 3 months.", L('c', 'only tried it once', ['P1'])),
  M('2022-10-11', '15:00', 'Medication review', 'CAMHS Nurse', 'Attended', 'Wt down 2kg, says not hungry at lunch.\nDose unchanged.\nMum reports better since summer.', L('o', 'Wt down 2kg', ['P1', 'P2'])),
  M('2022-11-22', '16:30', 'Review', 'Consultant Psychiatrist', 'DNA', 'DNA.\nLetter sent to Mum with new appt.', L('c', 'Letter sent to Mum with new appt', ['P1', 'P2']), 'M-c2-dna1'),
  M('2022-12-13', '16:30', 'Review', 'Consultant Psychiatrist', 'DNA', "DNA - second.\nTried Mum's mobile x2, no answer. Rebooked Jan.", L('c', 'DNA - second', ['P1', 'P2']), 'M-c2-dna2'),
  M('2023-01-17', '16:30', 'Review', 'Consultant Psychiatrist', 'Attended', "Attended with Mum, 20 mins late.\nMum: 'he's out all the time', has a new phone she didn't buy.\nT denies anything wrong. Meds not taken most days.", L('c', "has a new phone she didn't buy", ['P1', 'P2'])),
  M('2033-03-21', '15:00', 'Medication review', 'CAMHS Nurse', 'Attended', 'Ht/Wt ok.\nT more settled. Restart meds daily.', BAD('future_date', 'Restart meds daily')),
  M('2023-04-18', '15:00', 'Review', 'Consultant Psychiatrist', 'Attended', "Mood 'alright'. Meds restarted.\nYJS involved, T says going ok.\nReview 2 months.", L('o', "Mood 'alright'", ['P1'])),
  M('2023-06-27', '16:00', 'Review', 'Consultant Psychiatrist', 'DNA', 'DNA.\nText reminder had been sent day before.', L('c', 'Text reminder had been sent day before', ['P1']), 'M-c1-dna1'),
  M('2023-07-11', '16:00', 'Review', 'Consultant Psychiatrist', 'DNA', 'DNA - 2nd consecutive.\nLetter to Mum.', L('c', 'DNA - 2nd consecutive', ['P1', 'P2']), 'M-c1-dna2'),
  M('2023-07-25', '11:15', 'Telephone', 'CAMHS Nurse', 'n/a', "Call to Mum: T 'won't come, he's never in'.\nMum sounds exhausted.\nOffered home visit - Mum says T won't agree.", L('c', 'Mum sounds exhausted', ['P1', 'P2']), 'M-c1-call'),
  M('2023-08-08', '16:00', 'Review', 'Consultant Psychiatrist', 'DNA', 'DNA x3.\nDischarged to GP per DNA policy.\nLetter to GP and Mum.', L('c', 'Discharged to GP per DNA policy', ['P1', 'P2']), 'M-c1-discharge'),
  M('', '', 'Letter', 'CAMHS Admin', 'n/a', 'Letter to GP re medication supply.', BAD('missing_date', 'Letter to GP re medication supply')),
  M('2023-08-29', '10:00', 'Liaison', 'CAMHS Nurse', 'n/a', 'Information from hospital safeguarding team: T admitted 20/08 with stab wounds.\nCase reopened, urgent appointment offered.', L('r', 'Case reopened, urgent appointment offered', ['P1'])),
];
for (const r of camhs) if (r.lab.st === 'entry') { r.lab.date = r.iso; r.lab.time = r.time || null; }

// ====================================================================== YJS (DOCX table)
const Y = (date, contact, notes, lab, id) => ({ cells: [date, contact, notes], lab, id });
const yjs = [
  { cells: ['2022'], lab: DIV('2022'), divider: true },
  Y('27/10/2022', 'Joint Decision Panel', 'Police/YJS panel: Youth Conditional Caution for PWITS cannabis (arrest 14/10). Allocated to YJS case manager.', L('r', 'Youth Conditional Caution for PWITS', ['P1'])),
  Y('02/11/2022', 'Home visit', "Initial visit. Met TT and Mum. TT quiet, on his phone throughout. Mum says 'he's changed this year'. Conditions explained.", L('o', 'Conditions explained', ['P1', 'P2'])),
  Y('w/c 14/11/2022', 'Session', 'AssetPlus interview. TJ 25 mins late, phone kept ringing through the session, stepped out twice to take calls.', L('c', 'phone kept ringing through the session', ['P1'], { date: '2022-11-14', dateTo: '2022-11-20', prec: 'week' }), 'Y-c2-phone'),
  Y('24/11/2022', 'Session', 'TJ had new trainers and a designer man-bag. Said his cousin bought them.', L('c', 'designer man-bag', ['P1']), 'Y-c2-bag'),
  Y('Early Dec 2022', 'Phone call', 'Mum rang: TJ went missing again the weekend before, found in Carrow Bay. Noted on file.', L('c', 'Noted on file', ['P1', 'P2'], { date: '2022-12-01', dateTo: '2022-12-10', prec: 'approximate' }), 'Y-c2-mum'),
  Y('15/12/2022', 'Session', "Victim awareness. TT engaged better. Said he 'owes someone' then laughed it off, would not say more.", L('c', 'laughed it off', ['P1']), 'Y-c2-owes'),
  { cells: ['2023'], lab: DIV('2023'), divider: true },
  Y('10/01/2023', 'Reparation', 'Litter pick Wexcombe Park, 2 hrs completed.', L('o', 'Litter pick Wexcombe Park', ['P1'])),
  Y('Jan 2023', 'Supervision', 'Case discussed in supervision. CCE screening tool completed - medium. Plan: continue sessions.', L('o', 'CCE screening tool completed', ['P1'], { date: '2023-01-01', dateTo: '2023-01-31', prec: 'month' })),
  Y('24/01/2023', 'Session', 'Reparation letter drafted. TJ brighter, talked about his little sister.', L('o', 'Reparation letter drafted', ['P1', 'P6'])),
  Y('20/02/2023', 'Referral', "Referral to CSC MASH re CCE: missing x2 in Nov, Carrow Bay, new clothes/phones, 'owes someone'.", L('r', 'Referral to CSC MASH re CCE', ['P1']), 'Y-ref2'),
  Y('07/03/2023', 'Session', 'Session at YJS office. Football coaching taster discussed.', L('o', 'Football coaching taster', ['P1'])),
  Y('18/04/2023', 'Session', "TJ missing 15-16/04 per Mum. Says 'just went to a party'. RHI done by Kestrel.", L('c', 'just went to a party', ['P1', 'P2'])),
  Y('?05/2023', 'Session', 'ETE session - college courses (motor vehicle), application started.', L('o', 'college courses (motor vehicle)', ['P1'], { date: '2023-05-01', dateTo: '2023-05-31', prec: 'month', uncertain: true })),
  Y('30/05/2023', 'Case review', 'YCC completed. TJ agreed to continue on voluntary basis.', L('o', 'continue on voluntary basis', ['P1'])),
  Y('22/06/2023', 'Session', "TJ said he'd been 'excluded for something stupid', would not say what.", L('c', 'excluded for something stupid', ['P1']), 'Y-c1-excl'),
  Y('06/07/2023', 'Session', "Met at McDonald's. TJ tired, cut across knuckles, new iPhone. Vague about the weekend.", L('c', 'new iPhone', ['P1']), 'Y-c1-iphone'),
  Y('mid July 2023', 'Phone call', "Mum rang, frightened: TJ told her someone is after him. 'I don't want him to end up dead.' Worker to raise in supervision.", L('c', 'Worker to raise in supervision', ['P1', 'P2'], { date: '2023-07-11', dateTo: '2023-07-20', prec: 'approximate' }), 'Y-c1-mum'),
  Y('27/07/2023', 'Home visit', 'No answer. Text to TJ unanswered.', L('c', 'Text to TJ unanswered', ['P1']), 'Y-c1-noanswer'),
  Y('09/08/2023', 'Session', "Cancelled by TJ by text ('busy'). Closure proposed for end of August - voluntary case.", L('c', 'Closure proposed for end of August', ['P1']), 'Y-c1-closure'),
  Y('21/08/2023', 'Information', 'Police informed YJS: TJ stabbed early hours 20/08, in Hollinbrook General.', L('r', 'Police informed YJS', ['P1'])),
  Y('22/08/2023', 'Strategy meeting', 'Attended strategy meeting (Police, CSC, ED safeguarding).', L('r', 'Attended strategy meeting', ['P1']), 'Y-strat2'),
  Y('29/08/2023', 'Home visit', 'Visited at home after discharge. TT withdrawn, limping.', L('o', 'limping', ['P1'])),
  Y('05/09/2023', 'Case review', 'YJS case review after serious incident: case kept open, safety plan, referral to MACE panel.', L('r', 'referral to MACE panel', ['P1'])),
];
for (const r of yjs) if (r.lab.st === 'entry') { if (!r.lab.date) r.lab.date = dmy(r.cells[0]); r.lab.time = null; }

// ====================================================================== RHI (CSV, Windows-1252)
const RHI_HEAD = ['Case No', 'Young Person', 'Interview Date', 'Time', 'Missing Period', 'Where Found', 'Notes', 'Associates Named', 'Report Sent To'];
const R = (no, name, date, time, period, where, notes, assoc, sent, lab, id) => ({ cells: [no, name, date, time, period, where, notes, assoc, sent], lab, id });
const rhi = [
  R('KYT-22-0413', 'Tyler Tenby', '11/07/2022', '2.15pm', '08/07/22 - 10/07/22', 'Carrow Bay (police)', "T said he went on the train with a lad called K, stayed in a flat, 'just chilling'. Had £340 - says birthday money. Did not want to say more.", 'K', 'CSC MASH; Police missing co-ordinator', L('r', 'stayed in a flat', ['P1', 'P4']), 'R-k1'),
  R('KYT-22-0577', 'Tyler Tenby', '10/11/2022', '4pm', '07/11/22 - 08/11/22', 'Returned home', "Says he stayed at a mate’s (Jayden P). Jacket is 'Jayden's'. Mentioned Blade gives him lifts 'sometimes'. Quiet, eyes on phone.", 'Jayden P; Blade', '', L('c', 'Blade gives him lifts', ['P1', 'P7', 'P3']), 'R-c2-1'),
  R('KYT-22-0602', 'TJ Tenby', '30/11/2022', '5.45pm', '26/11/22 - 27/11/22', 'Carrow Bay station (BTP)', "Little engagement.\nPhone rang constantly - T said it was 'K'.\nMum says he has a new phone she didn't buy him.", 'K', '', L('c', 'Phone rang constantly', ['P1', 'P2', 'P4']), 'R-c2-2'),
  R('KYT-23-0188', 'Tyler Tenby', '18/04/2023', '3.30pm', '15/04/23 - 16/04/23', 'Returned home', 'Party in Hollinbrook with Jayden P. No concerns disclosed.', 'Jayden P', 'Early Help; Police missing co-ordinator', L('r', 'No concerns disclosed', ['P1', 'P7']), 'R-apr'),
  { cells: ['', '', '', '', '', '', '', '', ''], lab: EMPTY() },
  R('KYT-23-0411', 'Tyler Tenby', '04/07/2023', '7.30pm', '01/07/23 - 02/07/23', 'Carrow Bay (vehicle stop)', "Says Blade and K are 'my mates', went 'for a drive'. Went quiet and looked frightened when K was mentioned. Denies owing anyone.", 'Blade; K', '', L('c', 'looked frightened when K was mentioned', ['P1', 'P3', 'P4']), 'R-c1-1'),
  R('KYT-23-0502', 'Tyler T', '08/08/2023', '4pm', '05/08/23 - 06/08/23', '', 'Attempted RHI - no answer at home. Re-arranged.', '', '', L('o', 'Attempted RHI - no answer at home', ['P1'])),
  R('KYT-23-0502', 'Tyler T', '09/08/2023', '6pm', '05/08/23 - 06/08/23', 'Returned home', "Graze on face - 'fell off a bike'. Didn't want to talk. Mum says texts from unknown numbers saying he owes money.", '', '', L('c', 'texts from unknown numbers saying he owes', ['P1', 'P2']), 'R-c1-2'),
];
for (const r of rhi) if (r.lab.st === 'entry') { r.lab.date = dmy(r.cells[2]); r.lab.time = pmTime(r.cells[3]); }

// ====================================================================== writers
const csvCell = (v, always, delim = ',') => {
  v = v ?? '';
  if (always || /["\r\n]/.test(v) || v.includes(delim)) return '"' + v.replace(/"/g, '""') + '"';
  return v;
};
const countNl = (s) => (s.match(/\n/g) || []).length;
const rowNo = new Map(); // `${agencyKey}:${id}` -> row
const fileRows = {}; // agencyKey -> [{row, lab, id}]
function place(ag, row, r) { (fileRows[ag] ||= []).push({ row, lab: r.lab, id: r.id }); if (r.id) { if (rowNo.has(r.id)) throw new Error('dup id ' + r.id); rowNo.set(r.id, { ag, row }); } }

// school CSV: UTF-8 BOM, CRLF, every field quoted; empty row as bare commas
{
  let text = SCHOOL_HEAD.map((h) => csvCell(h, true)).join(',') + '\r\n';
  for (const r of school) {
    const line = 1 + countNl(text);
    place('school', line, r);
    if (r.lab.reason === 'empty_row') text += ','.repeat(SCHOOL_HEAD.length - 1) + '\r\n';
    else text += r.cells.map((c) => csvCell(c, true)).join(',') + '\r\n';
  }
  fs.writeFileSync(path.join(DIR, FILES.school), '\uFEFF' + text, 'utf8');
}
// RHI CSV: Windows-1252, CRLF between records, LF inside a quoted cell, minimal quoting
const CP1252 = { '£': 0xa3, '’': 0x92, '–': 0x96, 'é': 0xe9 };
function enc1252(s) {
  const out = [];
  for (const ch of s) { const c = ch.codePointAt(0); if (c < 0x80) out.push(c); else if (CP1252[ch] !== undefined) out.push(CP1252[ch]); else throw new Error('no cp1252 for ' + ch); }
  return Buffer.from(out);
}
{
  let text = RHI_HEAD.map((h) => csvCell(h, false)).join(',') + '\r\n';
  for (const r of rhi) {
    const line = 1 + countNl(text);
    place('rhi', line, r);
    text += r.cells.map((c) => csvCell(c, false)).join(',') + '\r\n';
  }
  fs.writeFileSync(path.join(DIR, FILES.rhi), enc1252(text));
}
// ED TSV: UTF-8, LF
{
  let text = ED_HEAD.join('\t') + '\n';
  for (const r of ed) { const line = 1 + countNl(text); place('ed', line, r); if (r.cells.some((c) => c.includes('\t'))) throw new Error('tab in ED'); text += r.cells.join('\t') + '\n'; }
  fs.writeFileSync(path.join(DIR, FILES.ed), text, 'utf8');
}
// police JSON array
{
  police.forEach((r, i) => place('police', i + 1, r));
  fs.writeFileSync(path.join(DIR, FILES.police), JSON.stringify(police.map((r) => r.rec), null, 2) + '\n', 'utf8');
}
const utcDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
const thin = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
// CSC XLSX: three title rows, header on row 4
{
  const wb = new ExcelJS.Workbook(); wb.creator = 'CaseView export';
  const ws = wb.addWorksheet('Case Notes');
  ws.columns = [{ width: 11 }, { width: 12 }, { width: 20 }, { width: 22 }, { width: 100 }];
  ws.mergeCells('A1:E1'); ws.getCell('A1').value = "Hollinshire Council Children's Services - Case Record Extract"; ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A2:E2'); ws.getCell('A2').value = `Person ID ${PERSON_ID} - all contacts, case notes and meetings`;
  ws.mergeCells('A3:E3'); ws.getCell('A3').value = 'Prepared for the Child Safeguarding Practice Review panel (OFFICIAL-SENSITIVE)';
  const head = ws.getRow(CSC_TITLE_ROWS + 1); head.values = ['Person ID', 'Date', 'Step / Note Type', 'Author Role', 'Note']; head.font = { bold: true };
  head.eachCell((c) => { c.border = thin; });
  csc.forEach((r, i) => {
    const n = CSC_TITLE_ROWS + 2 + i; place('csc', n, r);
    const row = ws.getRow(n);
    if (r.empty) { for (let c = 1; c <= 5; c++) row.getCell(c).border = thin; return; }
    row.getCell(1).value = PERSON_ID;
    if (typeof r.date === 'string') { row.getCell(2).value = utcDate(r.date); row.getCell(2).numFmt = 'dd/mm/yyyy'; } else row.getCell(2).value = r.date.text;
    row.getCell(3).value = r.type; row.getCell(4).value = r.author; row.getCell(5).value = r.note;
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= 5; c++) row.getCell(c).border = thin;
  });
  await wb.xlsx.writeFile(path.join(DIR, FILES.csc));
}
// CAMHS XLSX: header row 1, multi-line notes
{
  const wb = new ExcelJS.Workbook(); wb.creator = 'CAMHS PAS';
  const ws = wb.addWorksheet('Contacts');
  ws.columns = [{ width: 12 }, { width: 7 }, { width: 18 }, { width: 22 }, { width: 11 }, { width: 70 }];
  ws.getRow(1).values = CAMHS_HEAD; ws.getRow(1).font = { bold: true };
  camhs.forEach((r, i) => {
    const n = 2 + i; place('camhs', n, r);
    const row = ws.getRow(n);
    if (r.iso) { row.getCell(1).value = utcDate(r.iso); row.getCell(1).numFmt = 'dd/mm/yyyy'; }
    row.getCell(2).value = r.time || null; row.getCell(3).value = r.type; row.getCell(4).value = r.clin; row.getCell(5).value = r.att;
    row.getCell(6).value = r.notes; row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  });
  await wb.xlsx.writeFile(path.join(DIR, FILES.camhs));
}
// YJS DOCX: one chronology table, header row 1
{
  const cell = (t, opts = {}) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold: !!opts.bold })] })], ...opts.cell });
  const rows = [new TableRow({ tableHeader: true, children: ['Date', 'Contact', 'Notes'].map((h) => cell(h, { bold: true })) })];
  yjs.forEach((r, i) => {
    place('yjs', 2 + i, r);
    if (r.divider) rows.push(new TableRow({ children: [cell(r.cells[0], { bold: true, cell: { columnSpan: 3, shading: { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } } })] }));
    else rows.push(new TableRow({ children: r.cells.map((c) => cell(c)) }));
  });
  const doc = new Document({
    creator: 'Hollinshire YJS',
    sections: [{ children: [
      new Paragraph({ children: [new TextRun({ text: 'Hollinshire Youth Justice Service', bold: true, size: 28 })] }),
      new Paragraph({ children: [new TextRun({ text: 'Agency chronology for Child Safeguarding Practice Review - young person TT (DOB 11/06/2008)' })] }),
      new Paragraph({ children: [new TextRun({ text: 'Completed by: YJS Operational Manager' })] }),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    ] }],
  });
  fs.writeFileSync(path.join(DIR, FILES.yjs), await Packer.toBuffer(doc));
}

// ====================================================================== labels
const ref = (id) => { const x = rowNo.get(id); if (!x) throw new Error('unknown id ' + id); return [FILES[x.ag], x.row]; };
const SIG = { c: 'concern', r: 'response', o: 'routine' };
const rowsOut = [];
for (const ag of Object.keys(FILES)) {
  for (const { row, lab } of fileRows[ag]) {
    const o = { file: FILES[ag], row, key: lab.key, status: lab.st };
    if (lab.st === 'entry') {
      Object.assign(o, { date: lab.date, dateTo: lab.dateTo || lab.date, time: lab.time ?? null, precision: lab.prec || 'day', people: lab.people, signal: SIG[lab.sig] });
      if (lab.sig === 'c') o.concernAbout = lab.about || 'P1';
    } else if (lab.st === 'duplicate') o.duplicateOf = rowNo.get(lab.of).row;
    else if (lab.st === 'bad') o.badReason = lab.reason;
    rowsOut.push(o);
  }
}

const people = [
  { ref: 'P1', name: 'Tyler Jordan Tenby', kind: 'subject',
    written: ['Tyler', 'Tyler Tenby', 'TENBY, Tyler', 'TENBY Tyler', 'Tyler TENBY', 'TENBY', 'TYLER', 'Tyler T', 'TJ', 'TJ Tenby', 'TJ TENBY', 'TT', 'T', 'YP', 'CYP', 'the child'],
    identifiers: ['Tenby', 'Tyler', 'TJ', 'TT', NHS_SPACED, '11/06/2008', '11-Jun-2008', '27 Fennick Road', '27 FENNICK RD', 'Fennick Road', 'HB4 7QT', String(PERSON_ID)] },
  { ref: 'P2', name: 'Kerry Tenby', kind: 'family',
    written: ['Mum', 'mother', 'Mother', 'Kerry', 'Mum (Kerry)', 'Kerry Tenby', 'TENBY, Kerry', 'MUM', 'parent'],
    identifiers: ['Kerry', 'Kerry Tenby', '07700 900417'] },
  { ref: 'P3', name: 'Reece Callow', kind: 'associate',
    written: ['Blade', "aka 'Blade'", 'CALLOW Reece', 'CALLOW, Reece', 'CALLOW'],
    identifiers: ['Callow', 'Reece', 'Blade'] },
  { ref: 'P4', name: "'K' (real name unknown)", kind: 'associate',
    written: ['K', "'K'", "unknown male known as 'K'", 'a lad called K'],
    identifiers: [] },
  { ref: 'P5', name: 'Tyler Marsh', kind: 'namesake',
    written: ['Tyler Marsh', 'Tyler M', 'MARSH, Tyler', 'Tyler MARSH'],
    identifiers: ['Marsh', 'Tyler Marsh'] },
  { ref: 'P6', name: 'Lacey Tenby', kind: 'family', written: ['Lacey', 'Sister', 'little sister'], identifiers: ['Lacey'] },
  { ref: 'P7', name: 'Jayden Pike', kind: 'associate', written: ['Jayden', 'Jayden P', 'PIKE, Jayden'], identifiers: ['Jayden', 'Pike'] },
];

const links = [
  { why: 'first missing episode (8-10 Jul 2022): the missing report, the recovery in Carrow Bay and the return home interview', ids: ['P-k1-miss', 'P-k1-found', 'R-k1'] },
  { why: 'police Child Notice sent to MASH and its receipt by CSC the same day', ids: ['P-k1-ppn', 'C-k1-contact'] },
  { why: 'strategy discussion of 12 Jul 2022 recorded by police, CSC and the school DSL', ids: ['P-strat1', 'C-strat1', 'S-strat1'] },
  { why: 'NRM referral submitted by CSC and received by police', ids: ['C-nrm1', 'P-nrm1'] },
  { why: 'missing 7-8 Nov 2022: the missing report, the return and the return home interview', ids: ['P-c2-miss1', 'P-c2-ret1', 'R-c2-1'] },
  { why: 'missing 26-27 Nov 2022 to Carrow Bay: the missing report, BTP recovery and the return home interview', ids: ['P-c2-miss2', 'P-c2-found2', 'R-c2-2'] },
  { why: 'YJS referral to CSC MASH (20 Feb 2023) and its receipt (21 Feb 2023)', ids: ['Y-ref2', 'C-ref2'] },
  { why: 'namesake Tyler Marsh: bike theft reported to police and noted by the school (must link to P5, not P1)', ids: ['P-marsh-bike', 'S-marsh-bike'] },
  { why: 'missing 15-16 Apr 2023: the missing report, the return and the return home interview', ids: ['P-apr-miss', 'P-apr-ret', 'R-apr'] },
  { why: 'missing 1-2 Jul 2023: the missing report, the vehicle stop in Carrow Bay (00:35 BST, 23:35Z the day before) and the return home interview', ids: ['P-c1-miss1', 'P-c1-stop', 'R-c1-1'] },
  { why: 'missing 5-6 Aug 2023 (reported 00:10 BST on 6 Aug, 23:10Z on 5 Aug): the missing report, the return with a graze and the return home interview', ids: ['P-c1-miss2', 'P-c1-ret2', 'R-c1-2'] },
  { why: 'the stabbing: police record at 23:40Z on 19 Aug (00:40 BST 20 Aug) and ED arrival at 00:58 on 20 Aug', ids: ['P-stab', 'E-stab'] },
  { why: 'police Child Notice after the stabbing and its receipt by CSC', ids: ['P-ppn2', 'C-ppn2'] },
  { why: 'strategy meeting of 22 Aug 2023 about the stabbing, recorded by police, CSC and YJS', ids: ['P-strat2', 'C-strat2', 'Y-strat2'] },
  { why: 'initial child protection conference 12 Sep 2023 recorded by CSC and police', ids: ['C-icpc', 'P-icpc'] },
].map((l) => ({ why: l.why, rows: l.ids.map(ref) }));

const clusterDefs = [
  { ref: 'C1', person: 'P1', from: '2023-06-20', to: '2023-08-14', expected: 'missed', rank: 1,
    ids: ['S-c1-knife', 'S-c1-fte', 'S-c1-reint', 'S-c1-absent', 'S-c1-pex', 'Y-c1-excl', 'Y-c1-iphone', 'Y-c1-mum', 'Y-c1-noanswer', 'Y-c1-closure', 'P-c1-miss1', 'P-c1-stop', 'P-c1-intel', 'P-c1-miss2', 'P-c1-ret2', 'P-c1-window', 'E-c1-face', 'M-c1-dna1', 'M-c1-dna2', 'M-c1-call', 'M-c1-discharge', 'C-c1-mum', 'C-c1-anon', 'R-c1-1', 'R-c1-2'],
    why: 'the eight weeks before the stabbing: knife in his school bag, exclusion then permanent exclusion, two missing episodes (one ending in a car in Carrow Bay with Blade and K), police intelligence that Blade runs a line with local juveniles, facial injury and knuckle abrasions seen in ED, a graze on return, the family window smashed, texts saying he owes, CAMHS DNA run and discharge, YJS moving to close, mother asking CSC for help and an anonymous report that he is running for older boys; no referral, no information shared, no strategy discussion' },
  { ref: 'C2', person: 'P1', from: '2022-11-07', to: '2022-12-15', expected: 'missed', rank: 2,
    ids: ['P-c2-miss1', 'P-c2-ret1', 'P-c2-miss2', 'P-c2-found2', 'P-c2-intel', 'S-c2-absent', 'S-c2-trainers', 'S-c2-cannabis', 'S-c2-car', 'S-c2-fte', 'Y-c2-phone', 'Y-c2-bag', 'Y-c2-mum', 'Y-c2-owes', 'R-c2-1', 'R-c2-2', 'E-c2-hand', 'M-c2-dna1', 'M-c2-dna2'],
    why: 'six weeks after CSC closed the case: two missing episodes (the second to Carrow Bay again), new clothes and phones, cannabis, dropped at school by an older lad, a hand laceration in ED at 01:35 brought by an older male who left, intelligence about "TJ" dealing at Brindle Street, YJS hearing he owes someone, two CAMHS DNAs; return interviews not sent on, police NFA as "known to YJS", nobody referred to CSC until YJS did in late February' },
];
const clusters = clusterDefs.map((c) => ({ ref: c.ref, person: c.person, from: c.from, to: c.to, agencies: [...new Set(c.ids.map((id) => AG[rowNo.get(id).ag]))], rows: c.ids.map(ref), expected: c.expected, rank: c.rank, why: c.why }));
const controls = [
  { ref: 'K1', person: 'P1', from: '2022-07-08', to: '2022-07-26', kind: 'responded',
    why: 'first missing episode and recovery in Carrow Bay with cash, phones and drugs in the flat: Child Notice to MASH the same day, strategy discussion (police, CSC, school, health) after two days, s47 enquiry, NRM referral and return home interview shared with CSC within a week, s47 outcome and CIN plan' },
  { ref: 'K2', person: 'P1', from: '2022-05-01', to: '2022-05-31', kind: 'routine',
    why: "a month of ordinary contacts: dental appointment absence, Year 9 progress report, parents' evening and a routine CAMHS review (plus a namesake's merit award)" },
];

const labels = {
  case: CASE,
  title: 'Child Safeguarding Practice Review: Child T',
  reviewType: 'CSPR',
  settings: {
    periodFrom: PERIOD.from, periodTo: PERIOD.to, incident: INCIDENT,
    people: [
      { ref: 'P1', name: 'Tyler Jordan Tenby', role: 'subject', dob: '2008-06-11', identifiers: `NHS ${NHS_SPACED}; CSC Person ID ${PERSON_ID}; 27 Fennick Road, Hollinbrook HB4 7QT; also known as TJ` },
      { ref: 'P2', name: 'Kerry Tenby', role: 'family', identifiers: 'mother; 27 Fennick Road, Hollinbrook; tel 07700 900417' },
      { ref: 'P3', name: 'Reece Callow', role: 'associate', identifiers: "aged 19 in 2022; street name 'Blade'" },
      { ref: 'P4', name: "'K'", role: 'associate', identifiers: 'older youth (about 18) known only as K' },
    ],
  },
  people,
  extracts: [
    { file: FILES.school, agency: AG.school, notes: 'Hollinbrook Academy SIS export: CSV, UTF-8 with BOM, CRLF, all fields quoted; two academic-year exports pasted together so the header repeats; Forename/Surname columns; dd/mm/yyyy plus "w/c" and "Autumn term" date cells; includes rows for a classmate also called Tyler' },
    { file: FILES.yjs, agency: AG.yjs, notes: 'Word chronology table (Date / Contact / Notes); year divider rows (merged cell); approximate dates (w/c, Early Dec, Jan, mid July, ?05/2023); boy written as TJ and TT' },
    { file: FILES.police, agency: AG.police, notes: 'JSON array of records; datetime_utc ISO with Z (BST: some events fall on the next local date); person as SURNAME, Forename; occurrence and crime reference numbers; one record with an empty timestamp' },
    { file: FILES.csc, agency: AG.csc, notes: 'Case-record system XLSX; three title rows, header on row 4; Person ID column; text says Tyler / CYP / YP / the child; real Excel dates plus three dates as text; two blank (bordered) rows' },
    { file: FILES.ed, agency: AG.ed, notes: 'ED system TSV, UTF-8, LF; arrival dd-Mon-yy HH:MM local; NHS number column; triage notes in capitals' },
    { file: FILES.camhs, agency: AG.camhs, notes: 'XLSX, header row 1; multi-line notes; DNA run then discharge; a 2033 typo and a row with no date' },
    { file: FILES.rhi, agency: AG.rhi, notes: 'Kestrel Youth Trust return home interviews: CSV in Windows-1252 (£, curly apostrophe), CRLF, one quoted multi-line note; times like 7.30pm; associates by street name; blank "Report Sent To" when not shared' },
  ],
  rows: rowsOut,
  links, clusters, controls,
};
fs.writeFileSync(path.join(DIR, 'labels.json'), JSON.stringify(labels, null, 2) + '\n', 'utf8');

// ====================================================================== read back and check
const problems = [];
const fail = (m) => problems.push(m);
function parseCsv(text, delim) {
  const recs = []; let i = 0, line = 1, recLine = 1, rec = [], field = '', inQ = false;
  while (i < text.length) {
    const ch = text[i];
    if (inQ) { if (ch === '"') { if (text[i + 1] === '"') { field += '"'; i += 2; continue; } inQ = false; i++; continue; } if (ch === '\n') line++; field += ch; i++; continue; }
    if (ch === '"') { inQ = true; i++; continue; }
    if (ch === delim) { rec.push(field); field = ''; i++; continue; }
    if (ch === '\r') { i++; continue; }
    if (ch === '\n') { rec.push(field); recs.push({ line: recLine, cells: rec }); rec = []; field = ''; line++; recLine = line; i++; continue; }
    field += ch; i++;
  }
  if (field !== '' || rec.length) { rec.push(field); recs.push({ line: recLine, cells: rec }); }
  return recs;
}
function unzipEntry(buf, name) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const n = buf.readUInt16LE(eocd + 10); let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < n; k++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20), nlen = buf.readUInt16LE(p + 28), elen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32), lho = buf.readUInt32LE(p + 42);
    const fname = buf.toString('utf8', p + 46, p + 46 + nlen);
    if (fname === name) { const s = lho + 30 + buf.readUInt16LE(lho + 26) + buf.readUInt16LE(lho + 28); const data = buf.subarray(s, s + csize); return method === 0 ? data : zlib.inflateRawSync(data); }
    p += 46 + nlen + elen + clen;
  }
  throw new Error('no entry ' + name);
}
const ent = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const cellText = (v) => v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? (v.richText ? v.richText.map((t) => t.text).join('') : v.text ?? String(v.result ?? '')) : String(v);

// file -> Map(row -> [cells as strings]) of every data row actually in the file
const actual = {};
{
  const t = fs.readFileSync(path.join(DIR, FILES.school), 'utf8');
  if (!t.startsWith('\uFEFF')) fail('school: no BOM');
  const recs = parseCsv(t.replace(/^\uFEFF/, ''), ',');
  if (recs[0].cells.join('|') !== SCHOOL_HEAD.join('|')) fail('school header');
  actual[FILES.school] = new Map(recs.slice(1).map((r) => [r.line, r.cells]));
}
{
  const inv = Object.fromEntries(Object.entries(CP1252).map(([ch, b]) => [b, ch]));
  const t = [...fs.readFileSync(path.join(DIR, FILES.rhi))].map((b) => { if (b < 0x80) return String.fromCharCode(b); if (!inv[b]) throw new Error('rhi: unexpected byte ' + b); return inv[b]; }).join('');
  if (!t.includes('£340') || !t.includes('mate’s')) fail('rhi: cp1252 round trip');
  const recs = parseCsv(t, ',');
  actual[FILES.rhi] = new Map(recs.slice(1).map((r) => [r.line, r.cells]));
}
{
  const recs = parseCsv(fs.readFileSync(path.join(DIR, FILES.ed), 'utf8'), '\t');
  for (const r of recs) if (r.cells.length !== ED_HEAD.length) fail('ed: column count line ' + r.line);
  actual[FILES.ed] = new Map(recs.slice(1).map((r) => [r.line, r.cells]));
}
{
  const arr = JSON.parse(fs.readFileSync(path.join(DIR, FILES.police), 'utf8'));
  actual[FILES.police] = new Map(arr.map((r, i) => [i + 1, Object.values(r).map((v) => v == null ? '' : String(v))]));
}
for (const f of [FILES.csc, FILES.camhs]) {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(path.join(DIR, f));
  const ws = wb.worksheets[0]; const headerRow = f === FILES.csc ? CSC_TITLE_ROWS + 1 : 1;
  const m = new Map();
  for (let n = headerRow + 1; n <= ws.rowCount; n++) { const cells = []; ws.getRow(n).eachCell({ includeEmpty: true }, (c) => cells.push(cellText(c.value))); m.set(n, cells); }
  actual[f] = m;
  if (f === FILES.csc && cellText(ws.getRow(headerRow).getCell(5).value) !== 'Note') fail('csc header row');
}
{
  const xml = unzipEntry(fs.readFileSync(path.join(DIR, FILES.yjs)), 'word/document.xml').toString('utf8');
  const tbls = xml.match(/<w:tbl>/g) || []; if (tbls.length !== 1) fail('yjs: table count ' + tbls.length);
  const trs = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => ent([...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''))));
  if (trs[0].join('|') !== 'Date|Contact|Notes') fail('yjs header');
  actual[FILES.yjs] = new Map(trs.slice(1).map((c, i) => [i + 2, c]));
}

const inPeriod = (d) => d >= PERIOD.from && d <= PERIOD.to;
const byFile = {};
for (const r of rowsOut) (byFile[r.file] ||= []).push(r);
for (const [file, rows] of Object.entries(byFile)) {
  const act = actual[file];
  // every data row in the file is labelled exactly once, and nothing else
  const labelled = new Set(rows.map((r) => r.row));
  if (labelled.size !== rows.length) fail(`${file}: a row labelled twice`);
  for (const n of act.keys()) if (!labelled.has(n)) fail(`${file}: data row ${n} not labelled`);
  for (const r of rows) if (!act.has(r.row)) fail(`${file}: labelled row ${r.row} not in file`);
  for (const r of rows) {
    const cells = act.get(r.row) || [];
    const joined = cells.join(' | ');
    if (r.status === 'bad' && r.badReason === 'empty_row') { if (cells.some((c) => c.trim() !== '') || r.key !== '') fail(`${file}:${r.row} empty row not empty`); continue; }
    if (!r.key) { fail(`${file}:${r.row} no key`); continue; }
    if (!joined.includes(r.key)) fail(`${file}:${r.row} key not in row: ${r.key}`);
    // uniqueness: dividers by exact cell, others by substring; duplicates may share with their original
    const holders = [...act.entries()].filter(([n, c]) => r.status === 'divider' ? c.some((x) => x === r.key) : c.join(' | ').includes(r.key)).map(([n]) => n);
    const allowed = new Set([r.row]);
    if (r.status === 'duplicate') allowed.add(r.duplicateOf);
    for (const o of rows) if (o.status === 'duplicate' && o.duplicateOf === r.row) allowed.add(o.row);
    for (const h of holders) if (!allowed.has(h)) fail(`${file}:${r.row} key "${r.key}" also in row ${h}`);
    if (r.status === 'duplicate') {
      const orig = act.get(r.duplicateOf); if (!orig || orig.join('|') !== cells.join('|')) fail(`${file}:${r.row} duplicate is not an exact copy of ${r.duplicateOf}`);
      const o = rows.find((x) => x.row === r.duplicateOf); if (!o || o.status !== 'entry' || o.key !== r.key) fail(`${file}:${r.row} duplicateOf not an entry with same key`);
    }
    if (r.status === 'entry') {
      if (!validIso(r.date) || !validIso(r.dateTo) || r.dateTo < r.date) fail(`${file}:${r.row} bad date ${r.date}..${r.dateTo}`);
      if (!inPeriod(r.date) || !inPeriod(r.dateTo)) fail(`${file}:${r.row} outside period ${r.date}`);
      if (r.time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(r.time)) fail(`${file}:${r.row} bad time ${r.time}`);
      if (!['day', 'week', 'month', 'season', 'year', 'approximate'].includes(r.precision)) fail(`${file}:${r.row} precision`);
      if (r.precision === 'day' && r.date !== r.dateTo) fail(`${file}:${r.row} day precision with range`);
      if (!['concern', 'response', 'routine'].includes(r.signal)) fail(`${file}:${r.row} signal`);
      if (!r.people.length || r.people.some((p) => !people.find((x) => x.ref === p))) fail(`${file}:${r.row} people`);
      if (r.signal === 'concern' && !r.people.includes(r.concernAbout)) fail(`${file}:${r.row} concernAbout not among people`);
      // the written date in the source agrees with the label where the source is an exact date
      const src = cells;
      if (file === FILES.school && /^\d\d\/\d\d\/\d{4}$/.test(src[1]) && dmy(src[1]) !== r.date) fail(`${file}:${r.row} date mismatch`);
      if (file === FILES.school && r.precision === 'day' && [0, 6].includes(new Date(r.date + 'T12:00:00Z').getUTCDay())) fail(`${file}:${r.row} school entry on a weekend`);
      if (file === FILES.police) { const l = london(src[2]); if (l.date !== r.date || l.time !== r.time) fail(`${file}:${r.row} local date/time`); }
      if (file === FILES.ed && edArrival(r.date, r.time) !== src[1]) fail(`${file}:${r.row} ED arrival mismatch`);
      if ((file === FILES.csc || file === FILES.camhs) && r.precision === 'day') { const dc = file === FILES.csc ? src[1] : src[0]; if (dc !== r.date && dmy(dc) !== r.date && dc !== r.date.split('-').reverse().join('.').replace(/\.20(\d\d)$/, '.$1')) fail(`${file}:${r.row} xlsx date mismatch ${dc}`); }
    }
    if (r.status === 'bad') {
      const src = cells;
      if (r.badReason === 'impossible_date' && validIso(dmy(src[1]))) fail(`${file}:${r.row} impossible date is valid`);
      if (r.badReason === 'missing_date' && src[file === FILES.police ? 2 : 0] !== '') fail(`${file}:${r.row} missing date has a date`);
      if (r.badReason === 'future_date' && !(src[0] > new Date().toISOString().slice(0, 10))) fail(`${file}:${r.row} future date not in future`);
      if (r.badReason === 'outside_review_period' && inPeriod(src[1])) fail(`${file}:${r.row} outside row is inside period`);
    }
  }
}
const findRow = (f, n) => rowsOut.find((r) => r.file === f && r.row === n);
for (const l of links) {
  if (l.rows.length < 2 || new Set(l.rows.map((x) => x[0])).size < 2) fail('link needs two agencies: ' + l.why);
  for (const [f, n] of l.rows) { const r = findRow(f, n); if (!r || r.status !== 'entry') fail(`link row ${f}:${n} not an entry`); }
}
const linkedRows = links.flatMap((l) => l.rows.map((x) => x.join(':'))); if (new Set(linkedRows).size !== linkedRows.length) fail('a row is in two links');
const overlaps = (r, from, to) => r.date <= to && r.dateTo >= from;
for (const c of clusters) {
  if (c.agencies.length < 3) fail(c.ref + ' fewer than 3 agencies');
  for (const [f, n] of c.rows) {
    const r = findRow(f, n);
    if (!r || r.status !== 'entry') { fail(`${c.ref} row ${f}:${n} not an entry`); continue; }
    if (r.signal !== 'concern' || r.concernAbout !== c.person) fail(`${c.ref} row ${f}:${n} not a concern about ${c.person}`);
    if (r.date < c.from || r.dateTo > c.to) fail(`${c.ref} row ${f}:${n} outside window`);
  }
  if (c.to >= INCIDENT.date) fail(c.ref + ' reaches the incident');
  for (const r of rowsOut) if (r.status === 'entry' && r.signal === 'response' && overlaps(r, c.from, c.to)) fail(`${c.ref}: response row inside window ${r.file}:${r.row}`);
}
for (const k of controls) {
  const inside = rowsOut.filter((r) => r.status === 'entry' && r.people.includes(k.person) && overlaps(r, k.from, k.to));
  if (k.kind === 'routine' && inside.some((r) => r.signal !== 'routine')) fail(k.ref + ' routine control has a non-routine row');
  if (k.kind === 'routine' && new Set(inside.map((r) => r.file)).size < 2) fail(k.ref + ' routine control needs 2 agencies');
  if (k.kind === 'responded' && (!inside.some((r) => r.signal === 'concern') || inside.filter((r) => r.signal === 'response').length < 3)) fail(k.ref + ' responded control lacks concerns or responses');
}
// after the incident nothing is a concern except the incident itself (recorded by police and ED)
for (const r of rowsOut) if (r.status === 'entry' && r.date > INCIDENT.date && r.signal === 'concern') fail(`post-incident concern ${r.file}:${r.row}`);
// every identifier of the people appears somewhere in the extracts
const allText = Object.values(actual).flatMap((m) => [...m.values()].flat()).join('\n').toLowerCase();
for (const p of people) for (const id of p.identifiers) if (!allText.includes(id.toLowerCase())) fail(`identifier not in extracts: ${p.ref} ${id}`);
const allCase = Object.values(actual).flatMap((m) => [...m.values()].flat()).join('\n');
for (const p of people) for (const w of p.written) if (!allCase.includes(w)) fail(`written form not in extracts: ${p.ref} ${w}`);
if (nhsCheck(NHS.slice(0, 9)) !== Number(NHS[9])) fail('NHS check digit');
// the namesake is never in a row with the subject unless the row names both
for (const r of rowsOut) if (r.status === 'entry' && r.people.includes('P5') && r.people.includes('P1')) { const t = actual[r.file].get(r.row).join(' '); if (!/Tenby/.test(t) || !/Marsh/.test(t)) fail(`P1+P5 row without both surnames ${r.file}:${r.row}`); }
const total = rowsOut.length;
if (total < 150 || total > 220) fail('total rows ' + total);

// ====================================================================== REPORT.md
const count = (pred) => rowsOut.filter(pred).length;
const fileTable = labels.extracts.map((e) => {
  const rs = byFile[e.file];
  const c = (s) => rs.filter((r) => r.status === 'entry' && r.signal === s).length;
  const st = (s) => rs.filter((r) => r.status === s).length;
  return `| ${e.file} | ${e.agency} | ${rs.length} | ${c('concern')} / ${c('response')} / ${c('routine')} | ${st('duplicate')} | ${st('divider')} | ${st('bad')} | ${e.notes} |`;
}).join('\n');
const badReasons = {}; for (const r of rowsOut) if (r.status === 'bad') badReasons[r.badReason] = (badReasons[r.badReason] || 0) + 1;
const listRows = (rows) => rows.map(([f, n]) => `${f}:${n}`).join(', ');
const report = `# REPORT: cspr-tenby-cce (fiction)

Generated by \`generate.mjs\` (all numbers below are computed from the labels it wrote).

## Files

| file | agency | rows | concern / response / routine | duplicates | dividers | bad | format and messes |
|---|---|---|---|---|---|---|---|
${fileTable}

## Totals

- labelled rows: **${total}** (entries ${count((r) => r.status === 'entry')}, duplicates ${count((r) => r.status === 'duplicate')}, dividers ${count((r) => r.status === 'divider')}, bad ${count((r) => r.status === 'bad')})
- entries by signal: concern ${count((r) => r.signal === 'concern')}, response ${count((r) => r.signal === 'response')}, routine ${count((r) => r.signal === 'routine')}
- entries by precision: ${Object.entries(rowsOut.filter((r) => r.status === 'entry').reduce((a, r) => ((a[r.precision] = (a[r.precision] || 0) + 1), a), {})).map(([k, v]) => `${k} ${v}`).join(', ')}
- bad rows by reason: ${Object.entries(badReasons).map(([k, v]) => `${k} ${v}`).join(', ')}
- duplicate: ${rowsOut.filter((r) => r.status === 'duplicate').map((r) => `${r.file}:${r.row} repeats row ${r.duplicateOf}`).join('; ')}
- dividers: ${rowsOut.filter((r) => r.status === 'divider').map((r) => `${r.file}:${r.row} ("${r.key}")`).join('; ')} (the school one is the repeated header row of the second academic-year export)

## Settings

- review type CSPR; period ${PERIOD.from} to ${PERIOD.to}; incident ${INCIDENT.date} (${INCIDENT.kind}: stabbed at 00:40 BST, which the police JSON holds as 2023-08-19T23:40:00Z)
- chair's people in scope: P1 (subject), P2 (mother), P3 (Blade), P4 (K)

## People

| ref | name | kind | written as |
|---|---|---|---|
${people.map((p) => `| ${p.ref} | ${p.name} | ${p.kind} | ${p.written.map((w) => '`' + w + '`').join(' ')} |`).join('\n')}

Notes: P5 Tyler Marsh is a classmate with the subject's first name (school and police rows); he must not be merged with P1.
P4 "K" has no identifiers listed: a single letter cannot be tested for in a pseudonymised text. "Tenby" is used only as a
surname; every town, street, school and organisation is invented (Hollinbrook, Carrow Bay, Hollinshire, Kestrel Youth Trust).
The NHS number ${NHS_SPACED} was computed to pass the modulus-11 check. The phone number is in the Ofcom drama range.

## Links (${links.length})

${links.map((l, i) => `${i + 1}. ${l.why}: ${listRows(l.rows)}`).join('\n')}

## Clusters

${clusters.map((c) => `- **${c.ref}** (${c.expected}, rank ${c.rank}) ${c.from} to ${c.to}, ${c.rows.length} rows from ${c.agencies.join(', ')}. ${c.why}.\n  Rows: ${listRows(c.rows)}`).join('\n')}

## Controls

${controls.map((k) => `- **${k.ref}** (${k.kind}) ${k.from} to ${k.to}: ${k.why}.`).join('\n')}

## Traps worth knowing about

- Police timestamps are UTC. Three events cross midnight in BST: the vehicle stop (23:35Z on 1 Jul = 00:35 on 2 Jul),
  the missing report of 6 Aug (23:10Z on 5 Aug) and the stabbing (23:40Z on 19 Aug = 00:40 on 20 Aug, the incident date).
- The school CSV is two exports pasted together: a blank row, then the header again, then 2022/23.
- "Autumn term" needs the AcadYear column (2022/23) to be placed in 2022; it is labelled 2022-09-01 to 2022-12-31, precision season.
- YJS "?05/2023" is an uncertain month (leading "?"; labelled May 2023, precision month; LABELS.md has no uncertain field); "Early Dec 2022" and "mid July 2023" are labelled approximate with 10-day ranges.
- CSC has dates as text: "14/07/2022", "03.03.23", "12/09/2023".
- Post-incident rows (police investigation, Child Notice, strategy meeting, arrest of Callow, ICPC; ED admission and safeguarding referral;
  CAMHS reopening; YJS case review and MACE referral; school off-roll note) answer nothing before 20 Aug 2023.
- Responses between the clusters (JDP 27 Oct 2022; YJS referral Feb 2023 and the CSC assessment; April 2023 return interview shared with Early Help)
  keep the Sep-Oct 2022, Feb-Mar 2023 and Apr 2023 concerns from forming unplanted missed clusters.
`;
fs.writeFileSync(path.join(DIR, 'REPORT.md'), report, 'utf8');

if (problems.length) { console.error(problems.join('\n')); console.error(`${problems.length} problem(s)`); process.exit(1); }
console.log(`${total} labelled rows in ${Object.keys(FILES).length} files; ${links.length} links; ${clusters.length} clusters; ${controls.length} controls`);
console.log('all checks passed');
