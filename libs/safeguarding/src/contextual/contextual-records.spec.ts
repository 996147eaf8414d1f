import { childIdFor } from '@homeward/domain';
import { PgliteDatabase, type RecordedEvent } from '@homeward/event-store';
import { CONTEXTUAL_SCHEMA, recordContext } from './contextual-records';

/**
 * The contextual tables are written a batch at a time, after restarts and from feeds that arrive
 * per topic: every write must be safe to repeat, to arrive late, and to be completed by a later one.
 */
let db: PgliteDatabase;
let position = 0;

beforeAll(async () => {
  db = await PgliteDatabase.open();
  for (const statement of CONTEXTUAL_SCHEMA.split(';').filter((s) => s.trim())) {
    await db.query(statement);
  }
});
afterAll(() => db?.close());

const J = childIdFor('WMP', 'J-1');
const K = childIdFor('WMP', 'K-1');
const EPISODE_J = '0b8e2f4e-1f6a-4d8e-9c1a-000000000001';
const EPISODE_K = '0b8e2f4e-1f6a-4d8e-9c1a-000000000002';
const INTERVIEW_J = '0b8e2f4e-1f6a-4d8e-9c1a-000000000003';

const event = (type: string, data: object, at = ++position): RecordedEvent => ({
  eventId: `7f000000-0000-4000-8000-${String(at).padStart(12, '0')}`,
  type,
  data,
  metadata: {},
  streamName: 'test',
  streamVersion: 1,
  globalPosition: at,
  recordedAt: '2026-11-01T10:00:00.000Z',
});

const reported = (
  childId: string,
  episodeId: string,
  policePersonId: string,
  responsibleLocalAuthority = 'Birmingham',
) =>
  event('MissingEpisodeReported', {
    episodeId,
    childId,
    force: 'WMP',
    responsibleLocalAuthority,
    personal: { child: { policePersonId } },
  });

const foundWithK = (at?: number) =>
  event(
    'ChildFound',
    {
      episodeId: EPISODE_J,
      childId: J,
      foundAt: '2026-10-30T07:00:00.000Z',
      foundInLocalAuthority: 'Birmingham',
      personal: {
        foundLocation: { description: 'Hotel', postcode: 'b54aa', premisesType: 'HOTEL' },
        foundWith: [{ policePersonId: 'K-1', name: 'Child K' }, { description: 'An adult male' }],
      },
    },
    at,
  );

const held = (revision: number, associates: object[], level: string, at?: number) =>
  event(
    'ReturnInterviewHeld',
    {
      interviewId: INTERVIEW_J,
      episodeId: EPISODE_J,
      childId: J,
      conductedAt: '2026-11-01T11:00:00.000Z',
      revision,
      screening: { confirmed: level },
      personal: { locationsVisited: [{ description: 'Park' }], associates },
    },
    at,
  );

const associations = () =>
  db.query<{ child_id: string; other_child_id: string | null; record_key: string; name: string }>(
    `SELECT child_id::text AS child_id, other_child_id::text AS other_child_id, record_key, name
     FROM rm_child_associations ORDER BY record_key, child_id, idx`,
  );

describe('who a child was with', () => {
  it('is kept under both children, and only under the one whose record named them', async () => {
    // J's episode is not yet known here (events from Kafka arrive per topic).
    const found = foundWithK();
    await recordContext(db, [found]);
    expect((await associations()).map((r) => r.other_child_id)).toEqual([null, null]);
    // A reactor that knows the force completes it: K's id, and the row under K.
    await recordContext(db, [found], new Map([[EPISODE_J, 'WMP']]));
    await recordContext(db, [found]);
    const rows = await associations();
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.child_id === J).map((r) => r.other_child_id)).toEqual([K, null]);
    expect(rows.filter((r) => r.child_id === K)).toEqual([
      { child_id: K, other_child_id: J, record_key: `found/${EPISODE_J}`, name: null },
    ]);
  });

  it('takes the force from the episode once it is known', async () => {
    await recordContext(db, [reported(J, EPISODE_J, 'J-1'), reported(K, EPISODE_K, 'K-1')]);
    await recordContext(db, [held(1, [{ policePersonId: 'K-1', name: 'K' }], 'MEDIUM')]);
    const named = (await associations()).filter((r) => r.record_key.startsWith('interview/'));
    expect(named.map((r) => [r.child_id, r.other_child_id])).toEqual([
      [J, K],
      [K, J],
    ]);
  });

  it('is replaced by an amended interview, and a late first version changes nothing', async () => {
    const first = held(1, [{ policePersonId: 'K-1', name: 'K' }], 'MEDIUM', 100);
    const amended = held(2, [{ description: 'Nobody she knew' }], 'LOW', 101);
    await recordContext(db, [first, amended]);
    await recordContext(db, [first]);
    const named = (await associations()).filter((r) => r.record_key.startsWith('interview/'));
    expect(named.map((r) => [r.child_id, r.other_child_id])).toEqual([[J, null]]);
    const [concern] = await db.query<{ screening_level: string }>(
      'SELECT screening_level FROM rm_children_of_concern WHERE child_id = $1',
      [J],
    );
    expect(concern.screening_level).toBe('LOW');
  });
});

describe('where children were seen', () => {
  it('keeps one sighting per place and record, however often it is applied', async () => {
    await recordContext(db, [foundWithK(), foundWithK()]);
    const rows = await db.query<{ place_key: string; record_key: string }>(
      'SELECT place_key, record_key FROM rm_place_sightings ORDER BY place_key',
    );
    expect(rows).toEqual([
      { place_key: 'description:park', record_key: `interview/${INTERVIEW_J}` },
      { place_key: 'postcode:B5 4AA', record_key: `found/${EPISODE_J}` },
    ]);
  });
});

describe('a child on the CMOG list', () => {
  it('stays listed, named by the first alert that listed them', async () => {
    const listing = (type: string) =>
      event('AlertRaised', { alertId: 'a', type, audience: 'CMOG', childId: K });
    await recordContext(db, [
      listing('RI_OVERDUE'),
      listing('REPEAT_MISSING'),
      listing('CMOG_LISTING'),
    ]);
    const [row] = await db.query<{ cmog_listed_as: string }>(
      'SELECT cmog_listed_as FROM rm_children_of_concern WHERE child_id = $1',
      [K],
    );
    expect(row.cmog_listed_as).toBe('REPEAT_MISSING');
  });
});

describe('a batch, written a statement per table', () => {
  const authorityOf = async (childId: string) =>
    (
      await db.query<{ local_authority: string }>(
        'SELECT local_authority FROM rm_contextual_children WHERE child_id = $1',
        [childId],
      )
    )[0]?.local_authority;

  it('keeps the authority a child was last reported with, however many reports it holds', async () => {
    const L = childIdFor('WMP', 'L-1');
    const inWalsall = reported(L, '0b8e2f4e-1f6a-4d8e-9c1a-000000000011', 'L-1', 'Walsall');
    const inSandwell = reported(L, '0b8e2f4e-1f6a-4d8e-9c1a-000000000012', 'L-1', 'Sandwell');
    await recordContext(db, [inWalsall, inSandwell]);
    expect(await authorityOf(L)).toBe('Sandwell');
    // The older report, applied again, does not bring back the authority it named.
    await recordContext(db, [inWalsall]);
    expect(await authorityOf(L)).toBe('Sandwell');
  });

  it('takes the force of an episode reported in the same batch as the record naming someone', async () => {
    const M = childIdFor('WMP', 'M-1');
    const episodeM = '0b8e2f4e-1f6a-4d8e-9c1a-000000000021';
    const found = event('ChildFound', {
      episodeId: episodeM,
      childId: M,
      foundAt: '2026-10-31T07:00:00.000Z',
      foundInLocalAuthority: 'Dudley',
      personal: {
        foundLocation: { description: 'Bus station' },
        foundWith: [{ policePersonId: 'K-1' }],
      },
    });
    await recordContext(db, [reported(M, episodeM, 'M-1'), found]);
    const rows = (await associations()).filter((r) => r.record_key === `found/${episodeM}`);
    expect(rows.map((r) => [r.child_id, r.other_child_id])).toEqual(
      [
        [M, K],
        [K, M],
      ].sort(),
    );
  });
});
