import { Inject, Injectable } from '@nestjs/common';
import { policyFor, type ChildFound, type ReturnInterviewHeld } from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { foundRecordKey, interviewRecordKey } from './contextual-records';
import { hotspotReasons } from './hotspot-reasons';
import { hotspotPatternOf, type Sighting } from './hotspot-window';

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
 * Part of the contextual safeguarding reactor, which has recorded the event's sightings first.
 * A place where several different children were found, or said they went, within the policy's
 * days (3 within 90 by default) is a hotspot for CMOG. Raised once per pattern, named by the
 * place and the pattern's first sighting: a fourth child adds nothing new, a pattern that lapses
 * and comes back is raised again.
 */
@Injectable()
export class HotspotAlerts {
  /** The events that record sightings of places. */
  readonly eventTypes: ReadonlySet<string> = new Set(['ChildFound', 'ReturnInterviewHeld']);

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
    for (const [placeKey, placeRows] of byPlace) {
      await this.check(placeKey, placeRows, recordKey, recorded);
    }
  }

  private async check(
    placeKey: string,
    rows: Row[],
    recordKey: string,
    recorded: RecordedEvent,
  ): Promise<void> {
    const sightings: Sighting[] = rows.map((r) => ({
      eventId: r.record_key,
      position: Number(r.position),
      childId: r.child_id,
      seenAt: new Date(r.seen_at).toISOString(),
      localAuthority: r.local_authority,
    }));
    // The place's authority: the first one the police recorded there (sightings are in time order).
    const localAuthority = sightings.find((s) => s.localAuthority)?.localAuthority ?? null;
    const threshold = policyFor(this.config.policies, localAuthority).hotspots;
    const pattern = hotspotPatternOf(sightings, recordKey, threshold);
    if (!pattern) return;
    const premisesTypes = [
      ...new Set(rows.map((r) => r.premises_type).filter((t): t is string => t !== null)),
    ];
    await this.alerts.raise(
      {
        type: 'HOTSPOT',
        audience: 'CMOG',
        childId: null,
        localAuthority,
        reasons: hotspotReasons({ placeKey, pattern, threshold, premisesTypes }),
        causeKey: `${placeKey}/${pattern.first.eventId}@${pattern.first.seenAt}`,
      },
      recorded,
    );
  }
}
