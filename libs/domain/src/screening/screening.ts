import { InvalidCommand, type FieldError } from '../shared/errors';
import {
  isCseLevel,
  isIndicatorTiming,
  isMediumCode,
  isSignificantCode,
  isVulnerabilityCode,
  labelOf,
  levelRank,
  type CseLevel,
  type IndicatorTiming,
  type MediumCode,
  type ScreeningCode,
  type SignificantCode,
  type VulnerabilityCode,
} from './screening-tool';

/** The screening tool as the return-interview worker submits it with the completed interview. */
export interface ScreeningInput {
  /** Each significant indicator ticked, with `when`: CURRENT or PRIOR. */
  significant: Array<{ code: string; when: string }>;
  medium: string[];
  vulnerabilities: string[];
  /** The level the worker confirms; the suggestion when left out. */
  confirmedLevel?: string;
  /** Required when the confirmed level is below the suggestion. */
  overrideReason?: string;
  /** Required when MISSING_EPISODES was pre-filled (repeat threshold met) and the worker unticks it. */
  missingEpisodesUntickReason?: string;
}

/** What Homeward already knows about the child, passed in with the interview. */
export interface ScreeningContext {
  ageAtInterview: number;
  learningDisability: boolean;
  /** The child met the repeat missing threshold (policy decides: by default 3+ episodes in 90 days). */
  repeatThresholdMet: boolean;
}

export interface LevelSuggestion {
  level: CseLevel;
  /** Plain sentences a social worker can read, naming the indicators in the tool's own words. */
  reasons: string[];
}

export const SCREENING_OUTCOMES = [
  'SOCIAL_CARE_REFERRAL_REQUIRED',
  'STRATEGY_MEETING_REQUIRED',
  'CMOG_LISTING',
] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Default: children's social care decide on a referral within one working day (see addWorkingDays). */
export const SOCIAL_CARE_DECISION_WORKING_DAYS = 1;

export interface ScreeningAssessment {
  suggested: CseLevel;
  suggestedReasons: string[];
  confirmed: CseLevel;
  /** The confirmed level differs from the suggestion (above or below it). */
  overridden: boolean;
  overrideReason?: string;
  outcomes: ScreeningOutcome[];
}

/** No child under 13 is assessed LOW when indicators of sexual exploitation are recorded. */
export const FLOOR_AGE = 13;

const MISSING_EPISODES: SignificantCode = 'MISSING_EPISODES';

/** What was recorded, keeping only codes in the tool and each code once (CURRENT wins). */
interface Recorded {
  current: SignificantCode[];
  prior: SignificantCode[];
  medium: MediumCode[];
  vulnerabilities: VulnerabilityCode[];
}

function recorded(input: ScreeningInput): Recorded {
  const timing = new Map<SignificantCode, IndicatorTiming>();
  for (const { code, when } of input.significant) {
    if (!isSignificantCode(code) || !isIndicatorTiming(when)) continue;
    if (timing.get(code) !== 'CURRENT') timing.set(code, when);
  }
  const significant = [...timing.entries()];
  return {
    current: significant.filter(([, when]) => when === 'CURRENT').map(([code]) => code),
    prior: significant.filter(([, when]) => when === 'PRIOR').map(([code]) => code),
    medium: [...new Set(input.medium.filter(isMediumCode))],
    vulnerabilities: [...new Set(input.vulnerabilities.filter(isVulnerabilityCode))],
  };
}

const hasText = (value: string | undefined): value is string =>
  value !== undefined && value.trim().length > 0;

const quoted = (codes: readonly ScreeningCode[]): string =>
  codes.map((code) => `"${labelOf(code)}"`).join('; ');

const count = (n: number, one: string, many: string): string =>
  n === 1 ? `${one} is` : `${n} ${many} are`;

const hasIndicator = (r: Recorded): boolean =>
  r.current.length + r.prior.length + r.medium.length > 0;

const hasAnything = (r: Recorded): boolean => hasIndicator(r) || r.vulnerabilities.length > 0;

/** Why the child is never assessed LOW once an indicator is recorded; empty when neither applies. */
function floorGrounds(context: ScreeningContext): string[] {
  const grounds: string[] = [];
  if (context.ageAtInterview < FLOOR_AGE) {
    grounds.push(
      `the child is aged ${context.ageAtInterview}, and no child under ${FLOOR_AGE} is assessed as low risk when indicators of sexual exploitation are recorded`,
    );
  }
  if (context.learningDisability) {
    grounds.push(
      'the child has a learning disability, and no child with a learning disability is assessed as low risk when indicators of sexual exploitation are recorded',
    );
  }
  return grounds;
}

/**
 * When the child has met the repeat missing threshold, "Periods of absence/missing" is pre-filled
 * as CURRENT. The worker may untick it, with a reason.
 */
export function prefilledSignificant(
  context: ScreeningContext,
): Array<{ code: SignificantCode; when: IndicatorTiming }> {
  return context.repeatThresholdMet ? [{ code: MISSING_EPISODES, when: 'CURRENT' }] : [];
}

/**
 * The level the tool suggests; a person confirms it.
 * SIGNIFICANT: any significant indicator CURRENT. MEDIUM: significant indicators PRIOR only, or 2+
 * medium indicators. LOW: exactly one medium indicator, or vulnerability factors only. NONE:
 * nothing ticked. A child under 13 or with a learning disability is raised from LOW to MEDIUM when
 * any significant or medium indicator is recorded. Codes not in the tool are left out (see
 * validateScreening).
 */
export function suggestLevel(input: ScreeningInput, context: ScreeningContext): LevelSuggestion {
  const r = recorded(input);
  const reasons: string[] = [];
  let level: CseLevel;

  if (r.current.length > 0) {
    level = 'SIGNIFICANT';
    reasons.push(
      `${count(r.current.length, 'A significant risk indicator', 'significant risk indicators')} recorded as current (now or within the past 6 months), which suggests SIGNIFICANT risk: ${quoted(r.current)}.`,
    );
    if (r.prior.length > 0) {
      reasons.push(
        `${count(r.prior.length, 'A significant risk indicator', 'significant risk indicators')} also recorded as prior (more than 6 months ago): ${quoted(r.prior)}.`,
      );
    }
  } else if (r.prior.length > 0) {
    level = 'MEDIUM';
    reasons.push(
      `${count(r.prior.length, 'A significant risk indicator', 'significant risk indicators')} recorded as prior (more than 6 months ago) and none as current, which suggests MEDIUM risk: ${quoted(r.prior)}.`,
    );
  } else if (r.medium.length >= 2) {
    level = 'MEDIUM';
    reasons.push(
      `${r.medium.length} medium risk indicators are recorded, which suggests MEDIUM risk: ${quoted(r.medium)}.`,
    );
  } else if (r.medium.length === 1) {
    level = 'LOW';
    reasons.push(
      `One medium risk indicator is recorded, which on its own suggests LOW risk: ${quoted(r.medium)}.`,
    );
  } else if (r.vulnerabilities.length > 0) {
    level = 'LOW';
    reasons.push(
      `${count(r.vulnerabilities.length, 'A vulnerability factor', 'vulnerability factors')} recorded with no risk indicator, which suggests LOW risk: ${quoted(r.vulnerabilities)}.`,
    );
  } else {
    return {
      level: 'NONE',
      reasons: [
        'Nothing is ticked on the screening tool: no risk indicator or vulnerability factor.',
      ],
    };
  }

  const significantDecided = r.current.length + r.prior.length > 0;
  if (significantDecided && r.medium.length > 0) {
    reasons.push(
      `${count(r.medium.length, 'A medium risk indicator', 'medium risk indicators')} also recorded: ${quoted(r.medium)}.`,
    );
  }
  if (hasIndicator(r) && r.vulnerabilities.length > 0) {
    reasons.push(
      `${count(r.vulnerabilities.length, 'A vulnerability factor', 'vulnerability factors')} also recorded: ${quoted(r.vulnerabilities)}.`,
    );
  }

  if (level === 'LOW' && hasIndicator(r)) {
    const grounds = floorGrounds(context);
    if (grounds.length > 0) {
      level = 'MEDIUM';
      for (const ground of grounds)
        reasons.push(`Raised from LOW to MEDIUM risk because ${ground}.`);
    }
  }
  return { level, reasons };
}

/**
 * The lowest level a person may confirm. NONE when nothing is ticked; MEDIUM when a significant or
 * medium indicator is recorded for a child under 13 or with a learning disability; otherwise LOW
 * once anything is ticked (NONE means nothing is ticked). No reason lowers a level below this.
 */
export function floorFor(input: ScreeningInput, context: ScreeningContext): CseLevel {
  const r = recorded(input);
  if (hasIndicator(r) && floorGrounds(context).length > 0) return 'MEDIUM';
  return hasAnything(r) ? 'LOW' : 'NONE';
}

function notInTool(code: string, list: 'significant' | 'medium' | 'vulnerabilities'): string {
  const foundIn =
    list !== 'significant' && isSignificantCode(code)
      ? 'a significant indicator (record it under significant, with when)'
      : list !== 'medium' && isMediumCode(code)
        ? 'a medium indicator (record it under medium)'
        : list !== 'vulnerabilities' && isVulnerabilityCode(code)
          ? 'a vulnerability factor (record it under vulnerabilities)'
          : undefined;
  const expected = {
    significant: 'a significant indicator',
    medium: 'a medium indicator',
    vulnerabilities: 'a vulnerability factor',
  }[list];
  return foundIn
    ? `"${code}" is not ${expected} in the screening tool; it is ${foundIn}`
    : `unknown code "${code}": it is not in the screening tool`;
}

const duplicated = (code: string): string =>
  `"${code}" is recorded more than once; record each item once`;

function codeListErrors(
  codes: string[],
  list: 'medium' | 'vulnerabilities',
  known: (code: string) => boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    const field = `screening.${list}.${i}`;
    if (!known(code)) errors.push({ field, message: notInTool(code, list) });
    else if (seen.has(code)) errors.push({ field, message: duplicated(code) });
    seen.add(code);
  });
  return errors;
}

function significantErrors(input: ScreeningInput): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.significant.forEach(({ code, when }, i) => {
    const field = `screening.significant.${i}`;
    if (!isSignificantCode(code)) {
      errors.push({ field: `${field}.code`, message: notInTool(code, 'significant') });
    } else if (seen.has(code)) {
      errors.push({ field: `${field}.code`, message: duplicated(code) });
    }
    seen.add(code);
    if (!isIndicatorTiming(when)) {
      errors.push({
        field: `${field}.when`,
        message: `must be CURRENT (now or within the past 6 months) or PRIOR (more than 6 months ago), got "${when}"`,
      });
    }
  });
  return errors;
}

/** Pre-filled "Periods of absence/missing" may only be unticked, or moved to PRIOR, with a reason. */
function missingEpisodesErrors(input: ScreeningInput, context: ScreeningContext): FieldError[] {
  if (!context.repeatThresholdMet || hasText(input.missingEpisodesUntickReason)) return [];
  const index = input.significant.findIndex(({ code }) => code === MISSING_EPISODES);
  if (index === -1) {
    return [
      {
        field: 'screening.missingEpisodesUntickReason',
        message: `the child has met the repeat missing threshold, so "${labelOf(MISSING_EPISODES)}" is pre-filled as current; keep it ticked or give a reason for unticking it`,
      },
    ];
  }
  if (input.significant[index].when === 'PRIOR') {
    return [
      {
        field: `screening.significant.${index}.when`,
        message: `the child has met the repeat missing threshold, so "${labelOf(MISSING_EPISODES)}" is current; record CURRENT or give a reason in missingEpisodesUntickReason`,
      },
    ];
  }
  return [];
}

function confirmedLevelErrors(input: ScreeningInput, context: ScreeningContext): FieldError[] {
  const confirmed = input.confirmedLevel;
  if (confirmed === undefined) return [];
  if (!isCseLevel(confirmed)) {
    return [
      {
        field: 'screening.confirmedLevel',
        message: `must be one of NONE, LOW, MEDIUM, SIGNIFICANT, got "${confirmed}"`,
      },
    ];
  }
  const floor = floorFor(input, context);
  if (levelRank(confirmed) < levelRank(floor)) {
    const grounds = floor === 'MEDIUM' ? floorGrounds(context) : [];
    const why =
      grounds.length > 0
        ? grounds.join('; and ')
        : 'items are ticked on the screening tool and NONE means nothing is ticked';
    return [
      {
        field: 'screening.confirmedLevel',
        message: `${confirmed} is below ${floor}, the lowest level allowed here, even with a reason: ${why}`,
      },
    ];
  }
  const suggested = suggestLevel(input, context).level;
  if (levelRank(confirmed) < levelRank(suggested) && !hasText(input.overrideReason)) {
    return [
      {
        field: 'screening.overrideReason',
        message: `a reason is required to confirm ${confirmed} below the suggested ${suggested}`,
      },
    ];
  }
  return [];
}

/** Every problem with the submitted screening, each at its dotted path under `screening`. */
export function validateScreening(input: ScreeningInput, context: ScreeningContext): FieldError[] {
  return [
    ...significantErrors(input),
    ...codeListErrors(input.medium, 'medium', isMediumCode),
    ...codeListErrors(input.vulnerabilities, 'vulnerabilities', isVulnerabilityCode),
    ...missingEpisodesErrors(input, context),
    ...confirmedLevelErrors(input, context),
  ];
}

/** MEDIUM or SIGNIFICANT must be referred to children's social care; SIGNIFICANT also needs a
 * strategy meeting and a CMOG listing. */
export function outcomesFor(level: CseLevel): ScreeningOutcome[] {
  switch (level) {
    case 'SIGNIFICANT':
      return ['SOCIAL_CARE_REFERRAL_REQUIRED', 'STRATEGY_MEETING_REQUIRED', 'CMOG_LISTING'];
    case 'MEDIUM':
      return ['SOCIAL_CARE_REFERRAL_REQUIRED'];
    case 'LOW':
    case 'NONE':
      return [];
  }
}

/**
 * The screening as it is recorded with the completed interview: the suggestion, the level a person
 * confirmed (the suggestion when none is given) and what must follow from it.
 * @throws InvalidCommand with every problem validateScreening finds.
 */
export function assessScreening(
  input: ScreeningInput,
  context: ScreeningContext,
): ScreeningAssessment {
  const errors = validateScreening(input, context);
  if (errors.length > 0) throw new InvalidCommand(errors);
  const { level: suggested, reasons: suggestedReasons } = suggestLevel(input, context);
  const confirmed =
    input.confirmedLevel !== undefined && isCseLevel(input.confirmedLevel)
      ? input.confirmedLevel
      : suggested;
  const overridden = confirmed !== suggested;
  return {
    suggested,
    suggestedReasons,
    confirmed,
    overridden,
    ...(overridden && hasText(input.overrideReason)
      ? { overrideReason: input.overrideReason.trim() }
      : {}),
    outcomes: outcomesFor(confirmed),
  };
}
