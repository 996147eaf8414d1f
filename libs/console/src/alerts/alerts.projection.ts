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

  /** A batch in sets: one insert for the new alerts, one update per shape of change. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const raised: Array<Record<string, unknown>> = [];
    const changes: RowChange[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as AlertEvent;
      const position = recorded.globalPosition;
      switch (event.type) {
        case 'AlertRaised': {
          const d = event.data;
          raised.push({
            alert_id: d.alertId,
            type: d.type,
            audience: d.audience,
            child_id: d.childId,
            local_authority: d.localAuthority,
            reasons: d.reasons,
            caused_by: d.causedBy,
            due_by: d.dueBy,
            raised_at: d.raisedAt,
            acknowledge_by: d.acknowledgeBy,
            status: 'OPEN',
            position,
          });
          break;
        }
        case 'AlertAcknowledged':
          changes.push({
            key: event.data.alertId,
            position,
            set: {
              status: 'ACKNOWLEDGED',
              acknowledged_by: event.data.acknowledgedBy,
              acknowledged_at: event.data.acknowledgedAt,
            },
          });
          break;
        case 'AlertEscalated':
          changes.push({
            key: event.data.alertId,
            position,
            set: { status: 'ESCALATED', escalated_at: event.data.escalatedAt },
          });
          break;
      }
    }
    await insertRows(tx, 'rm_alerts', 'alert_id', raised);
    // Only moves forward: a redelivered older event never overwrites a newer one.
    await updateRows(tx, { table: 'rm_alerts', key: 'alert_id', position: 'position' }, changes);
  }
}
