import {
  EventIdReused,
  isRepeatOf,
  StreamVersionConflict,
  versionMatches,
  type AppendResult,
  type StreamAppend,
} from '../../event-store.port';
import type { SqlExecutor } from '../../sql/sql-database.port';

/** One caller's append: its streams, all or none of it. */
export interface AppendRequest {
  appends: StreamAppend[];
  ids: string[];
}

/** What became of one request of a group: its results, or why none of it was written. */
export type AppendOutcome = AppendResult[] | Error;

type Stored = { event_id: string; stream_name: string };

/**
 * Appends a group of independent requests in one transaction (group commit): one lock, one
 * read of the stored ids and stream versions, one insert, one commit for all of them. Each
 * request is still decided alone, in order, as if it ran by itself after the ones before it: a
 * repeat is a duplicate, ids reused otherwise refuse it, a stale expected version refuses it,
 * and a refused request writes nothing and refuses no other.
 */
export async function appendGroup(
  tx: SqlExecutor,
  requests: AppendRequest[],
  options: { notifyChannel: string | null },
): Promise<AppendOutcome[]> {
  // Global positions become visible strictly in order (see SqlEventStore).
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('homeward.events.append'))`);
  const allIds = requests.flatMap((r) => r.ids);
  const stored = await tx.query<Stored>(
    `SELECT e.event_id::text AS event_id, e.stream_name FROM hw_events e
     JOIN jsonb_array_elements_text($1::jsonb) AS ids(id) ON e.event_id = ids.id::uuid`,
    [JSON.stringify(allIds)],
  );
  const streamNames = [...new Set(requests.flatMap((r) => r.appends.map((a) => a.streamName)))];
  const versions = await currentVersions(tx, streamNames);

  // Grows as the requests before are accepted: what they will have written at commit.
  const written = new Map(stored.map((s) => [s.event_id, s.stream_name]));
  const outcomes: Array<AppendOutcome | { accepted: Map<string, number> }> = [];
  const rows: Array<Record<string, unknown>> = [];
  const touched = new Set<string>();
  const nextVersions = new Map<string, number>();
  const versionOf = (stream: string) => nextVersions.get(stream) ?? versions.get(stream) ?? 0;
  for (const request of requests) {
    const mine: Stored[] = request.ids
      .filter((id) => written.has(id))
      .map((id) => ({ event_id: id, stream_name: written.get(id)! }));
    if (isRepeatOf(request.appends, mine)) {
      outcomes.push(
        request.appends.map((a) => ({
          streamName: a.streamName,
          nextExpectedVersion: versionOf(a.streamName),
          lastGlobalPosition: null,
          duplicate: true,
        })),
      );
      continue;
    }
    if (mine.length > 0) {
      outcomes.push(new EventIdReused(mine.map((s) => s.event_id)));
      continue;
    }
    const own = new Map<string, number>();
    let conflict: StreamVersionConflict | null = null;
    const myRows: Array<Record<string, unknown>> = [];
    for (const a of request.appends) {
      const actual = own.get(a.streamName) ?? versionOf(a.streamName);
      if (!versionMatches(a.expectedVersion, actual)) {
        conflict = new StreamVersionConflict(a.streamName, a.expectedVersion ?? 'any', actual);
        break;
      }
      a.events.forEach((e, i) =>
        myRows.push({
          event_id: e.eventId,
          stream_name: a.streamName,
          stream_version: actual + i + 1,
          event_type: e.type,
          data: e.data,
          metadata: e.metadata ?? {},
        }),
      );
      own.set(a.streamName, actual + a.events.length);
    }
    if (conflict) {
      outcomes.push(conflict);
      continue;
    }
    rows.push(...myRows);
    for (const [stream, version] of own) {
      nextVersions.set(stream, version);
      touched.add(stream);
    }
    for (const a of request.appends) for (const e of a.events) written.set(e.eventId, a.streamName);
    outcomes.push({ accepted: own });
  }

  if (rows.length === 0) return outcomes.map((o, i) => settle(o, requests[i], new Map()));
  const inserted = await tx.query<{ global_position: string | number; event_id: string }>(
    `INSERT INTO hw_events (event_id, stream_name, stream_version, event_type, data, metadata)
     SELECT (r.e->>'event_id')::uuid, r.e->>'stream_name', (r.e->>'stream_version')::bigint,
            r.e->>'event_type', r.e->'data', r.e->'metadata'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(e, ord)
     ORDER BY r.ord
     RETURNING global_position, event_id::text AS event_id`,
    [JSON.stringify(rows)],
  );
  await tx.query(
    `INSERT INTO hw_streams (stream_name, stream_version)
     SELECT s.key, s.value::bigint FROM jsonb_each_text($1::jsonb) AS s
     ON CONFLICT (stream_name) DO UPDATE SET stream_version = EXCLUDED.stream_version`,
    [JSON.stringify(Object.fromEntries([...touched].map((s) => [s, nextVersions.get(s)])))],
  );
  // Delivered to every listening process when this transaction commits, never before.
  if (options.notifyChannel) {
    await tx.query('SELECT pg_notify($1, NULL)', [options.notifyChannel]);
  }
  const positionOf = new Map(inserted.map((r) => [r.event_id, Number(r.global_position)]));
  return outcomes.map((o, i) => settle(o, requests[i], positionOf));
}

function settle(
  outcome: AppendOutcome | { accepted: Map<string, number> },
  request: AppendRequest,
  positionOf: Map<string, number>,
): AppendOutcome {
  if (!('accepted' in outcome)) return outcome;
  return request.appends.map((a) => {
    const positions = a.events.map((e) => positionOf.get(e.eventId) ?? 0);
    return {
      streamName: a.streamName,
      // After this request's own events (a later request of the group may add more).
      nextExpectedVersion: outcome.accepted.get(a.streamName) ?? 0,
      lastGlobalPosition: positions.length > 0 ? Math.max(...positions) : null,
      duplicate: false,
    };
  });
}

async function currentVersions(
  tx: SqlExecutor,
  streamNames: string[],
): Promise<Map<string, number>> {
  const rows = await tx.query<{ stream_name: string; stream_version: string | number }>(
    `SELECT stream_name, stream_version FROM hw_streams
     WHERE stream_name IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(streamNames)],
  );
  return new Map(rows.map((r) => [r.stream_name, Number(r.stream_version)]));
}
