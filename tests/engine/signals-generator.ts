// A seeded generator of fictional adult-safeguarding cases for the missed-signal tests: routine
// background from several agencies, with planted missed clusters, answered clusters and negative
// controls, written as agency CSV files plus what was planted. Its phrases were written before it was
// first run and never adjusted to the lexicon. (That first run found 6 of 9 planted clusters, with
// no false flag; the lexicon was then extended, so it is no longer a held-out case.)
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom as rng } from '../../fixtures/seeded-random.js';

export interface GeneratedWindow {
  kind: 'missed' | 'responded' | 'single-agency' | 'routine-burst';
  from: string;
  to: string;
  agencies: string[];
}

export interface GeneratedCase {
  dir: string;
  agencies: { file: string; agency: string }[];
  windows: GeneratedWindow[];
}

const AGENCIES = [
  'Westshire Police',
  'Riverside Medical Centre',
  'County Ambulance Service',
  "St Aldhelm's Hospital ED",
  'Homes for Westshire',
  'Westshire Adult Services',
  'Community Mental Health Team',
];

const CONCERNS = [
  'Presented with a split lip and swelling around the left eye; states she walked into a cupboard.',
  'Noticed finger-tip bruises on upper arm during dressing change.',
  "Reports that a 'friend' now collects her benefits and keeps her bank card.",
  'Neighbour says several young men have been staying at the flat and dealing from it.',
  'Flat found in a very poor state, rotting food, no electricity; she appeared thin and unwashed.',
  'Missed third appointment in a row; letters returned.',
  'Paramedics called after she was found on the floor, confused, smelling strongly of alcohol.',
  'Took an overdose of paracetamol; says she wanted it all to end.',
  'Partner shouted at staff and would not let her speak alone; she appeared frightened.',
  'Told the support worker that her nephew takes her money and threatens her.',
  'No access: curtains drawn, no response to knocking.',
  'Found wandering at 3am in nightclothes, disorientated.',
  'Declined all offers of support and asked for the case to be closed.',
  'Says she owes money to people who visit the flat and is scared to go out.',
  'Attended A&E with a head wound, unable to say how it happened.',
];

const ROUTINE = [
  'Annual review of tenancy completed.',
  'Prescription collected.',
  'Rent account up to date; statement issued.',
  'Blood pressure check, within normal range.',
  'Flu vaccination given.',
  'Planned home visit, no issues identified.',
  'Telephone call to confirm appointment time.',
  'Care plan reviewed with client, no changes required.',
  'Repairs request logged for kitchen tap.',
  'Letter sent regarding change of worker.',
];

const RESPONSES = [
  'Safeguarding adults referral submitted to the local authority.',
  'Information shared with the GP and police under safeguarding procedures.',
  'Multi-agency strategy meeting convened; actions agreed.',
  'Case heard at MARAC; safety plan put in place.',
  'Section 42 enquiry opened by adult services.',
  'Referred to MASH for multi-agency assessment.',
];

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const iso = (d: number) => new Date(START + d * DAY).toISOString().slice(0, 10);
const ukDate = (d: number) => iso(d).split('-').reverse().join('/');

export function generateCase(dir: string, seed: number, subject = 'Morwenna Quayle'): GeneratedCase {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pickN = <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => rand() - 0.5).slice(0, n);
  const rows = new Map<string, { day: number; text: string }[]>(AGENCIES.map((a) => [a, []]));
  const windows: GeneratedWindow[] = [];
  const busy: [number, number][] = [];
  const add = (agency: string, day: number, text: string) => rows.get(agency)!.push({ day, text });

  // Episodes 75 days apart (more than span + grace + span), in a shuffled order of kinds.
  const kinds = ['missed', 'missed', 'missed', 'responded', 'responded', 'single-agency', 'single-agency', 'routine-burst', 'routine-burst'] as const;
  const order = pickN(kinds, kinds.length);
  order.forEach((kind, i) => {
    const start = 20 + i * 75 + Math.floor(rand() * 10);
    const involved = kind === 'single-agency' ? [pick(AGENCIES)] : pickN(AGENCIES, kind === 'routine-burst' ? 3 : 2 + Math.floor(rand() * 3));
    let last = start;
    involved.forEach((agency, k) => {
      const count = kind === 'single-agency' ? 4 : 1 + Math.floor(rand() * 2);
      for (let n = 0; n < count; n++) {
        const day = start + Math.min(24, k * 5 + n * 3 + Math.floor(rand() * 3));
        last = Math.max(last, day);
        add(agency, day, kind === 'routine-burst' ? pick(ROUTINE) : kind === 'single-agency' ? CONCERNS[(i * 3) % CONCERNS.length]! : pick(CONCERNS));
      }
    });
    // One of the agencies that saw the concerns responds: a response from elsewhere answers nothing they saw.
    if (kind === 'responded') add(pick(involved), last + 1 + Math.floor(rand() * 5), pick(RESPONSES));
    windows.push({ kind, from: iso(start), to: iso(last), agencies: involved });
    busy.push([start - 5, last + 30]);
  });
  // Routine background: about one contact a month per agency, kept out of the episodes.
  for (const agency of AGENCIES) {
    for (let day = Math.floor(rand() * 30); day < 9 * 75 + 40; day += 20 + Math.floor(rand() * 25)) {
      if (!busy.some(([a, b]) => day >= a && day <= b)) add(agency, day, pick(ROUTINE));
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const agencies = AGENCIES.map((agency, i) => {
    const file = `agency-${i + 1}.csv`;
    const lines = ['Date,Entry,Client', ...rows.get(agency)!.sort((a, b) => a.day - b.day).map((r) => `${ukDate(r.day)},"${r.text.replaceAll('"', '""')}",${subject}`)];
    fs.writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
    return { file, agency };
  });
  return { dir, agencies, windows };
}
