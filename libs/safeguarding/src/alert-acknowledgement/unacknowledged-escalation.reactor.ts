import { Injectable, type OnModuleInit } from '@nestjs/common';
import { unacknowledgedEscalationAlerts, type AlertEscalated } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * An alert nobody acknowledged in time goes to the safeguarding manager, once per alert. The
 * decision is the unacknowledgedEscalationAlerts workflow; this raises what it asks for.
 */
@Injectable()
export class UnacknowledgedEscalationReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.unacknowledged-escalation';
  readonly eventTypes: ReadonlySet<string> = new Set(unacknowledgedEscalationAlerts.inputTypes);

  constructor(
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /** The batch's alerts are raised together (AlertRaiser.raiseAll). */
  reactBatch(batch: RecordedEvent[]): Promise<void> {
    return this.alerts.raiseAll(
      batch.flatMap((recorded) =>
        unacknowledgedEscalationAlerts
          .decide(recorded as unknown as AlertEscalated)
          .map((request) => ({ request, cause: recorded })),
      ),
    );
  }
}
