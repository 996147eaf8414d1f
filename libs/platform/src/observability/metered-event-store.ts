import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedStreamVersion,
  StreamAppend,
} from '@homeward/event-store';
import type { HomewardMetrics } from './homeward-metrics';

const BREACH = 'ReturnInterviewDeadlineBreached';

/**
 * The EventStore port with appends timed and counted, whatever the adapter: appends are where
 * every write passes, so events appended by type (and breaches raised) are counted here too.
 * Reads and subscriptions are the adapter's own.
 */
export function meteredEventStore(store: EventStore, metrics: HomewardMetrics): EventStore {
  const timed = async <T>(append: () => Promise<T>): Promise<T> => {
    const stop = metrics.appendDuration.startTimer();
    try {
      const result = await append();
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: 'error' });
      throw error;
    }
  };
  const count = (events: EventToAppend[], result: AppendResult) => {
    // Every event already stored: nothing was written, so nothing happened again.
    if (result.duplicate) return;
    for (const event of events) {
      metrics.eventsAppended.inc({ type: event.type });
      if (event.type === BREACH) metrics.breaches.inc();
    }
  };
  return {
    appendToStream: async (
      streamName: string,
      events: EventToAppend[],
      options?: { expectedVersion?: ExpectedStreamVersion },
    ) => {
      const result = await timed(() => store.appendToStream(streamName, events, options));
      count(events, result);
      return result;
    },
    appendToStreams: async (appends: StreamAppend[]) => {
      const results = await timed(() => store.appendToStreams(appends));
      appends.forEach((append, i) => count(append.events, results[i]));
      return results;
    },
    readStream: (streamName) => store.readStream(streamName),
    readStreams: (streamNames) => store.readStreams(streamNames),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribe: (options) => store.subscribe(options),
    close: () => store.close(),
  };
}
