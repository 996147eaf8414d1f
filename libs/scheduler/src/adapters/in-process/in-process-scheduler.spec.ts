import type { FiredWakeUp } from '../../scheduler.port';
import { schedulerConformance } from '../../testing/scheduler.conformance';
import { InProcessScheduler, MAX_TIMER_DELAY_MS } from './in-process-scheduler';

const silent = () => undefined;

schedulerConformance(
  'in-process',
  async () => new InProcessScheduler({ retryBaseDelayMs: 200, log: silent }),
);

describe('InProcessScheduler (timers)', () => {
  const DAY = 24 * 3600 * 1000;
  const T0 = Date.parse('2030-01-01T00:00:00.000Z');
  let scheduler: InProcessScheduler;
  let fired: FiredWakeUp[];

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    fired = [];
    scheduler = new InProcessScheduler({ log: silent });
  });
  afterEach(async () => {
    await scheduler.close();
    jest.useRealTimers();
  });

  const at = (ms: number) => new Date(T0 + ms).toISOString();

  it('chains timers for wake-ups beyond the 24.8-day setTimeout limit', async () => {
    await scheduler.start(async (w) => {
      fired.push(w);
    });
    await scheduler.schedule({ key: 'far', runAt: at(40 * DAY), payload: {} });
    await jest.advanceTimersByTimeAsync(MAX_TIMER_DELAY_MS + 1000);
    expect(fired).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(40 * DAY - MAX_TIMER_DELAY_MS - 2000);
    expect(fired).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(fired.map((w) => w.firedAt)).toEqual([at(40 * DAY)]);
  });

  it('retries a failing handler with doubling backoff capped at 30 s, for as long as it fails', async () => {
    const callTimes: number[] = [];
    await scheduler.start(async () => {
      callTimes.push(Date.now() - T0);
      if (callTimes.length < 9) throw new Error('still failing');
    });
    await scheduler.schedule({ key: 'flaky', runAt: at(0), payload: {} });
    await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
    const gaps = callTimes.slice(1).map((t, i) => t - callTimes[i]);
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(scheduler.size).toBe(0);
  });

  it('drops the retries of a wake-up that was cancelled or moved meanwhile', async () => {
    let calls = 0;
    await scheduler.start(async (w) => {
      calls += 1;
      fired.push(w);
      throw new Error('fails');
    });
    await scheduler.schedule({ key: 'gone', runAt: at(0), payload: {} });
    await jest.advanceTimersByTimeAsync(10);
    await scheduler.cancel('gone');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    expect(scheduler.size).toBe(0);
  });

  it('fires nothing before start, and everything due once started', async () => {
    await scheduler.schedule({ key: 'early', runAt: at(1000), payload: {} });
    await scheduler.schedule({ key: 'late', runAt: at(5000), payload: {} });
    await jest.advanceTimersByTimeAsync(2000);
    await scheduler.start(async (w) => {
      fired.push(w);
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(fired.map((w) => [w.key, w.firedAt])).toEqual([['early', at(2000)]]);
    await jest.advanceTimersByTimeAsync(3000);
    expect(fired.map((w) => w.key)).toEqual(['early', 'late']);
  });

  it('clears its timers on close and keeps the wake-ups for the next start', async () => {
    await scheduler.start(async (w) => {
      fired.push(w);
    });
    await scheduler.schedule({ key: 'kept', runAt: at(1000), payload: {} });
    expect(jest.getTimerCount()).toBe(1);
    await scheduler.close();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(2000);
    expect(fired).toHaveLength(0);
    await scheduler.start(async (w) => {
      fired.push(w);
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(fired.map((w) => w.key)).toEqual(['kept']);
  });

  it('takes its notion of now from the given clock', async () => {
    const clock = new InProcessScheduler({ now: () => T0 + 60_000, log: silent });
    try {
      await clock.start(async (w) => {
        fired.push(w);
      });
      // Due by that clock although Date.now() says a minute early.
      await clock.schedule({ key: 'clocked', runAt: at(30_000), payload: {} });
      await jest.advanceTimersByTimeAsync(0);
      expect(fired.map((w) => w.firedAt)).toEqual([at(60_000)]);
    } finally {
      await clock.close();
    }
  });

  it('refuses to start twice', async () => {
    await scheduler.start(async () => undefined);
    await expect(scheduler.start(async () => undefined)).rejects.toThrow(/already started/);
  });
});
