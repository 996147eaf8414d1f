import { randomUUID } from 'node:crypto';
import {
  BullMqScheduler,
  InProcessScheduler,
  type FiredWakeUp,
  type Scheduler,
} from '@homeward/scheduler';
import { deleteRedisKeys } from '../support/isolated-redis';
import { TEST_REDIS_URL } from '../support/servers';
import { recordFigures } from './results';

/**
 * How late deadline alarms ring with many armed: 100,000 wake-ups pending (due tomorrow, as
 * open interviews' deadlines are), then a few hundred due over the next seconds, each one's
 * lateness (rang minus due) measured. On BullMQ (real Redis, as the services run) and on the
 * in-process scheduler (the embedded default). Target: p99 under 1 s. `--quick`: 10,000 pending.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const PENDING = Number(process.env.BENCH_PENDING ?? (QUICK ? 10_000 : 100_000));
const MEASURED = 300;
const ARMING_IN_FLIGHT = 64;
const PREFIX = `homeward-bench-${randomUUID().slice(0, 8)}`;

afterAll(() => deleteRedisKeys(PREFIX));

async function inFlight(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: ARMING_IN_FLIGHT }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function lateness(name: string, scheduler: Scheduler) {
  const seen: FiredWakeUp[] = [];
  await scheduler.start(async (w) => {
    if (w.key.startsWith('measured-')) seen.push(w);
  });
  try {
    const tomorrow = Date.now() + 24 * 3600_000;
    const armingStarted = Date.now();
    await inFlight(PENDING, (i) =>
      scheduler.schedule({
        key: `pending-${i}`,
        runAt: new Date(tomorrow + i * 1000).toISOString(),
        payload: { interviewId: randomUUID() },
      }),
    );
    const armingMs = Date.now() - armingStarted;
    // Due over the next 3 s, a wake-up every 10 ms, with the 100,000 still armed.
    const start = Date.now() + 500;
    await inFlight(MEASURED, (i) =>
      scheduler.schedule({
        key: `measured-${i}`,
        runAt: new Date(start + i * 10).toISOString(),
        payload: {},
      }),
    );
    const deadline = Date.now() + 60_000;
    while (seen.length < MEASURED && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const late = seen.map((w) => Date.parse(w.firedAt) - Date.parse(w.runAt)).sort((a, b) => a - b);
    const result = {
      scheduler: name,
      pending: PENDING,
      armedPerSecond: Math.round((PENDING * 1000) / armingMs),
      rang: seen.length,
      p50Ms: percentile(late, 50),
      p95Ms: percentile(late, 95),
      p99Ms: percentile(late, 99),
      maxMs: late[late.length - 1],
    };
    console.log(
      `bench: ${name}, ${PENDING} pending (armed at ${result.armedPerSecond}/s): ${seen.length} of ` +
        `${MEASURED} rang, lateness p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, ` +
        `p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
    );
    return result;
  } finally {
    await scheduler.close();
  }
}

it('measures alarm lateness with many deadlines pending', async () => {
  const bullmq = await lateness(
    'BullMQ (real Redis)',
    new BullMqScheduler({ redisUrl: TEST_REDIS_URL, prefix: PREFIX, queueName: 'lateness' }),
  );
  const inProcess = await lateness('in-process', new InProcessScheduler());
  recordFigures({ alarmLateness: [bullmq, inProcess] });
  expect(bullmq.rang).toBe(MEASURED);
  expect(inProcess.rang).toBe(MEASURED);
});
