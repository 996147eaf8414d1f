import type { ChildMissingRecord, EpisodeSummary } from '../episode/state';
import { HOUR_MS } from '../shared/time';
import { episodeStart, episodesWithin } from './episode-counts';
import { DEFAULT_POLICY, type EpisodeThreshold, type HomewardPolicy } from './policy';

export type RepeatMissingPolicy = HomewardPolicy['repeatMissing'];

export const REPEAT_PATTERN_TYPES = [
  'STRATEGY_MEETING_REQUIRED',
  'REPEAT_MISSING',
  'ABSENT_PATTERN',
] as const;
export type RepeatPatternType = (typeof REPEAT_PATTERN_TYPES)[number];

/** A pattern this episode completed: who must be told, why, and which episodes make it up. */
export interface PatternMet {
  type: RepeatPatternType;
  audience: 'SOCIAL_CARE' | 'CMOG' | 'SAFEGUARDING_MANAGER';
  /** The count, the window and the dates, then what to do; never words that blame the child. */
  reasons: string[];
  /** The episodes counted, oldest first (this one included). */
  episodeIds: string[];
}

interface Pattern {
  type: RepeatPatternType;
  audience: PatternMet['audience'];
  threshold: (policy: RepeatMissingPolicy) => EpisodeThreshold;
  counts: (episode: EpisodeSummary) => boolean;
  reasons: (episodes: EpisodeSummary[], withinDays: number) => string[];
}

const HIGH_RISK = 'children who go missing regularly are at high risk of harm';

const PATTERNS: Pattern[] = [
  {
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    threshold: (policy) => policy.strategyMeeting,
    counts: () => true,
    reasons: (episodes, withinDays) => [
      timesMissing(episodes, withinDays),
      `children's social care should hold a strategy meeting: ${HIGH_RISK}, including sexual exploitation`,
    ],
  },
  {
    type: 'REPEAT_MISSING',
    audience: 'CMOG',
    threshold: (policy) => policy.cmog,
    counts: () => true,
    reasons: (episodes, withinDays) => [
      timesMissing(episodes, withinDays),
      `list the child for CMOG so that patterns in where the child goes, and who with, can be seen: ${HIGH_RISK}`,
    ],
  },
  {
    type: 'ABSENT_PATTERN',
    audience: 'SAFEGUARDING_MANAGER',
    threshold: (policy) => policy.absentPattern,
    counts: (episode) => episode.classification === 'ABSENT' || episode.riskLevel === 'VERY_LOW',
    reasons: (episodes, withinDays) => [
      `${episodes.length} episodes in ${withinDays} days were recorded as absent or graded very low risk: ${onDates(episodes)}`,
      `review the risk grading: ${HIGH_RISK}, and being recorded as absent can hide exploitation`,
    ],
  },
];

/**
 * The repeat-missing patterns that episode `episodeId` completes, one per threshold it crosses.
 * Pass the record as it stood just after the episode was reported (it must be on it).
 *
 * A threshold is crossed when a window of `withinDays` days containing this episode holds
 * `count` episodes with it, and no such window held `count` without it. So the 4th episode of
 * a run raises nothing new, while a pattern that lapses and comes back raises again. For an
 * episode reported in order the window is the one ending at its start; windows ending later are
 * looked at too so that an episode reported late, which completes a pattern with episodes
 * already recorded after it, is not missed.
 */
export function repeatMissingPatterns(
  record: ChildMissingRecord,
  episodeId: string,
  policy: RepeatMissingPolicy = DEFAULT_POLICY.repeatMissing,
): PatternMet[] {
  const episode = record.episodes[episodeId];
  if (!episode || episode.status === 'CANCELLED') return [];
  return PATTERNS.flatMap((pattern) => {
    const threshold = pattern.threshold(policy);
    const counted = crossingWindow(record, episode, threshold, pattern.counts);
    if (!counted) return [];
    return [
      {
        type: pattern.type,
        audience: pattern.audience,
        reasons: pattern.reasons(counted, threshold.withinDays),
        episodeIds: counted.map((e) => e.episodeId),
      },
    ];
  });
}

/** The child has `count` or more episodes (absent included, cancelled not) in the window to `at`. */
export function repeatThresholdMet(
  record: ChildMissingRecord,
  at: string,
  threshold: EpisodeThreshold,
): boolean {
  return episodesWithin(record, at, threshold.withinDays).length >= threshold.count;
}

/**
 * The episodes of the first window in which `episode` brings the count up to the threshold, or
 * null if it does not (still short, or already met without it). The counts only change where an
 * episode begins, so the windows ending at this episode's start and at each later start within
 * `withinDays` of it are the only ones to look at.
 */
function crossingWindow(
  record: ChildMissingRecord,
  episode: EpisodeSummary,
  { count, withinDays }: EpisodeThreshold,
  counts: (episode: EpisodeSummary) => boolean,
): EpisodeSummary[] | null {
  if (!counts(episode)) return null;
  const start = episodeStart(episode);
  const ends = [start, ...laterStarts(record, start, withinDays)];
  let crossing: EpisodeSummary[] | null = null;
  for (const end of ends) {
    const inWindow = episodesWithin(record, end, withinDays, counts);
    if (!inWindow.some((e) => e.episodeId === episode.episodeId)) continue;
    if (inWindow.length - 1 >= count) return null;
    if (inWindow.length >= count) crossing ??= inWindow;
  }
  return crossing;
}

function laterStarts(record: ChildMissingRecord, start: string, withinDays: number): string[] {
  const from = Date.parse(start);
  const until = from + withinDays * 24 * HOUR_MS;
  return Object.values(record.episodes)
    .filter((episode) => episode.status !== 'CANCELLED')
    .map(episodeStart)
    .filter((s) => Date.parse(s) > from && Date.parse(s) < until)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
}

const timesMissing = (episodes: EpisodeSummary[], withinDays: number): string =>
  `the child has been reported missing or absent ${episodes.length} times in ${withinDays} days: ${onDates(episodes)}`;

/** "on 2024-05-01, 2024-05-10 and 2024-05-20": the day each episode began (UTC). */
function onDates(episodes: EpisodeSummary[]): string {
  const days = episodes.map((e) => new Date(episodeStart(e)).toISOString().slice(0, 10));
  const last = days.pop();
  return days.length === 0 ? `on ${last}` : `on ${days.join(', ')} and ${last}`;
}
