import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertRaised } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { alertDocumentOf } from './alert-document';
import { AlertDeliveries } from './alert-deliveries.service';

/**
 * Every alert raised is queued for each webhook target that takes it (by audience and local
 * authority). A target added later receives the alerts raised from then on. Redelivered events
 * queue nothing twice: the delivery row and the job id are per alert and target.
 */
@Injectable()
export class AlertWebhooksReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.alert-webhooks';
  readonly eventTypes: ReadonlySet<string> = new Set<AlertRaised['type']>(['AlertRaised']);

  constructor(
    private readonly processing: EventProcessing,
    private readonly deliveries: AlertDeliveries,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    await this.deliveries.deliver(alertDocumentOf(recorded as unknown as AlertRaised));
  }
}
