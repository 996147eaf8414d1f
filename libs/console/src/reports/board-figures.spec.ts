import { ALERT_TYPES } from '@homeward/domain';
import {
  ageBand,
  ageOn,
  boardFigures,
  median,
  percentOf,
  type BoardEpisode,
  type BoardInterview,
} from './board-figures';

describe('age at the episode', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-05-20', '2026-05-19')).toBe(15);
    expect(ageOn('2010-05-20', '2026-05-20')).toBe(16);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('is unknown without a usable birth date', () => {
    expect(ageOn(null, '2026-05-20')).toBeNull();
    expect(ageOn('', '2026-05-20')).toBeNull();
    expect(ageOn('2026-05-21', '2026-05-20')).toBeNull();
    expect(ageOn('20/05/2010', '2026-05-20')).toBeNull();
  });

  it('falls in the board bands, with the edges where they belong', () => {
    expect([0, 9, 10, 12, 13, 15, 16, 17].map(ageBand)).toEqual([
      '0-9',
      '0-9',
      '10-12',
      '10-12',
      '13-15',
      '13-15',
      '16-17',
      '16-17',
    ]);
    expect(ageBand(null)).toBeNull();
    expect(ageBand(18)).toBeNull();
    expect(ageBand(-1)).toBeNull();
  });
});

describe('percentages and medians', () => {
  it('gives a percentage with one decimal, null when there is nothing to divide by', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 4)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('gives the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 4, 10])).toBe(3);
    expect(median([0.25, 0.5])).toBe(0.4);
  });
});

const episode = (over: Partial<BoardEpisode>): BoardEpisode => ({
  episodeId: 'e',
  childId: 'c1',
  classification: 'MISSING',
  startDate: '2026-04-10',
  dateOfBirth: '2011-03-14',
  sex: 'F',
  lookedAfter: false,
  ...over,
});

const interview = (over: Partial<BoardInterview>): BoardInterview => ({
  status: 'SCHEDULED',
  heldWithinDeadline: null,
  confirmedLevel: null,
  referral: false,
  breached: false,
  ...over,
});

describe('the board figures', () => {
  const figures = boardFigures(
    [
      episode({ episodeId: 'a', childId: 'c1' }),
      episode({ episodeId: 'b', childId: 'c1', classification: 'ABSENT' }),
      episode({ episodeId: 'c', childId: 'c1', classification: 'ABSENT', lookedAfter: true }),
      episode({
        episodeId: 'd',
        childId: 'c2',
        classification: 'AWAY_WITHOUT_AUTHORISATION',
        sex: ' ',
        dateOfBirth: '2018-01-01',
        lookedAfter: true,
      }),
      episode({ episodeId: 'e', childId: 'c3', sex: 'M', dateOfBirth: null }),
    ],
    [
      interview({
        status: 'HELD',
        heldWithinDeadline: true,
        confirmedLevel: 'MEDIUM',
        referral: true,
      }),
      interview({
        status: 'HELD',
        heldWithinDeadline: false,
        confirmedLevel: 'NONE',
        breached: true,
      }),
      interview({ status: 'DECLINED' }),
      interview({ status: 'NOT_POSSIBLE', breached: true }),
      interview({ status: 'SCHEDULED' }),
      interview({ status: 'ALLOCATED' }),
    ],
    [
      {
        type: 'RI_OVERDUE',
        raisedAt: '2026-04-10T10:00:00Z',
        acknowledgedAt: '2026-04-10T12:00:00Z',
      },
      { type: 'RI_OVERDUE', raisedAt: '2026-04-11T10:00:00Z', acknowledgedAt: null },
      {
        type: 'REPEAT_MISSING',
        raisedAt: '2026-04-12T10:00:00Z',
        acknowledgedAt: '2026-04-13T16:00:00Z',
      },
    ],
  );

  it('counts episodes by classification, absent ones kept', () => {
    expect(figures.episodes).toEqual({
      total: 5,
      missing: 2,
      absent: 2,
      awayWithoutAuthorisation: 1,
    });
  });

  it('counts children, and those with three or more episodes as repeat', () => {
    expect(figures.children).toEqual({
      distinct: 3,
      withMissing: 2,
      withAbsent: 1,
      withAwayWithoutAuthorisation: 1,
      repeat: 1,
    });
  });

  it('counts interviews offered and their outcomes, the 72 hours as a share of those offered', () => {
    expect(figures.interviews).toEqual({
      offered: 6,
      accepted: 2,
      declined: 1,
      notPossible: 1,
      held: 2,
      heldWithin72h: 1,
      heldWithin72hPercent: 16.7,
      breaches: 2,
    });
    expect(figures.cseLevels).toEqual({ NONE: 1, LOW: 0, MEDIUM: 1, SIGNIFICANT: 0 });
    expect(figures.referrals).toEqual({
      count: 1,
      decided: 0,
      decidedInTime: 0,
      medianHoursToDecision: null,
    });
  });

  it("times social care's decisions on referrals against the working day they had", () => {
    const referral = (raisedAt: string, dueBy: string, acknowledgedAt: string | null) => ({
      type: 'SOCIAL_CARE_REFERRAL_REQUIRED' as const,
      raisedAt,
      dueBy,
      acknowledgedAt,
    });
    const { referrals } = boardFigures(
      [],
      [],
      [
        // Decided in 6 hours, within its day; decided 48 hours after, a day late; undecided.
        referral(
          '2026-04-10T09:00:00.000Z',
          '2026-04-13T09:00:00.000Z',
          '2026-04-10T15:00:00.000Z',
        ),
        referral(
          '2026-04-14T09:00:00.000Z',
          '2026-04-15T09:00:00.000Z',
          '2026-04-16T09:00:00.000Z',
        ),
        referral('2026-04-15T09:00:00.000Z', '2026-04-16T09:00:00.000Z', null),
        // Decided at the very moment it was due: in time.
        referral(
          '2026-04-20T09:00:00.000Z',
          '2026-04-21T09:00:00.000Z',
          '2026-04-21T09:00:00.000Z',
        ),
      ],
    );
    expect(referrals).toEqual({
      count: 0,
      decided: 3,
      decidedInTime: 2,
      medianHoursToDecision: 24,
    });
  });

  it('counts alerts by type (every type shown) and the median time to acknowledge', () => {
    expect(figures.alerts.byType).toMatchObject({ RI_OVERDUE: 2, REPEAT_MISSING: 1, HOTSPOT: 0 });
    expect(Object.keys(figures.alerts.byType).sort()).toEqual([...ALERT_TYPES].sort());
    expect(figures.alerts.medianHoursToAcknowledge).toBe(16);
  });

  it('keeps "not recorded" in the demographics, counted per episode', () => {
    expect(figures.demographics).toEqual({
      sex: { F: 3, M: 1, 'not recorded': 1 },
      ageAtEpisode: { '0-9': 1, '10-12': 0, '13-15': 3, '16-17': 0, 'not recorded': 1 },
      lookedAfter: { yes: 2, no: 3 },
    });
  });

  it('gives zeros and nulls, never gaps, for an empty period', () => {
    const empty = boardFigures([], [], []);
    expect(empty.interviews.heldWithin72hPercent).toBeNull();
    expect(empty.alerts.medianHoursToAcknowledge).toBeNull();
    expect(empty.demographics.sex).toEqual({ 'not recorded': 0 });
    expect(empty.demographics.ageAtEpisode['not recorded']).toBe(0);
  });
});
