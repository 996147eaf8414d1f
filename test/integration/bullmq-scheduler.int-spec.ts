import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  BullMqScheduler,
  type BullMqSchedulerOptions,
  type FiredWakeUp,
} from '@homeward/scheduler';
import {
  schedulerConformance,
  sleep,
  waitFor,
} from '../../libs/scheduler/src/testing/scheduler.conformance';
import { deleteRedisKeys } from '../support/isolated-redis';
import { TEST_REDIS_URL } from '../support/servers';

/** Every key of this run lives under its own prefix, deleted at the end. */
const PREFIX = `homeward-test-${randomUUID().slice(0, 8)}`;
let queues = 0;
const nextQueueName = () => `wake-ups-${++queues}`;

const logged: string[] = [];
const baseOptions = (queueName: string): BullMqSchedulerOptions => ({
  redisUrl: TEST_REDIS_URL,
  prefix: PREFIX,
  queueName,
  retryBaseDelayMs: 300,
  // A dead worker's job is taken again after ~lock + stalled interval: keep both short here.
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
  log: (level, message) => logged.push(`${level}: ${message}`),
});

let reachable: Promise<void> | undefined;
/** Fails (never skips) with a clear message when the Redis `npm run infra:up` starts is not there. */
function requireRedis(): Promise<void> {
  reachable ??= (async () => {
    const probe = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    let cause: Error | undefined;
    probe.on('error', (error: Error) => (cause ??= error));
    try {
      await probe.connect();
      await probe.ping();
    } catch (error) {
      throw new Error(
        `Redis is not reachable at ${TEST_REDIS_URL} (${(cause ?? (error as Error)).message}). ` +
          'Start it with `npm run infra:up` or set TEST_REDIS_URL.',
      );
    } finally {
      probe.disconnect();
    }
  })();
  return reachable;
}

afterAll(() => deleteRedisKeys(PREFIX));

schedulerConformance('BullMQ (real Redis)', async () => {
  await requireRedis();
  return new BullMqScheduler(baseOptions(nextQueueName()));
});

describe('BullMqScheduler on a real Redis', () => {
  beforeAll(() => requireRedis());

  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  const latenessMs = (w: FiredWakeUp) => Date.parse(w.firedAt) - Date.parse(w.runAt);

  it('answers ping, and checks that Redis will not evict its keys', async () => {
    const scheduler = new BullMqScheduler(baseOptions(nextQueueName()));
    try {
      await expect(scheduler.ping()).resolves.toBeUndefined();
      await expect(BullMqScheduler.assertNoEviction(TEST_REDIS_URL)).resolves.toBeUndefined();
    } finally {
      await scheduler.close();
    }
  });

  it('keeps wake-ups across a restart: armed by one instance, fired once by the next', async () => {
    const queueName = nextQueueName();
    const key = `restart-${randomUUID().slice(0, 8)}`;
    const firstSeen: FiredWakeUp[] = [];
    const secondSeen: FiredWakeUp[] = [];
    const first = new BullMqScheduler(baseOptions(queueName));
    await first.start(async (w) => {
      firstSeen.push(w);
    });
    await first.schedule({ key, runAt: inMs(1200), payload: { stream: 'child-1' } });
    await first.close();

    const second = new BullMqScheduler(baseOptions(queueName));
    try {
      await second.start(async (w) => {
        secondSeen.push(w);
      });
      await waitFor(() => secondSeen.length >= 1, 5000, 'the wake-up on the new instance');
      await sleep(800);
      expect(firstSeen).toHaveLength(0);
      expect(secondSeen.map((w) => [w.key, w.payload])).toEqual([[key, { stream: 'child-1' }]]);
      expect(latenessMs(secondSeen[0])).toBeGreaterThanOrEqual(-50);
      expect(latenessMs(secondSeen[0])).toBeLessThan(1500);
    } finally {
      await second.close();
    }
  });

  it('delivers again a wake-up whose process died mid-handler', async () => {
    const queueName = nextQueueName();
    const key = `dies-${randomUUID().slice(0, 8)}`;
    let firstCalls = 0;
    const secondSeen: FiredWakeUp[] = [];
    const first = new BullMqScheduler(baseOptions(queueName));
    await first.start(() => {
      firstCalls += 1;
      return new Promise<void>(() => undefined); // hangs, like a process that died here
    });
    await first.schedule({ key, runAt: inMs(-10), payload: { n: 1 } });
    await waitFor(() => firstCalls === 1, 5000, 'the first delivery');
    await first.close({ force: true }); // the worker lets go without finishing its job

    const second = new BullMqScheduler(baseOptions(queueName));
    try {
      await second.start(async (w) => {
        secondSeen.push(w);
      });
      // Lock (1.5 s) expires, the stalled check (every 0.5 s) puts the job back.
      await waitFor(() => secondSeen.length >= 1, 15_000, 'the redelivery');
      await sleep(500);
      expect(firstCalls).toBe(1);
      expect(secondSeen.map((w) => [w.key, w.payload])).toEqual([[key, { n: 1 }]]);
    } finally {
      await second.close();
    }
  });

  it('lets a running handler finish on close, and does not deliver it again', async () => {
    const queueName = nextQueueName();
    const key = `graceful-${randomUUID().slice(0, 8)}`;
    let finished = 0;
    let started = 0;
    const first = new BullMqScheduler(baseOptions(queueName));
    await first.start(async () => {
      started += 1;
      await sleep(500);
      finished += 1;
    });
    await first.schedule({ key, runAt: inMs(-10), payload: {} });
    await waitFor(() => started === 1, 5000, 'the delivery');
    await first.close();
    expect(finished).toBe(1);

    const again: FiredWakeUp[] = [];
    const second = new BullMqScheduler(baseOptions(queueName));
    try {
      await second.start(async (w) => {
        again.push(w);
      });
      await sleep(1500 + 500 + 300); // past a lock expiry and a stalled check
      expect(again).toHaveLength(0);
    } finally {
      await second.close();
    }
  });

  it('measures lateness over 100 wake-ups', async () => {
    const count = 100;
    const seen: FiredWakeUp[] = [];
    const scheduler = new BullMqScheduler(baseOptions(nextQueueName()));
    try {
      await scheduler.start(async (w) => {
        seen.push(w);
      });
      const keys = Array.from(
        { length: count },
        (_, i) => `lateness-${i}-${randomUUID().slice(0, 6)}`,
      );
      await Promise.all(
        keys.map((key, i) => scheduler.schedule({ key, runAt: inMs(500 + i * 10), payload: {} })),
      );
      await waitFor(() => seen.length >= count, 10_000, `${count} wake-ups`);
      await sleep(300);
      expect(new Set(seen.map((w) => w.key)).size).toBe(count);
      expect(seen).toHaveLength(count);
      const late = seen.map(latenessMs).sort((a, b) => a - b);
      const pct = (p: number) =>
        late[Math.min(late.length - 1, Math.ceil((p / 100) * late.length) - 1)];
      console.log(
        `BullMQ lateness over ${count} wake-ups: p50=${pct(50)}ms p95=${pct(95)}ms max=${late[late.length - 1]}ms`,
      );
      expect(late[0]).toBeGreaterThanOrEqual(-50);
      expect(late[late.length - 1]).toBeLessThan(1500);
    } finally {
      await scheduler.close();
    }
  });
});
