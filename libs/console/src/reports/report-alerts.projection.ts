import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import {
  EventProcessing,
  insertRows,
  updateRows,
  type RowChange,
  type Projection,
  type ReadModel,
} from '@homeward/platform';
import { londonDate } from './report-dates';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const REPORT_ALERTS_READ_MODEL: ReadModel = {
  projection: 'reports.alerts.v2',
  tables: ['rm_report_alerts_v2'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_report_alerts_v2 (
    alert_id        uuid PRIMARY KEY,
    type            text NOT NULL,
    child_id        uuid,
    local_authority text,
    raised_at       timestamptz NOT NULL,
    raised_date     date NOT NULL,
    due_by          timestamptz,
    acknowledged_at timestamptz,
    position        bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_report_alerts_v2_raised
    ON rm_report_alerts_v2 (raised_date)`,
    },
  ],
};

/** Every alert raised and when it was first acknowledged, for the board's alert figures. */
@Injectable()
export class ReportAlertsProjection implements Projection, OnModuleInit {
  readonly name = REPORT_ALERTS_READ_MODEL.projection;
  readonly readModel = REPORT_ALERTS_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<AlertEvent['type']>([
    'AlertRaised',
    'AlertAcknowledged',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  /** A batch in sets: one insert for the new alerts, one update per shape of change. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const raised: Array<Record<string, unknown>> = [];
    const changes: RowChange[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as AlertEvent;
      if (event.type === 'AlertRaised') {
        const d = event.data;
        raised.push({
          alert_id: d.alertId,
          type: d.type,
          child_id: d.childId,
          local_authority: d.localAuthority,
          raised_at: d.raisedAt,
          raised_date: londonDate(d.raisedAt),
          due_by: d.dueBy,
          position: recorded.globalPosition,
        });
      } else if (event.type === 'AlertAcknowledged') {
        changes.push({
          key: event.data.alertId,
          position: recorded.globalPosition,
          set: { acknowledged_at: event.data.acknowledgedAt },
        });
      }
    }
    await insertRows(tx, 'rm_report_alerts_v2', 'alert_id', raised);
    // The first acknowledgement is the one timed; a later one changes nothing.
    await updateRows(
      tx,
      {
        table: 'rm_report_alerts_v2',
        key: 'alert_id',
        position: 'position',
        combine: { acknowledged_at: 'first' },
      },
      changes,
    );
  }
}
