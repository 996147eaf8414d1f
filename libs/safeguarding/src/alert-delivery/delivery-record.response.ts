import type { IsTrue, SameShape } from '@homeward/platform';
import type { AlertDeliveries } from './alert-deliveries.service';
import type { DeliveryRecord as DeliveryRecordModel, DeliveryStatus } from './delivery-records';

/** One alert's delivery to one webhook target: what was tried, how often, and why it failed. */
export class DeliveryRecord implements DeliveryRecordModel {
  alertId!: string;
  /** The webhook target's name. */
  target!: string;
  /** A FAILED delivery is kept (and listed) until a re-drive delivers it. */
  status!: DeliveryStatus;
  attempts!: number;
  /**
   * The last attempt's error, at most 500 characters: `HTTP 503`, `no answer within 10000 ms`,
   * `network error: ECONNREFUSED`. The receiver's answer is never kept (it may echo the alert).
   */
  lastError!: string | null;
  /** The status code of the receiver's last answer; null when it never answered. */
  lastStatus!: number | null;
  lastAttemptAt!: string | null;
  deliveredAt!: string | null;
  alertType!: string;
  audience!: string;
  childId!: string | null;
  queuedAt!: string;
}

/** A delivery queued again. */
export class RequeuedDelivery {
  alertId!: string;
  target!: string;
}

/** The FAILED deliveries queued again by a re-drive (none when nothing matched). */
export class RedriveAnswer {
  requeued!: RequeuedDelivery[];
}

export type DeliveryRecordDocumented = IsTrue<SameShape<DeliveryRecord, DeliveryRecordModel>>;
export type RedriveAnswerDocumented = IsTrue<
  SameShape<RedriveAnswer, { requeued: Awaited<ReturnType<AlertDeliveries['redrive']>> }>
>;
