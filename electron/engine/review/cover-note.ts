// The short note that goes with a template: what to include, for whom, over which period, and how
// to write it so the file imports without a mapping step. Plain paragraphs, shared by the Word
// cover note and both templates.
import type { ReviewSettings } from '../../../shared/review.js';

export interface NoteBlock {
  heading?: string;
  lines: string[];
  bullets?: boolean;
}

const ukDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : 'not set yet');

export function coverNote(settings: ReviewSettings, agency: string, templateVersion: number): NoteBlock[] {
  const mandatory = settings.columns.filter((c) => c.wanted && c.mandatory).map((c) => c.heading);
  const blocks: NoteBlock[] = [
    { heading: `Chronology request: ${settings.title}`, lines: [`${settings.reviewType}. For: ${agency}. Template version ${templateVersion}.`] },
    {
      lines: [
        `Please send your agency's chronology of every contact with the people below between ${ukDate(settings.periodFrom)} and ${ukDate(settings.periodTo)}.`,
        'If in doubt, include it: a contact that seems minor to you may matter next to another agency\'s.',
      ],
    },
    {
      heading: 'People in scope',
      bullets: true,
      lines: settings.people.length
        ? settings.people.map((p) => [`${p.name} (${p.role})`, p.dob ? `born ${ukDate(p.dob)}` : '', p.identifiers].filter(Boolean).join(', '))
        : ['The review chair will tell you who is in scope.'],
    },
    {
      heading: 'How to fill in the template',
      bullets: true,
      lines: [
        'One row per contact, in date order. Where several happen on the same day, number them 1, 2, 3 in the Seq column.',
        'Write dates as dd/mm/yyyy. If a date is uncertain, start it with ? (for example ? 03/2016) or write the month or season (March 2016, early 2016).',
        'Keep facts apart from analysis: the event column says what happened and what was done; your agency\'s view of its practice goes in the analysis column.',
        'Name staff by role, not by name (for example "Duty social worker").',
        `These columns must be filled in for every row: ${mandatory.join(', ')}.`,
        'Do not rename, reorder or delete the columns, and keep the file as it is: Jigsaw reads it without further steps.',
      ],
    },
  ];
  if (settings.glossary.length) {
    blocks.push({ heading: 'Abbreviations used in this review', bullets: true, lines: settings.glossary.map((g) => `${g.abbreviation}: ${g.meaning}`) });
  }
  return blocks;
}
