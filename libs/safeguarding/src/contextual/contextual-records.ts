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
 * children were seen, who they were with, and which children are of concern. The projection keeps
 * these tables, and each reactor applies its own event to them first (every write is idempotent
 * and keeps the newest record), so a reactor decides on everything up to the event in hand
 * whether or not the projection has caught up.
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

/** Where an episode's force is not yet in the tables (events from Kafka arrive per topic). */
export type ForceLookup = (childId: string, episodeId: string) => Promise<string | null>;

/** One record per found episode and per interview: an amended interview replaces its first record. */
export const foundRecordKey = (episodeId: string) => `found/${episodeId}`;
export const interviewRecordKey = (interviewId: string) => `interview/${interviewId}`;

/** Applies events (in store order) to the contextual tables. Safe to apply twice, or late. */
export async function recordContext(
  tx: SqlExecutor,
  events: readonly RecordedEvent[],
  fallbackForce?: ForceLookup,
): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'MissingEpisodeReported':
        await recordEpisode(tx, event as unknown as RecordedEvent & MissingEpisodeReported);
        break;
      case 'ChildFound':
        await recordFound(tx, event as unknown as RecordedEvent & ChildFound, fallbackForce);
        break;
      case 'ReturnInterviewHeld':
        await recordInterview(
          tx,
          event as unknown as RecordedEvent & ReturnInterviewHeld,
          fallbackForce,
        );
        break;
      case 'AlertRaised':
        await recordListing(tx, event as unknown as RecordedEvent & AlertRaised);
        break;
    }
  }
}

async function recordEpisode(
  tx: SqlExecutor,
  event: RecordedEvent & MissingEpisodeReported,
): Promise<void> {
  const d = event.data;
  await tx.query(
    `INSERT INTO rm_contextual_episodes (episode_id, child_id, force) VALUES ($1, $2, $3)
     ON CONFLICT (episode_id) DO NOTHING`,
    [d.episodeId, d.childId, d.force],
  );
  // The responsible authority as last reported.
  await tx.query(
    `INSERT INTO rm_contextual_children (child_id, force, police_person_id, local_authority, position)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (child_id) DO UPDATE SET local_authority = EXCLUDED.local_authority,
       position = EXCLUDED.position
     WHERE rm_contextual_children.position < EXCLUDED.position`,
    [
      d.childId,
      d.force,
      d.personal.child.policePersonId,
      d.responsibleLocalAuthority,
      event.globalPosition,
    ],
  );
}

async function forceOf(
  tx: SqlExecutor,
  childId: string,
  episodeId: string,
  fallback?: ForceLookup,
): Promise<string | null> {
  const [row] = await tx.query<{ force: string }>(
    'SELECT force FROM rm_contextual_episodes WHERE episode_id = $1',
    [episodeId],
  );
  return row?.force ?? (fallback ? fallback(childId, episodeId) : null);
}

/**
 * Whether this event is the newest record under its key; an older one (a replay, or the
 * first version of an amended interview arriving late) changes nothing. The rows of an older
 * version are removed, so an amended record replaces them.
 */
async function takeRecord(tx: SqlExecutor, recordKey: string, position: number): Promise<boolean> {
  const [row] = await tx.query<{ position: string | number }>(
    'SELECT position FROM rm_contextual_records WHERE record_key = $1',
    [recordKey],
  );
  if (row && Number(row.position) > position) return false;
  if (row && Number(row.position) < position) {
    await tx.query('DELETE FROM rm_place_sightings WHERE record_key = $1', [recordKey]);
    await tx.query('DELETE FROM rm_child_associations WHERE record_key = $1', [recordKey]);
  }
  await tx.query(
    `INSERT INTO rm_contextual_records (record_key, position) VALUES ($1, $2)
     ON CONFLICT (record_key) DO UPDATE SET position = GREATEST(rm_contextual_records.position, EXCLUDED.position)`,
    [recordKey, position],
  );
  return true;
}

interface SightingRow {
  record_key: string;
  event_id: string;
  position: number;
  child_id: string;
  source: AssociationSource;
  seen_at: string;
  local_authority: string | null;
  locations: Array<{ description?: string; postcode?: string; premisesType?: string }>;
}

async function recordSightings(tx: SqlExecutor, s: SightingRow): Promise<void> {
  const rows = distinctPlaces(s.locations).map((place) => ({
    place_key: place.key,
    postcode: place.postcode,
    description: place.description,
    premises_type: place.premisesType,
  }));
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO rm_place_sightings (place_key, record_key, event_id, position, child_id, source,
       seen_at, postcode, description, premises_type, local_authority)
     SELECT r->>'place_key', $2, $3, $4, $5, $6, $7, r->>'postcode', r->>'description',
            r->>'premises_type', $8
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (place_key, record_key) DO NOTHING`,
    [
      JSON.stringify(rows),
      s.record_key,
      s.event_id,
      s.position,
      s.child_id,
      s.source,
      s.seen_at,
      s.local_authority,
    ],
  );
}

interface Named {
  policePersonId?: string;
  name?: string;
  description?: string;
  relationship?: string;
}

/**
 * Who a child was with, kept both ways: under the child whose record names them (with what was
 * said about them) and, when they are another child, under that child too (ids only).
 */
async function recordAssociations(
  tx: SqlExecutor,
  base: Omit<SightingRow, 'locations' | 'local_authority'>,
  force: string | null,
  people: readonly Named[],
): Promise<void> {
  const rows = people.flatMap((person, idx) => {
    const policePersonId = person.policePersonId?.trim() || null;
    const other = policePersonId && force ? childIdFor(force, policePersonId) : null;
    const named = {
      child_id: base.child_id,
      idx,
      other_child_id: other,
      police_person_id: policePersonId,
      name: person.name?.trim() || null,
      description: person.description?.trim() || null,
      relationship: person.relationship?.trim() || null,
    };
    if (!other || other === base.child_id) return [named];
    const mirrored = {
      child_id: other,
      idx,
      other_child_id: base.child_id,
      police_person_id: null,
      name: null,
      description: null,
      relationship: null,
    };
    return [named, mirrored];
  });
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO rm_child_associations (child_id, record_key, idx, event_id, position, recorded_on,
       other_child_id, police_person_id, name, description, relationship, source, seen_at)
     SELECT (r->>'child_id')::uuid, $2, (r->>'idx')::integer, $3, $4, $5,
            (r->>'other_child_id')::uuid, r->>'police_person_id', r->>'name', r->>'description',
            r->>'relationship', $6, $7
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (child_id, record_key, idx) DO UPDATE SET other_child_id = EXCLUDED.other_child_id
     WHERE rm_child_associations.other_child_id IS NULL
       AND EXCLUDED.other_child_id IS NOT NULL`,
    [
      JSON.stringify(rows),
      base.record_key,
      base.event_id,
      base.position,
      base.child_id,
      base.source,
      base.seen_at,
    ],
  );
}

async function recordFound(
  tx: SqlExecutor,
  event: RecordedEvent & ChildFound,
  fallbackForce?: ForceLookup,
): Promise<void> {
  const d = event.data;
  const recordKey = foundRecordKey(d.episodeId);
  if (!(await takeRecord(tx, recordKey, event.globalPosition))) return;
  const base = {
    record_key: recordKey,
    event_id: event.eventId,
    position: event.globalPosition,
    child_id: d.childId,
    source: 'FOUND_WITH' as const,
    seen_at: d.foundAt,
  };
  await recordSightings(tx, {
    ...base,
    local_authority: d.foundInLocalAuthority,
    locations: [d.personal.foundLocation],
  });
  const people = d.personal.foundWith ?? [];
  if (people.length === 0) return;
  const force = await forceOf(tx, d.childId, d.episodeId, fallbackForce);
  await recordAssociations(tx, base, force, people);
}

async function recordInterview(
  tx: SqlExecutor,
  event: RecordedEvent & ReturnInterviewHeld,
  fallbackForce?: ForceLookup,
): Promise<void> {
  const d = event.data;
  await recordScreening(tx, event);
  const recordKey = interviewRecordKey(d.interviewId);
  if (!(await takeRecord(tx, recordKey, event.globalPosition))) return;
  const base = {
    record_key: recordKey,
    event_id: event.eventId,
    position: event.globalPosition,
    child_id: d.childId,
    source: 'NAMED_AT_INTERVIEW' as const,
    seen_at: d.conductedAt,
  };
  await recordSightings(tx, {
    ...base,
    local_authority: null,
    locations: d.personal.locationsVisited ?? [],
  });
  const people = d.personal.associates ?? [];
  if (people.length === 0) return;
  const force = await forceOf(tx, d.childId, d.episodeId, fallbackForce);
  await recordAssociations(tx, base, force, people);
}

/** The child's current level is the one confirmed most recently. */
async function recordScreening(
  tx: SqlExecutor,
  event: RecordedEvent & ReturnInterviewHeld,
): Promise<void> {
  const d = event.data;
  await tx.query(
    `INSERT INTO rm_children_of_concern (child_id, screening_level, screening_at, screening_position)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (child_id) DO UPDATE SET screening_level = EXCLUDED.screening_level,
       screening_at = EXCLUDED.screening_at, screening_position = EXCLUDED.screening_position
     WHERE rm_children_of_concern.screening_position IS NULL
        OR rm_children_of_concern.screening_position < EXCLUDED.screening_position`,
    [d.childId, d.screening.confirmed, d.conductedAt, event.globalPosition],
  );
}

/** Once on CMOG's list, a child stays on it here (the first listing names why). */
async function recordListing(tx: SqlExecutor, event: RecordedEvent & AlertRaised): Promise<void> {
  const d = event.data;
  if (!d.childId || !CMOG_LIST_ALERTS.has(d.type)) return;
  await tx.query(
    `INSERT INTO rm_children_of_concern (child_id, cmog_listed_as) VALUES ($1, $2)
     ON CONFLICT (child_id) DO UPDATE SET cmog_listed_as = EXCLUDED.cmog_listed_as
     WHERE rm_children_of_concern.cmog_listed_as IS NULL`,
    [d.childId, d.type],
  );
}
