import { ProgressWaiters } from '../../subscription/progress-waiters';
import {
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../../event-store.port';
import { isClaimRecord } from './kurrentdb-event-id-claims';
import {
  isSystemEvent,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
} from './kurrentdb-mapping';

export type SubscribeClient = Pick<KurrentDBClient, 'subscribeToAll'>;

const RETRY_PAUSE_MS = 1000;

/**
 * The port's subscription as a KurrentDB catch-up subscription to $all (`subscribeToAll`): the
 * server reads from the checkpoint, then pushes new events as they are written, by any process,
 * with no polling. The server-side filter (`excludeSystemEvents`, event types not starting with
 * `$`) keeps KurrentDB's own link and statistics events off the wire; events of `$` streams
 * and the adapter's event-id claims are dropped here.
 *
 * Delivery as the port promises: batches in $all order of what is already buffered (at most
 * `batchSize`), the next only once the handler resolved; a failing batch is retried as it was
 * after a pause, never skipped. If the server drops the subscription (restart, network, a
 * leader change), it is opened again from the last handled position, so nothing is lost and an
 * event can only come twice, which handlers make safe by being idempotent.
 *
 * The checkpoint (`after`) must be 0 or a position this store returned: the server can only start
 * a $all read at a record boundary. It is exclusive, whichever way the server counts it: events
 * at or before it are dropped here.
 */
export function kurrentDbSubscription(
  client: SubscribeClient,
  options: SubscribeOptions,
): Subscription {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  let position = options.after;
  let stopped = false;
  let current: AllStreamSubscription | undefined;
  let wakeFromPause: (() => void) | undefined;
  const progress = new ProgressWaiters();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeFromPause = undefined;
        resolve();
      }
      wakeFromPause = done;
    });

  const advance = (to: number) => {
    position = to;
    progress.reached(position);
  };

  /** Hands one batch to the handler until it succeeds (or the subscription stops). */
  const deliver = async (batch: RecordedEvent[]) => {
    while (!stopped) {
      try {
        await options.onEvents(batch);
        advance(batch[batch.length - 1].globalPosition);
        return;
      } catch (error) {
        options.onError?.(error);
        await pause(RETRY_PAUSE_MS);
      }
    }
  };

  const loop = (async () => {
    while (!stopped) {
      let subscription: AllStreamSubscription | undefined;
      try {
        subscription = client.subscribeToAll({
          fromPosition: toReadPosition(position),
          filter: excludeSystemEvents(),
        });
        current = subscription;
        for await (const batch of batches(subscription, batchSize, () => position)) {
          await deliver(batch);
          if (stopped) break;
        }
        if (!stopped) throw new Error('KurrentDB ended the $all subscription');
      } catch (error) {
        if (stopped) break;
        options.onError?.(error);
        await pause(RETRY_PAUSE_MS);
      } finally {
        current = undefined;
        if (subscription) await closeQuietly(subscription);
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
      if (stopped) return loop;
      stopped = true;
      wakeFromPause?.();
      if (current) await closeQuietly(current);
      await loop;
    },
  };
}

/**
 * Groups what the subscription has already buffered into batches of at most `size` application
 * events after the handled position; waits only when nothing is buffered.
 */
async function* batches(
  subscription: AllStreamSubscription,
  size: number,
  handled: () => number,
): AsyncGenerator<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  let batch: RecordedEvent[] = [];
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const event = toApplicationEvent(next.value, batch, handled());
    if (event) batch.push(event);
    if (batch.length > 0 && (batch.length >= size || subscription.readableLength === 0)) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function toApplicationEvent(
  resolved: AllStreamResolvedEvent,
  batch: RecordedEvent[],
  handled: number,
): RecordedEvent | null {
  const event = resolved.event;
  if (!event || isSystemEvent(event) || isClaimRecord(event)) return null;
  const position = toGlobalPosition(event.position);
  const last = batch.length > 0 ? batch[batch.length - 1].globalPosition : handled;
  return position > last ? toRecordedEvent(event) : null;
}

/** Cancels the server stream and ends the readable, so a pending read returns. */
async function closeQuietly(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe();
  } catch {
    // already gone
  }
  if (!subscription.destroyed) subscription.destroy();
}
