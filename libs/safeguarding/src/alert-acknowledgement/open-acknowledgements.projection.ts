import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection } from '@homeward/platform';

/**
 * Alerts still waiting to be acknowledged, the safeguarding service's own record: on start-up
 * each one's alarm is armed again, so the 24-hour escalation survives any restart.
 */
@Injectable()
export class OpenAcknowledgementsProjection implements Projection, OnModuleInit {
  readonly name = 'safeguarding.open-acknowledgements';
  readonly eventTypes: ReadonlySet<string> = new Set<AlertEvent['type']>([
    'AlertRaised',
    'AlertAcknowledged',
    'AlertEscalated',
  ]);
  readonly schema = `
    CREATE TABLE IF NOT EXISTS rm_open_alert_acknowledgements (
      alert_id        uuid PRIMARY KEY,
      acknowledge_by  timestamptz NOT NULL,
      open            boolean NOT NULL
    )`;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const event of events as unknown as AlertEvent[]) {
      if (event.type === 'AlertRaised') {
        if (!event.data.acknowledgeBy) continue;
        await tx.query(
          `INSERT INTO rm_open_alert_acknowledgements (alert_id, acknowledge_by, open)
           VALUES ($1, $2, true) ON CONFLICT (alert_id) DO NOTHING`,
          [event.data.alertId, event.data.acknowledgeBy],
        );
      } else {
        await tx.query(
          `UPDATE rm_open_alert_acknowledgements SET open = false WHERE alert_id = $1`,
          [event.data.alertId],
        );
      }
    }
  }
}
