import type {
  DeliveryHandler,
  DeliveryJob,
  DeliveryQueue,
  DeliverySettings,
  GivenUpHandler,
} from './delivery-queue';
import { retryDelayMs } from './delivery-queue';

interface Entry {
  job: DeliveryJob;
  state: 'waiting' | 'active' | 'failed';
  attemptsMade: number;
  timer?: NodeJS.Timeout;
}

/**
 * The delivery queue without Redis: the same attempts, backoff and dedupe by job id, in memory.
 * It does not survive a restart: on start-up every PENDING delivery is queued again from
 * rm_alert_deliveries, and a FAILED one waits for a re-drive, so nothing is lost, only delayed.
 */
export class InProcessDeliveryQueue implements DeliveryQueue {
  readonly kind = 'in-process' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Set<Promise<void>>();
  private handlers: { deliver: DeliveryHandler; givenUp: GivenUpHandler } | null = null;
  private closed = false;
  private active = 0;
  private readonly ready: string[] = [];

  constructor(private readonly settings: DeliverySettings) {}

  async enqueue(id: string, job: DeliveryJob): Promise<'queued' | 'exists' | 'failed'> {
    const existing = this.entries.get(id);
    if (existing) return existing.state === 'failed' ? 'failed' : 'exists';
    this.entries.set(id, { job, state: 'waiting', attemptsMade: 0 });
    this.makeReady(id);
    return 'queued';
  }

  async requeue(id: string, job: DeliveryJob): Promise<void> {
    const existing = this.entries.get(id);
    if (existing && existing.state !== 'failed') return; // waiting or running: it will be tried
    this.entries.delete(id);
    await this.enqueue(id, job);
  }

  async start(deliver: DeliveryHandler, givenUp: GivenUpHandler): Promise<void> {
    if (this.handlers) throw new Error('InProcessDeliveryQueue already started');
    this.handlers = { deliver, givenUp };
    this.pump();
  }

  /** Stops retrying and waits for the attempts in flight. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    await Promise.allSettled([...this.running]);
  }

  private makeReady(id: string): void {
    this.ready.push(id);
    this.pump();
  }

  private pump(): void {
    while (
      !this.closed &&
      this.handlers &&
      this.active < this.settings.concurrency &&
      this.ready.length > 0
    ) {
      const id = this.ready.shift()!;
      const entry = this.entries.get(id);
      if (!entry || entry.state !== 'waiting') continue;
      this.active++;
      const run = this.attempt(id, entry).finally(() => {
        this.active--;
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async attempt(id: string, entry: Entry): Promise<void> {
    const { deliver, givenUp } = this.handlers!;
    entry.state = 'active';
    try {
      await deliver(entry.job, entry.attemptsMade + 1);
      this.entries.delete(id);
      return;
    } catch (error) {
      entry.attemptsMade++;
      if (entry.attemptsMade >= this.settings.attempts) {
        entry.state = 'failed';
        await givenUp(entry.job, error).catch(() => undefined);
        return;
      }
    }
    entry.state = 'waiting';
    if (this.closed) return;
    entry.timer = setTimeout(
      () => this.makeReady(id),
      retryDelayMs(entry.attemptsMade, this.settings),
    );
    entry.timer.unref?.();
  }
}
