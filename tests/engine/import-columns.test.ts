import { describe, expect, it } from 'vitest';
import { findHeaderRow, mapHeadings } from '../../electron/engine/import/columns';

describe('column recognition', () => {
  it('maps the headings agencies use', () => {
    expect(mapHeadings(['Contact date', 'Type', 'Summary', 'Clinician', 'Patient'])).toEqual({ date: 0, contactType: 1, text: 2, practitioner: 3, person: 4 });
    expect(mapHeadings(['arrival_time', 'presenting_complaint', 'nhs_number'])).toMatchObject({ text: 1, nhsNumber: 2 });
  });

  it('lets a sure heading win over a loose one, and gives the loose one its second meaning', () => {
    // "Event" beside "Note" is the kind of contact; alone it is the notes.
    expect(mapHeadings(['Date', 'Event', 'Note', 'Offender Manager'])).toEqual({ date: 0, contactType: 1, text: 2, practitioner: 3 });
    expect(mapHeadings(['Date', 'Event', 'Officer'])).toEqual({ date: 0, text: 1, practitioner: 2 });
    expect(mapHeadings(['Date', 'Subject', 'Comments'])).toEqual({ date: 0, contactType: 1, text: 2 });
  });

  it('finds the header under title rows', () => {
    const rows = [['Adult Social Care - case notes export'], ['Printed 01/11/2023'], [], ['Date', 'Contact type', 'Case note', 'Worker role'], ['01.02.23', 'Referral in', 'x', 'SW']];
    expect(findHeaderRow(rows)).toBe(3);
  });
});
