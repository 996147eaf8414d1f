import { Inject, Injectable } from '@nestjs/common';
import {
  associationAlerts,
  type AlertRaised,
  type AssociationAlertsInput,
  type ChildFound,
  type CseLevel,
  type MissingEpisodeReported,
  type ReturnInterviewHeld,
} from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import {
  CMOG_LIST_ALERTS,
  foundRecordKey,
  interviewRecordKey,
  type AssociationSource,
} from './contextual-records';

interface AssociationRow {
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
 * Part of the contextual safeguarding reactor, which has recorded the event's context first:
 * loads the associations the event concerns and the children in them, and raises what the
 * associationAlerts workflow (libs/domain) asks for.
 */
@Injectable()
export class AssociationAlerts {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly alerts: AlertRaiser,
  ) {}

  /** Raises the associations the event recorded or made of concern (its context is recorded). */
  async raiseFor(recorded: RecordedEvent): Promise<void> {
    if (recorded.type === 'AlertRaised') {
      const d = (recorded as unknown as AlertRaised).data;
      if (!d.childId || !CMOG_LIST_ALERTS.has(d.type)) return;
    }
    const associations = (await this.associationsToCheck(recorded)).map((row) => ({
      recordKey: row.record_key,
      recordedOn: row.recorded_on,
      otherChildId: row.other_child_id,
      source: row.source,
      seenAt: new Date(row.seen_at).toISOString(),
    }));
    if (associations.length === 0) return;
    const rows = await this.db.query<ChildRow>(
      `SELECT c.child_id::text AS child_id, c.local_authority, k.cmog_listed_as, k.screening_level
       FROM rm_contextual_children c LEFT JOIN rm_children_of_concern k ON k.child_id = c.child_id
       WHERE c.child_id = ANY($1::uuid[])`,
      [[...new Set(associations.flatMap((a) => [a.recordedOn, a.otherChildId]))]],
    );
    const children = rows.map((c) => ({
      childId: c.child_id,
      localAuthority: c.local_authority,
      concern: { cmogListedAs: c.cmog_listed_as, screeningLevel: c.screening_level },
    }));
    await this.alerts.raiseAll(
      associationAlerts
        .decide(recorded as unknown as AssociationAlertsInput, { associations, children })
        .map((request) => ({ request, cause: recorded })),
    );
  }

  /** The associations this event recorded, or, for a child newly of concern or known, all theirs. */
  private associationsToCheck(recorded: RecordedEvent): Promise<AssociationRow[]> {
    const select = `SELECT record_key, recorded_on::text AS recorded_on,
        other_child_id::text AS other_child_id, source, seen_at
      FROM rm_child_associations
      WHERE child_id = recorded_on AND other_child_id IS NOT NULL`;
    switch (recorded.type) {
      case 'ChildFound':
        return this.db.query<AssociationRow>(`${select} AND record_key = $1`, [
          foundRecordKey((recorded as unknown as ChildFound).data.episodeId),
        ]);
      // "recorded_on = the child" is asked as "child_id = the child" too, so the primary key
      // answers it: on recorded_on alone every batch scanned the whole table.
      case 'ReturnInterviewHeld': {
        const d = (recorded as unknown as ReturnInterviewHeld).data;
        return this.db.query<AssociationRow>(
          `${select} AND (record_key = $1 OR (child_id = $2 AND recorded_on = $2) OR other_child_id = $2)`,
          [interviewRecordKey(d.interviewId), d.childId],
        );
      }
      default: {
        const { childId } = (recorded as unknown as MissingEpisodeReported | AlertRaised).data;
        return this.db.query<AssociationRow>(
          `${select} AND ((child_id = $1 AND recorded_on = $1) OR other_child_id = $1)`,
          [childId],
        );
      }
    }
  }
}
