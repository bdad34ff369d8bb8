import { describe, expect, it } from 'vitest';
import { newEvidence, parseDate, parseTimeCell } from '../../electron/engine/import/dates';

const ok = (raw: string, time?: string) => {
  const r = parseDate(raw, time);
  if ('error' in r) throw new Error(`${raw}: ${r.message}`);
  return r;
};

describe('parseDate', () => {
  it.each([
    ['22/05/2016', '2016-05-22'],
    ['22.05.16', '2016-05-22'],
    ['22-May-16', '2016-05-22'],
    ['22 May 2016', '2016-05-22'],
    ['22nd May 2016', '2016-05-22'],
    ['Sunday 22 May 2016', '2016-05-22'],
    ['May 22, 2016', '2016-05-22'],
    ['2016-05-22', '2016-05-22'],
    ['1/2/03', '2003-02-01'],
    ['42512', '2016-05-22'],
  ])('reads %s as %s', (raw, date) => {
    const r = ok(raw);
    expect(r.date).toBe(date);
    expect(r.dateTo).toBe(date);
    expect(r.precision).toBe('day');
  });

  it('keeps the time written after the date, including am/pm', () => {
    expect(ok('22/05/2016 14:30').time).toBe('14:30');
    expect(ok('22/05/2016 2.30pm').time).toBe('14:30');
    expect(ok('22/05/2016', '09:05').time).toBe('09:05');
  });

  it('shows UTC timestamps in London time, moving the date across midnight in summer', () => {
    const summer = ok('2016-05-22T23:30:00Z');
    expect([summer.date, summer.time]).toEqual(['2016-05-23', '00:30']);
    const winter = ok('2016-01-22T23:30:00Z');
    expect([winter.date, winter.time]).toEqual(['2016-01-22', '23:30']);
    const offset = ok('2016-05-22T10:00:00+02:00');
    expect([offset.date, offset.time]).toEqual(['2016-05-22', '09:00']);
  });

  it.each([
    ['March 2006', '2006-03-01', '2006-03-31', 'month'],
    ['Mar-06', '2006-03-01', '2006-03-31', 'month'],
    ['w/c 06/03/2006', '2006-03-06', '2006-03-12', 'week'],
    ['early 2005', '2005-01-01', '2005-04-30', 'approximate'],
    ['Spring 2005', '2005-03-01', '2005-05-31', 'season'],
    ['Winter 2005', '2005-12-01', '2006-02-28', 'season'],
    ['2005', '2005-01-01', '2005-12-31', 'year'],
  ])('reads the approximate date %s as a range', (raw, from, to, precision) => {
    const r = ok(raw);
    expect([r.date, r.dateTo, r.precision]).toEqual([from, to, precision]);
  });

  it('marks a leading ? as uncertain', () => {
    const r = ok('?12/03/2006');
    expect(r.date).toBe('2006-03-12');
    expect(r.uncertain).toBe(true);
    expect(r.precision).toBe('approximate');
  });

  it('refuses impossible and unreadable dates with a reason', () => {
    expect(parseDate('31/02/2016')).toMatchObject({ error: 'impossible_date' });
    expect(parseDate('')).toMatchObject({ error: 'missing_date' });
    expect(parseDate('next Tuesday')).toMatchObject({ error: 'unreadable_date' });
    expect(parseDate('22/05/2016 25:00')).toMatchObject({ error: 'impossible_date' });
  });

  it('flags a date that reads both ways and gathers evidence from those that do not', () => {
    const ev = newEvidence();
    expect(ok('03/04/2016').ambiguous).toBe(true);
    expect(ok('04/04/2016').ambiguous).toBe(false);
    parseDate('22/05/2016', null, ev);
    expect(ev).toEqual({ dayFirst: 1, monthFirst: 0 });
    const us = parseDate('05/22/2016', null, ev);
    expect(us).toMatchObject({ date: '2016-05-22' });
    expect(ev.monthFirst).toBe(1);
  });

  it('reads separate time cells', () => {
    expect(parseTimeCell('0930')).toBe('09:30');
    expect(parseTimeCell('9.30pm')).toBe('21:30');
    expect(parseTimeCell('0.5')).toBe('12:00');
    expect(parseTimeCell('later')).toBe('bad');
  });
});

describe('dates written as people in other services write them', () => {
  it.each([
    ['14MAR23 1405', '2023-03-14', '2023-03-14', 'day', '14:05'],
    ['14 Mar 23 1405', '2023-03-14', '2023-03-14', 'day', '14:05'],
    ['2023-03-14 0930hrs', '2023-03-14', '2023-03-14', 'day', '09:30'],
    ['late summer 2023', '2023-08-01', '2023-08-31', 'season', null],
    ['early winter 2022', '2022-12-01', '2022-12-31', 'season', null],
    ['late winter 2022', '2023-02-01', '2023-02-28', 'season', null],
    ['mid-autumn 2021', '2021-10-01', '2021-10-31', 'season', null],
    ['H1 2022', '2022-01-01', '2022-06-30', 'approximate', null],
    ['2022 H2', '2022-07-01', '2022-12-31', 'approximate', null],
    ['second half of 2022', '2022-07-01', '2022-12-31', 'approximate', null],
  ])('reads %s', (raw, date, dateTo, precision, time) => {
    expect(ok(raw)).toMatchObject({ date, dateTo, precision, time });
  });

  it.each(['12:00 13:00', '2023 1405', '1405 1405', '09:00 - 10:00 11:00'])('refuses %s as unreadable, without turning it round forever', (raw) => {
    expect(parseDate(raw)).toMatchObject({ error: 'unreadable_date' });
  });
});

describe('a date cell holding something else', () => {
  it('refuses text far longer than any date, quoting only its start', () => {
    const r = parseDate(`14/03/2023 ${'see the notes for what happened. '.repeat(200)}`);
    expect(r).toMatchObject({ error: 'unreadable_date' });
    expect('message' in r && r.message).toBe('"14/03/2023 see the notes for what happen…" (6,611 characters) is too long to be a date');
  });
});
