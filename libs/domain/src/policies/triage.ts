import type { ChildMissingRecord } from '../episode/state';
import type { RiskLevel } from '../episode/values';
import type { CseLevel } from '../screening/screening-tool';
import { ageInYearsAt } from '../shared/time';
import { episodesWithin } from './episode-counts';
import { DEFAULT_POLICY, type HomewardPolicy } from './policy';

export const PRIORITIES = ['RED', 'AMBER', 'GREEN'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type TriagePolicy = HomewardPolicy['triage'];

/** What triage reads about the child and the episode; plain data, so it can travel in a command. */
export interface TriageFacts {
  /** The police grade of this episode; null when none was recorded (the report came in late). */
  riskLevel: RiskLevel | null;
  cseConcern: boolean;
  /** The level confirmed at the child's latest screening; null when never screened. */
  currentCseLevel: CseLevel | null;
  /** Episodes within `policy.red.episodes.withinDays` (this one and absent ones included). */
  recentEpisodes: number;
  /** Episodes within `policy.amber.episodes.withinDays`, counted the same way. */
  recentEpisodesAmber: number;
  /** Whole years at the child's return; null when no date of birth is known. */
  ageAtReturn: number | null;
  lookedAfter: boolean;
  learningDisability: boolean;
}

export interface TriageDecision {
  priority: Priority;
  /** Why, in plain words a worker can act on; never language that blames the child. */
  reasons: string[];
}

/**
 * Gathers the facts for triaging episode `episodeId` at `at` (the child's return) from the
 * child's missing record. The counts use the same policy's windows, so facts and policy agree.
 */
export function triageFactsFor(
  record: ChildMissingRecord,
  subject: { episodeId: string; at: string; currentCseLevel: CseLevel | null },
  policy: TriagePolicy = DEFAULT_POLICY.triage,
): TriageFacts {
  const episode = record.episodes[subject.episodeId];
  if (!episode) throw new Error(`episode ${subject.episodeId} is not on the child's record`);
  return {
    riskLevel: episode.riskLevel,
    cseConcern: episode.cseConcern,
    currentCseLevel: subject.currentCseLevel,
    recentEpisodes: episodesWithin(record, subject.at, policy.red.episodes.withinDays).length,
    recentEpisodesAmber: episodesWithin(record, subject.at, policy.amber.episodes.withinDays)
      .length,
    ageAtReturn: record.dateOfBirth ? ageInYearsAt(record.dateOfBirth, subject.at) : null,
    lookedAfter: record.lookedAfter,
    learningDisability: record.learningDisability,
  };
}

/**
 * Orders the return-interview queue. Every child is offered an interview whatever the priority;
 * the priority only says who is seen first. Every rule that applies at the winning priority is
 * given as a reason, so the worker sees the whole picture, not just the first rule that matched.
 */
export function triageReturnInterview(
  facts: TriageFacts,
  policy: TriagePolicy = DEFAULT_POLICY.triage,
): TriageDecision {
  const red = redReasons(facts, policy);
  if (red.length > 0) return { priority: 'RED', reasons: red };
  const amber = amberReasons(facts, policy);
  if (amber.length > 0) return { priority: 'AMBER', reasons: amber };
  return {
    priority: 'GREEN',
    reasons: [
      `police graded the episode ${facts.riskLevel} risk; the child is still offered an interview`,
    ],
  };
}

function redReasons(facts: TriageFacts, policy: TriagePolicy): string[] {
  const reasons: string[] = [];
  if (facts.riskLevel === 'HIGH') reasons.push('police graded the episode HIGH risk');
  if (facts.cseConcern) {
    reasons.push(
      'police recorded a concern of child sexual exploitation or involvement of social care',
    );
  }
  if (facts.currentCseLevel === 'MEDIUM' || facts.currentCseLevel === 'SIGNIFICANT') {
    reasons.push(
      `the child's latest screening confirmed a ${facts.currentCseLevel} risk of child sexual exploitation`,
    );
  }
  const { count, withinDays } = policy.red.episodes;
  if (facts.recentEpisodes >= count) {
    reasons.push(
      `${timesMissing(facts.recentEpisodes, withinDays)}: children who go missing regularly are at high risk of harm`,
    );
  }
  if (facts.ageAtReturn !== null && facts.ageAtReturn < policy.red.underAge) {
    reasons.push(`the child is ${facts.ageAtReturn}, younger than ${policy.red.underAge}`);
  }
  return reasons;
}

function amberReasons(facts: TriageFacts, policy: TriagePolicy): string[] {
  const reasons: string[] = [];
  if (facts.riskLevel === 'MEDIUM') reasons.push('police graded the episode MEDIUM risk');
  if (facts.riskLevel === null) {
    reasons.push('no police risk grade is recorded (episode reported late): treat with care');
  }
  if (facts.lookedAfter) reasons.push('the child is looked after by a local authority');
  if (facts.learningDisability) reasons.push('the child has a learning disability');
  const { count, withinDays } = policy.amber.episodes;
  if (facts.recentEpisodesAmber >= count) {
    reasons.push(timesMissing(facts.recentEpisodesAmber, withinDays));
  }
  return reasons;
}

const timesMissing = (episodes: number, withinDays: number): string =>
  `the child has been reported missing or absent ${episodes} times in the last ${withinDays} days`;

export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);
