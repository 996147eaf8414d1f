import { DEFAULT_POLICY, type HomewardPolicy } from './policy';

/** The policy in force everywhere, and the policy of each local authority that overrides it. */
export interface PolicySet {
  default: HomewardPolicy;
  /** Keyed by the name as written in the policy file; look up with policyFor. */
  localAuthorities: Record<string, HomewardPolicy>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type PolicyOverrides = DeepPartial<HomewardPolicy>;

/** The policy file: overrides for everyone, then overrides for each local authority. */
export type PolicyFile = PolicyOverrides & { localAuthorities?: Record<string, PolicyOverrides> };

export type PolicySetResult = { ok: true; set: PolicySet } | { ok: false; errors: string[] };

export const DEFAULT_POLICY_SET: PolicySet = { default: DEFAULT_POLICY, localAuthorities: {} };

/**
 * Reads a policy file (already parsed from JSON). Each local authority's policy is the defaults,
 * then the file's top level, then its own section, merged setting by setting. Every problem is
 * reported, each as `path: message`: a mistyped setting is an error rather than silently
 * leaving a child under the default threshold.
 */
export function resolvePolicySet(json: unknown): PolicySetResult {
  if (!isPlainObject(json)) return { ok: false, errors: ['(file): must be a JSON object'] };
  const errors: string[] = [];
  const { localAuthorities, ...overrides } = json;
  const base = mergePolicy(DEFAULT_POLICY, overrides, '', errors);
  errors.push(...deadlineProblems(base, ''));
  const set: PolicySet = { default: base, localAuthorities: {} };
  if (localAuthorities !== undefined && !isPlainObject(localAuthorities)) {
    errors.push('localAuthorities: must be an object keyed by local authority name');
  } else {
    resolveLocalAuthorities(localAuthorities ?? {}, set, errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, set };
}

/** The policy for a child's responsible local authority: unknown or none gives the default. */
export function policyFor(set: PolicySet, localAuthority: string | null): HomewardPolicy {
  if (localAuthority === null) return set.default;
  const wanted = laKey(localAuthority);
  const found = Object.entries(set.localAuthorities).find(([name]) => laKey(name) === wanted);
  return found ? found[1] : set.default;
}

/** Names as the police and councils write them: " walsall" and "Walsall" are one authority. */
const laKey = (name: string): string => name.trim().toLowerCase();

function resolveLocalAuthorities(
  sections: Record<string, unknown>,
  set: PolicySet,
  errors: string[],
): void {
  const seen = new Map<string, string>();
  for (const [name, section] of Object.entries(sections)) {
    const path = `localAuthorities.${name}`;
    const key = laKey(name);
    if (key === '') {
      errors.push(`${path}: a local authority needs a name`);
    } else if (seen.has(key)) {
      errors.push(
        `${path}: repeats "${seen.get(key)}" (names are matched ignoring case and spaces)`,
      );
    } else if (!isPlainObject(section)) {
      errors.push(`${path}: must be an object of settings`);
    } else {
      seen.set(key, name);
      const policy = mergePolicy(set.default, section, path, errors);
      // A section that leaves the hours alone inherits them, and any problem is reported once.
      const touched = isPlainObject(section.returnInterview);
      if (touched) errors.push(...deadlineProblems(policy, `${path}.`));
      set.localAuthorities[name.trim()] = policy;
    }
  }
}

type Settings = Record<string, unknown>;

/**
 * Copies `overrides` over `base`, following the shape of the defaults. A bad value is reported
 * and the base value kept, so one mistake does not cause a cascade of others.
 */
function mergePolicy(
  base: HomewardPolicy,
  overrides: Settings,
  path: string,
  errors: string[],
): HomewardPolicy {
  return mergeSettings(
    base as unknown as Settings,
    overrides,
    path,
    errors,
  ) as unknown as HomewardPolicy;
}

function mergeSettings(
  base: Settings,
  overrides: Settings,
  path: string,
  errors: string[],
): Settings {
  const merged: Settings = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (!Object.hasOwn(base, key)) {
      errors.push(`${at}: unknown setting (known here: ${Object.keys(base).join(', ')})`);
      continue;
    }
    const current = base[key];
    if (typeof current === 'number') {
      const problem = numberProblem(key, value);
      if (problem) errors.push(`${at}: ${problem}`);
      else merged[key] = value;
    } else if (isPlainObject(value)) {
      merged[key] = mergeSettings(current as Settings, value, at, errors);
    } else {
      errors.push(`${at}: must be an object of settings`);
    }
  }
  return merged;
}

const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

const wholeAtLeastOne =
  (what: string) =>
  (value: unknown): string | null =>
    isWhole(value) && value >= 1 ? null : `must be a whole number of ${what}, 1 or more`;

const hours = (value: unknown): string | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0
    ? null
    : 'must be a number of hours above 0';

/** One check per kind of setting, by its name; a new setting without one is refused. */
const NUMBER_RULES: Record<string, (value: unknown) => string | null> = {
  deadlineHours: hours,
  unallocatedAlertHours: hours,
  reminderHoursBeforeDue: hours,
  acknowledgeWithinHours: hours,
  underAge: (value) =>
    isWhole(value) && value >= 1 && value <= 18 ? null : 'must be a whole number from 1 to 18',
  count: wholeAtLeastOne('episodes'),
  // Two children seen together are an association, not yet a pattern of a place.
  children: (value) =>
    isWhole(value) && value >= 2 ? null : 'must be a whole number of children, 2 or more',
  withinDays: wholeAtLeastOne('days'),
  socialCareDecisionWorkingDays: wholeAtLeastOne('working days'),
};

function numberProblem(key: string, value: unknown): string | null {
  const rule = NUMBER_RULES[key];
  return rule ? rule(value) : 'Homeward has no check for this setting';
}

/** The reminder and the unallocated alert are only useful while the interview is still due. */
function deadlineProblems(policy: HomewardPolicy, prefix: string): string[] {
  const { deadlineHours, reminderHoursBeforeDue, unallocatedAlertHours } = policy.returnInterview;
  const limit = `must be less than returnInterview.deadlineHours (${deadlineHours})`;
  const problems: string[] = [];
  if (reminderHoursBeforeDue >= deadlineHours) {
    problems.push(`${prefix}returnInterview.reminderHoursBeforeDue: ${limit}`);
  }
  if (unallocatedAlertHours >= deadlineHours) {
    problems.push(`${prefix}returnInterview.unallocatedAlertHours: ${limit}`);
  }
  return problems;
}

function isPlainObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
