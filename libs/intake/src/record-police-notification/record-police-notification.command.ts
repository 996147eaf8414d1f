import { Command } from '@nestjs/cqrs';
import type { PoliceNotification } from '../contract/police-notification.dto';

export interface NotificationRecorded {
  episodeId: string;
  childId: string;
  /** The notificationId had been recorded before: nothing was changed. */
  duplicate: boolean;
}

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
