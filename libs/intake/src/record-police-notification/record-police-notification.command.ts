import { Command } from '@nestjs/cqrs';
import type { Caller } from '@homeward/platform';
import type { PoliceNotification } from '../contract/police-notification.dto';

import type { NotificationRecorded } from './notification-recorded.response';

export type { NotificationRecorded };

/**
 * Who sent a notification, and how: over HTTP a police system's token (it may send only for its
 * own force), from Kafka the topic (who may publish there is the broker's ACLs' business).
 */
export type NotificationSender =
  { channel: 'HTTP'; caller: Caller } | { channel: 'KAFKA'; topic: string };

export class RecordPoliceNotification extends Command<NotificationRecorded> {
  constructor(
    readonly notification: PoliceNotification,
    readonly receivedAt: string,
    /** How it arrived and from whom, kept on the receipt for tracing. */
    readonly sender: NotificationSender,
  ) {
    super();
  }

  /** How it arrived (HTTP, KAFKA). */
  get channel(): NotificationSender['channel'] {
    return this.sender.channel;
  }

  /** The sender as the receipt names it: the token's `sub`, or `kafka:<topic>`. */
  get sentBy(): string {
    return this.sender.channel === 'HTTP' ? this.sender.caller.sub : `kafka:${this.sender.topic}`;
  }
}
