import { DEFAULT_POLICY } from './policy';
import { DEFAULT_POLICY_SET, policyFor, resolvePolicySet, type PolicySet } from './policy-set';

const resolved = (json: unknown): PolicySet => {
  const result = resolvePolicySet(json);
  if (!result.ok)
    throw new Error(`expected a valid policy file, got:\n${result.errors.join('\n')}`);
  return result.set;
};

const errorsOf = (json: unknown): string[] => {
  const result = resolvePolicySet(json);
  if (result.ok) throw new Error('expected the policy file to be refused');
  return result.errors;
};

describe('a policy file overrides the defaults setting by setting', () => {
  it('gives the defaults for an empty file', () => {
    expect(resolved({})).toEqual(DEFAULT_POLICY_SET);
  });

  it('accepts a file restating every default (each setting has a check)', () => {
    expect(resolved(DEFAULT_POLICY).default).toEqual(DEFAULT_POLICY);
  });

  it('changes only the setting given, keeping its neighbours', () => {
    const set = resolved({ returnInterview: { deadlineHours: 48 } });
    expect(set.default.returnInterview).toEqual({
      deadlineHours: 48,
      unallocatedAlertHours: 24,
      reminderHoursBeforeDue: 24,
    });
    expect(set.default.triage).toEqual(DEFAULT_POLICY.triage);
  });

  it('merges deeply: one part of a threshold keeps the other', () => {
    const set = resolved({ triage: { red: { episodes: { withinDays: 60 } } } });
    expect(set.default.triage.red).toEqual({
      underAge: 13,
      episodes: { count: 3, withinDays: 60 },
    });
  });
});

describe("each local authority's policy is defaults, then the top level, then its own section", () => {
  const set = resolved({
    returnInterview: { deadlineHours: 48 },
    localAuthorities: {
      Walsall: { triage: { red: { underAge: 14 } } },
      ' Kent ': { returnInterview: { deadlineHours: 36 } },
    },
  });

  it('takes its own section over the top level', () => {
    expect(policyFor(set, 'Kent').returnInterview.deadlineHours).toBe(36);
  });

  it('takes the top level where its section is silent', () => {
    expect(policyFor(set, 'Walsall').returnInterview.deadlineHours).toBe(48);
    expect(policyFor(set, 'Walsall').triage.red).toEqual({
      underAge: 14,
      episodes: { count: 3, withinDays: 90 },
    });
  });

  it('does not let one authority change another', () => {
    expect(policyFor(set, 'Kent').triage.red.underAge).toBe(13);
  });

  it('matches names ignoring case and surrounding spaces', () => {
    expect(policyFor(set, 'walsall').triage.red.underAge).toBe(14);
    expect(policyFor(set, '  WALSALL\t').triage.red.underAge).toBe(14);
    expect(policyFor(set, 'kent').returnInterview.deadlineHours).toBe(36);
  });

  it('gives the default policy for an unknown or missing authority', () => {
    expect(policyFor(set, 'Camden')).toBe(set.default);
    expect(policyFor(set, null)).toBe(set.default);
  });
});

describe('every problem is reported with its path', () => {
  it('names an unknown setting and what is known there', () => {
    expect(errorsOf({ returnInterveiw: { deadlineHours: 48 } })).toEqual([
      'returnInterveiw: unknown setting (known here: returnInterview, triage, repeatMissing, screening, alerts, hotspots)',
    ]);
  });

  it('names an unknown setting inside a local authority', () => {
    expect(errorsOf({ localAuthorities: { Walsall: { triage: { red: { age: 14 } } } } })).toEqual([
      'localAuthorities.Walsall.triage.red.age: unknown setting (known here: underAge, episodes)',
    ]);
  });

  it.each([0, 19, 12.5, '13', null])('refuses underAge %p in a local authority', (underAge) => {
    expect(errorsOf({ localAuthorities: { Walsall: { triage: { red: { underAge } } } } })).toEqual([
      'localAuthorities.Walsall.triage.red.underAge: must be a whole number from 1 to 18',
    ]);
  });

  it.each([1, 18])('accepts underAge %p', (underAge) => {
    expect(resolved({ triage: { red: { underAge } } }).default.triage.red.underAge).toBe(underAge);
  });

  it.each([0, -1, '72', Number.NaN])('refuses deadlineHours %p', (deadlineHours) => {
    expect(errorsOf({ returnInterview: { deadlineHours } })).toEqual([
      'returnInterview.deadlineHours: must be a number of hours above 0',
    ]);
  });

  it('accepts a fraction of an hour', () => {
    const set = resolved({ returnInterview: { unallocatedAlertHours: 0.5 } });
    expect(set.default.returnInterview.unallocatedAlertHours).toBe(0.5);
  });

  it.each([0, 2.5, -3])('refuses an episode count of %p', (count) => {
    expect(errorsOf({ repeatMissing: { cmog: { count } } })).toEqual([
      'repeatMissing.cmog.count: must be a whole number of episodes, 1 or more',
    ]);
  });

  it.each([0, 1.5])('refuses a window of %p days', (withinDays) => {
    expect(errorsOf({ screening: { missingEpisodesPrefill: { withinDays } } })).toEqual([
      'screening.missingEpisodesPrefill.withinDays: must be a whole number of days, 1 or more',
    ]);
  });

  it('refuses 0 working days for the social care decision', () => {
    expect(errorsOf({ screening: { socialCareDecisionWorkingDays: 0 } })).toEqual([
      'screening.socialCareDecisionWorkingDays: must be a whole number of working days, 1 or more',
    ]);
  });

  it.each([0.5, 24, 72])('accepts alerts.acknowledgeWithinHours %p', (acknowledgeWithinHours) => {
    const set = resolved({ alerts: { acknowledgeWithinHours } });
    expect(set.default.alerts).toEqual({ acknowledgeWithinHours });
  });

  it.each([0, -24, '24', null, Number.POSITIVE_INFINITY])(
    'refuses alerts.acknowledgeWithinHours %p',
    (acknowledgeWithinHours) => {
      expect(errorsOf({ alerts: { acknowledgeWithinHours } })).toEqual([
        'alerts.acknowledgeWithinHours: must be a number of hours above 0',
      ]);
    },
  );

  it("names a bad acknowledgement window in a local authority's section", () => {
    expect(
      errorsOf({ localAuthorities: { Walsall: { alerts: { acknowledgeWithinHours: 0 } } } }),
    ).toEqual([
      'localAuthorities.Walsall.alerts.acknowledgeWithinHours: must be a number of hours above 0',
    ]);
  });

  it('gives each local authority its own acknowledgement window', () => {
    const set = resolved({
      localAuthorities: { Walsall: { alerts: { acknowledgeWithinHours: 4 } } },
    });
    expect(policyFor(set, 'Walsall').alerts.acknowledgeWithinHours).toBe(4);
    expect(policyFor(set, 'Kent').alerts.acknowledgeWithinHours).toBe(24);
  });

  it('refuses a value where settings are expected', () => {
    expect(errorsOf({ triage: 3 })).toEqual(['triage: must be an object of settings']);
    expect(errorsOf({ triage: { red: { episodes: [3, 90] } } })).toEqual([
      'triage.red.episodes: must be an object of settings',
    ]);
  });

  it('refuses a file that is not an object', () => {
    expect(errorsOf([])).toEqual(['(file): must be a JSON object']);
    expect(errorsOf(null)).toEqual(['(file): must be a JSON object']);
  });

  it('lists every problem, not just the first', () => {
    expect(
      errorsOf({
        returnInterview: { deadlineHours: 0 },
        triage: { amber: { episodes: { count: 0 } } },
        localAuthorities: { Walsall: { triage: { red: { underAge: 30 } } }, Kent: 'strict' },
      }),
    ).toEqual([
      'returnInterview.deadlineHours: must be a number of hours above 0',
      'triage.amber.episodes.count: must be a whole number of episodes, 1 or more',
      'localAuthorities.Walsall.triage.red.underAge: must be a whole number from 1 to 18',
      'localAuthorities.Kent: must be an object of settings',
    ]);
  });
});

describe('the reminder and the unallocated alert come before the deadline', () => {
  it('refuses a reminder as long as the deadline', () => {
    expect(errorsOf({ returnInterview: { deadlineHours: 24 } })).toEqual([
      'returnInterview.reminderHoursBeforeDue: must be less than returnInterview.deadlineHours (24)',
      'returnInterview.unallocatedAlertHours: must be less than returnInterview.deadlineHours (24)',
    ]);
  });

  it('accepts them an hour short of the deadline', () => {
    const policy = { deadlineHours: 25, reminderHoursBeforeDue: 24, unallocatedAlertHours: 24 };
    expect(resolved({ returnInterview: policy }).default.returnInterview).toEqual(policy);
  });

  it("checks a local authority's own deadline against the hours it inherits", () => {
    expect(
      errorsOf({ localAuthorities: { Walsall: { returnInterview: { deadlineHours: 12 } } } }),
    ).toEqual([
      'localAuthorities.Walsall.returnInterview.reminderHoursBeforeDue: must be less than returnInterview.deadlineHours (12)',
      'localAuthorities.Walsall.returnInterview.unallocatedAlertHours: must be less than returnInterview.deadlineHours (12)',
    ]);
  });

  it('reports a top-level problem once, not again for each authority inheriting it', () => {
    const errors = errorsOf({
      returnInterview: { reminderHoursBeforeDue: 80 },
      localAuthorities: { Walsall: { triage: { red: { underAge: 14 } } } },
    });
    expect(errors).toEqual([
      'returnInterview.reminderHoursBeforeDue: must be less than returnInterview.deadlineHours (72)',
    ]);
  });
});

describe('local authority sections', () => {
  it('refuses two sections for one authority', () => {
    expect(errorsOf({ localAuthorities: { Walsall: {}, ' walsall': {} } })).toEqual([
      'localAuthorities. walsall: repeats "Walsall" (names are matched ignoring case and spaces)',
    ]);
  });

  it('refuses a section without a name', () => {
    expect(errorsOf({ localAuthorities: { ' ': {} } })).toEqual([
      'localAuthorities. : a local authority needs a name',
    ]);
  });

  it('takes the hotspot defaults: 3 different children within 90 days', () => {
    expect(resolved({}).default.hotspots).toEqual({ children: 3, withinDays: 90 });
  });

  it('gives each local authority its own hotspot threshold, merged setting by setting', () => {
    const set = resolved({
      hotspots: { withinDays: 60 },
      localAuthorities: { Walsall: { hotspots: { children: 2 } } },
    });
    expect(policyFor(set, 'Walsall').hotspots).toEqual({ children: 2, withinDays: 60 });
    expect(policyFor(set, 'Kent').hotspots).toEqual({ children: 3, withinDays: 60 });
  });

  it.each([1, 0, 2.5, '3', null])('refuses hotspots.children %p', (children) => {
    expect(errorsOf({ hotspots: { children } })).toEqual([
      'hotspots.children: must be a whole number of children, 2 or more',
    ]);
  });

  it("names a bad hotspot window in a local authority's section", () => {
    expect(errorsOf({ localAuthorities: { Walsall: { hotspots: { withinDays: 0 } } } })).toEqual([
      'localAuthorities.Walsall.hotspots.withinDays: must be a whole number of days, 1 or more',
    ]);
  });

  it('refuses an unknown hotspot setting, naming what is known', () => {
    expect(errorsOf({ hotspots: { places: 3 } })).toEqual([
      'hotspots.places: unknown setting (known here: children, withinDays)',
    ]);
  });

  it('refuses localAuthorities that is not an object', () => {
    expect(errorsOf({ localAuthorities: ['Walsall'] })).toEqual([
      'localAuthorities: must be an object keyed by local authority name',
    ]);
  });

  it('does not allow local authorities inside a local authority', () => {
    expect(errorsOf({ localAuthorities: { Walsall: { localAuthorities: {} } } })).toEqual([
      'localAuthorities.Walsall.localAuthorities: unknown setting (known here: returnInterview, triage, repeatMissing, screening, alerts, hotspots)',
    ]);
  });

  it('keeps the name as written, trimmed', () => {
    expect(
      Object.keys(resolved({ localAuthorities: { ' Walsall ': {} } }).localAuthorities),
    ).toEqual(['Walsall']);
  });
});

describe('the policy file cannot reach outside the policy', () => {
  it('refuses a __proto__ key', () => {
    const json: unknown = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(errorsOf(json)[0]).toMatch(/^__proto__: unknown setting/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
