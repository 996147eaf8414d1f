import {
  Ssda903EpisodesInvalid,
  csvField,
  overlapsPeriod,
  ssda903Missing,
  ssda903Start,
  toSsda903Csv,
  toSsda903Rows,
  type Ssda903Episode,
  type Ssda903Row,
} from './ssda903';
import { RuleViolation } from '@homeward/domain';

const A = '1a6b7a5e-0000-5000-8000-000000000001';
const B = '1a6b7a5e-0000-5000-8000-000000000002';

const ep = (over: Partial<Ssda903Episode>): Ssda903Episode => ({
  childId: A,
  dateOfBirth: '2011-03-14',
  classification: 'MISSING',
  startAt: '2026-04-01T18:00:00.000Z',
  endAt: '2026-04-02T09:00:00.000Z',
  ...over,
});

/** The properties every valid return has, checked on the rows themselves. */
function expectValid(rows: Ssda903Row[]): void {
  const toIso = (d: string) => d.split('/').reverse().join('-');
  rows.forEach((r, i) => {
    expect(r.DOB).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(['M', 'A']).toContain(r.MISSING);
    if (r.MIS_END) expect(toIso(r.MIS_END) >= toIso(r.MIS_START)).toBe(true);
    const prev = rows[i - 1];
    if (!prev) return;
    expect(prev.CHILD <= r.CHILD).toBe(true);
    if (prev.CHILD !== r.CHILD) return;
    expect(prev.MIS_END).not.toBe(''); // an open episode only ever last for its child
    expect(toIso(r.MIS_START) >= toIso(prev.MIS_END)).toBe(true); // no overlap
  });
}

describe('the SSDA903 Missing rows', () => {
  it('sorts by child then start, codes M and A, and writes DD/MM/YYYY', () => {
    const rows = toSsda903Rows([
      ep({ childId: B, classification: 'ABSENT', startAt: '2026-04-03T10:00:00Z', endAt: null }),
      ep({
        classification: 'AWAY_WITHOUT_AUTHORISATION',
        startAt: '2026-04-05T20:00:00Z',
        endAt: null,
      }),
      ep({}),
      ep({
        childId: B,
        dateOfBirth: '2009-12-01',
        startAt: '2026-03-20T10:00:00Z',
        endAt: '2026-03-21T10:00:00Z',
      }),
    ]);
    expect(rows).toEqual([
      { CHILD: A, DOB: '14/03/2011', MISSING: 'M', MIS_START: '01/04/2026', MIS_END: '02/04/2026' },
      { CHILD: A, DOB: '14/03/2011', MISSING: 'A', MIS_START: '05/04/2026', MIS_END: '' },
      { CHILD: B, DOB: '01/12/2009', MISSING: 'M', MIS_START: '20/03/2026', MIS_END: '21/03/2026' },
      { CHILD: B, DOB: '14/03/2011', MISSING: 'A', MIS_START: '03/04/2026', MIS_END: '' },
    ]);
    expectValid(rows);
  });

  it('uses London days: a return at 23:30 UTC in summer is the next day', () => {
    const [row] = toSsda903Rows([
      ep({ startAt: '2026-06-29T12:00:00Z', endAt: '2026-06-30T23:30:00Z' }),
    ]);
    expect(row).toMatchObject({ MIS_START: '29/06/2026', MIS_END: '01/07/2026' });
  });

  it('allows one episode to end and the next to begin on the same day', () => {
    const rows = toSsda903Rows([
      ep({ startAt: '2026-04-02T15:00:00Z', endAt: null }),
      ep({ startAt: '2026-04-01T18:00:00Z', endAt: '2026-04-02T09:00:00Z' }),
    ]);
    expect(rows.map((r) => [r.MIS_START, r.MIS_END])).toEqual([
      ['01/04/2026', '02/04/2026'],
      ['02/04/2026', ''],
    ]);
    expectValid(rows);
  });

  it('refuses an episode that ends before it starts', () => {
    expect(() => toSsda903Rows([ep({ endAt: '2026-04-01T17:00:00Z' })])).toThrow(
      Ssda903EpisodesInvalid,
    );
  });

  it('refuses overlapping episodes of one child, naming the child', () => {
    expect(() =>
      toSsda903Rows([
        ep({}),
        ep({ startAt: '2026-04-02T08:00:00Z', endAt: '2026-04-03T08:00:00Z' }),
      ]),
    ).toThrow(new RegExp(`child ${A} has overlapping episodes`));
  });

  it('refuses an open episode followed by another of the same child', () => {
    const run = () =>
      toSsda903Rows([
        ep({ endAt: null }),
        ep({ startAt: '2026-04-04T08:00:00Z', endAt: '2026-04-05T08:00:00Z' }),
      ]);
    expect(run).toThrow(/open episode/);
    // A rule the domain broke: answered 409 by the HTTP layer, never written to the file.
    expect(run).toThrow(RuleViolation);
  });

  it('lets two children each have an open episode', () => {
    const rows = toSsda903Rows([ep({ childId: B, endAt: null }), ep({ endAt: null })]);
    expect(rows.map((r) => r.CHILD)).toEqual([A, B]);
    expectValid(rows);
  });

  it('codes missing M, and absent or away without authorisation A', () => {
    expect(ssda903Missing('MISSING')).toBe('M');
    expect(ssda903Missing('ABSENT')).toBe('A');
    expect(ssda903Missing('AWAY_WITHOUT_AUTHORISATION')).toBe('A');
  });
});

describe('when an episode began, for the return', () => {
  it('is the last-seen time when the police gave one', () => {
    expect(
      ssda903Start({
        lastSeenAt: '2026-04-01T18:00:00Z',
        reportedAt: '2026-04-01T21:00:00Z',
        foundAt: '2026-04-02T08:00:00Z',
      }),
    ).toBe('2026-04-01T18:00:00Z');
  });

  it('is the report time otherwise, but never after the child was found', () => {
    expect(
      ssda903Start({ lastSeenAt: null, reportedAt: '2026-04-01T21:00:00Z', foundAt: null }),
    ).toBe('2026-04-01T21:00:00Z');
    expect(
      ssda903Start({
        lastSeenAt: null,
        reportedAt: '2026-04-05T10:00:00Z',
        foundAt: '2026-04-03T22:00:00Z',
      }),
    ).toBe('2026-04-03T22:00:00Z');
  });
});

describe('overlap with the period', () => {
  const period = { from: '2026-04-01', to: '2026-04-30' };
  it('includes episodes with any day in the period, open ones too', () => {
    expect(
      overlapsPeriod({ startAt: '2026-03-30T10:00:00Z', endAt: '2026-04-01T08:00:00Z' }, period),
    ).toBe(true);
    expect(overlapsPeriod({ startAt: '2026-04-30T22:00:00Z', endAt: null }, period)).toBe(true);
    expect(overlapsPeriod({ startAt: '2026-03-01T10:00:00Z', endAt: null }, period)).toBe(true);
  });
  it('leaves out episodes wholly before or after it', () => {
    expect(
      overlapsPeriod({ startAt: '2026-03-30T10:00:00Z', endAt: '2026-03-31T08:00:00Z' }, period),
    ).toBe(false);
    // 23:30 UTC on 30 April is 1 May in London.
    expect(overlapsPeriod({ startAt: '2026-04-30T23:30:00Z', endAt: null }, period)).toBe(false);
  });
});

describe('the CSV', () => {
  it('has the header and one CRLF-terminated line per row', () => {
    expect(
      toSsda903Csv([
        { CHILD: A, DOB: '14/03/2011', MISSING: 'M', MIS_START: '01/04/2026', MIS_END: '' },
      ]),
    ).toBe(`CHILD,DOB,MISSING,MIS_START,MIS_END\r\n${A},14/03/2011,M,01/04/2026,\r\n`);
    expect(toSsda903Csv([])).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\r\n');
  });

  it('quotes a field only when it must', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('gives every line the same five fields', () => {
    const csv = toSsda903Csv(
      toSsda903Rows([ep({}), ep({ childId: B, endAt: null, dateOfBirth: null })]),
    );
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.every((l) => l.split(',').length === 5)).toBe(true);
  });
});
