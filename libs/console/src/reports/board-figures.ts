import {
  ALERT_TYPES,
  CSE_LEVELS,
  type AlertType,
  type Classification,
  type CseLevel,
} from '@homeward/domain';
import { isCalendarDate } from './report-dates';

/** One episode (a report that was not cancelled) that began in the period. */
export interface BoardEpisode {
  episodeId: string;
  childId: string;
  classification: Classification;
  /** London date the episode began: last seen, or reported when no last-seen time is known. */
  startDate: string;
  dateOfBirth: string | null;
  sex: string | null;
  lookedAfter: boolean;
}

/** A return interview offered for an episode in the period (cancelled ones are not offered). */
export interface BoardInterview {
  status: 'SCHEDULED' | 'ALLOCATED' | 'HELD' | 'DECLINED' | 'NOT_POSSIBLE';
  heldWithinDeadline: boolean | null;
  /** The level confirmed in the latest record of a held interview. */
  confirmedLevel: CseLevel | null;
  /** The latest record's outcomes include a referral to children's social care. */
  referral: boolean;
  breached: boolean;
}

export interface BoardAlert {
  type: AlertType;
  raisedAt: string;
  /** When the audience must have acted: for a referral, the social care decision. */
  dueBy?: string | null;
  acknowledgedAt: string | null;
}

export const AGE_BANDS = ['0-9', '10-12', '13-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const NOT_RECORDED = 'not recorded';

export interface BoardFigures {
  episodes: { total: number; missing: number; absent: number; awayWithoutAuthorisation: number };
  children: {
    distinct: number;
    withMissing: number;
    withAbsent: number;
    withAwayWithoutAuthorisation: number;
    /** Children with this many episodes or more in the period. */
    repeat: number;
  };
  interviews: {
    offered: number;
    accepted: number;
    declined: number;
    notPossible: number;
    held: number;
    heldWithin72h: number;
    heldWithin72hPercent: number | null;
    breaches: number;
  };
  cseLevels: Record<CseLevel, number>;
  /**
   * Referrals to children's social care, and their decisions: a referral alert acknowledged by
   * social care is a decision recorded, timed from the referral, and checked against its due time.
   */
  referrals: {
    count: number;
    decided: number;
    decidedInTime: number;
    medianHoursToDecision: number | null;
  };
  alerts: { byType: Record<AlertType, number>; medianHoursToAcknowledge: number | null };
  /** Counted per episode (so each adds up to episodes.total); "not recorded" is always kept. */
  demographics: {
    sex: Record<string, number>;
    ageAtEpisode: Record<AgeBand | typeof NOT_RECORDED, number>;
    lookedAfter: { yes: number; no: number };
  };
}

/** A child with this many episodes in the period counts as repeat missing. */
export const REPEAT_EPISODES = 3;

/** Whole years of age on `on` (both `YYYY-MM-DD`); null when the birth date is unknown or later. */
export function ageOn(dateOfBirth: string | null | undefined, on: string): number | null {
  if (!dateOfBirth || !isCalendarDate(dateOfBirth) || !isCalendarDate(on)) return null;
  if (dateOfBirth > on) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  // A 29 February birthday comes on 1 March in other years (the legal reading in England).
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The board's age band; null (shown as "not recorded") for an unknown age or one of 18+. */
export function ageBand(age: number | null): AgeBand | null {
  if (age === null || !Number.isInteger(age) || age < 0) return null;
  if (age <= 9) return '0-9';
  if (age <= 12) return '10-12';
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return null;
}

/** `part` of `whole` as a percentage with one decimal; null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** The median, rounded to one decimal; null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}

const HOUR_MS = 3600_000;

export function boardFigures(
  episodes: BoardEpisode[],
  interviews: BoardInterview[],
  alerts: BoardAlert[],
): BoardFigures {
  const count = (c: Classification) => episodes.filter((e) => e.classification === c).length;
  const perChild = new Map<string, BoardEpisode[]>();
  for (const e of episodes) perChild.set(e.childId, [...(perChild.get(e.childId) ?? []), e]);
  const children = [...perChild.values()];
  const childrenWith = (c: Classification) =>
    children.filter((list) => list.some((e) => e.classification === c)).length;

  const sex: Record<string, number> = { [NOT_RECORDED]: 0 };
  const ageAtEpisode = Object.fromEntries(
    [...AGE_BANDS, NOT_RECORDED].map((b) => [b, 0]),
  ) as BoardFigures['demographics']['ageAtEpisode'];
  const lookedAfter = { yes: 0, no: 0 };
  for (const e of episodes) {
    const recorded = e.sex?.trim() ? e.sex.trim() : NOT_RECORDED;
    sex[recorded] = (sex[recorded] ?? 0) + 1;
    ageAtEpisode[ageBand(ageOn(e.dateOfBirth, e.startDate)) ?? NOT_RECORDED] += 1;
    lookedAfter[e.lookedAfter ? 'yes' : 'no'] += 1;
  }

  const held = interviews.filter((i) => i.status === 'HELD');
  const heldWithin72h = held.filter((i) => i.heldWithinDeadline === true).length;
  const cseLevels = Object.fromEntries(CSE_LEVELS.map((l) => [l, 0])) as Record<CseLevel, number>;
  for (const i of held) if (i.confirmedLevel) cseLevels[i.confirmedLevel] += 1;

  const byType = Object.fromEntries(ALERT_TYPES.map((t) => [t, 0])) as Record<AlertType, number>;
  for (const a of alerts) byType[a.type] = (byType[a.type] ?? 0) + 1;
  const hoursToAcknowledge = alerts
    .filter((a) => a.acknowledgedAt !== null)
    .map((a) => (Date.parse(a.acknowledgedAt!) - Date.parse(a.raisedAt)) / HOUR_MS);

  const decisions = alerts.filter(
    (a) => a.type === 'SOCIAL_CARE_REFERRAL_REQUIRED' && a.acknowledgedAt !== null,
  );

  return {
    episodes: {
      total: episodes.length,
      missing: count('MISSING'),
      absent: count('ABSENT'),
      awayWithoutAuthorisation: count('AWAY_WITHOUT_AUTHORISATION'),
    },
    children: {
      distinct: children.length,
      withMissing: childrenWith('MISSING'),
      withAbsent: childrenWith('ABSENT'),
      withAwayWithoutAuthorisation: childrenWith('AWAY_WITHOUT_AUTHORISATION'),
      repeat: children.filter((list) => list.length >= REPEAT_EPISODES).length,
    },
    interviews: {
      offered: interviews.length,
      accepted: held.length,
      declined: interviews.filter((i) => i.status === 'DECLINED').length,
      notPossible: interviews.filter((i) => i.status === 'NOT_POSSIBLE').length,
      held: held.length,
      heldWithin72h,
      heldWithin72hPercent: percentOf(heldWithin72h, interviews.length),
      breaches: interviews.filter((i) => i.breached).length,
    },
    cseLevels,
    referrals: {
      count: held.filter((i) => i.referral).length,
      decided: decisions.length,
      decidedInTime: decisions.filter((a) => !a.dueBy || a.acknowledgedAt! <= a.dueBy).length,
      medianHoursToDecision: median(
        decisions.map((a) => (Date.parse(a.acknowledgedAt!) - Date.parse(a.raisedAt)) / HOUR_MS),
      ),
    },
    alerts: { byType, medianHoursToAcknowledge: median(hoursToAcknowledge) },
    demographics: { sex, ageAtEpisode, lookedAfter },
  };
}
