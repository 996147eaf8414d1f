import type { ChildMissingRecord, EpisodeSummary } from '../episode/state';
import { HOUR_MS } from '../shared/time';

const DAY_MS = 24 * HOUR_MS;

/**
 * When an episode began: the time the child was last seen, or the report time when the police
 * did not record one. Repeat thresholds count episodes by when they began, not by when we heard.
 */
export const episodeStart = (episode: EpisodeSummary): string =>
  episode.lastSeenAt ?? episode.reportedAt;

/**
 * The child's episodes that began in the `withinDays` days up to and including `at`, oldest first.
 *
 * The window is (at − withinDays × 24 h, at]: an episode that began exactly `withinDays` days
 * before `at` has left the window, one a millisecond later still counts; one after `at` does not
 * count yet. Absent episodes count like missing ones (abusers exploit the distinction); episodes
 * cancelled as made in error never count.
 */
export function episodesWithin(
  record: ChildMissingRecord,
  at: string,
  withinDays: number,
  filter: (episode: EpisodeSummary) => boolean = () => true,
): EpisodeSummary[] {
  const end = Date.parse(at);
  const start = end - withinDays * DAY_MS;
  return Object.values(record.episodes)
    .filter((episode) => episode.status !== 'CANCELLED')
    .filter((episode) => {
      const began = Date.parse(episodeStart(episode));
      return began > start && began <= end;
    })
    .filter(filter)
    .sort((a, b) => Date.parse(episodeStart(a)) - Date.parse(episodeStart(b)));
}
