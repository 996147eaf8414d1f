import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertEscalated } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

const AUDIENCE_WORDS: Record<string, string> = {
  SOCIAL_CARE: "children's social care",
  CMOG: 'the CSE and Missing Operational Group',
  SAFEGUARDING_MANAGER: 'the safeguarding manager',
  RI_COORDINATOR: 'the return-interview coordinator',
  RESPONSIBLE_LA: 'the responsible local authority',
};

/** An alert nobody acknowledged in time goes to the safeguarding manager, once per alert. */
@Injectable()
export class UnacknowledgedEscalationReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.unacknowledged-escalation';
  readonly eventTypes: ReadonlySet<string> = new Set(['AlertEscalated']);

  constructor(
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const d = (recorded as unknown as AlertEscalated).data;
    await this.alerts.raise(
      {
        type: 'ALERT_UNACKNOWLEDGED',
        audience: 'SAFEGUARDING_MANAGER',
        childId: d.childId,
        reasons: [
          `The ${d.type} alert raised to ${AUDIENCE_WORDS[d.audience] ?? d.audience} at ${d.raisedAt} was not acknowledged by ${d.acknowledgeBy}.`,
        ],
        causeKey: d.alertId,
      },
      recorded,
    );
  }
}
