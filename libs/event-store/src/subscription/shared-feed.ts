import type { AppendSignal } from './append-signal';
import { ProgressWaiters } from './progress-waiters';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

const POLL_INTERVAL_MS = 250;
const RETRY_PAUSE_MS = 1000;
const FEED_BATCH = 500;
/**
 * After handing over a batch short of full (the feed is at the log's head), how long it lets
 * appends gather before reading again. Read at once, the feed would hand a busy log over a few
 * events at a time, and every processor would pay its queries and transaction per few events,
 * taking the CPU intake needs. A quiet log is read the moment an append is signalled.
 */
const GATHER_MS = 25;

type ReadAll = (after: number, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * One reader of the log for every subscription of a store (in one process): each batch is read
 * once and handed to every subscriber that follows the feed, in memory, concurrently. Each
 * subscriber keeps its own position (and the caller its own checkpoint), so delivery stays
 * at-least-once and in order per subscriber, exactly as with a reader of its own.
 *
 * A subscriber behind the feed (new, started from an older checkpoint, reset by an operator, or
 * whose handler failed) reads on its own until it reaches the feed, then joins it: a rebuild of
 * one read model never holds back the others, and a failing handler is retried after a pause
 * without pausing anyone else.
 */
export class SharedFeed {
  private readonly following = new Set<Member>();
  private running: Promise<void> | null = null;
  /** The last position the feed read up to: a subscriber at or past it may join. */
  private front = 0;

  constructor(
    private readonly readAll: ReadAll,
    private readonly signal: AppendSignal,
  ) {}

  subscribe(options: SubscribeOptions): Subscription {
    const member = new Member(options, this);
    member.catchUp();
    return member;
  }

  /** A subscriber reached the feed's front: from now on the feed delivers to it. */
  join(member: Member): void {
    this.following.add(member);
    this.running ??= this.loop().finally(() => (this.running = null));
  }

  leave(member: Member): void {
    this.following.delete(member);
  }

  /** True once `position` is at the feed's front or past it (nothing read is still ahead). */
  reached(position: number): boolean {
    return position >= this.front;
  }

  read(after: number, maxCount: number): Promise<RecordedEvent[]> {
    return this.readAll(after, maxCount);
  }

  wait(ms: number): Promise<void> {
    return this.signal.wait(ms);
  }

  private async loop(): Promise<void> {
    while (this.following.size > 0) {
      const members = [...this.following];
      // From the one furthest behind: each member skips what it has already handled.
      const after = Math.min(...members.map((m) => m.position));
      let events: RecordedEvent[];
      try {
        events = await this.readAll(after, FEED_BATCH);
      } catch (error) {
        members.forEach((m) => m.options.onError?.(error));
        await this.signal.wait(RETRY_PAUSE_MS);
        continue;
      }
      if (events.length === 0) {
        this.front = Math.max(this.front, after);
        await this.signal.wait(POLL_INTERVAL_MS);
        continue;
      }
      this.front = Math.max(this.front, events[events.length - 1].globalPosition);
      await Promise.all(members.map((m) => m.deliver(events)));
      if (events.length < FEED_BATCH) await pause(GATHER_MS);
    }
  }
}

class Member implements Subscription {
  private current: number;
  private stopped = false;
  /** Its own reading while it catches up; null while the feed delivers to it. */
  private ownLoop: Promise<void> | null = null;
  /** The feed's delivery in flight, awaited by `stop` so nothing is handled after it. */
  private delivery: Promise<void> | null = null;
  private readonly progress = new ProgressWaiters();
  private readonly batchSize: number;

  constructor(
    readonly options: SubscribeOptions,
    private readonly feed: SharedFeed,
  ) {
    this.current = options.after;
    this.batchSize = options.batchSize ?? FEED_BATCH;
  }

  get position(): number {
    return this.current;
  }

  waitFor(target: number, timeoutMs = 10_000): Promise<void> {
    return this.progress.waitFor(target, () => this.current, timeoutMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.feed.leave(this);
    await Promise.all([this.ownLoop, this.delivery]);
  }

  /** Reads on its own until it reaches the feed's front, then joins the feed. */
  catchUp(afterFailure = false): void {
    this.feed.leave(this);
    this.ownLoop ??= this.readAlone(afterFailure).finally(() => (this.ownLoop = null));
  }

  /** A batch from the feed: what this member has not handled yet. */
  deliver(events: RecordedEvent[]): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const fresh = events.filter((e) => e.globalPosition > this.current);
    if (fresh.length === 0) return Promise.resolve();
    this.delivery = this.handle(fresh)
      .catch((error: unknown) => {
        this.options.onError?.(error);
        // Retried after a pause, reading alone: the others go on meanwhile.
        this.catchUp(true);
      })
      .finally(() => (this.delivery = null));
    return this.delivery;
  }

  private async handle(events: RecordedEvent[]): Promise<void> {
    await this.options.onEvents(events);
    this.current = events[events.length - 1].globalPosition;
    this.progress.reached(this.current);
  }

  private async readAlone(afterFailure: boolean): Promise<void> {
    let failedBefore = afterFailure;
    while (!this.stopped) {
      // After a failure the same events are tried again, after a pause (never skipped).
      if (failedBefore) await pause(RETRY_PAUSE_MS);
      failedBefore = false;
      if (this.stopped) return;
      let events: RecordedEvent[];
      try {
        events = await this.feed.read(this.current, this.batchSize);
      } catch (error) {
        this.options.onError?.(error);
        await this.feed.wait(RETRY_PAUSE_MS);
        continue;
      }
      if (events.length > 0) {
        try {
          await this.handle(events);
        } catch (error) {
          this.options.onError?.(error);
          failedBefore = true;
          continue;
        }
      }
      // At the head, or where the feed has read to: the feed delivers from here on.
      if (events.length === 0 || this.feed.reached(this.current)) {
        if (!this.stopped) this.feed.join(this);
        return;
      }
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
