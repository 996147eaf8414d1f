import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewEvent, ReturnInterviewScheduled } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

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

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      const event = recorded as unknown as ReturnInterviewEvent;
      if (event.type === 'ReturnInterviewScheduled') {
        await this.scheduled(event.data, recorded.globalPosition, tx);
        continue;
      }
      const change = changeFor(event);
      if (!change) continue;
      const columns = Object.keys(change);
      // Only moves forward: a redelivered older event never overwrites a newer one.
      await tx.query(
        `UPDATE rm_report_interviews_v1
         SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, position = $2
         WHERE interview_id = $1 AND position < $2`,
        [event.data.interviewId, recorded.globalPosition, ...Object.values(change)],
      );
    }
  }

  private async scheduled(
    d: ReturnInterviewScheduled['data'],
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO rm_report_interviews_v1 (interview_id, episode_id, child_id, status, position)
       VALUES ($1, $2, $3, 'SCHEDULED', $4)
       ON CONFLICT (interview_id) DO NOTHING`,
      [d.interviewId, d.episodeId, d.childId, position],
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
