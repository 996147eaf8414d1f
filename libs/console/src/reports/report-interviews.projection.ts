import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import {
  EventProcessing,
  insertRows,
  updateRows,
  type Projection,
  type ReadModel,
  type RowChange,
} from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const REPORT_INTERVIEWS_READ_MODEL: ReadModel = {
  projection: 'reports.interviews.v1',
  tables: ['rm_report_interviews_v1'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_report_interviews_v1 (
    interview_id         uuid PRIMARY KEY,
    episode_id           uuid NOT NULL,
    child_id             uuid NOT NULL,
    status               text NOT NULL,
    held_within_deadline boolean,
    confirmed_level      text,
    referral             boolean NOT NULL DEFAULT false,
    breached             boolean NOT NULL DEFAULT false,
    position             bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_report_interviews_v1_episode
    ON rm_report_interviews_v1 (episode_id)`,
    },
  ],
};

/**
 * Every return interview offered, with its outcome, as the board counts them: by the episode
 * it was offered for (joined on episode_id at query time).
 */
@Injectable()
export class ReportInterviewsProjection implements Projection, OnModuleInit {
  readonly name = REPORT_INTERVIEWS_READ_MODEL.projection;
  readonly readModel = REPORT_INTERVIEWS_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewScheduled',
    'ReturnInterviewHeld',
    'ReturnInterviewDeclined',
    'ReturnInterviewNotPossible',
    'ReturnInterviewDeadlineBreached',
    'ReturnInterviewCancelled',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  /** A batch in sets: one insert for the new interviews, one update per shape of change. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const scheduled: Array<Record<string, unknown>> = [];
    const changes: RowChange[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as ReturnInterviewEvent;
      if (event.type === 'ReturnInterviewScheduled') {
        const d = event.data;
        scheduled.push({
          interview_id: d.interviewId,
          episode_id: d.episodeId,
          child_id: d.childId,
          status: 'SCHEDULED',
          position: recorded.globalPosition,
        });
        continue;
      }
      const set = changeFor(event);
      if (set) {
        changes.push({ key: event.data.interviewId, position: recorded.globalPosition, set });
      }
    }
    await insertRows(tx, 'rm_report_interviews_v1', 'interview_id', scheduled);
    // Only moves forward: a redelivered older event never overwrites a newer one.
    await updateRows(
      tx,
      { table: 'rm_report_interviews_v1', key: 'interview_id', position: 'position' },
      changes,
    );
  }
}

/** The columns an event changes, each to a whole value, so applying it twice changes nothing. */
function changeFor(event: ReturnInterviewEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'ReturnInterviewDeadlineBreached':
      return { breached: true };
    case 'ReturnInterviewCancelled':
      return { status: 'CANCELLED' };
    case 'ReturnInterviewHeld':
      // An amended record replaces the earlier one: the latest confirmed level is the one counted.
      return {
        status: 'HELD',
        held_within_deadline: event.data.heldWithinDeadline,
        confirmed_level: event.data.screening.confirmed,
        referral: event.data.screening.outcomes.includes('SOCIAL_CARE_REFERRAL_REQUIRED'),
      };
    case 'ReturnInterviewDeclined':
      return { status: 'DECLINED' };
    case 'ReturnInterviewNotPossible':
      return { status: 'NOT_POSSIBLE' };
    default:
      return null;
  }
}
