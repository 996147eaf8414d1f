import { ProgressWaiters } from './progress-waiters';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

export interface AppendSignal {
  /** Resolves when something may have been appended, or after `ms` at the latest. */
  wait(ms: number): Promise<void>;
}

/** An in-process signal: appends wake the subscriptions at once instead of at the next poll. */
export class AppendNotifier implements AppendSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}

const POLL_INTERVAL_MS = 250;
const RETRY_PAUSE_MS = 1000;

/**
 * A catch-up subscription over `readAll`: reads from the checkpoint in batches, hands each batch
 * to the handler, and only advances once the handler succeeded. A failing batch is retried, so
 * delivery is at-least-once and in order; handlers make that safe by being idempotent.
 */
export function pollingSubscription(
  readAll: (after: number, maxCount: number) => Promise<RecordedEvent[]>,
  signal: AppendSignal,
  options: SubscribeOptions,
): Subscription {
  let position = options.after;
  let stopped = false;
  const batchSize = options.batchSize ?? 500;
  const progress = new ProgressWaiters();

  const loop = (async () => {
    while (!stopped) {
      let events: RecordedEvent[];
      try {
        events = await readAll(position, batchSize);
      } catch (error) {
        options.onError?.(error);
        await signal.wait(RETRY_PAUSE_MS);
        continue;
      }
      if (events.length === 0) {
        await signal.wait(POLL_INTERVAL_MS);
        continue;
      }
      try {
        await options.onEvents(events);
        position = events[events.length - 1].globalPosition;
        progress.reached(position);
      } catch (error) {
        options.onError?.(error);
        await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
      }
    }
  })();

  return {
    get position() {
      return position;
    },
    waitFor(target: number, timeoutMs = 10_000) {
      return progress.waitFor(target, () => position, timeoutMs);
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
