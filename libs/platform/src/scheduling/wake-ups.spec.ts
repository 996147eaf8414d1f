import type { Scheduler } from '@homeward/scheduler';
import type { EventProcessing } from '../event-processing/event-processing.service';
import { WakeUps } from './wake-ups';

/**
 * The scheduler is only an alarm clock: when its server comes back (perhaps having forgotten
 * every alarm), each kind arms its open deadlines again from its read model, retrying while
 * that fails, and not before the start-up re-arm has run.
 */
function setUp() {
  let reconnected: (() => void) | undefined;
  const scheduler: Scheduler = {
    schedule: jest.fn(async () => undefined),
    cancel: jest.fn(async () => undefined),
    start: jest.fn(async () => undefined),
    close: jest.fn(async () => undefined),
    onReconnected: (listener) => (reconnected = listener),
  };
  const startHooks: Array<() => Promise<void>> = [];
  const processing = { afterStart: (hook: () => Promise<void>) => startHooks.push(hook) };
  const wakeUps = new WakeUps(scheduler, processing as unknown as EventProcessing);
  return {
    wakeUps,
    reconnect: () => reconnected?.(),
    started: async () => {
      for (const hook of startHooks) await hook();
    },
  };
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('WakeUps re-arming open deadlines', () => {
  it('runs every kind once at start-up and again after each reconnection', async () => {
    const { wakeUps, reconnect, started } = setUp();
    const runs = { interviews: 0, alerts: 0 };
    wakeUps.rearmFrom(async () => void runs.interviews++);
    wakeUps.rearmFrom(async () => void runs.alerts++);
    reconnect(); // before start-up: the tables may not exist yet, start-up will arm them
    expect(runs).toEqual({ interviews: 0, alerts: 0 });
    await started();
    expect(runs).toEqual({ interviews: 1, alerts: 1 });
    reconnect();
    await until(() => runs.alerts === 2);
    expect(runs).toEqual({ interviews: 2, alerts: 2 });
    await wakeUps.onApplicationShutdown();
  });

  it('tries again while re-arming fails (the database is down too), until it succeeds', async () => {
    const { wakeUps, reconnect, started } = setUp();
    const attempts: Array<'failed' | 'armed'> = [];
    wakeUps.rearmFrom(async () => {
      // Start-up arms; the first try after the reconnection fails; the next one arms.
      if (attempts.length === 1) {
        attempts.push('failed');
        throw new Error('connect ECONNREFUSED');
      }
      attempts.push('armed');
    });
    await started();
    reconnect();
    await until(() => attempts.length === 3);
    expect(attempts).toEqual(['armed', 'failed', 'armed']);
    await wakeUps.onApplicationShutdown();
  });

  it('stops retrying when the application shuts down', async () => {
    const { wakeUps, reconnect, started } = setUp();
    let calls = 0;
    wakeUps.rearmFrom(async () => {
      if (++calls > 1) throw new Error('still down');
    });
    await started();
    reconnect();
    await until(() => calls === 2);
    const shutdown = Date.now();
    await wakeUps.onApplicationShutdown();
    expect(Date.now() - shutdown).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(calls).toBe(2);
  });
});
