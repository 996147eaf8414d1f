import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertEvent, AlertRaised } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const ALERTS_READ_MODEL: ReadModel = {
  projection: 'console.alerts',
  tables: ['rm_alerts'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_alerts (
    alert_id        uuid PRIMARY KEY,
    type            text NOT NULL,
    audience        text NOT NULL,
    child_id        uuid,
    local_authority text,
    reasons         jsonb NOT NULL,
    caused_by       jsonb NOT NULL,
    due_by          timestamptz,
    raised_at       timestamptz NOT NULL,
    acknowledge_by  timestamptz,
    status          text NOT NULL,
    acknowledged_by text,
    acknowledged_at timestamptz,
    escalated_at    timestamptz,
    position        bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_alerts_audience ON rm_alerts (audience, status, raised_at);
  CREATE INDEX IF NOT EXISTS rm_alerts_child ON rm_alerts (child_id, raised_at)`,
    },
  ],
};

/** Every alert raised, as its audience lists them. */
@Injectable()
export class AlertsProjection implements Projection, OnModuleInit {
  readonly name = ALERTS_READ_MODEL.projection;
  readonly readModel = ALERTS_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<AlertEvent['type']>([
    'AlertRaised',
    'AlertAcknowledged',
    'AlertEscalated',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      const event = recorded as unknown as AlertEvent;
      switch (event.type) {
        case 'AlertRaised':
          await this.raised(event.data, recorded.globalPosition, tx);
          break;
        case 'AlertAcknowledged':
          // Only moves forward: a redelivered older event never overwrites a newer one.
          await tx.query(
            `UPDATE rm_alerts SET status = 'ACKNOWLEDGED', acknowledged_by = $3,
               acknowledged_at = $4, position = $2
             WHERE alert_id = $1 AND position < $2`,
            [
              event.data.alertId,
              recorded.globalPosition,
              event.data.acknowledgedBy,
              event.data.acknowledgedAt,
            ],
          );
          break;
        case 'AlertEscalated':
          await tx.query(
            `UPDATE rm_alerts SET status = 'ESCALATED', escalated_at = $3, position = $2
             WHERE alert_id = $1 AND position < $2`,
            [event.data.alertId, recorded.globalPosition, event.data.escalatedAt],
          );
          break;
      }
    }
  }

  private async raised(d: AlertRaised['data'], position: number, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `INSERT INTO rm_alerts (alert_id, type, audience, child_id, local_authority, reasons,
         caused_by, due_by, raised_at, acknowledge_by, status, position)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, 'OPEN', $11)
       ON CONFLICT (alert_id) DO NOTHING`,
      [
        d.alertId,
        d.type,
        d.audience,
        d.childId,
        d.localAuthority,
        JSON.stringify(d.reasons),
        JSON.stringify(d.causedBy),
        d.dueBy,
        d.raisedAt,
        d.acknowledgeBy,
        position,
      ],
    );
  }
}
