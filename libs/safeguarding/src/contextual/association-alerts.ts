import { Inject, Injectable } from '@nestjs/common';
import {
  associationAlerts,
  type AlertRaised,
  type AssociationAlertsInput,
  type CseLevel,
  type MissingEpisodeReported,
  type ReturnInterviewHeld,
} from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import type { WantedAlert } from '../raise-alert/alert-raiser';
import { CMOG_LIST_ALERTS, recordKeyOf, type AssociationSource } from './contextual-records';

interface AssociationRow {
  child_id: string;
  record_key: string;
  recorded_on: string;
  other_child_id: string;
  source: AssociationSource;
  seen_at: Date;
}

interface ChildRow {
  child_id: string;
  local_authority: string | null;
  cmog_listed_as: string | null;
  screening_level: CseLevel | null;
}

/**
 * Part of the contextual safeguarding reactor, which has recorded the batch's context first:
 * loads, in one query each, the associations the batch's events concern and the children in
 * them, and asks the associationAlerts workflow (libs/domain) of each event.
 */
@Injectable()
export class AssociationAlerts {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** The associations each event recorded or made of concern (the batch's context is recorded). */
  async wantedFor(batch: readonly RecordedEvent[]): Promise<WantedAlert[]> {
    const asks = batch.map(askOf).filter((ask): ask is Ask => ask !== null);
    if (asks.length === 0) return [];
    const rows = await this.db.query<AssociationRow>(
      `SELECT child_id::text AS child_id, record_key, recorded_on::text AS recorded_on,
              other_child_id::text AS other_child_id, source, seen_at
       FROM rm_child_associations
       WHERE child_id = recorded_on AND other_child_id IS NOT NULL
         AND (record_key = ANY($1::text[])
              OR (child_id = ANY($2::uuid[]) AND recorded_on = ANY($2::uuid[]))
              OR other_child_id = ANY($2::uuid[]))`,
      // "recorded_on = the child" is asked as "child_id = the child" too, so the primary key
      // answers it: on recorded_on alone every batch scanned the whole table.
      [
        [...new Set(asks.flatMap((a) => (a.recordKey ? [a.recordKey] : [])))],
        [...new Set(asks.flatMap((a) => (a.childId ? [a.childId] : [])))],
      ],
    );
    const perEvent = asks
      .map(({ recorded, recordKey, childId }) => ({
        recorded,
        associations: rows
          .filter(
            (row) =>
              row.record_key === recordKey ||
              (childId !== null && (row.recorded_on === childId || row.other_child_id === childId)),
          )
          .map((row) => ({
            recordKey: row.record_key,
            recordedOn: row.recorded_on,
            otherChildId: row.other_child_id,
            source: row.source,
            seenAt: new Date(row.seen_at).toISOString(),
          })),
      }))
      .filter((e) => e.associations.length > 0);
    if (perEvent.length === 0) return [];
    const childRows = await this.db.query<ChildRow>(
      `SELECT c.child_id::text AS child_id, c.local_authority, k.cmog_listed_as, k.screening_level
       FROM rm_contextual_children c LEFT JOIN rm_children_of_concern k ON k.child_id = c.child_id
       WHERE c.child_id = ANY($1::uuid[])`,
      [
        [
          ...new Set(
            perEvent.flatMap((e) => e.associations.flatMap((a) => [a.recordedOn, a.otherChildId])),
          ),
        ],
      ],
    );
    const children = childRows.map((c) => ({
      childId: c.child_id,
      localAuthority: c.local_authority,
      concern: { cmogListedAs: c.cmog_listed_as, screeningLevel: c.screening_level },
    }));
    return perEvent.flatMap(({ recorded, associations }) =>
      associationAlerts
        .decide(recorded as unknown as AssociationAlertsInput, {
          associations,
          // Only the children of this event's associations, as the workflow is told.
          children: children.filter((c) =>
            associations.some((a) => a.recordedOn === c.childId || a.otherChildId === c.childId),
          ),
        })
        .map((request) => ({ request, cause: recorded })),
    );
  }
}

/** What an event asks of the associations: those its record made, or all of a child's. */
interface Ask {
  recorded: RecordedEvent;
  recordKey: string | null;
  childId: string | null;
}

function askOf(recorded: RecordedEvent): Ask | null {
  switch (recorded.type) {
    case 'ChildFound':
      return { recorded, recordKey: recordKeyOf(recorded), childId: null };
    case 'ReturnInterviewHeld': {
      const d = (recorded as unknown as ReturnInterviewHeld).data;
      return { recorded, recordKey: recordKeyOf(recorded), childId: d.childId };
    }
    case 'AlertRaised': {
      const d = (recorded as unknown as AlertRaised).data;
      if (!d.childId || !CMOG_LIST_ALERTS.has(d.type)) return null;
      return { recorded, recordKey: null, childId: d.childId };
    }
    case 'MissingEpisodeReported':
      return {
        recorded,
        recordKey: null,
        childId: (recorded as unknown as MissingEpisodeReported).data.childId,
      };
    default:
      return null;
  }
}
