import type { RecordedEvent } from '../event-store.port';
import { AppendNotifier } from './append-signal';
import { SharedFeed } from './shared-feed';

/** A log in memory, read by position like `readAll`, counting every read. */
class Log {
  readonly events: RecordedEvent[] = [];
  readonly signal = new AppendNotifier();
  reads = 0;

  append(count: number): number {
    for (let i = 0; i < count; i++) {
      const position = this.events.length + 1;
      this.events.push({
        eventId: `e${position}`,
        type: 'Happened',
        data: {},
        metadata: {},
        streamName: `s-${position % 7}`,
        streamVersion: 1,
        globalPosition: position,
        recordedAt: new Date(0).toISOString(),
      });
    }
    this.signal.notify();
    return this.events.length;
  }

  feed(): SharedFeed {
    return new SharedFeed(async (after, maxCount) => {
      this.reads += 1;
      return this.events.slice(after, after + maxCount);
    }, this.signal);
  }
}

const positionsOf = (events: RecordedEvent[]) => events.map((e) => e.globalPosition);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('one feed for every subscription', () => {
  it('reads each batch once for all the subscribers following it', async () => {
    const log = new Log();
    const feed = log.feed();
    const seen = Array.from({ length: 10 }, () => [] as RecordedEvent[]);
    const subscriptions = seen.map((into) =>
      feed.subscribe({ after: 0, onEvents: async (events) => void into.push(...events) }),
    );
    await Promise.all(subscriptions.map((s) => s.waitFor(0)));
    await new Promise((r) => setTimeout(r, 50)); // every subscriber has joined the feed
    const readsBefore = log.reads;
    const head = log.append(1200);
    await Promise.all(subscriptions.map((s) => s.waitFor(head)));
    // 1,200 events in batches of 500 for 10 subscribers: a handful of reads, not 10 per batch.
    expect(log.reads - readsBefore).toBeLessThanOrEqual(5);
    for (const into of seen) expect(positionsOf(into)).toEqual(oneToN(1200));
    await Promise.all(subscriptions.map((s) => s.stop()));
  });

  it('retries a failing subscriber after a pause without holding the others back', async () => {
    const log = new Log();
    const feed = log.feed();
    const healthy: RecordedEvent[] = [];
    const failing: RecordedEvent[] = [];
    let failures = 0;
    const errors: unknown[] = [];
    const good = feed.subscribe({ after: 0, onEvents: async (e) => void healthy.push(...e) });
    const bad = feed.subscribe({
      after: 0,
      onError: (error) => errors.push(error),
      onEvents: async (events) => {
        if (failures < 2) {
          failures += 1;
          throw new Error('handler failed');
        }
        failing.push(...events);
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    const head = log.append(30);
    await good.waitFor(head, 500); // long before the failing one's retry pauses are over
    expect(positionsOf(healthy)).toEqual(oneToN(30));
    await bad.waitFor(head, 5_000);
    expect(positionsOf(failing)).toEqual(oneToN(30)); // nothing skipped, nothing twice
    expect(errors).toHaveLength(2);
    await Promise.all([good.stop(), bad.stop()]);
  });

  it('lets a subscriber from an old checkpoint catch up on its own, then follow', async () => {
    const log = new Log();
    log.append(2000);
    const feed = log.feed();
    const live: RecordedEvent[] = [];
    const rebuilt: RecordedEvent[] = [];
    const following = feed.subscribe({ after: 2000, onEvents: async (e) => void live.push(...e) });
    const rebuilding = feed.subscribe({
      after: 0,
      batchSize: 100,
      onEvents: async (events) => {
        await new Promise((r) => setTimeout(r, 5)); // a slow rebuild
        rebuilt.push(...events);
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    const head = log.append(10);
    await following.waitFor(head, 500); // not behind the rebuild's 2,000 events
    expect(positionsOf(live)).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010]);
    await rebuilding.waitFor(head, 10_000);
    expect(positionsOf(rebuilt)).toEqual(oneToN(2010));
    await Promise.all([following.stop(), rebuilding.stop()]);
  });

  it('hands nothing more to a subscriber once stop has resolved', async () => {
    const log = new Log();
    const feed = log.feed();
    let handling = 0;
    let afterStop = 0;
    let stopped = false;
    const subscription = feed.subscribe({
      after: 0,
      onEvents: async () => {
        if (stopped) afterStop += 1;
        handling += 1;
        await new Promise((r) => setTimeout(r, 30));
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    log.append(5);
    await new Promise((r) => setTimeout(r, 10));
    await subscription.stop();
    stopped = true;
    log.append(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(handling).toBeGreaterThan(0);
    expect(afterStop).toBe(0);
  });
});
