import { Command } from '@nestjs/cqrs';
import type { PoliceNotification } from '../contract/police-notification.dto';

import type { NotificationRecorded } from './notification-recorded.response';

export type { NotificationRecorded };

export class RecordPoliceNotification extends Command<NotificationRecorded> {
  constructor(
    readonly notification: PoliceNotification,
    readonly receivedAt: string,
    /** How it arrived (HTTP, KAFKA), kept on the receipt for tracing. */
    readonly channel: string,
  ) {
    super();
  }
}
