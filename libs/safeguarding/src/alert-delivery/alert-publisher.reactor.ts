import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { AlertRaised } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { MESSAGE_BUS, type MessageBus } from '@homeward/messaging';
import {
  AUDIT_LOG,
  EventProcessing,
  SAFEGUARDING_ALERTS_TOPIC,
  disclosureEntry,
  type AuditLog,
  type Reactor,
} from '@homeward/platform';
import { alertDocumentOf, alertMessage } from './alert-document';

/**
 * Every alert raised goes to `safeguarding.alerts.v1` as an alert document, for systems that
 * read alerts rather than Homeward's events. Its checkpoint moves only once Kafka acknowledged,
 * so a crash republishes (at-least-once): consumers dedupe by the `alert-id` header. Without
 * Kafka it is not registered at all, so turning Kafka on later publishes every alert from the start.
 */
@Injectable()
export class AlertPublisher implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.alert-publisher';
  readonly eventTypes: ReadonlySet<string> = new Set<AlertRaised['type']>(['AlertRaised']);

  constructor(
    private readonly processing: EventProcessing,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
  ) {}

  onModuleInit(): void {
    if (this.bus) this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    if (!this.bus) return;
    const alert = alertDocumentOf(recorded as unknown as AlertRaised);
    await this.bus.publish(SAFEGUARDING_ALERTS_TOPIC, [alertMessage(alert)]);
    // A disclosure: audited once Kafka has it (a republish after a crash is audited again).
    await this.audit.record(
      disclosureEntry({
        channel: `kafka ${SAFEGUARDING_ALERTS_TOPIC}`,
        childIds: alert.childId ? [alert.childId] : [],
        records: 1,
        status: 200,
        result: 'published',
      }),
    );
  }
}
