import {
  childIdFor,
  type AssociationSource,
  type AlertRaised,
  type ChildFound,
  type MissingEpisodeReported,
  type ReturnInterviewHeld,
} from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { distinctPlaces } from '@homeward/domain';

/*
 * What contextual safeguarding knows: the children and episodes it has heard of, the places
 * children were seen, who they were with, and which children are of concern. Written by the
 * contextual safeguarding reactor alone, a batch at a time with one statement per table (not a
 * statement per row: that was most of the time the pipeline spent). Every write is idempotent and
 * keeps the newest record, so a batch applied twice, or late, changes nothing.
 */

export const CONTEXTUAL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'MissingEpisodeReported',
  'ChildFound',
  'ReturnInterviewHeld',
  'AlertRaised',
]);

/** Alerts that put a child on CMOG's list. */
export const CMOG_LIST_ALERTS: ReadonlySet<string> = new Set(['CMOG_LISTING', 'REPEAT_MISSING']);

export const CONTEXTUAL_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm_contextual_children (
    child_id         uuid PRIMARY KEY,
    force            text NOT NULL,
    police_person_id text NOT NULL,
    local_authority  text,
    position         bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rm_contextual_episodes (
    episode_id uuid PRIMARY KEY,
    child_id   uuid NOT NULL,
    force      text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rm_contextual_records (
    record_key text PRIMARY KEY,
    position   bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rm_place_sightings (
    place_key       text NOT NULL,
    record_key      text NOT NULL,
    event_id        uuid NOT NULL,
    position        bigint NOT NULL,
    child_id        uuid NOT NULL,
    source          text NOT NULL,
    seen_at         timestamptz NOT NULL,
    postcode        text,
    description     text,
    premises_type   text,
    local_authority text,
    PRIMARY KEY (place_key, record_key)
  );
  CREATE INDEX IF NOT EXISTS rm_place_sightings_record ON rm_place_sightings (record_key);
  CREATE TABLE IF NOT EXISTS rm_child_associations (
    child_id         uuid NOT NULL,
    record_key       text NOT NULL,
    idx              integer NOT NULL,
    event_id         uuid NOT NULL,
    position         bigint NOT NULL,
    recorded_on      uuid NOT NULL,
    other_child_id   uuid,
    police_person_id text,
    name             text,
    description      text,
    relationship     text,
    source           text NOT NULL,
    seen_at          timestamptz NOT NULL,
    PRIMARY KEY (child_id, record_key, idx)
  );
  CREATE INDEX IF NOT EXISTS rm_child_associations_record ON rm_child_associations (record_key);
  CREATE INDEX IF NOT EXISTS rm_child_associations_other ON rm_child_associations (other_child_id);
  CREATE TABLE IF NOT EXISTS rm_children_of_concern (
    child_id           uuid PRIMARY KEY,
    cmog_listed_as     text,
    screening_level    text,
    screening_at       timestamptz,
    screening_position bigint
  )`;

export type { AssociationSource } from '@homeward/domain';

/**
 * The force of episodes, by episode id, as the caller found them before the transaction (from
 * the tables, or from the children's records when the report is not there yet: events from
 * Kafka arrive per topic, so a found child may come before their report).
 */
export type KnownForces = ReadonlyMap<string, string | null>;

/** One record per found episode and per interview: an amended interview replaces its first record. */
export const foundRecordKey = (episodeId: string) => `found/${episodeId}`;
export const interviewRecordKey = (interviewId: string) => `interview/${interviewId}`;

/** The record a found notification or an interview is kept under; null for other events. */
export function recordKeyOf(event: RecordedEvent): string | null {
  if (event.type === 'ChildFound') return foundRecordKey((event as Found).data.episodeId);
  if (event.type === 'ReturnInterviewHeld') {
    return interviewRecordKey((event as Held).data.interviewId);
  }
  return null;
}

type Found = RecordedEvent & ChildFound;
type Held = RecordedEvent & ReturnInterviewHeld;

/** A found notification or an interview: a record of where a child was and who with. */
interface ContextRecord {
  recordKey: string;
  event: RecordedEvent;
  childId: string;
  episodeId: string;
  source: AssociationSource;
  seenAt: string;
  localAuthority: string | null;
  locations: Array<{ description?: string; postcode?: string; premisesType?: string }>;
  people: readonly Named[];
}

interface Named {
  policePersonId?: string;
  name?: string;
  description?: string;
  relationship?: string;
}

const recordOf = (event: RecordedEvent): ContextRecord | null => {
  if (event.type === 'ChildFound') {
    const d = (event as Found).data;
    return {
      recordKey: recordKeyOf(event)!,
      event,
      childId: d.childId,
      episodeId: d.episodeId,
      source: 'FOUND_WITH',
      seenAt: d.foundAt,
      localAuthority: d.foundInLocalAuthority,
      locations: [d.personal.foundLocation],
      people: d.personal.foundWith ?? [],
    };
  }
  if (event.type === 'ReturnInterviewHeld') {
    const d = (event as Held).data;
    return {
      recordKey: recordKeyOf(event)!,
      event,
      childId: d.childId,
      episodeId: d.episodeId,
      source: 'NAMED_AT_INTERVIEW',
      seenAt: d.conductedAt,
      localAuthority: null,
      locations: d.personal.locationsVisited ?? [],
      people: d.personal.associates ?? [],
    };
  }
  return null;
};

/** Whether the record names anyone by their police id, so needs its episode's force. */
export const namesPolicePeople = (
  event: RecordedEvent,
): { childId: string; episodeId: string } | null => {
  const record = recordOf(event);
  return record?.people.some((p) => p.policePersonId?.trim()) ? record : null;
};

/** The last of each key, in the order given. */
function lastBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** Rows for `jsonb_to_recordset`: one parameter, however many rows. */
const asJson = (rows: readonly object[]) => JSON.stringify(rows);

/** Applies events (in store order) to the contextual tables. Safe to apply twice, or late. */
export async function recordContext(
  tx: SqlExecutor,
  events: readonly RecordedEvent[],
  knownForces: KnownForces = new Map(),
): Promise<void> {
  const reports = events.filter((e) => e.type === 'MissingEpisodeReported') as Array<
    RecordedEvent & MissingEpisodeReported
  >;
  await recordEpisodes(tx, reports);
  await recordScreenings(tx, events.filter((e) => e.type === 'ReturnInterviewHeld') as Held[]);
  await recordListings(
    tx,
    events.filter((e) => e.type === 'AlertRaised') as Array<RecordedEvent & AlertRaised>,
  );
  const taken = await takeRecords(
    tx,
    events.map(recordOf).filter((r): r is ContextRecord => r !== null),
  );
  await recordSightings(tx, taken);
  const forces = await forcesOf(tx, taken, reports, knownForces);
  await recordAssociations(tx, taken, forces);
}

async function recordEpisodes(
  tx: SqlExecutor,
  reports: ReadonlyArray<RecordedEvent & MissingEpisodeReported>,
): Promise<void> {
  if (reports.length === 0) return;
  await tx.query(
    `INSERT INTO rm_contextual_episodes (episode_id, child_id, force)
     SELECT episode_id, child_id, force
     FROM jsonb_to_recordset($1::jsonb) AS r(episode_id uuid, child_id uuid, force text)
     ON CONFLICT (episode_id) DO NOTHING`,
    [
      asJson(
        reports.map(({ data: d }) => ({
          episode_id: d.episodeId,
          child_id: d.childId,
          force: d.force,
        })),
      ),
    ],
  );
  // The responsible authority as last reported (one row per child: a statement may not update
  // the same row twice).
  const children = lastBy(reports, (e) => e.data.childId).map(({ data: d, globalPosition }) => ({
    child_id: d.childId,
    force: d.force,
    police_person_id: d.personal.child.policePersonId,
    local_authority: d.responsibleLocalAuthority,
    position: globalPosition,
  }));
  await tx.query(
    `INSERT INTO rm_contextual_children (child_id, force, police_person_id, local_authority, position)
     SELECT child_id, force, police_person_id, local_authority, position
     FROM jsonb_to_recordset($1::jsonb)
       AS r(child_id uuid, force text, police_person_id text, local_authority text, position bigint)
     ON CONFLICT (child_id) DO UPDATE SET local_authority = EXCLUDED.local_authority,
       position = EXCLUDED.position
     WHERE rm_contextual_children.position < EXCLUDED.position`,
    [asJson(children)],
  );
}

/** The child's current level is the one confirmed most recently. */
async function recordScreenings(tx: SqlExecutor, held: readonly Held[]): Promise<void> {
  if (held.length === 0) return;
  const rows = lastBy(held, (e) => e.data.childId).map(({ data: d, globalPosition }) => ({
    child_id: d.childId,
    screening_level: d.screening.confirmed,
    screening_at: d.conductedAt,
    screening_position: globalPosition,
  }));
  await tx.query(
    `INSERT INTO rm_children_of_concern (child_id, screening_level, screening_at, screening_position)
     SELECT child_id, screening_level, screening_at, screening_position
     FROM jsonb_to_recordset($1::jsonb)
       AS r(child_id uuid, screening_level text, screening_at timestamptz, screening_position bigint)
     ON CONFLICT (child_id) DO UPDATE SET screening_level = EXCLUDED.screening_level,
       screening_at = EXCLUDED.screening_at, screening_position = EXCLUDED.screening_position
     WHERE rm_children_of_concern.screening_position IS NULL
        OR rm_children_of_concern.screening_position < EXCLUDED.screening_position`,
    [asJson(rows)],
  );
}

/** Once on CMOG's list, a child stays on it here (the first listing names why). */
async function recordListings(
  tx: SqlExecutor,
  alerts: ReadonlyArray<RecordedEvent & AlertRaised>,
): Promise<void> {
  const listings = alerts.filter((e) => e.data.childId && CMOG_LIST_ALERTS.has(e.data.type));
  if (listings.length === 0) return;
  const first = lastBy([...listings].reverse(), (e) => e.data.childId as string);
  await tx.query(
    `INSERT INTO rm_children_of_concern (child_id, cmog_listed_as)
     SELECT child_id, cmog_listed_as
     FROM jsonb_to_recordset($1::jsonb) AS r(child_id uuid, cmog_listed_as text)
     ON CONFLICT (child_id) DO UPDATE SET cmog_listed_as = EXCLUDED.cmog_listed_as
     WHERE rm_children_of_concern.cmog_listed_as IS NULL`,
    [asJson(first.map(({ data: d }) => ({ child_id: d.childId, cmog_listed_as: d.type })))],
  );
}

/**
 * The records that are the newest under their key; an older one (a replay, or the first version
 * of an amended interview arriving late) changes nothing. The rows of an older version are
 * removed, so an amended record replaces them.
 */
async function takeRecords(
  tx: SqlExecutor,
  records: readonly ContextRecord[],
): Promise<ContextRecord[]> {
  const newest = lastBy(records, (r) => r.recordKey);
  if (newest.length === 0) return [];
  const stored = new Map(
    (
      await tx.query<{ record_key: string; position: string | number }>(
        'SELECT record_key, position FROM rm_contextual_records WHERE record_key = ANY($1::text[])',
        [newest.map((r) => r.recordKey)],
      )
    ).map((row) => [row.record_key, Number(row.position)]),
  );
  const taken = newest.filter((r) => (stored.get(r.recordKey) ?? 0) <= r.event.globalPosition);
  const replaced = taken
    .filter((r) => (stored.get(r.recordKey) ?? r.event.globalPosition) < r.event.globalPosition)
    .map((r) => r.recordKey);
  if (replaced.length > 0) {
    await tx.query('DELETE FROM rm_place_sightings WHERE record_key = ANY($1::text[])', [replaced]);
    await tx.query('DELETE FROM rm_child_associations WHERE record_key = ANY($1::text[])', [
      replaced,
    ]);
  }
  if (taken.length > 0) {
    await tx.query(
      `INSERT INTO rm_contextual_records (record_key, position)
       SELECT record_key, position FROM jsonb_to_recordset($1::jsonb) AS r(record_key text, position bigint)
       ON CONFLICT (record_key) DO UPDATE
         SET position = GREATEST(rm_contextual_records.position, EXCLUDED.position)`,
      [asJson(taken.map((r) => ({ record_key: r.recordKey, position: r.event.globalPosition })))],
    );
  }
  return taken;
}

async function recordSightings(tx: SqlExecutor, records: readonly ContextRecord[]): Promise<void> {
  const rows = records.flatMap((r) =>
    distinctPlaces(r.locations).map((place) => ({
      place_key: place.key,
      record_key: r.recordKey,
      event_id: r.event.eventId,
      position: r.event.globalPosition,
      child_id: r.childId,
      source: r.source,
      seen_at: r.seenAt,
      postcode: place.postcode ?? null,
      description: place.description ?? null,
      premises_type: place.premisesType ?? null,
      local_authority: r.localAuthority,
    })),
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO rm_place_sightings (place_key, record_key, event_id, position, child_id, source,
       seen_at, postcode, description, premises_type, local_authority)
     SELECT place_key, record_key, event_id, position, child_id, source, seen_at, postcode,
            description, premises_type, local_authority
     FROM jsonb_to_recordset($1::jsonb) AS r(place_key text, record_key text, event_id uuid,
       position bigint, child_id uuid, source text, seen_at timestamptz, postcode text,
       description text, premises_type text, local_authority text)
     ON CONFLICT (place_key, record_key) DO NOTHING`,
    [asJson(rows)],
  );
}

/**
 * The force that reported each episode whose record names someone by their police id: from the
 * batch's own reports or what the caller found already, else the tables.
 */
async function forcesOf(
  tx: SqlExecutor,
  records: readonly ContextRecord[],
  reports: ReadonlyArray<RecordedEvent & MissingEpisodeReported>,
  knownForces: KnownForces,
): Promise<Map<string, string | null>> {
  const forces = new Map<string, string | null>([
    ...[...knownForces].filter(([, force]) => force !== null),
    ...reports.map(({ data: d }) => [d.episodeId, d.force] as const),
  ]);
  const wanted = [
    ...new Set(
      records
        .filter((r) => r.people.some((p) => p.policePersonId?.trim()))
        .map((r) => r.episodeId)
        .filter((id) => !forces.has(id)),
    ),
  ];
  if (wanted.length === 0) return forces;
  const rows = await tx.query<{ episode_id: string; force: string }>(
    'SELECT episode_id::text AS episode_id, force FROM rm_contextual_episodes WHERE episode_id = ANY($1::uuid[])',
    [wanted],
  );
  for (const row of rows) forces.set(row.episode_id, row.force);
  return forces;
}

/**
 * Who a child was with, kept both ways: under the child whose record names them (with what was
 * said about them) and, when they are another child, under that child too (ids only).
 */
async function recordAssociations(
  tx: SqlExecutor,
  records: readonly ContextRecord[],
  forces: ReadonlyMap<string, string | null>,
): Promise<void> {
  const rows = records.flatMap((r) => {
    const force = forces.get(r.episodeId) ?? null;
    const base = {
      record_key: r.recordKey,
      event_id: r.event.eventId,
      position: r.event.globalPosition,
      recorded_on: r.childId,
      source: r.source,
      seen_at: r.seenAt,
    };
    return r.people.flatMap((person, idx) => {
      const policePersonId = person.policePersonId?.trim() || null;
      const other = policePersonId && force ? childIdFor(force, policePersonId) : null;
      const named = {
        ...base,
        child_id: r.childId,
        idx,
        other_child_id: other,
        police_person_id: policePersonId,
        name: person.name?.trim() || null,
        description: person.description?.trim() || null,
        relationship: person.relationship?.trim() || null,
      };
      if (!other || other === r.childId) return [named];
      const mirrored = {
        ...base,
        child_id: other,
        idx,
        other_child_id: r.childId,
        police_person_id: null,
        name: null,
        description: null,
        relationship: null,
      };
      return [named, mirrored];
    });
  });
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO rm_child_associations (child_id, record_key, idx, event_id, position, recorded_on,
       other_child_id, police_person_id, name, description, relationship, source, seen_at)
     SELECT child_id, record_key, idx, event_id, position, recorded_on, other_child_id,
            police_person_id, name, description, relationship, source, seen_at
     FROM jsonb_to_recordset($1::jsonb) AS r(child_id uuid, record_key text, idx integer,
       event_id uuid, position bigint, recorded_on uuid, other_child_id uuid,
       police_person_id text, name text, description text, relationship text, source text,
       seen_at timestamptz)
     ON CONFLICT (child_id, record_key, idx) DO UPDATE SET other_child_id = EXCLUDED.other_child_id
     WHERE rm_child_associations.other_child_id IS NULL
       AND EXCLUDED.other_child_id IS NOT NULL`,
    [asJson(rows)],
  );
}
