/**
 * The Scheduler port: an alarm clock, nothing more. A deadline is an event on its stream; the
 * scheduler only wakes a re-check of that stream at the right time, so a duplicate or late wake
 * changes nothing. On start-up every open deadline is armed again from the read model.
 */
export interface WakeUp {
  /** Dedupe key: arming the same key twice arms it once. Letters, digits, `-`, `_`, `.` only. */
  key: string;
  /** When to wake, ISO 8601. A time in the past wakes as soon as possible. */
  runAt: string;
  /** Small JSON payload handed back to the handler (e.g. which stream to re-check). */
  payload: Record<string, unknown>;
}

export interface FiredWakeUp extends WakeUp {
  /** When the handler was actually called, ISO 8601 (for measuring lateness). */
  firedAt: string;
}

export interface Scheduler {
  /**
   * Arms a wake-up. Same key and same runAt again: nothing changes. Same key with another runAt:
   * the wake-up moves to the new time (one wake-up per key).
   */
  schedule(wakeUp: WakeUp): Promise<void>;
  /** Disarms a wake-up; unknown keys are fine. */
  cancel(key: string): Promise<void>;
  /**
   * Starts calling `handler` for due wake-ups. At-least-once: a handler that throws is retried
   * with backoff; a process that dies mid-handler gets the wake-up again after restart.
   */
  start(handler: (wakeUp: FiredWakeUp) => Promise<void>): Promise<void>;
  /** Stops delivering; armed wake-ups stay armed (in durable adapters) for the next start. */
  close(): Promise<void>;
  /** Throws if the backing server cannot be reached (readiness checks); absent when in-process. */
  ping?(): Promise<void>;
  /**
   * Calls `listener` each time the connection to the backing server is back after it was lost.
   * The server may have restarted without its data, taking armed wake-ups with it: whoever arms
   * them from a read model arms them again then. Absent when in-process (nothing to lose).
   */
  onReconnected?(listener: () => void): void;
}

export const SCHEDULER = Symbol('Scheduler');

const KEY_PATTERN = /^[A-Za-z0-9._-]{1,200}$/;

/** Keys are ids in BullMQ, which refuses `:` and all-digit ids: keep them to a safe alphabet. */
export function assertValidWakeUpKey(key: string): void {
  if (!KEY_PATTERN.test(key) || /^\d+$/.test(key)) {
    throw new Error(
      `invalid wake-up key "${key}": use 1-200 letters, digits, '-', '_' or '.', not only digits`,
    );
  }
}
