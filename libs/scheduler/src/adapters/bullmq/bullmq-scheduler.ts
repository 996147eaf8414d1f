import {
  Queue,
  Worker,
  type Job,
  type JobsOptions,
  type RedisOptions as BullRedisOptions,
} from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
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

/**
 * Redis, which must run with `maxmemory-policy noeviction`: either `redisUrl`
 * (`redis://[user:password@]host:port[/db]`) or ioredis connection options in `redis`.
 */
export type BullMqSchedulerOptions = BullMqSchedulerSettings &
  ({ redisUrl: string; redis?: undefined } | { redis: RedisOptions; redisUrl?: undefined });

export interface BullMqSchedulerSettings {
  /** BullMQ queue name. Default `homeward-wake-ups`. */
  queueName?: string;
  /** Prefix of every Redis key of the queue (tests isolate with their own). Default `homeward`. */
  prefix?: string;
  /** Deliveries of one wake-up before it is parked in the failed set. Default 20 (~7.5 min). */
  attempts?: number;
  /** First retry delay after a handler failure; doubles per attempt. Default 1 s. */
  retryBaseDelayMs?: number;
  /** Ceiling of the retry delay. Default 30 s. */
  retryMaxDelayMs?: number;
  /** Handlers running at once in this process. Default 10. */
  concurrency?: number;
  /**
   * How long a job stays locked to a worker that stopped renewing the lock (a dead process) before
   * another worker may take it again. Default 30 s (BullMQ's). Tests use a short one.
   */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default 30 s (BullMQ's). */
  stalledIntervalMs?: number;
  /** Times a wake-up may be recovered from a dead worker before it fails. Default 10. */
  maxStalledCount?: number;
  /** How long `close()` waits for handlers still running before it lets go. Default 10 s. */
  closeTimeoutMs?: number;
  /** Where failures and connection trouble are reported; defaults to the console. */
  log?: SchedulerLog;
}

const JOB_NAME = 'wake-up';
const BACKOFF_TYPE = 'homeward-capped-exponential';
/** BullMQ's key types are lower-case words; our job ids always end in `.<digits>`: no clash. */
const TIMES_KEY_TYPE = 'wake-up-times';

/** Deletes the key's armed time only if it is still the one just delivered. */
const DELETE_IF_UNCHANGED = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0`;

/**
 * The durable scheduler: BullMQ delayed jobs in Redis. Wake-ups survive restarts of every
 * process; a handler that throws is retried with capped exponential backoff; a process that dies
 * mid-handler loses its job lock and another worker (or the restarted one) gets the wake-up again.
 *
 * Layout: one BullMQ job per (key, runAt), id `<key>.<runAt epoch ms>`, plus one Redis hash
 * `<prefix>:<queue>:wake-up-times` holding the armed runAt of each key. The hash is the truth:
 * a job whose runAt is no longer the key's armed time (moved or cancelled while it was already
 * running, or while its removal raced with its promotion) is completed without calling the
 * handler. Jobs per runAt rather than one job per key make moving a wake-up safe even while the
 * old one is running, which is the common case: a handler re-checking a stream arms that
 * stream's next deadline under the same key while its own job is still active (BullMQ refuses to
 * remove or re-add an active job, and `changeDelay` only applies to delayed jobs and does not
 * update the job's data).
 */
export class BullMqScheduler implements Scheduler {
  readonly queueName: string;
  readonly prefix: string;
  private readonly queue: Queue<WakeUp, void, typeof JOB_NAME>;
  private readonly admin: Redis;
  private worker: Worker<WakeUp, void, typeof JOB_NAME> | null = null;
  private readonly running = new Set<Promise<void>>();
  private readonly timesKey: string;
  private readonly log: SchedulerLog;
  private readonly options: BullMqSchedulerOptions;
  private readonly bullConnection: BullRedisOptions;
  private closed = false;
  private readonly reconnectListeners: Array<() => void> = [];

  constructor(options: BullMqSchedulerOptions) {
    this.options = options;
    this.queueName = options.queueName ?? 'homeward-wake-ups';
    this.prefix = options.prefix ?? 'homeward';
    this.timesKey = `${this.prefix}:${this.queueName}:${TIMES_KEY_TYPE}`;
    this.log = options.log ?? consoleSchedulerLog;
    if (options.redisUrl === undefined && options.redis === undefined) {
      throw new Error('BullMqScheduler needs redisUrl or redis options');
    }
    this.bullConnection =
      options.redisUrl !== undefined
        ? { url: options.redisUrl }
        : ({ ...options.redis } as BullRedisOptions);
    this.queue = new Queue<WakeUp, void, typeof JOB_NAME>(this.queueName, {
      connection: this.bullConnection,
      prefix: this.prefix,
      defaultJobOptions: this.jobOptions(),
    });
    this.queue.on('error', this.reportOnce('queue'));
    // Our own small client for the armed-times hash, PING and the eviction-policy check. It fails
    // a command after one reconnect attempt instead of queueing it for ever.
    this.admin =
      options.redisUrl !== undefined
        ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1 })
        : new Redis({ ...options.redis, maxRetriesPerRequest: 1 });
    this.admin.on('error', this.reportOnce('redis'));
    // ioredis reconnects on its own (its default retryStrategy never gives up) and says 'ready'
    // each time it is connected again; every 'ready' after the first is a reconnection.
    let connectedBefore = false;
    this.admin.on('ready', () => {
      if (connectedBefore) {
        this.log('warn', 'scheduler redis: connected again');
        for (const listener of this.reconnectListeners) listener();
      }
      connectedBefore = true;
    });
  }

  onReconnected(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /**
   * Throws a clear error unless Redis runs with `maxmemory-policy noeviction`: under any other
   * policy Redis may evict BullMQ's keys under memory pressure, silently losing wake-ups.
   */
  static async assertNoEviction(redis: Redis | string | RedisOptions): Promise<void> {
    const own = !(redis instanceof Redis);
    const client =
      redis instanceof Redis
        ? redis
        : typeof redis === 'string'
          ? new Redis(redis, { maxRetriesPerRequest: 1, lazyConnect: true })
          : new Redis({ ...redis, maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      const info = await client.info('memory');
      const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? 'unknown';
      if (policy !== 'noeviction') {
        throw new Error(
          `Redis maxmemory-policy is "${policy}", but the BullMQ scheduler needs "noeviction" ` +
            '(any other policy lets Redis evict queued wake-ups). Start redis-server with ' +
            '`--maxmemory-policy noeviction` or run `CONFIG SET maxmemory-policy noeviction`.',
        );
      }
    } finally {
      if (own) await quietly(client.quit());
    }
  }

  async ping(): Promise<void> {
    await this.admin.ping();
  }

  async schedule(wakeUp: WakeUp): Promise<void> {
    this.assertOpen();
    assertValidWakeUpKey(wakeUp.key);
    const runAtMs = runAtMillis(wakeUp.runAt);
    const armed = String(runAtMs);
    // Arm the new time first: a job can only fire once it exists, and when it does the hash
    // already names it. The old job, if any, becomes stale at this very moment.
    const previous = await this.replaceArmedTime(wakeUp.key, armed);
    const id = jobId(wakeUp.key, runAtMs);
    const existing = await this.queue.getJob(id);
    // Same key, same time: the job is there (waiting or firing). One that used up its attempts
    // is armed afresh, which is what re-arming on start-up means.
    const parkedAsFailed = existing ? await existing.isFailed() : false;
    if (parkedAsFailed) await this.queue.remove(id);
    if (!existing || parkedAsFailed) {
      await this.queue.add(
        JOB_NAME,
        { key: wakeUp.key, runAt: wakeUp.runAt, payload: wakeUp.payload ?? {} },
        { jobId: id, delay: Math.max(0, runAtMs - Date.now()) },
      );
    }
    if (previous !== null && previous !== armed) {
      // 0 when the old job is running right now: it is stale and completes without a delivery
      // (or it is the very job whose handler is moving its own key, which is fine too).
      await this.queue.remove(jobId(wakeUp.key, Number(previous)));
    }
  }

  async cancel(key: string): Promise<void> {
    this.assertOpen();
    assertValidWakeUpKey(key);
    const previous = await this.replaceArmedTime(key, null);
    // A running job cannot be removed (0): it is stale now and completes without a delivery.
    if (previous) await this.queue.remove(jobId(key, Number(previous)));
  }

  async start(handler: (wakeUp: FiredWakeUp) => Promise<void>): Promise<void> {
    this.assertOpen();
    if (this.worker) throw new Error('BullMqScheduler already started');
    await BullMqScheduler.assertNoEviction(this.admin);
    const baseMs = this.options.retryBaseDelayMs ?? 1000;
    const maxMs = this.options.retryMaxDelayMs ?? 30_000;
    const worker = new Worker<WakeUp, void, typeof JOB_NAME>(
      this.queueName,
      (job) => this.deliver(job, handler),
      {
        // BullMQ requires maxRetriesPerRequest: null on the worker's (blocking) connections.
        connection: { ...this.bullConnection, maxRetriesPerRequest: null },
        prefix: this.prefix,
        concurrency: this.options.concurrency ?? 10,
        lockDuration: this.options.lockDurationMs ?? 30_000,
        stalledInterval: this.options.stalledIntervalMs ?? 30_000,
        maxStalledCount: this.options.maxStalledCount ?? 10,
        settings: {
          backoffStrategy: (attemptsMade: number) =>
            cappedExponentialBackoff(attemptsMade, baseMs, maxMs),
        },
      },
    );
    worker.on('error', this.reportOnce('worker'));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade >= attempts) {
        this.log(
          'error',
          `wake-up ${job.data.key} at ${job.data.runAt} failed ${job.attemptsMade} times and is ` +
            `parked in the failed set until it is armed again: ${describeError(error)}`,
        );
      } else {
        this.log(
          'warn',
          `wake-up ${job.data.key} failed (attempt ${job.attemptsMade} of ${attempts}), ` +
            `retrying with backoff: ${describeError(error)}`,
        );
      }
    });
    this.worker = worker;
    await worker.waitUntilReady();
  }

  /**
   * Stops delivering and closes every connection. Armed wake-ups stay in Redis. Handlers still
   * running get `closeTimeoutMs` to finish; past that (or with `force`) the worker lets go of
   * them, and their jobs are delivered again once their lock expires.
   */
  async close(options: { force?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      let force = options.force ?? false;
      if (!force && this.running.size > 0) {
        await worker.pause(true); // take no new job while the running ones finish
        force = !(await settlesWithin([...this.running], this.options.closeTimeoutMs ?? 10_000));
      }
      await quietly(worker.close(force));
    }
    await quietly(this.queue.close());
    await quietly(this.admin.quit());
  }

  private async deliver(
    job: Job<WakeUp, void, typeof JOB_NAME>,
    handler: (wakeUp: FiredWakeUp) => Promise<void>,
  ): Promise<void> {
    const { key, runAt, payload } = job.data;
    const armed = String(runAtMillis(runAt));
    // Moved or cancelled after this job was due: the newer wake-up (if any) has its own job.
    if ((await this.admin.hget(this.timesKey, key)) !== armed) return;
    const fired: FiredWakeUp = { key, runAt, payload, firedAt: new Date().toISOString() };
    const delivery = Promise.resolve().then(() => handler(fired));
    this.running.add(delivery);
    try {
      await delivery;
    } finally {
      this.running.delete(delivery);
    }
    try {
      await this.admin.eval(DELETE_IF_UNCHANGED, 1, this.timesKey, key, armed);
    } catch (error) {
      // Delivered all the same; the leftover entry only means re-arming this exact time fires it.
      this.log('warn', `wake-up ${key}: could not clear its armed time: ${describeError(error)}`);
    }
  }

  /** Sets (or with null clears) the key's armed time, returning the previous one, atomically. */
  private async replaceArmedTime(key: string, armed: string | null): Promise<string | null> {
    const transaction = this.admin.multi().hget(this.timesKey, key);
    if (armed === null) transaction.hdel(this.timesKey, key);
    else transaction.hset(this.timesKey, key, armed);
    const [taken, replaced] = (await transaction.exec()) ?? [];
    const error = taken?.[0] ?? replaced?.[0];
    if (error) throw error;
    if (!taken) throw new Error('Redis transaction aborted');
    return (taken[1] as string | null) ?? null;
  }

  private jobOptions(): JobsOptions {
    return {
      attempts: this.options.attempts ?? 20,
      backoff: { type: BACKOFF_TYPE, delay: this.options.retryBaseDelayMs ?? 1000 },
      // A finished job must not block arming its key again later: gone once it succeeded.
      removeOnComplete: true,
      // Wake-ups that used up their attempts stay a week for inspection (at most 10 000).
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('BullMqScheduler is closed');
  }

  /** Reports a connection error once, not once per reconnect attempt. */
  private reportOnce(source: string): (error: Error) => void {
    let last = '';
    return (error) => {
      const message = describeError(error);
      if (message === last) return;
      last = message;
      this.log('warn', `scheduler ${source}: ${message}`);
    };
  }
}

/** `<key>.<runAt epoch ms>`: never contains ':' and is never all digits, as BullMQ requires. */
function jobId(key: string, runAtMs: number): string {
  return `${key}.${runAtMs}`;
}

async function settlesWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function quietly(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch {
    // closing: nothing useful to do with a connection that is already gone
  }
}
