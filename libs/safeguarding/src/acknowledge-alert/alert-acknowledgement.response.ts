import type { AlertEvent } from '@homeward/domain';

/** The events the acknowledgement recorded (none when it was already acknowledged). */
export class AlertAcknowledgement {
  alertId!: string;
  recorded!: Array<AlertEvent['type']>;
}
