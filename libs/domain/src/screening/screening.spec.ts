import { InvalidCommand, type FieldError } from '../shared/errors';
import {
  assessScreening,
  floorFor,
  outcomesFor,
  prefilledSignificant,
  suggestLevel,
  validateScreening,
  type ScreeningContext,
  type ScreeningInput,
} from './screening';
import {
  CSE_LEVEL_DESCRIPTIONS,
  CSE_LEVELS,
  MEDIUM_INDICATORS,
  SIGNIFICANT_INDICATORS,
  VULNERABILITY_FACTORS,
  higherLevel,
  labelOf,
  levelRank,
  type CseLevel,
} from './screening-tool';

const context = (over: Partial<ScreeningContext> = {}): ScreeningContext => ({
  ageAtInterview: 15,
  learningDisability: false,
  repeatThresholdMet: false,
  ...over,
});

const screening = (over: Partial<ScreeningInput> = {}): ScreeningInput => ({
  significant: [],
  medium: [],
  vulnerabilities: [],
  ...over,
});

const ONE_MEDIUM = screening({ medium: ['DRUG_MISUSE'] });
const TWO_MEDIUM = screening({ medium: ['DRUG_MISUSE', 'UNKNOWN_CONTACTS'] });
const PRIOR_VEHICLES = screening({ significant: [{ code: 'UNKNOWN_VEHICLES', when: 'PRIOR' }] });
const CURRENT_VEHICLES = screening({
  significant: [{ code: 'UNKNOWN_VEHICLES', when: 'CURRENT' }],
});

const DRUGS_LOW =
  'One medium risk indicator is recorded, which on its own suggests LOW risk: "Drugs Misuse".';
const UNDER_13 = (age: number) =>
  `Raised from LOW to MEDIUM risk because the child is aged ${age}, and no child under 13 is assessed as low risk when indicators of sexual exploitation are recorded.`;
const LEARNING_DISABILITY =
  'Raised from LOW to MEDIUM risk because the child has a learning disability, and no child with a learning disability is assessed as low risk when indicators of sexual exploitation are recorded.';

describe('the screening tool', () => {
  it('has 7 significant indicators, 19 medium indicators and 8 vulnerability factors', () => {
    expect([
      SIGNIFICANT_INDICATORS.length,
      MEDIUM_INDICATORS.length,
      VULNERABILITY_FACTORS.length,
    ]).toEqual([7, 19, 8]);
  });

  it('uses each code once across the whole tool', () => {
    const codes = [...SIGNIFICANT_INDICATORS, ...MEDIUM_INDICATORS, ...VULNERABILITY_FACTORS].map(
      (item) => item.code,
    );
    expect(new Set(codes).size).toBe(34);
  });

  it("keeps the tool's own wording", () => {
    expect(labelOf('MISSING_EPISODES')).toBe('Periods of absence/missing (day and/or night)');
    expect(labelOf('WHEREABOUTS_UNKNOWN')).toBe(
      'Whereabouts unclear or unknown – day and/or night',
    );
    expect(labelOf('HISTORY_OF_CARE')).toBe('History of Local Authority Care');
    expect(CSE_LEVEL_DESCRIPTIONS.LOW).toEqual({
      label: 'Low risk',
      description: 'A child who is at risk of being groomed for sexual exploitation.',
    });
  });

  it('orders the levels NONE < LOW < MEDIUM < SIGNIFICANT', () => {
    expect(CSE_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(higherLevel('LOW', 'MEDIUM')).toBe('MEDIUM');
    expect(higherLevel('SIGNIFICANT', 'NONE')).toBe('SIGNIFICANT');
  });
});

describe('suggestLevel', () => {
  it('suggests NONE when nothing is ticked', () => {
    expect(suggestLevel(screening(), context())).toEqual({
      level: 'NONE',
      reasons: [
        'Nothing is ticked on the screening tool: no risk indicator or vulnerability factor.',
      ],
    });
  });

  it('suggests LOW for one vulnerability factor only', () => {
    expect(suggestLevel(screening({ vulnerabilities: ['HISTORY_OF_CARE'] }), context())).toEqual({
      level: 'LOW',
      reasons: [
        'A vulnerability factor is recorded with no risk indicator, which suggests LOW risk: "History of Local Authority Care".',
      ],
    });
  });

  it('suggests LOW for many vulnerability factors only', () => {
    const input = screening({
      vulnerabilities: ['HISTORY_OF_CARE', 'ISOLATED', 'UNSUITABLE_ACCOMMODATION'],
    });
    expect(suggestLevel(input, context())).toEqual({
      level: 'LOW',
      reasons: [
        '3 vulnerability factors are recorded with no risk indicator, which suggests LOW risk: "History of Local Authority Care"; "Isolated from peers/family/social networks"; "Unsuitable/inappropriate accommodation/sofa surfing/financially unsupported/migrant/refugee".',
      ],
    });
  });

  it('suggests LOW for exactly one medium indicator', () => {
    expect(suggestLevel(ONE_MEDIUM, context())).toEqual({ level: 'LOW', reasons: [DRUGS_LOW] });
  });

  it('suggests LOW for one medium indicator with vulnerability factors', () => {
    const input = screening({ medium: ['DRUG_MISUSE'], vulnerabilities: ['ISOLATED'] });
    expect(suggestLevel(input, context())).toEqual({
      level: 'LOW',
      reasons: [
        DRUGS_LOW,
        'A vulnerability factor is also recorded: "Isolated from peers/family/social networks".',
      ],
    });
  });

  it('suggests MEDIUM for two medium indicators', () => {
    expect(suggestLevel(TWO_MEDIUM, context())).toEqual({
      level: 'MEDIUM',
      reasons: [
        '2 medium risk indicators are recorded, which suggests MEDIUM risk: "Drugs Misuse"; "Regular/Multiple contacts from unknown adults/young people".',
      ],
    });
  });

  it('suggests MEDIUM for three medium indicators', () => {
    const input = screening({ medium: ['DRUG_MISUSE', 'ALCOHOL_MISUSE', 'UNSAFE_INTERNET'] });
    expect(suggestLevel(input, context()).level).toBe('MEDIUM');
  });

  it('suggests MEDIUM for a significant indicator recorded as PRIOR only', () => {
    expect(suggestLevel(PRIOR_VEHICLES, context())).toEqual({
      level: 'MEDIUM',
      reasons: [
        'A significant risk indicator is recorded as prior (more than 6 months ago) and none as current, which suggests MEDIUM risk: "Entering/leaving vehicles driven by unknown adults (not car theft)".',
      ],
    });
  });

  it('keeps MEDIUM for many PRIOR significant indicators with medium indicators', () => {
    const input = screening({
      significant: [
        { code: 'UNKNOWN_VEHICLES', when: 'PRIOR' },
        { code: 'ONLINE_GROOMING', when: 'PRIOR' },
      ],
      medium: ['DRUG_MISUSE', 'ALCOHOL_MISUSE'],
    });
    expect(suggestLevel(input, context())).toEqual({
      level: 'MEDIUM',
      reasons: [
        '2 significant risk indicators are recorded as prior (more than 6 months ago) and none as current, which suggests MEDIUM risk: "Entering/leaving vehicles driven by unknown adults (not car theft)"; "Groomed/abused via the Internet and mobile technology".',
        '2 medium risk indicators are also recorded: "Drugs Misuse"; "Alcohol Misuse".',
      ],
    });
  });

  it('suggests SIGNIFICANT for one CURRENT significant indicator', () => {
    expect(suggestLevel(CURRENT_VEHICLES, context())).toEqual({
      level: 'SIGNIFICANT',
      reasons: [
        'A significant risk indicator is recorded as current (now or within the past 6 months), which suggests SIGNIFICANT risk: "Entering/leaving vehicles driven by unknown adults (not car theft)".',
      ],
    });
  });

  it('suggests SIGNIFICANT when one of several significant indicators is CURRENT, naming everything recorded', () => {
    const input = screening({
      significant: [
        { code: 'ONLINE_GROOMING', when: 'PRIOR' },
        { code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' },
      ],
      medium: ['WHEREABOUTS_UNKNOWN'],
      vulnerabilities: ['FAMILY_CONFLICT_LOSS', 'HISTORY_OF_CARE'],
    });
    expect(suggestLevel(input, context())).toEqual({
      level: 'SIGNIFICANT',
      reasons: [
        'A significant risk indicator is recorded as current (now or within the past 6 months), which suggests SIGNIFICANT risk: "Having unexplained contact with hotels, taxi companies or fast food outlets".',
        'A significant risk indicator is also recorded as prior (more than 6 months ago): "Groomed/abused via the Internet and mobile technology".',
        'A medium risk indicator is also recorded: "Whereabouts unclear or unknown – day and/or night".',
        '2 vulnerability factors are also recorded: "Family conflict, breakdown, lack of love/security, death, loss, illness of a significant person in child\'s life"; "History of Local Authority Care".',
      ],
    });
  });

  it('leaves out codes that are not in the tool', () => {
    const input = screening({
      significant: [{ code: 'NOT_A_CODE', when: 'CURRENT' }],
      medium: ['DRUG_MISUSE', 'NOT_A_CODE'],
    });
    expect(suggestLevel(input, context())).toEqual({ level: 'LOW', reasons: [DRUGS_LOW] });
  });
});

describe('floors: no child under 13 or with a learning disability is assessed LOW once an indicator is ticked', () => {
  it('raises one medium indicator to MEDIUM at age 12, saying why', () => {
    expect(suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 12 }))).toEqual({
      level: 'MEDIUM',
      reasons: [DRUGS_LOW, UNDER_13(12)],
    });
  });

  it('leaves one medium indicator LOW at age 13', () => {
    expect(suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 13 }))).toEqual({
      level: 'LOW',
      reasons: [DRUGS_LOW],
    });
  });

  it('leaves one medium indicator LOW at age 14', () => {
    expect(suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 14 })).level).toBe('LOW');
  });

  it('raises one medium indicator to MEDIUM at age 8', () => {
    expect(suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 8 })).level).toBe('MEDIUM');
  });

  it('raises one medium indicator to MEDIUM for a 16-year-old with a learning disability', () => {
    expect(
      suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 16, learningDisability: true })),
    ).toEqual({ level: 'MEDIUM', reasons: [DRUGS_LOW, LEARNING_DISABILITY] });
  });

  it('gives both reasons for a 12-year-old with a learning disability', () => {
    expect(
      suggestLevel(ONE_MEDIUM, context({ ageAtInterview: 12, learningDisability: true })),
    ).toEqual({ level: 'MEDIUM', reasons: [DRUGS_LOW, UNDER_13(12), LEARNING_DISABILITY] });
  });

  it.each([
    ['age 12', { ageAtInterview: 12 }],
    ['a learning disability', { learningDisability: true }],
  ])('has no effect when nothing is ticked (%s)', (_, over) => {
    expect(suggestLevel(screening(), context(over)).level).toBe('NONE');
    expect(floorFor(screening(), context(over))).toBe('NONE');
  });

  it.each([
    ['age 12', { ageAtInterview: 12 }],
    ['a learning disability', { learningDisability: true }],
  ])('leaves vulnerability factors only at LOW (%s): they are not risk indicators', (_, over) => {
    const input = screening({ vulnerabilities: ['ISOLATED'] });
    expect(suggestLevel(input, context(over)).level).toBe('LOW');
    expect(floorFor(input, context(over))).toBe('LOW');
  });

  it('adds no reason when the level is already MEDIUM or above', () => {
    expect(suggestLevel(PRIOR_VEHICLES, context({ ageAtInterview: 12 })).reasons).toHaveLength(1);
    expect(suggestLevel(CURRENT_VEHICLES, context({ learningDisability: true }))).toMatchObject({
      level: 'SIGNIFICANT',
      reasons: [expect.stringContaining('suggests SIGNIFICANT risk')],
    });
  });
});

describe('floorFor', () => {
  it.each<[string, ScreeningInput, Partial<ScreeningContext>, CseLevel]>([
    ['nothing ticked', screening(), {}, 'NONE'],
    [
      'nothing ticked, age 12 with a learning disability',
      screening(),
      { ageAtInterview: 12, learningDisability: true },
      'NONE',
    ],
    ['vulnerability factors only', screening({ vulnerabilities: ['ISOLATED'] }), {}, 'LOW'],
    ['one medium indicator at 15', ONE_MEDIUM, {}, 'LOW'],
    ['one medium indicator at 13', ONE_MEDIUM, { ageAtInterview: 13 }, 'LOW'],
    ['one medium indicator at 12', ONE_MEDIUM, { ageAtInterview: 12 }, 'MEDIUM'],
    [
      'one medium indicator with a learning disability',
      ONE_MEDIUM,
      { learningDisability: true },
      'MEDIUM',
    ],
    ['a CURRENT significant indicator at 15', CURRENT_VEHICLES, {}, 'LOW'],
    ['a CURRENT significant indicator at 12', CURRENT_VEHICLES, { ageAtInterview: 12 }, 'MEDIUM'],
    [
      'a PRIOR significant indicator with a learning disability',
      PRIOR_VEHICLES,
      { learningDisability: true },
      'MEDIUM',
    ],
  ])('is the floor for %s', (_, input, over, floor) => {
    expect(floorFor(input, context(over))).toBe(floor);
  });
});

describe('validateScreening names every problem with the submitted tool', () => {
  it('accepts an empty screening', () => {
    expect(validateScreening(screening(), context())).toEqual([]);
  });

  it('accepts a full, well-formed screening', () => {
    const input = screening({
      significant: [
        { code: 'MISSING_EPISODES', when: 'CURRENT' },
        { code: 'RISKY_AREAS', when: 'PRIOR' },
      ],
      medium: ['DRUG_MISUSE', 'GANG_ASSOCIATION'],
      vulnerabilities: ['ISOLATED'],
      confirmedLevel: 'SIGNIFICANT',
    });
    expect(validateScreening(input, context())).toEqual([]);
  });

  it('names unknown codes in each list by their position', () => {
    const input = screening({
      significant: [
        { code: 'MISSING_EPISODES', when: 'CURRENT' },
        { code: 'SUBSTANCE_USE', when: 'CURRENT' },
      ],
      medium: ['DRUG_MISUSE', 'DRUGS'],
      vulnerabilities: ['POVERTY'],
    });
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.significant.1.code',
        message: 'unknown code "SUBSTANCE_USE": it is not in the screening tool',
      },
      {
        field: 'screening.medium.1',
        message: 'unknown code "DRUGS": it is not in the screening tool',
      },
      {
        field: 'screening.vulnerabilities.0',
        message: 'unknown code "POVERTY": it is not in the screening tool',
      },
    ]);
  });

  it('says where a code from another part of the tool belongs', () => {
    const input = screening({
      significant: [{ code: 'DRUG_MISUSE', when: 'CURRENT' }],
      medium: ['MISSING_EPISODES'],
      vulnerabilities: ['WHEREABOUTS_UNKNOWN'],
    });
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.significant.0.code',
        message:
          '"DRUG_MISUSE" is not a significant indicator in the screening tool; it is a medium indicator (record it under medium)',
      },
      {
        field: 'screening.medium.0',
        message:
          '"MISSING_EPISODES" is not a medium indicator in the screening tool; it is a significant indicator (record it under significant, with when)',
      },
      {
        field: 'screening.vulnerabilities.0',
        message:
          '"WHEREABOUTS_UNKNOWN" is not a vulnerability factor in the screening tool; it is a medium indicator (record it under medium)',
      },
    ]);
  });

  it.each(['NOW', 'current', ''])('rejects when = %p', (when) => {
    const input = screening({ significant: [{ code: 'ONLINE_GROOMING', when }] });
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.significant.0.when',
        message: `must be CURRENT (now or within the past 6 months) or PRIOR (more than 6 months ago), got "${when}"`,
      },
    ]);
  });

  it('reports both an unknown code and a bad when on the same entry', () => {
    const input = screening({ significant: [{ code: 'X', when: 'SOMETIMES' }] });
    expect(validateScreening(input, context()).map((e) => e.field)).toEqual([
      'screening.significant.0.code',
      'screening.significant.0.when',
    ]);
  });

  it('names duplicates at each repeat, in every list', () => {
    const input = screening({
      significant: [
        { code: 'ONLINE_GROOMING', when: 'PRIOR' },
        { code: 'ONLINE_GROOMING', when: 'CURRENT' },
      ],
      medium: ['DRUG_MISUSE', 'ALCOHOL_MISUSE', 'DRUG_MISUSE', 'DRUG_MISUSE'],
      vulnerabilities: ['ISOLATED', 'ISOLATED'],
    });
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.significant.1.code',
        message: '"ONLINE_GROOMING" is recorded more than once; record each item once',
      },
      {
        field: 'screening.medium.2',
        message: '"DRUG_MISUSE" is recorded more than once; record each item once',
      },
      {
        field: 'screening.medium.3',
        message: '"DRUG_MISUSE" is recorded more than once; record each item once',
      },
      {
        field: 'screening.vulnerabilities.1',
        message: '"ISOLATED" is recorded more than once; record each item once',
      },
    ]);
  });

  it.each(['HIGH', 'low', 'NO_APPARENT_RISK', ''])(
    'rejects confirmedLevel %p',
    (confirmedLevel) => {
      expect(validateScreening(screening({ confirmedLevel }), context())).toEqual([
        {
          field: 'screening.confirmedLevel',
          message: `must be one of NONE, LOW, MEDIUM, SIGNIFICANT, got "${confirmedLevel}"`,
        },
      ]);
    },
  );

  it('collects problems from every part at once', () => {
    const input = screening({
      significant: [{ code: 'X', when: 'CURRENT' }],
      medium: ['Y'],
      vulnerabilities: ['Z'],
      confirmedLevel: 'HIGH',
    });
    expect(
      validateScreening(input, context({ repeatThresholdMet: true })).map((e) => e.field),
    ).toEqual([
      'screening.significant.0.code',
      'screening.medium.0',
      'screening.vulnerabilities.0',
      'screening.missingEpisodesUntickReason',
      'screening.confirmedLevel',
    ]);
  });
});

describe('confirming a level: below the suggestion needs a reason, above does not', () => {
  it('rejects MEDIUM below a SIGNIFICANT suggestion without a reason', () => {
    const input = { ...CURRENT_VEHICLES, confirmedLevel: 'MEDIUM' };
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.overrideReason',
        message: 'a reason is required to confirm MEDIUM below the suggested SIGNIFICANT',
      },
    ]);
  });

  it('rejects a reason that is only spaces', () => {
    const input = { ...TWO_MEDIUM, confirmedLevel: 'LOW', overrideReason: '   ' };
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.overrideReason',
        message: 'a reason is required to confirm LOW below the suggested MEDIUM',
      },
    ]);
  });

  it('accepts LOW below a MEDIUM suggestion with a reason', () => {
    const input = {
      ...TWO_MEDIUM,
      confirmedLevel: 'LOW',
      overrideReason: 'Contacts are known family friends, confirmed by the social worker',
    };
    expect(validateScreening(input, context())).toEqual([]);
  });

  it('accepts the suggested level itself without a reason', () => {
    expect(validateScreening({ ...TWO_MEDIUM, confirmedLevel: 'MEDIUM' }, context())).toEqual([]);
  });

  it.each(['MEDIUM', 'SIGNIFICANT'])(
    'accepts %s above a LOW suggestion without a reason',
    (level) => {
      expect(validateScreening({ ...ONE_MEDIUM, confirmedLevel: level }, context())).toEqual([]);
    },
  );

  it('accepts LOW when nothing is ticked (professional judgement above NONE)', () => {
    expect(validateScreening(screening({ confirmedLevel: 'LOW' }), context())).toEqual([]);
  });
});

describe('confirming a level below the floor is never allowed, even with a reason', () => {
  it('rejects LOW for a 12-year-old with one medium indicator, reason or not', () => {
    const input = { ...ONE_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'only one indicator' };
    const expected: FieldError[] = [
      {
        field: 'screening.confirmedLevel',
        message:
          'LOW is below MEDIUM, the lowest level allowed here, even with a reason: the child is aged 12, and no child under 13 is assessed as low risk when indicators of sexual exploitation are recorded',
      },
    ];
    expect(validateScreening(input, context({ ageAtInterview: 12 }))).toEqual(expected);
    expect(
      validateScreening({ ...input, overrideReason: undefined }, context({ ageAtInterview: 12 })),
    ).toEqual(expected);
  });

  it('accepts LOW with a reason for a 13-year-old with two medium indicators', () => {
    const input = { ...TWO_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'see case notes' };
    expect(validateScreening(input, context({ ageAtInterview: 13 }))).toEqual([]);
  });

  it('rejects LOW for a child with a learning disability and a PRIOR significant indicator', () => {
    const input = { ...PRIOR_VEHICLES, confirmedLevel: 'LOW', overrideReason: 'a long time ago' };
    expect(validateScreening(input, context({ learningDisability: true }))).toEqual([
      {
        field: 'screening.confirmedLevel',
        message:
          'LOW is below MEDIUM, the lowest level allowed here, even with a reason: the child has a learning disability, and no child with a learning disability is assessed as low risk when indicators of sexual exploitation are recorded',
      },
    ]);
  });

  it('accepts MEDIUM (the floor) below a SIGNIFICANT suggestion for a 12-year-old with a reason', () => {
    const input = { ...CURRENT_VEHICLES, confirmedLevel: 'MEDIUM', overrideReason: 'see notes' };
    expect(validateScreening(input, context({ ageAtInterview: 12 }))).toEqual([]);
  });

  it('rejects NONE when anything is ticked, since NONE means nothing is ticked', () => {
    const input = screening({
      vulnerabilities: ['ISOLATED'],
      confirmedLevel: 'NONE',
      overrideReason: 'no concerns',
    });
    expect(validateScreening(input, context())).toEqual([
      {
        field: 'screening.confirmedLevel',
        message:
          'NONE is below LOW, the lowest level allowed here, even with a reason: items are ticked on the screening tool and NONE means nothing is ticked',
      },
    ]);
  });
});

describe('Periods of absence/missing is pre-filled when the repeat missing threshold is met', () => {
  const threshold = context({ repeatThresholdMet: true });
  const MISSING_CURRENT = { code: 'MISSING_EPISODES', when: 'CURRENT' };

  it('pre-fills MISSING_EPISODES as CURRENT when the threshold is met', () => {
    expect(prefilledSignificant(threshold)).toEqual([
      { code: 'MISSING_EPISODES', when: 'CURRENT' },
    ]);
  });

  it('pre-fills nothing when the threshold is not met', () => {
    expect(prefilledSignificant(context())).toEqual([]);
  });

  it('accepts the pre-filled indicator kept, suggesting SIGNIFICANT', () => {
    const input = screening({ significant: prefilledSignificant(threshold) });
    expect(validateScreening(input, threshold)).toEqual([]);
    expect(suggestLevel(input, threshold).level).toBe('SIGNIFICANT');
  });

  it('rejects unticking it without a reason', () => {
    expect(validateScreening(ONE_MEDIUM, threshold)).toEqual([
      {
        field: 'screening.missingEpisodesUntickReason',
        message:
          'the child has met the repeat missing threshold, so "Periods of absence/missing (day and/or night)" is pre-filled as current; keep it ticked or give a reason for unticking it',
      },
    ]);
  });

  it('rejects an untick reason that is only spaces', () => {
    const input = { ...ONE_MEDIUM, missingEpisodesUntickReason: ' ' };
    expect(validateScreening(input, threshold).map((e) => e.field)).toEqual([
      'screening.missingEpisodesUntickReason',
    ]);
  });

  it('accepts unticking it with a reason, and suggests without it', () => {
    const input = {
      ...ONE_MEDIUM,
      missingEpisodesUntickReason: 'Two of the episodes were recorded in error by the placement',
    };
    expect(validateScreening(input, threshold)).toEqual([]);
    expect(suggestLevel(input, threshold).level).toBe('LOW');
  });

  it('rejects moving it to PRIOR without a reason, since the episodes are recent', () => {
    const input = screening({
      significant: [
        { code: 'RISKY_AREAS', when: 'PRIOR' },
        { code: 'MISSING_EPISODES', when: 'PRIOR' },
      ],
    });
    expect(validateScreening(input, threshold)).toEqual([
      {
        field: 'screening.significant.1.when',
        message:
          'the child has met the repeat missing threshold, so "Periods of absence/missing (day and/or night)" is current; record CURRENT or give a reason in missingEpisodesUntickReason',
      },
    ]);
    expect(
      validateScreening({ ...input, missingEpisodesUntickReason: 'see notes' }, threshold),
    ).toEqual([]);
  });

  it('asks nothing when the threshold is not met and it is not ticked', () => {
    expect(validateScreening(ONE_MEDIUM, context())).toEqual([]);
  });

  it('asks nothing when the worker ticks it without the threshold', () => {
    expect(validateScreening(screening({ significant: [MISSING_CURRENT] }), context())).toEqual([]);
  });
});

describe('assessScreening', () => {
  it('confirms the suggestion when no level is given', () => {
    expect(assessScreening(ONE_MEDIUM, context())).toEqual({
      suggested: 'LOW',
      suggestedReasons: [DRUGS_LOW],
      confirmed: 'LOW',
      overridden: false,
      outcomes: [],
    });
  });

  it('records an override below the suggestion with its reason, trimmed', () => {
    const input = {
      ...CURRENT_VEHICLES,
      confirmedLevel: 'MEDIUM',
      overrideReason: '  The driver is the child’s uncle, confirmed by police  ',
    };
    expect(assessScreening(input, context())).toEqual({
      suggested: 'SIGNIFICANT',
      suggestedReasons: [
        'A significant risk indicator is recorded as current (now or within the past 6 months), which suggests SIGNIFICANT risk: "Entering/leaving vehicles driven by unknown adults (not car theft)".',
      ],
      confirmed: 'MEDIUM',
      overridden: true,
      overrideReason: 'The driver is the child’s uncle, confirmed by police',
      outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'],
    });
  });

  it('records an override above the suggestion without a reason', () => {
    const result = assessScreening({ ...ONE_MEDIUM, confirmedLevel: 'SIGNIFICANT' }, context());
    expect(result).toEqual({
      suggested: 'LOW',
      suggestedReasons: [DRUGS_LOW],
      confirmed: 'SIGNIFICANT',
      overridden: true,
      outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED', 'STRATEGY_MEETING_REQUIRED', 'CMOG_LISTING'],
    });
    expect(result).not.toHaveProperty('overrideReason');
  });

  it('keeps a reason given with an override above the suggestion', () => {
    const input = { ...ONE_MEDIUM, confirmedLevel: 'MEDIUM', overrideReason: 'worker is worried' };
    expect(assessScreening(input, context())).toMatchObject({
      confirmed: 'MEDIUM',
      overridden: true,
      overrideReason: 'worker is worried',
    });
  });

  it('is not an override when the suggested level is confirmed, and drops an unneeded reason', () => {
    const input = { ...TWO_MEDIUM, confirmedLevel: 'MEDIUM', overrideReason: 'agree' };
    const result = assessScreening(input, context());
    expect(result).toMatchObject({ suggested: 'MEDIUM', confirmed: 'MEDIUM', overridden: false });
    expect(result).not.toHaveProperty('overrideReason');
  });

  it('applies the floor to the suggestion it confirms', () => {
    expect(assessScreening(ONE_MEDIUM, context({ ageAtInterview: 12 }))).toEqual({
      suggested: 'MEDIUM',
      suggestedReasons: [DRUGS_LOW, UNDER_13(12)],
      confirmed: 'MEDIUM',
      overridden: false,
      outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'],
    });
  });

  it("throws InvalidCommand carrying validateScreening's errors", () => {
    const input = screening({ medium: ['DRUGS'], confirmedLevel: 'HIGH' });
    let thrown: unknown;
    try {
      assessScreening(input, context());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCommand);
    expect((thrown as InvalidCommand).errors).toEqual(validateScreening(input, context()));
    expect((thrown as InvalidCommand).message).toBe(
      'screening.medium.0: unknown code "DRUGS": it is not in the screening tool; screening.confirmedLevel: must be one of NONE, LOW, MEDIUM, SIGNIFICANT, got "HIGH"',
    );
  });

  it('throws on a confirmed level below the floor, even with a reason', () => {
    const input = { ...ONE_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'only one indicator' };
    expect(() => assessScreening(input, context({ learningDisability: true }))).toThrow(
      InvalidCommand,
    );
  });
});

describe('outcomes follow the confirmed level', () => {
  it.each<[CseLevel, string[]]>([
    ['NONE', []],
    ['LOW', []],
    ['MEDIUM', ['SOCIAL_CARE_REFERRAL_REQUIRED']],
    ['SIGNIFICANT', ['SOCIAL_CARE_REFERRAL_REQUIRED', 'STRATEGY_MEETING_REQUIRED', 'CMOG_LISTING']],
  ])('%s gives %p', (level, outcomes) => {
    expect(outcomesFor(level)).toEqual(outcomes);
    expect(assessScreening(screening({ confirmedLevel: level }), context()).outcomes).toEqual(
      outcomes,
    );
  });

  it('uses the confirmed level, not the suggestion', () => {
    const input = { ...TWO_MEDIUM, confirmedLevel: 'LOW', overrideReason: 'see notes' };
    expect(assessScreening(input, context())).toMatchObject({
      suggested: 'MEDIUM',
      confirmed: 'LOW',
      outcomes: [],
    });
  });
});

describe('nothing the screening writes blames the child', () => {
  const contexts = [
    context(),
    context({ ageAtInterview: 12 }),
    context({ learningDisability: true }),
    context({ ageAtInterview: 9, learningDisability: true, repeatThresholdMet: true }),
  ];
  const inputs: ScreeningInput[] = [
    screening(),
    ...SIGNIFICANT_INDICATORS.flatMap(({ code }) =>
      ['CURRENT', 'PRIOR'].map((when) => screening({ significant: [{ code, when }] })),
    ),
    ...MEDIUM_INDICATORS.map(({ code }) => screening({ medium: [code] })),
    ...MEDIUM_INDICATORS.map(({ code }, i) =>
      screening({ medium: [code, MEDIUM_INDICATORS[(i + 1) % MEDIUM_INDICATORS.length].code] }),
    ),
    ...VULNERABILITY_FACTORS.map(({ code }) => screening({ vulnerabilities: [code] })),
    screening({
      significant: SIGNIFICANT_INDICATORS.map(({ code }, i) => ({
        code,
        when: i % 2 ? 'PRIOR' : 'CURRENT',
      })),
      medium: MEDIUM_INDICATORS.map(({ code }) => code),
      vulnerabilities: VULNERABILITY_FACTORS.map(({ code }) => code),
    }),
  ];
  const invalid: ScreeningInput[] = [
    screening({
      significant: [
        { code: 'NOPE', when: 'CURRENT' },
        { code: 'DRUG_MISUSE', when: 'x' },
      ],
      medium: ['MISSING_EPISODES', 'NOPE', 'NOPE'],
      vulnerabilities: ['ISOLATED', 'ISOLATED', 'DRUG_MISUSE'],
      confirmedLevel: 'HIGH',
    }),
    { ...ONE_MEDIUM, confirmedLevel: 'LOW' },
    { ...ONE_MEDIUM, confirmedLevel: 'NONE' },
    { ...TWO_MEDIUM, confirmedLevel: 'LOW' },
    screening({ significant: [{ code: 'MISSING_EPISODES', when: 'PRIOR' }] }),
  ];
  const written = [
    ...contexts.flatMap((c) => inputs.flatMap((input) => suggestLevel(input, c).reasons)),
    ...contexts.flatMap((c) =>
      [...inputs, ...invalid].flatMap((input) => validateScreening(input, c).map((e) => e.message)),
    ),
    ...CSE_LEVELS.map((level) => CSE_LEVEL_DESCRIPTIONS[level].description),
  ].join('\n');

  it('has written a good deal to check', () => {
    expect(inputs).toHaveLength(1 + 14 + 19 + 19 + 8 + 1);
    expect(written.length).toBeGreaterThan(20_000);
  });

  it('names every indicator and factor by its label somewhere', () => {
    for (const { label } of [
      ...SIGNIFICANT_INDICATORS,
      ...MEDIUM_INDICATORS,
      ...VULNERABILITY_FACTORS,
    ]) {
      expect(written).toContain(`"${label}"`);
    }
  });

  it.each([
    'lifestyle',
    'choice',
    'chose',
    'choos',
    'consent',
    'promiscu',
    'prostitut',
    'trouble maker',
    'troublemaker',
    'trouble-maker',
    'risky behaviour',
    'risk-taking',
    'putting themselves at risk',
    'putting herself at risk',
    'putting himself at risk',
    'willing',
    'asking for it',
    'rent boy',
  ])('never says "%s"', (words) => {
    expect(written.toLowerCase()).not.toContain(words);
  });
});
