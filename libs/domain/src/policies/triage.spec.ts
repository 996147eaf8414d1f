import { initialChildMissingRecord, type EpisodeSummary } from '../episode/state';
import { RISK_LEVELS } from '../episode/values';
import { CSE_LEVELS } from '../screening/screening-tool';
import { DEFAULT_POLICY } from './policy';
import {
  priorityRank,
  triageFactsFor,
  triageReturnInterview,
  type TriageDecision,
  type TriageFacts,
} from './triage';

const HIGH_RISK = 'police graded the episode HIGH risk';
const MEDIUM_RISK = 'police graded the episode MEDIUM risk';
const NO_GRADE = 'no police risk grade is recorded (episode reported late): treat with care';
const CSE_CONCERN =
  'police recorded a concern of child sexual exploitation or involvement of social care';
const LOOKED_AFTER = 'the child is looked after by a local authority';
const LEARNING_DISABILITY = 'the child has a learning disability';
const stillOffered = (grade: string) =>
  `police graded the episode ${grade} risk; the child is still offered an interview`;
const repeatRed = (n: number) =>
  `the child has been reported missing or absent ${n} times in the last 90 days: children who go missing regularly are at high risk of harm`;
const repeatAmber = (n: number) =>
  `the child has been reported missing or absent ${n} times in the last 90 days`;

/** A 14-year-old, not looked after, never screened, on a first LOW-risk episode: GREEN. */
const facts = (overrides: Partial<TriageFacts> = {}): TriageFacts => ({
  riskLevel: 'LOW',
  cseConcern: false,
  currentCseLevel: null,
  recentEpisodes: 1,
  recentEpisodesAmber: 1,
  ageAtReturn: 14,
  lookedAfter: false,
  learningDisability: false,
  ...overrides,
});

const triage = (overrides: Partial<TriageFacts> = {}) => triageReturnInterview(facts(overrides));

describe('with nothing of concern the child is GREEN and still offered an interview', () => {
  it.each(['LOW', 'VERY_LOW'] as const)('gives GREEN for %s risk', (riskLevel) => {
    expect(triage({ riskLevel })).toEqual({
      priority: 'GREEN',
      reasons: [stillOffered(riskLevel)],
    });
  });

  it.each(['NONE', 'LOW'] as const)(
    'gives GREEN when the latest screening confirmed %s',
    (level) => {
      expect(triage({ currentCseLevel: level }).priority).toBe('GREEN');
    },
  );
});

describe('RED: HIGH risk', () => {
  it('gives RED for a HIGH-risk episode', () => {
    expect(triage({ riskLevel: 'HIGH' })).toEqual({ priority: 'RED', reasons: [HIGH_RISK] });
  });
});

describe('RED: a CSE concern, whatever the risk grade', () => {
  it.each(['MEDIUM', 'LOW', 'VERY_LOW', null] as const)(
    'gives RED when the risk is %s',
    (riskLevel) => {
      expect(triage({ riskLevel, cseConcern: true })).toEqual({
        priority: 'RED',
        reasons: [CSE_CONCERN],
      });
    },
  );
});

describe('RED: the latest confirmed screening was MEDIUM or SIGNIFICANT', () => {
  it.each(['MEDIUM', 'SIGNIFICANT'] as const)('gives RED for %s', (level) => {
    expect(triage({ currentCseLevel: level })).toEqual({
      priority: 'RED',
      reasons: [
        `the child's latest screening confirmed a ${level} risk of child sexual exploitation`,
      ],
    });
  });
});

describe('RED: 3 or more episodes in 90 days', () => {
  it('gives RED at 3', () => {
    expect(triage({ recentEpisodes: 3, recentEpisodesAmber: 3 })).toEqual({
      priority: 'RED',
      reasons: [repeatRed(3)],
    });
  });

  it('gives RED above 3, naming the count', () => {
    expect(triage({ recentEpisodes: 4, recentEpisodesAmber: 4 }).reasons).toEqual([repeatRed(4)]);
  });

  it('gives AMBER, not RED, at 2', () => {
    expect(triage({ recentEpisodes: 2, recentEpisodesAmber: 2 })).toEqual({
      priority: 'AMBER',
      reasons: [repeatAmber(2)],
    });
  });
});

describe('RED: under 13', () => {
  it('gives RED at 12', () => {
    expect(triage({ ageAtReturn: 12 })).toEqual({
      priority: 'RED',
      reasons: ['the child is 12, younger than 13'],
    });
  });

  it('does not give RED for age at 13 or 14', () => {
    expect(triage({ ageAtReturn: 13 }).priority).toBe('GREEN');
    expect(triage({ ageAtReturn: 14 }).priority).toBe('GREEN');
  });

  it('does not guess an age it does not know', () => {
    expect(triage({ ageAtReturn: null }).priority).toBe('GREEN');
  });

  it('gives 16- and 17-year-olds the same triage as anyone else', () => {
    expect(triage({ ageAtReturn: 17, riskLevel: 'HIGH' }).priority).toBe('RED');
    expect(triage({ ageAtReturn: 16, lookedAfter: true }).priority).toBe('AMBER');
  });
});

describe('RED lists every RED rule that applied', () => {
  it('gives both the HIGH risk and the age', () => {
    expect(triage({ riskLevel: 'HIGH', ageAtReturn: 12 })).toEqual({
      priority: 'RED',
      reasons: [HIGH_RISK, 'the child is 12, younger than 13'],
    });
  });

  it('gives all five when all five apply, and no AMBER reason', () => {
    const decision = triage({
      riskLevel: 'HIGH',
      cseConcern: true,
      currentCseLevel: 'SIGNIFICANT',
      recentEpisodes: 5,
      recentEpisodesAmber: 5,
      ageAtReturn: 11,
      lookedAfter: true,
      learningDisability: true,
    });
    expect(decision).toEqual({
      priority: 'RED',
      reasons: [
        HIGH_RISK,
        CSE_CONCERN,
        "the child's latest screening confirmed a SIGNIFICANT risk of child sexual exploitation",
        repeatRed(5),
        'the child is 11, younger than 13',
      ],
    });
  });
});

describe('AMBER rules', () => {
  it('gives AMBER for MEDIUM risk', () => {
    expect(triage({ riskLevel: 'MEDIUM' })).toEqual({ priority: 'AMBER', reasons: [MEDIUM_RISK] });
  });

  it('gives AMBER when no risk grade is known, and says to treat with care', () => {
    expect(triage({ riskLevel: null })).toEqual({ priority: 'AMBER', reasons: [NO_GRADE] });
  });

  it('gives AMBER for a looked-after child', () => {
    expect(triage({ lookedAfter: true })).toEqual({ priority: 'AMBER', reasons: [LOOKED_AFTER] });
  });

  it('gives AMBER for a child with a learning disability', () => {
    expect(triage({ learningDisability: true })).toEqual({
      priority: 'AMBER',
      reasons: [LEARNING_DISABILITY],
    });
  });

  it('gives AMBER at 2 episodes in 90 days, and not at 1', () => {
    expect(triage({ recentEpisodesAmber: 2 })).toEqual({
      priority: 'AMBER',
      reasons: [repeatAmber(2)],
    });
    expect(triage({ recentEpisodesAmber: 1 }).priority).toBe('GREEN');
  });

  it('lists every AMBER rule that applied', () => {
    expect(
      triage({
        riskLevel: null,
        lookedAfter: true,
        learningDisability: true,
        recentEpisodesAmber: 2,
      }),
    ).toEqual({
      priority: 'AMBER',
      reasons: [NO_GRADE, LOOKED_AFTER, LEARNING_DISABILITY, repeatAmber(2)],
    });
  });
});

describe("thresholds come from the local authority's policy", () => {
  const policy = {
    red: { underAge: 14, episodes: { count: 4, withinDays: 60 } },
    amber: { episodes: { count: 3, withinDays: 60 } },
  };

  it('uses its age', () => {
    expect(triageReturnInterview(facts({ ageAtReturn: 13 }), policy).reasons).toEqual([
      'the child is 13, younger than 14',
    ]);
    expect(triageReturnInterview(facts({ ageAtReturn: 14 }), policy).priority).toBe('GREEN');
  });

  it('uses its RED count and names its window', () => {
    const three = facts({ recentEpisodes: 3, recentEpisodesAmber: 3 });
    expect(triageReturnInterview(three, policy).priority).toBe('AMBER');
    const four = facts({ recentEpisodes: 4, recentEpisodesAmber: 4 });
    expect(triageReturnInterview(four, policy).reasons).toEqual([
      'the child has been reported missing or absent 4 times in the last 60 days: children who go missing regularly are at high risk of harm',
    ]);
  });

  it('uses its AMBER count', () => {
    expect(triageReturnInterview(facts({ recentEpisodesAmber: 2 }), policy).priority).toBe('GREEN');
    expect(triageReturnInterview(facts({ recentEpisodesAmber: 3 }), policy).priority).toBe('AMBER');
  });
});

describe("facts are gathered from the child's missing record", () => {
  const RETURNED_AT = '2024-06-02T11:00:00.000Z';
  const summary = (
    episodeId: string,
    lastSeenAt: string,
    overrides: Partial<EpisodeSummary> = {},
  ): EpisodeSummary => ({
    episodeId,
    force: 'MET',
    policeReference: episodeId,
    classification: 'MISSING',
    riskLevel: 'LOW',
    cseConcern: false,
    lastSeenAt,
    reportedAt: lastSeenAt,
    status: 'FOUND',
    foundAt: null,
    returnedAt: null,
    ...overrides,
  });
  const record = {
    ...initialChildMissingRecord(),
    childId: 'child-1',
    dateOfBirth: '2011-06-03',
    lookedAfter: true,
    learningDisability: true,
    episodes: {
      old: summary('old', '2024-02-01T10:00:00.000Z'),
      absent: summary('absent', '2024-05-01T10:00:00.000Z', { classification: 'ABSENT' }),
      cancelled: summary('cancelled', '2024-05-20T10:00:00.000Z', { status: 'CANCELLED' }),
      now: summary('now', '2024-06-01T18:00:00.000Z', { riskLevel: 'MEDIUM', cseConcern: true }),
    },
  };

  it('reads the episode, the child and the counts in each window', () => {
    const policy = {
      ...DEFAULT_POLICY.triage,
      amber: { episodes: { count: 2, withinDays: 150 } },
    };
    expect(
      triageFactsFor(record, { episodeId: 'now', at: RETURNED_AT, currentCseLevel: 'LOW' }, policy),
    ).toEqual({
      riskLevel: 'MEDIUM',
      cseConcern: true,
      currentCseLevel: 'LOW',
      recentEpisodes: 2,
      recentEpisodesAmber: 3,
      ageAtReturn: 12,
      lookedAfter: true,
      learningDisability: true,
    });
  });

  it('gives no age when the date of birth is unknown', () => {
    const undated = { ...record, dateOfBirth: null };
    const subject = { episodeId: 'now', at: RETURNED_AT, currentCseLevel: null };
    expect(triageFactsFor(undated, subject).ageAtReturn).toBeNull();
  });

  it('refuses an episode that is not on the record', () => {
    const subject = { episodeId: 'other', at: RETURNED_AT, currentCseLevel: null };
    expect(() => triageFactsFor(record, subject)).toThrow(/episode other is not on/);
  });
});

describe('priority reasons never use language that blames the child', () => {
  const allFacts: TriageFacts[] = [...RISK_LEVELS, null].flatMap((riskLevel) =>
    [true, false].flatMap((cseConcern) =>
      [...CSE_LEVELS, null].flatMap((currentCseLevel) =>
        [1, 2, 3].flatMap((episodes) =>
          [12, 15].flatMap((ageAtReturn) =>
            [true, false].map((vulnerable) =>
              facts({
                riskLevel,
                cseConcern,
                currentCseLevel,
                recentEpisodes: episodes,
                recentEpisodesAmber: episodes,
                ageAtReturn,
                lookedAfter: vulnerable,
                learningDisability: vulnerable,
              }),
            ),
          ),
        ),
      ),
    ),
  );
  const decisions: TriageDecision[] = allFacts.map((f) => triageReturnInterview(f));

  it('covers every combination', () => {
    expect(decisions).toHaveLength(5 * 2 * 5 * 3 * 2 * 2);
  });

  it('always gives at least one non-empty reason', () => {
    for (const decision of decisions) {
      expect(decision.reasons.length).toBeGreaterThan(0);
      for (const reason of decision.reasons) expect(reason.trim()).not.toBe('');
    }
  });

  it.each([
    'lifestyle',
    'choice',
    'trouble maker',
    'troublemaker',
    'prostitute',
    'promiscuous',
    'consent',
  ])('never says "%s"', (word) => {
    const text = decisions
      .flatMap((d) => d.reasons)
      .join('\n')
      .toLowerCase();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(word);
  });
});

describe('priorities order the queue RED, then AMBER, then GREEN', () => {
  it('ranks RED before AMBER before GREEN', () => {
    expect([priorityRank('RED'), priorityRank('AMBER'), priorityRank('GREEN')]).toEqual([0, 1, 2]);
  });
});

describe('the default policy follows statutory guidance', () => {
  it('gives 72 hours for the return interview', () => {
    expect(DEFAULT_POLICY.returnInterview.deadlineHours).toBe(72);
  });
});
