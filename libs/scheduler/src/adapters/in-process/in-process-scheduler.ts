import {
  assertValidWakeUpKey,
  type FiredWakeUp,
  type Scheduler,
  type WakeUp,
} from '../../scheduler.port';
import {
  cappedExponentialBackoff,
  consoleSchedulerLog,
  describeError,
  runAtMillis,
  type SchedulerLog,
} from '../shared';

export interface InProcessSchedulerOptions {
  /** Clock in epoch milliseconds (tests); defaults to `Date.now`. Timers stay Node's own. */
  now?: () => number;
  /** First retry delay after a handler failure; doubles per attempt. Default 1 s. */
  retryBaseDelayMs?: number;
  /** Ceiling of the retry delay. Default 30 s. */
  retryMaxDelayMs?: number;
  /** How long `close()` waits for handlers still running. Default 10 s. */
  closeTimeoutMs?: number;
  /** Where handler failures are reported; defaults to the console. */
  log?: SchedulerLog;
}

/** Node's setTimeout fires at once for anything above 2^31-1 ms (~24.8 days): chain below it. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

interface Armed {
  wakeUp: WakeUp;
  runAtMs: number;
  /** Failed deliveries so far. */
  failures: number;
  /** When the next retry is due, after a failure. */
  retryAt?: number;
  timer?: NodeJS.Timeout;
  firing: boolean;
}

/**
 * The embedded, one-process scheduler (and the one unit tests use): one timer per key.
 *
 * NOT durable by design: armed wake-ups live in this process's memory only, and a restart loses
 * them. That is acceptable because a wake-up is only an alarm clock: on start-up the application
 * re-arms every open deadline from its read model (see `scheduler.port.ts`), and a late or
 * duplicate wake-up changes nothing. While the process lives nothing is dropped: a handler that
 * throws is retried with capped exponential backoff (1 s, 2 s, 4 s... at most 30 s) for ever,
 * until it succeeds or the key is cancelled or moved.
 */
export class InProcessScheduler implements Scheduler {
  private readonly armed = new Map<string, Armed>();
  private readonly running = new Set<Promise<void>>();
  private handler: ((wakeUp: FiredWakeUp) => Promise<void>) | null = null;
  private readonly now: () => number;
  private readonly retryBaseDelayMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly closeTimeoutMs: number;
  private readonly log: SchedulerLog;

  constructor(options: InProcessSchedulerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 30_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.log = options.log ?? consoleSchedulerLog;
  }

  async schedule(wakeUp: WakeUp): Promise<void> {
    assertValidWakeUpKey(wakeUp.key);
    const runAtMs = runAtMillis(wakeUp.runAt);
    const current = this.armed.get(wakeUp.key);
    // Same key, same time: nothing changes, whether it is still waiting or firing right now.
    if (current && current.runAtMs === runAtMs) return;
    if (current) this.disarm(current);
    const entry: Armed = {
      wakeUp: { key: wakeUp.key, runAt: wakeUp.runAt, payload: copyPayload(wakeUp.payload) },
      runAtMs,
      failures: 0,
      firing: false,
    };
    this.armed.set(wakeUp.key, entry);
    if (this.handler) this.arm(entry);
  }

  async cancel(key: string): Promise<void> {
    assertValidWakeUpKey(key);
    const current = this.armed.get(key);
    if (!current) return;
    this.disarm(current);
    this.armed.delete(key);
  }

  async start(handler: (wakeUp: FiredWakeUp) => Promise<void>): Promise<void> {
    if (this.handler) throw new Error('InProcessScheduler already started');
    this.handler = handler;
    // Wake-ups armed before start (or left by a previous start/close) fire from now on.
    for (const entry of this.armed.values()) if (!entry.firing) this.arm(entry);
  }

  async close(): Promise<void> {
    this.handler = null;
    for (const entry of this.armed.values()) this.disarm(entry);
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.closeTimeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }

  /** Number of armed wake-ups (waiting, firing or waiting for a retry). */
  get size(): number {
    return this.armed.size;
  }

  private disarm(entry: Armed): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  private arm(entry: Armed): void {
    this.disarm(entry);
    const dueAt = entry.retryAt ?? entry.runAtMs;
    const delay = dueAt - this.now();
    entry.timer =
      delay > MAX_TIMER_DELAY_MS
        ? setTimeout(() => this.arm(entry), MAX_TIMER_DELAY_MS)
        : setTimeout(() => this.fire(entry), Math.max(0, delay));
  }

  private fire(entry: Armed): void {
    entry.timer = undefined;
    const handler = this.handler;
    if (!handler || this.armed.get(entry.wakeUp.key) !== entry) return;
    entry.firing = true;
    const fired: FiredWakeUp = {
      key: entry.wakeUp.key,
      runAt: entry.wakeUp.runAt,
      payload: copyPayload(entry.wakeUp.payload),
      firedAt: new Date(this.now()).toISOString(),
    };
    const delivery = Promise.resolve()
      .then(() => handler(fired))
      .then(
        () => {
          if (this.armed.get(entry.wakeUp.key) === entry) this.armed.delete(entry.wakeUp.key);
        },
        (error: unknown) => this.failed(entry, error),
      )
      .finally(() => {
        entry.firing = false;
        this.running.delete(delivery);
      });
    this.running.add(delivery);
  }

  private failed(entry: Armed, error: unknown): void {
    entry.failures += 1;
    // Moved or cancelled meanwhile: the newer wake-up (if any) stands on its own.
    if (this.armed.get(entry.wakeUp.key) !== entry) return;
    const delay = cappedExponentialBackoff(
      entry.failures,
      this.retryBaseDelayMs,
      this.retryMaxDelayMs,
    );
    this.log(
      'warn',
      `wake-up ${entry.wakeUp.key} failed (attempt ${entry.failures}), retrying in ${delay} ms: ${describeError(error)}`,
    );
    entry.retryAt = this.now() + delay;
    // Closed meanwhile: the next start() arms the retry.
    if (this.handler) this.arm(entry);
  }
}

/** The payload is JSON (as in Redis): hand out copies, so nobody mutates an armed wake-up. */
function copyPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload ?? {})) as Record<string, unknown>;
}
