import { Inject, Injectable } from '@nestjs/common';
import type {
  AlertRaised,
  ChildFound,
  CseLevel,
  MissingEpisodeReported,
  ReturnInterviewHeld,
} from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { associationReasons, isOfConcern, NO_CONCERN, type Concern } from './association-reasons';
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

const sortedPair = (a: string, b: string): string => [a, b].sort().join('+');

/**
 * Part of the contextual safeguarding reactor, which has recorded the event's context first.
 * A child found with, or naming at interview, another child known to Homeward, where either of
 * them is of concern (on CMOG's list, or last screened MEDIUM or SIGNIFICANT): ASSOCIATION to
 * CMOG for both children, once per pair and record. Associations are kept, so one recorded before
 * either child was of concern is raised when one becomes so (or when the other child becomes
 * known to Homeward).
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
    for (const row of await this.associationsToCheck(recorded)) {
      await this.check(row, recorded);
    }
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

  private async check(row: AssociationRow, recorded: RecordedEvent): Promise<void> {
    const pair = [row.recorded_on, row.other_child_id];
    const children = await this.db.query<ChildRow>(
      `SELECT c.child_id::text AS child_id, c.local_authority, k.cmog_listed_as, k.screening_level
       FROM rm_contextual_children c LEFT JOIN rm_children_of_concern k ON k.child_id = c.child_id
       WHERE c.child_id = ANY($1::uuid[])`,
      [pair],
    );
    // Both must be children Homeward knows; at least one of them of concern.
    if (children.length < 2) return;
    const concernOf = (childId: string): Concern => {
      const c = children.find((x) => x.child_id === childId);
      return c ? { cmogListedAs: c.cmog_listed_as, screeningLevel: c.screening_level } : NO_CONCERN;
    };
    if (!pair.some((childId) => isOfConcern(concernOf(childId)))) return;
    const seenAt = new Date(row.seen_at).toISOString();
    for (const [about, other] of [pair, [...pair].reverse()]) {
      await this.alerts.raise(
        {
          type: 'ASSOCIATION',
          audience: 'CMOG',
          childId: about,
          localAuthority: children.find((c) => c.child_id === about)?.local_authority ?? null,
          reasons: associationReasons({
            about,
            other,
            recordedOn: row.recorded_on,
            source: row.source,
            seenAt,
            concerns: { about: concernOf(about), other: concernOf(other) },
          }),
          causeKey: `${sortedPair(about, other)}/${row.record_key}`,
        },
        recorded,
      );
    }
  }
}
