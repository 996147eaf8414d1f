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
export const OPEN_ACKNOWLEDGEMENTS_READ_MODEL: ReadModel = {
  projection: 'safeguarding.open-acknowledgements',
  tables: ['rm_open_alert_acknowledgements'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_open_alert_acknowledgements (
    alert_id        uuid PRIMARY KEY,
    acknowledge_by  timestamptz NOT NULL,
    open            boolean NOT NULL
  )`,
    },
  ],
};

/**
 * Alerts still waiting to be acknowledged, the safeguarding service's own record: on start-up
 * each one's alarm is armed again, so the 24-hour escalation survives any restart.
 */
@Injectable()
export class OpenAcknowledgementsProjection implements Projection, OnModuleInit {
  readonly name = OPEN_ACKNOWLEDGEMENTS_READ_MODEL.projection;
  readonly readModel = OPEN_ACKNOWLEDGEMENTS_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<AlertEvent['type']>([
    'AlertRaised',
    'AlertAcknowledged',
    'AlertEscalated',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  /** A batch in sets: one insert for the alerts to acknowledge, one update for those closed. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const raised: Array<Record<string, unknown>> = [];
    const closed: RowChange[] = [];
    for (const event of events as unknown as AlertEvent[]) {
      if (event.type === 'AlertRaised') {
        if (!event.data.acknowledgeBy) continue;
        raised.push({
          alert_id: event.data.alertId,
          acknowledge_by: event.data.acknowledgeBy,
          open: true,
        });
      } else {
        closed.push({ key: event.data.alertId, set: { open: false } });
      }
    }
    await insertRows(tx, 'rm_open_alert_acknowledgements', 'alert_id', raised);
    // Idempotent if redelivered.
    await updateRows(tx, { table: 'rm_open_alert_acknowledgements', key: 'alert_id' }, closed);
  }
}
