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

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as AlertEscalated;
    for (const request of unacknowledgedEscalationAlerts.decide(event)) {
      await this.alerts.raise(request, recorded);
    }
  }
}
