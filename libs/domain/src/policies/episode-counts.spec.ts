import { initialChildMissingRecord, type EpisodeSummary } from '../episode/state';
import { addHours } from '../shared/time';
import { episodeStart, episodesWithin } from './episode-counts';

const AT = '2024-06-30T12:00:00.000Z';
const daysBefore = (days: number, ms = 0): string =>
  new Date(Date.parse(AT) - days * 24 * 3_600_000 + ms).toISOString();

const episode = (
  episodeId: string,
  startedAt: string,
  overrides: Partial<EpisodeSummary> = {},
): EpisodeSummary => ({
  episodeId,
  force: 'MET',
  policeReference: episodeId,
  classification: 'MISSING',
  riskLevel: 'MEDIUM',
  cseConcern: false,
  lastSeenAt: startedAt,
  reportedAt: addHours(startedAt, 2),
  status: 'FOUND',
  foundAt: null,
  returnedAt: null,
  ...overrides,
});

const recordOf = (...episodes: EpisodeSummary[]) => ({
  ...initialChildMissingRecord(),
  childId: 'child-1',
  episodes: Object.fromEntries(episodes.map((e) => [e.episodeId, e])),
});

const idsWithin = (episodes: EpisodeSummary[], withinDays = 30) =>
  episodesWithin(recordOf(...episodes), AT, withinDays).map((e) => e.episodeId);

describe('an episode starts when the child was last seen', () => {
  it('uses the last-seen time when the police recorded one', () => {
    expect(episodeStart(episode('e1', '2024-06-01T18:00:00.000Z'))).toBe(
      '2024-06-01T18:00:00.000Z',
    );
  });

  it('falls back to the report time when no last-seen time is recorded', () => {
    const reported = episode('e1', '2024-06-01T18:00:00.000Z', { lastSeenAt: null });
    expect(episodeStart(reported)).toBe('2024-06-01T20:00:00.000Z');
  });
});

describe('the window is the withinDays days up to and including the moment decided on', () => {
  it('does not count an episode that began exactly withinDays days before', () => {
    expect(idsWithin([episode('edge', daysBefore(30))])).toEqual([]);
  });

  it('counts an episode that began a millisecond inside the window', () => {
    expect(idsWithin([episode('inside', daysBefore(30, 1))])).toEqual(['inside']);
  });

  it('does not count an episode that began a millisecond before the window', () => {
    expect(idsWithin([episode('outside', daysBefore(30, -1))])).toEqual([]);
  });

  it('counts an episode that began at the very moment decided on', () => {
    expect(idsWithin([episode('now', AT)])).toEqual(['now']);
  });

  it('does not count an episode that began after the moment decided on', () => {
    expect(idsWithin([episode('later', addHours(AT, 0.001))])).toEqual([]);
  });

  it('follows the number of days it is given', () => {
    const e = episode('e', daysBefore(60));
    expect(idsWithin([e], 60)).toEqual([]);
    expect(idsWithin([e], 61)).toEqual(['e']);
  });

  it('counts by the last-seen time, not by when the report was made', () => {
    // Last seen just outside the window, reported inside it: it began outside.
    const e = episode('e', daysBefore(30, -1), { reportedAt: daysBefore(29) });
    expect(idsWithin([e])).toEqual([]);
  });
});

describe('which episodes count', () => {
  it('counts absent and away-without-authorisation episodes like missing ones', () => {
    const ids = idsWithin([
      episode('missing', daysBefore(3)),
      episode('absent', daysBefore(2), { classification: 'ABSENT', riskLevel: 'VERY_LOW' }),
      episode('away', daysBefore(1), { classification: 'AWAY_WITHOUT_AUTHORISATION' }),
    ]);
    expect(ids).toEqual(['missing', 'absent', 'away']);
  });

  it('counts an episode still open', () => {
    expect(idsWithin([episode('open', daysBefore(1), { status: 'OPEN' })])).toEqual(['open']);
  });

  it('never counts an episode cancelled as made in error', () => {
    const ids = idsWithin([
      episode('kept', daysBefore(2)),
      episode('cancelled', daysBefore(1), { status: 'CANCELLED' }),
    ]);
    expect(ids).toEqual(['kept']);
  });

  it('gives them oldest first, whatever order they were recorded in', () => {
    const ids = idsWithin([
      episode('b', daysBefore(5)),
      episode('c', daysBefore(1)),
      episode('a', daysBefore(9)),
    ]);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('applies a filter on top, still leaving cancelled ones out', () => {
    const record = recordOf(
      episode('absent', daysBefore(3), { classification: 'ABSENT' }),
      episode('missing', daysBefore(2)),
      episode('cancelled', daysBefore(1), { classification: 'ABSENT', status: 'CANCELLED' }),
    );
    const absent = episodesWithin(record, AT, 30, (e) => e.classification === 'ABSENT');
    expect(absent.map((e) => e.episodeId)).toEqual(['absent']);
  });
});
