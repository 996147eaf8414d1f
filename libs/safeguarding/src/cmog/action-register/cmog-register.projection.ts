import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CmogActionEvent, CmogMeetingEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CMOG_REGISTER_READ_MODEL: ReadModel = {
  projection: 'safeguarding.cmog-register',
  tables: ['rm_cmog_meetings', 'rm_cmog_actions'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_cmog_meetings (
    meeting_id      uuid PRIMARY KEY,
    local_authority text NOT NULL,
    held_on         text NOT NULL,
    opened_at       timestamptz NOT NULL,
    position        bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rm_cmog_actions (
    action_id        uuid PRIMARY KEY,
    meeting_id       uuid NOT NULL,
    local_authority  text NOT NULL,
    child_id         uuid,
    description      text NOT NULL,
    owner            text NOT NULL,
    agency           text NOT NULL,
    due_on           text NOT NULL,
    intended_outcome text NOT NULL,
    status           text NOT NULL,
    deferrals        integer NOT NULL,
    deferral_history jsonb NOT NULL,
    flags            jsonb NOT NULL,
    outcome          text,
    completed_by     text,
    completed_at     timestamptz,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL,
    position         bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_cmog_actions_status ON rm_cmog_actions (status, due_on)`,
    },
  ],
};

/**
 * The action register and the meetings held, as CMOG and the safeguarding manager read them.
 * Updates only move forward: a redelivered older event never overwrites a newer one.
 */
@Injectable()
export class CmogRegisterProjection implements Projection, OnModuleInit {
  readonly name = CMOG_REGISTER_READ_MODEL.projection;
  readonly readModel = CMOG_REGISTER_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<string>([
    'CmogMeetingOpened',
    'CmogActionRecorded',
    'CmogActionDeferred',
    'CmogActionFlagged',
    'CmogActionCompleted',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      await this.applyOne(
        recorded as unknown as CmogActionEvent | CmogMeetingEvent,
        recorded.globalPosition,
        tx,
      );
    }
  }

  private async applyOne(
    event: CmogActionEvent | CmogMeetingEvent,
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    switch (event.type) {
      case 'CmogMeetingOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_cmog_meetings (meeting_id, local_authority, held_on, opened_at, position)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id) DO NOTHING`,
          [d.meetingId, d.localAuthority, d.heldOn, d.openedAt, position],
        );
        return;
      }
      case 'CmogActionRecorded': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_cmog_actions (action_id, meeting_id, local_authority, child_id, description,
             owner, agency, due_on, intended_outcome, status, deferrals, deferral_history, flags,
             recorded_by, recorded_at, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', 0, '[]'::jsonb, '[]'::jsonb, $10, $11, $12)
           ON CONFLICT (action_id) DO NOTHING`,
          [
            d.actionId,
            d.meetingId,
            d.localAuthority,
            d.childId,
            d.personal.description,
            d.personal.owner,
            d.agency,
            d.dueOn,
            d.personal.intendedOutcome,
            d.recordedBy,
            d.recordedAt,
            position,
          ],
        );
        return;
      }
      case 'CmogActionDeferred': {
        const d = event.data;
        const entry = {
          previousDueOn: d.previousDueOn,
          newDueOn: d.newDueOn,
          reason: d.personal.reason,
          deferredBy: d.deferredBy,
          deferredAt: d.deferredAt,
        };
        await tx.query(
          `UPDATE rm_cmog_actions SET due_on = $3, deferrals = $4,
             deferral_history = deferral_history || $5::jsonb, position = $2
           WHERE action_id = $1 AND position < $2`,
          [d.actionId, position, d.newDueOn, d.deferral, JSON.stringify([entry])],
        );
        return;
      }
      case 'CmogActionFlagged': {
        const d = event.data;
        await tx.query(
          `UPDATE rm_cmog_actions SET flags = flags || $3::jsonb, position = $2
           WHERE action_id = $1 AND position < $2`,
          [d.actionId, position, JSON.stringify([{ reason: d.reason, flaggedAt: d.flaggedAt }])],
        );
        return;
      }
      case 'CmogActionCompleted': {
        const d = event.data;
        await tx.query(
          `UPDATE rm_cmog_actions SET status = 'DONE', outcome = $3, completed_by = $4,
             completed_at = $5, position = $2
           WHERE action_id = $1 AND position < $2`,
          [d.actionId, position, d.personal.outcome, d.completedBy, d.completedAt],
        );
        return;
      }
      default:
        return;
    }
  }
}
