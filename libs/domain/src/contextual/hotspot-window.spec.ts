import {
  hotspotPatternOf,
  hotspotPatterns,
  sightingsWithin,
  type Sighting,
} from './hotspot-window';

const DAY = 24 * 3600_000;
const START = Date.parse('2026-01-01T12:00:00.000Z');
let position = 0;

/** A sighting of child `childId` on day `day` (days after 1 January 2026). */
const seen = (childId: string, day: number, id = `${childId}@${day}`): Sighting => ({
  eventId: id,
  position: ++position,
  childId,
  seenAt: new Date(START + day * DAY).toISOString(),
  localAuthority: 'Birmingham',
});

const threshold = { children: 3, withinDays: 90 };

describe('the window counts sightings in (at − withinDays, at]', () => {
  const sightings = [seen('a', 0), seen('b', 10), seen('c', 90), seen('d', 91)];

  it('leaves out a sighting exactly withinDays before, and any after', () => {
    const at = new Date(START + 90 * DAY).toISOString();
    expect(sightingsWithin(sightings, at, 90).map((s) => s.childId)).toEqual(['b', 'c']);
  });
});

describe('a place becomes a hotspot when enough different children are seen there', () => {
  it('is not one for the same child seen three times', () => {
    expect(hotspotPatterns([seen('a', 0), seen('a', 1), seen('a', 2)], threshold)).toEqual([]);
  });

  it('is not one for two children', () => {
    expect(hotspotPatterns([seen('a', 0), seen('b', 1), seen('a', 2)], threshold)).toEqual([]);
  });

  it('is one at the third different child within 90 days, named by the first sighting', () => {
    const a = seen('a', 0);
    const [pattern, ...more] = hotspotPatterns(
      [a, seen('b', 30), seen('a', 40), seen('c', 89)],
      threshold,
    );
    expect(more).toEqual([]);
    expect(pattern.first).toBe(a);
    expect(pattern.metAt.childId).toBe('c');
    expect(pattern.children).toEqual(['a', 'b', 'c']);
    expect(pattern.window).toHaveLength(4);
  });

  it('is not one when the three children are spread over more than 90 days', () => {
    expect(hotspotPatterns([seen('a', 0), seen('b', 45), seen('c', 90)], threshold)).toEqual([]);
  });

  it('counts sightings in the order they happened, not the order they were recorded', () => {
    const patterns = hotspotPatterns([seen('c', 60), seen('a', 0), seen('b', 30)], threshold);
    expect(patterns).toHaveLength(1);
    expect(patterns[0].first.childId).toBe('a');
    expect(patterns[0].metAt.childId).toBe('c');
  });

  it('keeps one pattern while it goes on: a fourth child belongs to the same pattern', () => {
    const sightings = [seen('a', 0), seen('b', 1), seen('c', 2), seen('d', 3, 'fourth')];
    expect(hotspotPatterns(sightings, threshold)).toHaveLength(1);
    const pattern = hotspotPatternOf(sightings, 'fourth', threshold);
    expect(pattern?.first.childId).toBe('a');
    expect(pattern?.sightings.map((s) => s.childId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts a new pattern when it lapses and comes back', () => {
    const sightings = [
      seen('a', 0),
      seen('b', 1),
      seen('c', 2),
      seen('d', 200, 'lapsed'),
      seen('e', 201),
      seen('f', 202, 'again'),
    ];
    const patterns = hotspotPatterns(sightings, threshold);
    expect(patterns.map((p) => p.first.childId)).toEqual(['a', 'd']);
    expect(hotspotPatternOf(sightings, 'lapsed', threshold)?.first.childId).toBe('d');
    expect(hotspotPatternOf(sightings, 'again', threshold)?.first.childId).toBe('d');
  });

  it('gives no pattern for a sighting before the place was a hotspot… until it was', () => {
    const sightings = [seen('a', 0, 'first'), seen('b', 1, 'second')];
    expect(hotspotPatternOf(sightings, 'second', threshold)).toBeNull();
    expect(hotspotPatternOf([...sightings, seen('c', 2)], 'first', threshold)?.first.eventId).toBe(
      'first',
    );
  });

  it('follows the policy of the place: 2 children within 7 days', () => {
    const tight = { children: 2, withinDays: 7 };
    expect(hotspotPatterns([seen('a', 0), seen('b', 8)], tight)).toEqual([]);
    expect(hotspotPatterns([seen('a', 0), seen('b', 6)], tight)).toHaveLength(1);
  });
});
