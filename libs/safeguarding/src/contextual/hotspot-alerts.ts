import { Inject, Injectable } from '@nestjs/common';
import {
  hotspotAlerts,
  type ChildFound,
  type HotspotAlertsInput,
  type PlaceHistory,
  type ReturnInterviewHeld,
} from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { foundRecordKey, interviewRecordKey } from './contextual-records';

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
 * Part of the contextual safeguarding reactor, which has recorded the event's sightings first:
 * loads every sighting of the places the record names and raises the hotspots the hotspotAlerts
 * workflow (libs/domain) finds in them.
 */
@Injectable()
export class HotspotAlerts {
  /** The events that record sightings of places. */
  readonly eventTypes: ReadonlySet<string> = new Set(hotspotAlerts.inputTypes);

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly alerts: AlertRaiser,
  ) {}

  /** Raises the hotspots the event's sightings complete, on what was known up to the event. */
  async raiseFor(recorded: RecordedEvent): Promise<void> {
    if (!this.eventTypes.has(recorded.type)) return;
    const recordKey =
      recorded.type === 'ChildFound'
        ? foundRecordKey((recorded as unknown as ChildFound).data.episodeId)
        : interviewRecordKey((recorded as unknown as ReturnInterviewHeld).data.interviewId);
    // Every sighting of the places this record names, as known up to this event.
    const rows = await this.db.query<Row>(
      `SELECT place_key, record_key, position, child_id::text AS child_id, seen_at,
              local_authority, premises_type
       FROM rm_place_sightings
       WHERE place_key IN (SELECT place_key FROM rm_place_sightings WHERE record_key = $1)
         AND position <= $2
       ORDER BY place_key, seen_at, position`,
      [recordKey, recorded.globalPosition],
    );
    const byPlace = new Map<string, Row[]>();
    for (const row of rows) {
      const place = byPlace.get(row.place_key);
      if (place) place.push(row);
      else byPlace.set(row.place_key, [row]);
    }
    const places: PlaceHistory[] = [...byPlace].map(([placeKey, placeRows]) => ({
      placeKey,
      sightings: placeRows.map((r) => ({
        eventId: r.record_key,
        position: Number(r.position),
        childId: r.child_id,
        seenAt: new Date(r.seen_at).toISOString(),
        localAuthority: r.local_authority,
      })),
      premisesTypes: [
        ...new Set(placeRows.map((r) => r.premises_type).filter((t): t is string => t !== null)),
      ],
    }));
    const event = recorded as unknown as HotspotAlertsInput;
    await this.alerts.raiseAll(
      hotspotAlerts
        .decide(event, { recordKey, places, policies: this.config.policies })
        .map((request) => ({ request, cause: recorded })),
    );
  }
}
