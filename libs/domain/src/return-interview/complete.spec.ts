import type { ScreeningContext, ScreeningInput } from '../screening/screening';
import { ActionNotPermitted, InvalidCommand, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  COMPLETED_AT,
  CONDUCTED_AT,
  EPISODE_ID,
  INTERVIEW_DUE_AT as DUE_AT,
  INTERVIEW_ID,
  OTHER_WORKER_ID,
  RETURNED_AT,
  WORKER_ID,
  completeReturnInterview,
  interviewRecord,
  returnInterviewAllocated,
  returnInterviewCancelled,
  returnInterviewDeadlineBreached,
  returnInterviewHeld,
  returnInterviewReviewed,
  returnInterviewScheduled,
  screeningContext,
  screeningInput,
} from '../testing/fixtures';
import type { CompleteReturnInterview } from './commands';
import type { ReturnInterviewEvent, ReturnInterviewHeld } from './events';
import { returnInterviewDecider } from './return-interview.decider';

const spec = deciderSpecification(returnInterviewDecider);

const scheduled = returnInterviewScheduled();
const allocated = returnInterviewAllocated();
const open: ReturnInterviewEvent[] = [scheduled, allocated];

const TWO_MEDIUM = screeningInput({ medium: ['DRUG_MISUSE', 'UNKNOWN_CONTACTS'] });
const ONE_MEDIUM = screeningInput({ medium: ['DRUG_MISUSE'] });
const SIGNIFICANT = screeningInput({
  significant: [{ code: 'UNKNOWN_VEHICLES', when: 'CURRENT' }],
});
const VULNERABILITY_ONLY = screeningInput({ vulnerabilities: ['HISTORY_OF_CARE'] });

/** The one event a completion records, checked field by field. */
const heldFrom = (
  events: ReturnInterviewEvent[],
  check: (data: ReturnInterviewHeld['data']) => void,
): void => {
  expect(events.map((e) => e.type)).toEqual(['ReturnInterviewHeld']);
  check((events[0] as ReturnInterviewHeld).data);
};

const completing = (
  events: ReturnInterviewEvent[],
  overrides: Partial<CompleteReturnInterview['data']>,
  check: (data: ReturnInterviewHeld['data']) => void,
): void => {
  spec
    .given(events)
    .when(completeReturnInterview(overrides))
    .thenEvents((produced) => heldFrom(produced, check));
};

const screened = (
  screening: ScreeningInput,
  context: Partial<ScreeningContext> = {},
  overrides: Partial<CompleteReturnInterview['data']> = {},
) => ({ screening, screeningContext: screeningContext(context), ...overrides });

const fields = (error: InvalidCommand): string[] => error.errors.map((e) => e.field);

describe('completing a held interview', () => {
  it('records the interview, the screening and what the child said under personal', () => {
    const record = interviewRecord();
    spec
      .given(open)
      .when(completeReturnInterview({ screening: TWO_MEDIUM, record }))
      .then([
        {
          type: 'ReturnInterviewHeld',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            episodeId: EPISODE_ID,
            conductedAt: CONDUCTED_AT,
            dueAt: DUE_AT,
            heldWithinDeadline: true,
            completedBy: WORKER_ID,
            recordedAt: COMPLETED_AT,
            revision: 1,
            screening: {
              suggested: 'MEDIUM',
              suggestedReasons: [
                '2 medium risk indicators are recorded, which suggests MEDIUM risk: "Drugs Misuse"; "Regular/Multiple contacts from unknown adults/young people".',
              ],
              confirmed: 'MEDIUM',
              overridden: false,
              outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'],
              // Recorded on Tuesday 4 June: social care decide by Wednesday, same time.
              socialCareDecisionDueAt: '2024-06-05T15:00:00.000Z',
            },
            personal: { ...record, indicators: TWO_MEDIUM },
          },
        },
      ]);
  });

  it('matches the returnInterviewHeld fixture with its defaults (nothing ticked)', () => {
    spec.given(open).when(completeReturnInterview()).then([returnInterviewHeld()]);
  });

  it('still records an interview held after the deadline was breached', () => {
    completing(
      [...open, returnInterviewDeadlineBreached()],
      { conductedAt: '2024-06-06T10:00:00.000Z', now: '2024-06-06T12:00:00.000Z' },
      (data) => expect(data.heldWithinDeadline).toBe(false),
    );
  });
});

describe('who may complete, and when', () => {
  it('refuses an unallocated interview', () => {
    spec
      .given([scheduled])
      .when(completeReturnInterview())
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/not allocated yet/));
  });

  it('refuses a worker the interview is not allocated to', () => {
    spec
      .given(open)
      .when(completeReturnInterview({ completedBy: OTHER_WORKER_ID }))
      .thenThrows(ActionNotPermitted, (error) => expect(error.message).toContain(WORKER_ID));
  });

  it('refuses a second completion while the first waits for its quality check', () => {
    spec
      .given([...open, returnInterviewHeld()])
      .when(completeReturnInterview({ now: '2024-06-04T16:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toMatch(/already been held/);
        expect(error.message).toMatch(/waiting for its quality check/);
      });
  });

  it('refuses an interview that does not exist or was cancelled', () => {
    spec.given([]).when(completeReturnInterview()).thenThrows(RuleViolation);
    spec
      .given([...open, returnInterviewCancelled()])
      .when(completeReturnInterview())
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/cancelled/));
  });
});

describe('conductedAt', () => {
  it('accepts the moment the child returned, refuses a millisecond before', () => {
    completing(open, { conductedAt: RETURNED_AT }, (data) =>
      expect(data.conductedAt).toBe(RETURNED_AT),
    );
    spec
      .given(open)
      .when(completeReturnInterview({ conductedAt: '2024-06-02T10:59:59.999Z' }))
      .thenThrows(InvalidCommand, (error) => expect(fields(error)).toEqual(['conductedAt']));
  });

  it('accepts up to 5 minutes ahead of our clock, refuses anything later', () => {
    completing(open, { conductedAt: '2024-06-04T15:05:00.000Z' }, (data) =>
      expect(data.conductedAt).toBe('2024-06-04T15:05:00.000Z'),
    );
    spec
      .given(open)
      .when(completeReturnInterview({ conductedAt: '2024-06-04T15:05:00.001Z' }))
      .thenThrows(InvalidCommand, (error) => {
        expect(fields(error)).toEqual(['conductedAt']);
        expect(error.message).toMatch(/future/);
      });
  });

  it('is held within the deadline a millisecond before and exactly at dueAt', () => {
    for (const conductedAt of ['2024-06-05T10:59:59.999Z', DUE_AT]) {
      completing(open, { conductedAt, now: '2024-06-05T12:00:00.000Z' }, (data) =>
        expect(data.heldWithinDeadline).toBe(true),
      );
    }
  });

  it('is not held within the deadline a millisecond after dueAt', () => {
    completing(
      open,
      { conductedAt: '2024-06-05T11:00:00.001Z', now: '2024-06-05T12:00:00.000Z' },
      (data) => expect(data.heldWithinDeadline).toBe(false),
    );
  });

  it('judges the deadline by when the interview was held, not when it was recorded', () => {
    completing(
      open,
      { conductedAt: '2024-06-05T09:00:00.000Z', now: '2024-06-06T09:00:00.000Z' },
      (data) => {
        expect(data.heldWithinDeadline).toBe(true);
        expect(data.recordedAt).toBe('2024-06-06T09:00:00.000Z');
      },
    );
  });
});

describe('the screening: suggested by the tool, confirmed by a person', () => {
  it('records the suggestion as confirmed when no level is given', () => {
    completing(open, screened(ONE_MEDIUM), (data) => {
      expect(data.screening).toMatchObject({
        suggested: 'LOW',
        confirmed: 'LOW',
        overridden: false,
        outcomes: [],
        socialCareDecisionDueAt: null,
      });
      expect(data.screening).not.toHaveProperty('overrideReason');
    });
  });

  it('records a level confirmed above the suggestion (no reason needed)', () => {
    completing(open, screened({ ...TWO_MEDIUM, confirmedLevel: 'SIGNIFICANT' }), (data) =>
      expect(data.screening).toMatchObject({
        suggested: 'MEDIUM',
        confirmed: 'SIGNIFICANT',
        overridden: true,
        outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED', 'STRATEGY_MEETING_REQUIRED', 'CMOG_LISTING'],
      }),
    );
  });

  it('records a level confirmed below the suggestion with its reason, and what follows from it', () => {
    const reason = 'Both indicators relate to one evening, explained and followed up by the carer';
    completing(
      open,
      screened({ ...TWO_MEDIUM, confirmedLevel: 'LOW', overrideReason: `  ${reason} ` }),
      (data) =>
        expect(data.screening).toMatchObject({
          suggested: 'MEDIUM',
          confirmed: 'LOW',
          overridden: true,
          overrideReason: reason,
          outcomes: [],
          socialCareDecisionDueAt: null,
        }),
    );
  });

  it.each([undefined, '', '   '])(
    'refuses a level below the suggestion without a reason (overrideReason %p)',
    (overrideReason) => {
      spec
        .given(open)
        .when(
          completeReturnInterview(
            screened({ ...TWO_MEDIUM, confirmedLevel: 'LOW', overrideReason }),
          ),
        )
        .thenThrows(InvalidCommand, (error) =>
          expect(fields(error)).toEqual(['screening.overrideReason']),
        );
    },
  );

  it.each<[string, ScreeningInput, string]>([
    ['a medium indicator', screeningInput({ medium: ['NOT_IN_THE_TOOL'] }), 'screening.medium.0'],
    [
      'a significant indicator',
      screeningInput({ significant: [{ code: 'NOT_IN_THE_TOOL', when: 'CURRENT' }] }),
      'screening.significant.0.code',
    ],
    [
      'a vulnerability factor',
      screeningInput({ vulnerabilities: ['ISOLATED', 'NOT_IN_THE_TOOL'] }),
      'screening.vulnerabilities.1',
    ],
    ['a confirmed level', screeningInput({ confirmedLevel: 'HIGH' }), 'screening.confirmedLevel'],
  ])('refuses an unknown code as %s, naming the field', (_, screening, field) => {
    spec
      .given(open)
      .when(completeReturnInterview(screened(screening)))
      .thenThrows(InvalidCommand, (error) => expect(fields(error)).toEqual([field]));
  });

  it('refuses a significant indicator with no valid when', () => {
    spec
      .given(open)
      .when(
        completeReturnInterview(
          screened(screeningInput({ significant: [{ code: 'RISKY_AREAS', when: 'SOMETIMES' }] })),
        ),
      )
      .thenThrows(InvalidCommand, (error) =>
        expect(fields(error)).toEqual(['screening.significant.0.when']),
      );
  });
});

describe('what must follow: social care within one working day, strategy meeting and CMOG', () => {
  it('gives social care one working day from when the interview was recorded (MEDIUM)', () => {
    completing(
      open,
      screened(
        TWO_MEDIUM,
        {},
        { conductedAt: '2024-06-04T14:00:00.000Z', now: '2024-06-06T16:00:00.000Z' },
      ),
      (data) => expect(data.screening.socialCareDecisionDueAt).toBe('2024-06-07T16:00:00.000Z'),
    );
  });

  it('carries a Friday referral over the weekend to Monday', () => {
    completing(open, screened(TWO_MEDIUM, {}, { now: '2024-06-07T10:00:00.000Z' }), (data) =>
      expect(data.screening.socialCareDecisionDueAt).toBe('2024-06-10T10:00:00.000Z'),
    );
  });

  it("follows the local authority's policy for the working days", () => {
    completing(
      open,
      screened(
        TWO_MEDIUM,
        {},
        { socialCareDecisionWorkingDays: 2, now: '2024-06-07T10:00:00.000Z' },
      ),
      (data) => expect(data.screening.socialCareDecisionDueAt).toBe('2024-06-11T10:00:00.000Z'),
    );
  });

  it('needs a referral, a strategy meeting and a CMOG listing for SIGNIFICANT', () => {
    completing(open, screened(SIGNIFICANT), (data) => {
      expect(data.screening.suggested).toBe('SIGNIFICANT');
      expect(data.screening.outcomes).toEqual([
        'SOCIAL_CARE_REFERRAL_REQUIRED',
        'STRATEGY_MEETING_REQUIRED',
        'CMOG_LISTING',
      ]);
      expect(data.screening.socialCareDecisionDueAt).toBe('2024-06-05T15:00:00.000Z');
    });
  });

  it.each<[string, ScreeningInput]>([
    ['LOW', ONE_MEDIUM],
    ['NONE', screeningInput()],
  ])('needs no referral for %s', (level, screening) => {
    completing(open, screened(screening), (data) => {
      expect(data.screening.confirmed).toBe(level);
      expect(data.screening.outcomes).toEqual([]);
      expect(data.screening.socialCareDecisionDueAt).toBeNull();
    });
  });
});

describe('no child under 13 and no child with a learning disability is assessed LOW', () => {
  it.each<[number, string]>([
    [12, 'MEDIUM'],
    [13, 'LOW'],
    [14, 'LOW'],
  ])('raises one medium indicator for a child aged %i to %s', (ageAtInterview, level) => {
    completing(open, screened(ONE_MEDIUM, { ageAtInterview }), (data) =>
      expect(data.screening.suggested).toBe(level),
    );
  });

  it('refers a 12-year-old with one medium indicator to social care', () => {
    completing(open, screened(ONE_MEDIUM, { ageAtInterview: 12 }), (data) => {
      expect(data.screening.outcomes).toEqual(['SOCIAL_CARE_REFERRAL_REQUIRED']);
      expect(data.screening.socialCareDecisionDueAt).not.toBeNull();
    });
  });

  it('refuses LOW for a child under 13 with an indicator, even with a reason', () => {
    spec
      .given(open)
      .when(
        completeReturnInterview(
          screened(
            { ...ONE_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'Seems settled now' },
            { ageAtInterview: 12 },
          ),
        ),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fields(error)).toEqual(['screening.confirmedLevel']);
        expect(error.message).toMatch(/under 13/);
      });
  });

  it('raises one medium indicator to MEDIUM for a child with a learning disability', () => {
    completing(
      open,
      screened(ONE_MEDIUM, { ageAtInterview: 16, learningDisability: true }),
      (data) => expect(data.screening.suggested).toBe('MEDIUM'),
    );
  });

  it('refuses LOW for a child with a learning disability and an indicator', () => {
    spec
      .given(open)
      .when(
        completeReturnInterview(
          screened(
            { ...ONE_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'One-off' },
            { ageAtInterview: 16, learningDisability: true },
          ),
        ),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fields(error)).toEqual(['screening.confirmedLevel']);
        expect(error.message).toMatch(/learning disability/);
      });
  });

  it('leaves vulnerability factors alone at LOW: they are not indicators of exploitation', () => {
    completing(
      open,
      screened(VULNERABILITY_ONLY, { ageAtInterview: 12, learningDisability: true }),
      (data) => expect(data.screening.suggested).toBe('LOW'),
    );
  });
});

describe('a child who met the repeat missing threshold has "Periods of absence/missing" pre-filled', () => {
  const repeat = { repeatThresholdMet: true };

  it('accepts it kept as CURRENT (SIGNIFICANT follows)', () => {
    completing(
      open,
      screened(
        screeningInput({ significant: [{ code: 'MISSING_EPISODES', when: 'CURRENT' }] }),
        repeat,
      ),
      (data) => expect(data.screening.suggested).toBe('SIGNIFICANT'),
    );
  });

  it('refuses it unticked without a reason', () => {
    spec
      .given(open)
      .when(completeReturnInterview(screened(ONE_MEDIUM, repeat)))
      .thenThrows(InvalidCommand, (error) =>
        expect(fields(error)).toEqual(['screening.missingEpisodesUntickReason']),
      );
  });

  it('refuses it moved to PRIOR without a reason', () => {
    spec
      .given(open)
      .when(
        completeReturnInterview(
          screened(
            screeningInput({ significant: [{ code: 'MISSING_EPISODES', when: 'PRIOR' }] }),
            repeat,
          ),
        ),
      )
      .thenThrows(InvalidCommand, (error) =>
        expect(fields(error)).toEqual(['screening.significant.0.when']),
      );
  });

  it('accepts it unticked with a reason, kept with the indicators', () => {
    const screening = screeningInput({
      medium: ['DRUG_MISUSE'],
      missingEpisodesUntickReason: 'Two of the episodes were recorded twice by the police',
    });
    completing(open, screened(screening, repeat), (data) => {
      expect(data.screening.suggested).toBe('LOW');
      expect(data.personal.indicators).toEqual(screening);
    });
  });

  it('asks nothing when the threshold was not met', () => {
    completing(open, screened(ONE_MEDIUM, { repeatThresholdMet: false }), (data) =>
      expect(data.screening.suggested).toBe('LOW'),
    );
  });
});

describe('amending a record the quality check returned', () => {
  const returned = returnInterviewReviewed({ decision: 'RETURNED' });
  const amend = {
    record: interviewRecord({ associates: [{ name: 'An older man called "J"' }] }),
    now: '2024-06-05T10:00:00.000Z',
  };

  it('records the amended record as revision 2', () => {
    completing([...open, returnInterviewHeld(), returned], amend, (data) => {
      expect(data.revision).toBe(2);
      expect(data.recordedAt).toBe('2024-06-05T10:00:00.000Z');
      expect(data.personal.associates).toEqual([{ name: 'An older man called "J"' }]);
    });
  });

  it('is the allocated worker’s to amend', () => {
    spec
      .given([...open, returnInterviewHeld(), returned])
      .when(completeReturnInterview({ ...amend, completedBy: OTHER_WORKER_ID }))
      .thenThrows(ActionNotPermitted);
  });

  it('refuses a second amendment before the amended record is checked', () => {
    spec
      .given([...open, returnInterviewHeld(), returned, returnInterviewHeld({ revision: 2 })])
      .when(completeReturnInterview(amend))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/quality check/));
  });

  it('refuses an amendment after the record was approved', () => {
    spec
      .given([...open, returnInterviewHeld(), returnInterviewReviewed({ decision: 'APPROVED' })])
      .when(completeReturnInterview(amend))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toMatch(/already been held/);
        expect(error.message).not.toMatch(/waiting for its quality check/);
      });
  });

  it('allows revision 3 after the amended record is returned again', () => {
    completing(
      [
        ...open,
        returnInterviewHeld(),
        returned,
        returnInterviewHeld({ revision: 2 }),
        returnInterviewReviewed({ decision: 'RETURNED', revision: 2 }),
      ],
      amend,
      (data) => expect(data.revision).toBe(3),
    );
  });
});
