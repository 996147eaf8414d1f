import { initialChildMissingRecord, type EpisodeSummary } from '../episode/state';
import { DEFAULT_POLICY } from './policy';
import { repeatMissingPatterns, repeatThresholdMet, type PatternMet } from './repeat-missing';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const DAY = 24 * 3_600_000;
/** The start of an episode `n` days (fractions allowed) after 1 May 2024, 10:00 UTC. */
const day = (n: number): string => new Date(T0 + n * DAY).toISOString();

const episode = (
  episodeId: string,
  startedAt: string,
  overrides: Partial<EpisodeSummary> = {},
): EpisodeSummary => ({
  episodeId,
  force: 'MET',
  policeReference: episodeId,
  classification: 'MISSING',
  riskLevel: 'MEDIUM',
  cseConcern: false,
  lastSeenAt: startedAt,
  reportedAt: startedAt,
  status: 'FOUND',
  foundAt: null,
  returnedAt: null,
  ...overrides,
});

const recordOf = (...episodes: EpisodeSummary[]) => ({
  ...initialChildMissingRecord(),
  childId: 'child-1',
  episodes: Object.fromEntries(episodes.map((e) => [e.episodeId, e])),
});

const absent = { classification: 'ABSENT', riskLevel: 'VERY_LOW' } as const;

/** Patterns raised when `episodeId` is reported, the record holding all `episodes`. */
const raisedBy = (episodeId: string, ...episodes: EpisodeSummary[]) =>
  repeatMissingPatterns(recordOf(...episodes), episodeId, DEFAULT_POLICY.repeatMissing);
const typesRaisedBy = (episodeId: string, ...episodes: EpisodeSummary[]) =>
  raisedBy(episodeId, ...episodes).map((p) => p.type);

describe('the 3rd episode in 30 days raises a strategy meeting and a CMOG listing', () => {
  const episodes = [episode('e1', day(0)), episode('e2', day(10)), episode('e3', day(20))];

  it('tells social care a strategy meeting is required, and CMOG the child goes missing repeatedly', () => {
    expect(raisedBy('e3', ...episodes)).toEqual<PatternMet[]>([
      {
        type: 'STRATEGY_MEETING_REQUIRED',
        audience: 'SOCIAL_CARE',
        reasons: [
          'the child has been reported missing or absent 3 times in 30 days: on 2024-05-01, 2024-05-11 and 2024-05-21',
          "children's social care should hold a strategy meeting: children who go missing regularly are at high risk of harm, including sexual exploitation",
        ],
        episodeIds: ['e1', 'e2', 'e3'],
      },
      {
        type: 'REPEAT_MISSING',
        audience: 'CMOG',
        reasons: [
          'the child has been reported missing or absent 3 times in 90 days: on 2024-05-01, 2024-05-11 and 2024-05-21',
          'list the child for CMOG so that patterns in where the child goes, and who with, can be seen: children who go missing regularly are at high risk of harm',
        ],
        episodeIds: ['e1', 'e2', 'e3'],
      },
    ]);
  });

  it('raises nothing on the 2nd episode', () => {
    expect(raisedBy('e2', ...episodes.slice(0, 2))).toEqual([]);
  });
});

describe('the 30-day window edge', () => {
  it('does not count an episode that began exactly 30 days before: CMOG only', () => {
    const episodes = [episode('e1', day(0)), episode('e2', day(15)), episode('e3', day(30))];
    expect(typesRaisedBy('e3', ...episodes)).toEqual(['REPEAT_MISSING']);
  });

  it('counts one that began a millisecond less than 30 days before', () => {
    const episodes = [
      episode('e1', day(0)),
      episode('e2', day(15)),
      episode('e3', new Date(T0 + 30 * DAY - 1).toISOString()),
    ];
    expect(typesRaisedBy('e3', ...episodes)).toEqual([
      'STRATEGY_MEETING_REQUIRED',
      'REPEAT_MISSING',
    ]);
  });
});

describe('the 90-day window edge (CMOG)', () => {
  it('does not count an episode that began exactly 90 days before', () => {
    const episodes = [episode('e1', day(0)), episode('e2', day(50)), episode('e3', day(90))];
    expect(raisedBy('e3', ...episodes)).toEqual([]);
  });

  it('counts one that began a day less than 90 days before', () => {
    const episodes = [episode('e1', day(1)), episode('e2', day(50)), episode('e3', day(90))];
    expect(typesRaisedBy('e3', ...episodes)).toEqual(['REPEAT_MISSING']);
  });
});

describe('which episodes count', () => {
  it('never counts an episode cancelled as made in error', () => {
    const episodes = [
      episode('e1', day(0), { status: 'CANCELLED' }),
      episode('e2', day(10)),
      episode('e3', day(20)),
    ];
    expect(raisedBy('e3', ...episodes)).toEqual([]);
  });

  it('raises nothing for an episode that was itself cancelled', () => {
    const episodes = [
      episode('e1', day(0)),
      episode('e2', day(10)),
      episode('e3', day(20), { status: 'CANCELLED' }),
    ];
    expect(raisedBy('e3', ...episodes)).toEqual([]);
  });

  it('counts absent episodes like missing ones', () => {
    const episodes = [
      episode('e1', day(0), { classification: 'ABSENT', riskLevel: 'LOW' }),
      episode('e2', day(10), { classification: 'AWAY_WITHOUT_AUTHORISATION' }),
      episode('e3', day(20)),
    ];
    expect(typesRaisedBy('e3', ...episodes)).toEqual([
      'STRATEGY_MEETING_REQUIRED',
      'REPEAT_MISSING',
    ]);
  });

  it('raises nothing for an episode not on the record', () => {
    expect(raisedBy('unknown', episode('e1', day(0)))).toEqual([]);
  });
});

describe('a pattern is raised once, when it is crossed', () => {
  const run = [
    episode('e1', day(0)),
    episode('e2', day(10)),
    episode('e3', day(20)),
    episode('e4', day(25)),
  ];

  it('raises nothing new on the 4th episode of a run', () => {
    expect(raisedBy('e4', ...run)).toEqual([]);
  });

  it('raises again when the pattern lapses and comes back', () => {
    const later = [episode('e5', day(200)), episode('e6', day(210)), episode('e7', day(220))];
    // Each episode is judged on the record as it stood when it was reported.
    expect(raisedBy('e6', ...run, ...later.slice(0, 2))).toEqual([]);
    const recurred = raisedBy('e7', ...run, ...later);
    expect(recurred.map((p) => p.type)).toEqual(['STRATEGY_MEETING_REQUIRED', 'REPEAT_MISSING']);
    expect(recurred[0].episodeIds).toEqual(['e5', 'e6', 'e7']);
  });
});

describe('an episode reported late', () => {
  it('raises the pattern it completes with episodes already recorded after it', () => {
    const episodes = [episode('e1', day(0)), episode('late', day(10)), episode('e3', day(20))];
    const raised = raisedBy('late', ...episodes);
    expect(raised.map((p) => p.type)).toEqual(['STRATEGY_MEETING_REQUIRED', 'REPEAT_MISSING']);
    expect(raised[0].episodeIds).toEqual(['e1', 'late', 'e3']);
  });

  it('raises nothing when the pattern was already met without it', () => {
    const episodes = [
      episode('e1', day(0)),
      episode('e2', day(5)),
      episode('late', day(10)),
      episode('e4', day(20)),
    ];
    expect(raisedBy('late', ...episodes)).toEqual([]);
  });
});

describe('absent or very low risk episodes: 3 in 30 days ask the safeguarding manager for a risk review', () => {
  it('raises ABSENT_PATTERN on the 3rd, naming the dates', () => {
    const episodes = [
      episode('e1', day(0), absent),
      episode('e2', day(3), { classification: 'MISSING', riskLevel: 'VERY_LOW' }),
      episode('e3', day(6), { classification: 'ABSENT', riskLevel: 'LOW' }),
    ];
    const pattern = raisedBy('e3', ...episodes).find((p) => p.type === 'ABSENT_PATTERN');
    expect(pattern).toEqual({
      type: 'ABSENT_PATTERN',
      audience: 'SAFEGUARDING_MANAGER',
      reasons: [
        '3 episodes in 30 days were recorded as absent or graded very low risk: on 2024-05-01, 2024-05-04 and 2024-05-07',
        'review the risk grading: children who go missing regularly are at high risk of harm, and being recorded as absent can hide exploitation',
      ],
      episodeIds: ['e1', 'e2', 'e3'],
    });
  });

  it('does not raise it with only 2 such episodes among 3', () => {
    const episodes = [
      episode('e1', day(0), absent),
      episode('e2', day(3), absent),
      episode('e3', day(6)),
    ];
    expect(typesRaisedBy('e3', ...episodes)).not.toContain('ABSENT_PATTERN');
  });

  it('does not count one exactly 30 days before', () => {
    const episodes = [
      episode('e1', day(0), absent),
      episode('e2', day(20), absent),
      episode('e3', day(30), absent),
    ];
    expect(typesRaisedBy('e3', ...episodes)).not.toContain('ABSENT_PATTERN');
  });

  it('does not raise it again on a 4th', () => {
    const episodes = [
      episode('e1', day(0), absent),
      episode('e2', day(3), absent),
      episode('e3', day(6), absent),
      episode('e4', day(9), absent),
    ];
    expect(raisedBy('e4', ...episodes)).toEqual([]);
  });
});

describe("thresholds come from the local authority's policy", () => {
  const policy = {
    strategyMeeting: { count: 2, withinDays: 7 },
    cmog: { count: 4, withinDays: 60 },
    absentPattern: { count: 5, withinDays: 30 },
  };

  it('raises a strategy meeting on the 2nd episode in 7 days, not 7 days apart', () => {
    const close = recordOf(episode('e1', day(0)), episode('e2', day(6)));
    expect(repeatMissingPatterns(close, 'e2', policy).map((p) => p.type)).toEqual([
      'STRATEGY_MEETING_REQUIRED',
    ]);
    const apart = recordOf(episode('e1', day(0)), episode('e2', day(7)));
    expect(repeatMissingPatterns(apart, 'e2', policy)).toEqual([]);
  });

  it('names its window in the reasons', () => {
    const record = recordOf(episode('e1', day(0)), episode('e2', day(1)));
    expect(repeatMissingPatterns(record, 'e2', policy)[0].reasons[0]).toBe(
      'the child has been reported missing or absent 2 times in 7 days: on 2024-05-01 and 2024-05-02',
    );
  });
});

describe('reasons never use language that blames the child', () => {
  const episodes = [
    episode('e1', day(0), absent),
    episode('e2', day(3), absent),
    episode('e3', day(6), absent),
  ];
  const text = raisedBy('e3', ...episodes)
    .flatMap((p) => p.reasons)
    .join('\n')
    .toLowerCase();

  it('has all three patterns to read', () => {
    expect(raisedBy('e3', ...episodes)).toHaveLength(3);
  });

  it.each([
    'lifestyle',
    'choice',
    'trouble maker',
    'prostitute',
    'promiscuous',
    'consent',
    'nuisance',
  ])('never says "%s"', (word) => {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(word);
  });
});

describe('the repeat threshold for the screening tool', () => {
  const threshold = { count: 3, withinDays: 90 };
  const AT = day(60);

  it('is met at 3 episodes in 90 days and above', () => {
    const three = recordOf(episode('e1', day(0)), episode('e2', day(30)), episode('e3', day(60)));
    expect(repeatThresholdMet(three, AT, threshold)).toBe(true);
    const four = recordOf(...Object.values(three.episodes), episode('e4', day(59)));
    expect(repeatThresholdMet(four, AT, threshold)).toBe(true);
  });

  it('is not met at 2', () => {
    const two = recordOf(episode('e1', day(30)), episode('e2', day(60)));
    expect(repeatThresholdMet(two, AT, threshold)).toBe(false);
  });

  it('does not count cancelled episodes, nor one begun exactly 90 days before', () => {
    const record = recordOf(
      episode('e1', day(-30)),
      episode('e2', day(30), { status: 'CANCELLED' }),
      episode('e3', day(40)),
      episode('e4', day(60)),
    );
    expect(repeatThresholdMet(record, AT, threshold)).toBe(false);
  });

  it('counts absent episodes', () => {
    const record = recordOf(
      episode('e1', day(0), absent),
      episode('e2', day(30), absent),
      episode('e3', day(60)),
    );
    expect(repeatThresholdMet(record, AT, threshold)).toBe(true);
  });
});
