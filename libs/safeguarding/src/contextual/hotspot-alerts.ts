import { Inject, Injectable } from '@nestjs/common';
import { hotspotAlerts, type HotspotAlertsInput, type PlaceHistory } from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '@homeward/platform';
import type { WantedAlert } from '../raise-alert/alert-raiser';
import { recordKeyOf } from './contextual-records';

interface Row {
  place_key: string;
  record_key: string;
  position: string | number;
  child_id: string;
  seen_at: Date;
  local_authority: string | null;
  premises_type: string | null;
}

/**
 * Part of the contextual safeguarding reactor, which has recorded the batch's sightings first:
 * loads, in one query, every sighting of the places the batch's records name, and asks the
 * hotspotAlerts workflow (libs/domain) of each record on what was known up to it.
 */
@Injectable()
export class HotspotAlerts {
  /** The events that record sightings of places. */
  readonly eventTypes: ReadonlySet<string> = new Set(hotspotAlerts.inputTypes);

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
  ) {}

  /** The hotspots each record of the batch completes, on the sightings up to that record. */
  async wantedFor(batch: readonly RecordedEvent[]): Promise<WantedAlert[]> {
    const records = batch
      .filter((recorded) => this.eventTypes.has(recorded.type))
      .map((recorded) => ({ recorded, recordKey: recordKeyOf(recorded)! }));
    if (records.length === 0) return [];
    const rows = await this.db.query<Row>(
      `SELECT place_key, record_key, position, child_id::text AS child_id, seen_at,
              local_authority, premises_type
       FROM rm_place_sightings
       WHERE place_key IN (SELECT place_key FROM rm_place_sightings WHERE record_key = ANY($1::text[]))
       ORDER BY place_key, seen_at, position`,
      [[...new Set(records.map((r) => r.recordKey))]],
    );
    const byPlace = groupBy(rows, (row) => row.place_key);
    const placesOf = new Map<string, Set<string>>();
    for (const row of rows) {
      const named = placesOf.get(row.record_key) ?? new Set<string>();
      placesOf.set(row.record_key, named.add(row.place_key));
    }
    return records.flatMap(({ recorded, recordKey }) => {
      // Every sighting of the places this record names, as known up to this event.
      const places: PlaceHistory[] = [...(placesOf.get(recordKey) ?? [])].map((placeKey) => {
        const placeRows = (byPlace.get(placeKey) ?? []).filter(
          (r) => Number(r.position) <= recorded.globalPosition,
        );
        return {
          placeKey,
          sightings: placeRows.map((r) => ({
            eventId: r.record_key,
            position: Number(r.position),
            childId: r.child_id,
            seenAt: new Date(r.seen_at).toISOString(),
            localAuthority: r.local_authority,
          })),
          premisesTypes: [
            ...new Set(
              placeRows.map((r) => r.premises_type).filter((t): t is string => t !== null),
            ),
          ],
        };
      });
      return hotspotAlerts
        .decide(recorded as unknown as HotspotAlertsInput, {
          recordKey,
          places: places.filter((p) => p.sightings.length > 0),
          policies: this.config.policies,
        })
        .map((request) => ({ request, cause: recorded }));
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
