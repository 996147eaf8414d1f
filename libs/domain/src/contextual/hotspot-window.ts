/**
 * When a place becomes a hotspot: at least `children` different children seen there within
 * `withinDays` days (policy `hotspots`). Pure: the reactor passes every sighting of the place it
 * knows of, and gets the pattern the latest sighting belongs to.
 */
import type { HotspotThreshold } from '../policies/policy';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Sighting {
  /** The event that recorded it (a found notification or a return interview). */
  eventId: string;
  /** Position in the store's order: breaks ties between sightings at the same moment. */
  position: number;
  childId: string;
  /** When the child was there: found at, or the interview at which they said so. */
  seenAt: string;
  localAuthority: string | null;
}

export interface HotspotPattern {
  /** The earliest sighting in the window when the pattern was first met: names the pattern. */
  first: Sighting;
  /** The sighting that met the threshold. */
  metAt: Sighting;
  /** The sightings in the window when it was met, oldest first. */
  window: Sighting[];
  /** Different children in that window, in the order first seen. */
  children: string[];
  /** The sightings while the pattern went on (until it lapsed), oldest first. */
  sightings: Sighting[];
}

const bySeenAt = (a: Sighting, b: Sighting): number =>
  Date.parse(a.seenAt) - Date.parse(b.seenAt) || a.position - b.position;

/**
 * The sightings in the `withinDays` days up to and including `at`, as for episodes: the window is
 * (at − withinDays × 24 h, at].
 */
export function sightingsWithin(
  sightings: readonly Sighting[],
  at: string,
  withinDays: number,
): Sighting[] {
  const end = Date.parse(at);
  const start = end - withinDays * DAY_MS;
  return sightings
    .filter((s) => {
      const seen = Date.parse(s.seenAt);
      return seen > start && seen <= end;
    })
    .sort(bySeenAt);
}

/** Different children, in the order first seen. */
export const distinctChildren = (sightings: readonly Sighting[]): string[] => [
  ...new Set(sightings.map((s) => s.childId)),
];

/**
 * Every hotspot pattern of one place, oldest first. Sightings are taken in the order they
 * happened; a pattern begins at the sighting whose window first holds enough different children,
 * goes on while each later sighting's window still does, and lapses at the first that does not.
 * A pattern that lapses and comes back is a new pattern.
 */
export function hotspotPatterns(
  sightings: readonly Sighting[],
  threshold: HotspotThreshold,
): HotspotPattern[] {
  const ordered = [...sightings].sort(bySeenAt);
  const windowMs = threshold.withinDays * DAY_MS;
  const patterns: HotspotPattern[] = [];
  let current: HotspotPattern | null = null;
  // One pass with a sliding window (ordered[start..i], the sightings in (seenAt − withinDays,
  // seenAt]) and a count per child in it: linear in the sightings, however busy the place.
  const inWindow = new Map<string, number>();
  let start = 0;
  ordered.forEach((sighting, i) => {
    inWindow.set(sighting.childId, (inWindow.get(sighting.childId) ?? 0) + 1);
    const end = Date.parse(sighting.seenAt);
    while (Date.parse(ordered[start].seenAt) <= end - windowMs) {
      const child = ordered[start].childId;
      const left = inWindow.get(child)! - 1;
      if (left === 0) inWindow.delete(child);
      else inWindow.set(child, left);
      start += 1;
    }
    if (inWindow.size < threshold.children) {
      current = null;
      return;
    }
    if (current) {
      current.sightings.push(sighting);
      return;
    }
    const window = ordered.slice(start, i + 1);
    current = {
      first: window[0],
      metAt: sighting,
      window,
      children: distinctChildren(window),
      sightings: [...window],
    };
    patterns.push(current);
  });
  return patterns;
}

/** The pattern a sighting (by its event) belongs to, or null when the place was no hotspot then. */
export function hotspotPatternOf(
  sightings: readonly Sighting[],
  eventId: string,
  threshold: HotspotThreshold,
): HotspotPattern | null {
  return (
    hotspotPatterns(sightings, threshold).find((p) =>
      p.sightings.some((s) => s.eventId === eventId),
    ) ?? null
  );
}
