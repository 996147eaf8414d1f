import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';
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

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      const event = recorded as unknown as AlertEvent;
      if (event.type === 'AlertRaised') {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_report_alerts_v2 (alert_id, type, child_id, local_authority, raised_at,
             raised_date, due_by, position)
           VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8)
           ON CONFLICT (alert_id) DO NOTHING`,
          [
            d.alertId,
            d.type,
            d.childId,
            d.localAuthority,
            d.raisedAt,
            londonDate(d.raisedAt),
            d.dueBy,
            recorded.globalPosition,
          ],
        );
      } else if (event.type === 'AlertAcknowledged') {
        // The first acknowledgement is the one timed; a later one changes nothing.
        await tx.query(
          `UPDATE rm_report_alerts_v2
           SET acknowledged_at = COALESCE(acknowledged_at, $3), position = $2
           WHERE alert_id = $1 AND position < $2`,
          [event.data.alertId, recorded.globalPosition, event.data.acknowledgedAt],
        );
      }
    }
  }
}
