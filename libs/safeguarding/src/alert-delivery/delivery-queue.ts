import type { AlertDocument } from './alert-document';

/** One alert to POST to one target. The URL and secret are looked up at each attempt. */
export interface DeliveryJob {
  alertId: string;
  target: string;
  alert: AlertDocument;
}

export interface DeliverySettings {
  /** Attempts of one delivery before it is FAILED (kept, waiting for a re-drive). Default 12. */
  attempts: number;
  /** First retry delay; doubles per attempt. Default 1 s. */
  backoffBaseMs: number;
  /** Ceiling of the retry delay. Default 5 min (12 attempts span about 18 minutes). */
  backoffMaxMs: number;
  /** One POST may take this long before it counts as a failure. Default 10 s. */
  requestTimeoutMs: number;
  /** Deliveries in flight at once in this process. Default 5. */
  concurrency: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  attempts: 12,
  backoffBaseMs: 1000,
  backoffMaxMs: 5 * 60_000,
  requestTimeoutMs: 10_000,
  concurrency: 5,
};

/** Delay before retry number `attempt` (1 after the first failure): base, 2 x base, ... capped. */
export function retryDelayMs(attempt: number, settings: DeliverySettings): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(settings.backoffBaseMs * 2 ** exponent, settings.backoffMaxMs);
}

/** Called for each attempt (1-based); a throw is a failed attempt, retried with backoff. */
export type DeliveryHandler = (job: DeliveryJob, attempt: number) => Promise<void>;
/** Called once a delivery has used up its attempts; the job is kept as failed, never deleted. */
export type GivenUpHandler = (job: DeliveryJob, error: unknown) => Promise<void>;

/**
 * Where delivery jobs wait and are retried: BullMQ on Redis when REDIS_URL is set, otherwise in
 * this process. One job per job id (`<alertId>.<target>`): queueing it again changes nothing.
 */
export interface DeliveryQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** `failed` when the job is already there and used up its attempts (only a re-drive moves it). */
  enqueue(id: string, job: DeliveryJob): Promise<'queued' | 'exists' | 'failed'>;
  /** Replaces the job (a failed one, or none) with a fresh one with all its attempts. */
  requeue(id: string, job: DeliveryJob): Promise<void>;
  start(deliver: DeliveryHandler, givenUp: GivenUpHandler): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `listener` each time the queue's server is reachable again after it was lost: it may
   * have restarted without its data, so pending deliveries are queued again from their rows.
   */
  onReconnected?(listener: () => void): void;
}

export const DELIVERY_QUEUE = Symbol('AlertDeliveryQueue');
export const ALERT_DELIVERY_SETTINGS = Symbol('AlertDeliverySettings');
