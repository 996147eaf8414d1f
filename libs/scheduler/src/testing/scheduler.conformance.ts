import { randomUUID } from 'node:crypto';
import type { FiredWakeUp, Scheduler } from '../scheduler.port';

export interface SchedulerConformanceOptions {
  /** Largest acceptable lateness (firedAt - runAt) for delays under a second. Default 1500 ms. */
  maxLatenessMs?: number;
}

/** A wake-up may fire a hair early by the clock (timer granularity), never more than this. */
const EARLY_TOLERANCE_MS = 50;

/**
 * The Scheduler contract, run against every adapter (in-process in `npm test`, BullMQ against a
 * real Redis in the integration suite). `open` must return a fresh, not yet started scheduler
 * that shares no armed wake-ups with any other one it returned (its own queue, say). Keys are
 * unique per test. About 8 s per adapter.
 */
export function schedulerConformance(
  adapterName: string,
  open: () => Promise<Scheduler>,
  options: SchedulerConformanceOptions = {},
): void {
  const maxLatenessMs = options.maxLatenessMs ?? 1500;

  describe(`Scheduler conformance: ${adapterName}`, () => {
    let scheduler: Scheduler | undefined;
    /** Successful deliveries, in order. */
    const delivered: FiredWakeUp[] = [];
    /** Handler calls per key, failed ones included. */
    const calls = new Map<string, number>();
    /** Keys whose handler throws on the first call. */
    const failFirst = new Set<string>();
    /** Extra work per key, run inside the handler (e.g. arming the key's next wake-up). */
    const during = new Map<string, (wakeUp: FiredWakeUp) => Promise<void>>();

    beforeAll(async () => {
      scheduler = await open();
      await scheduler.start(async (wakeUp) => {
        const n = (calls.get(wakeUp.key) ?? 0) + 1;
        calls.set(wakeUp.key, n);
        if (failFirst.has(wakeUp.key) && n === 1) throw new Error('first delivery fails');
        await during.get(wakeUp.key)?.(wakeUp);
        delivered.push(wakeUp);
      });
    });
    afterAll(async () => {
      await scheduler?.close();
    });

    const opened = (): Scheduler => {
      if (!scheduler) throw new Error('scheduler did not open');
      return scheduler;
    };
    const deliveredTo = (key: string) => delivered.filter((w) => w.key === key);

    it('fires each wake-up at about its time, not before', async () => {
      const wakeUps = [300, 550, 800].map((ms) => ({
        key: uniqueKey('on-time'),
        runAt: inMs(ms),
        payload: {},
      }));
      for (const wakeUp of wakeUps) await opened().schedule(wakeUp);
      await waitFor(() => wakeUps.every((w) => deliveredTo(w.key).length === 1), 5000, 'all three');
      for (const wakeUp of wakeUps) {
        const late = latenessMs(deliveredTo(wakeUp.key)[0]);
        expect(late).toBeGreaterThanOrEqual(-EARLY_TOLERANCE_MS);
        expect(late).toBeLessThan(maxLatenessMs);
      }
    });

    it('fires a wake-up whose time has passed promptly', async () => {
      const key = uniqueKey('past');
      const armedAt = Date.now();
      await opened().schedule({ key, runAt: inMs(-60_000), payload: {} });
      await waitFor(() => deliveredTo(key).length === 1, 5000, key);
      expect(Date.parse(deliveredTo(key)[0].firedAt) - armedAt).toBeLessThan(maxLatenessMs);
    });

    it('hands back key, runAt and payload as armed, with the firing time', async () => {
      const key = uniqueKey('payload');
      const runAt = inMs(-1000);
      const payload = {
        stream: 'return-interview-9f1c',
        deadline: 'interview-due',
        attempt: 3,
        nested: { list: [1, 'two', true, null], empty: {} },
      };
      await opened().schedule({ key, runAt, payload });
      await waitFor(() => deliveredTo(key).length === 1, 5000, key);
      const [fired] = deliveredTo(key);
      expect(fired).toEqual({ key, runAt, payload, firedAt: expect.any(String) });
      expect(new Date(fired.firedAt).toISOString()).toBe(fired.firedAt);
    });

    it('arms a key once when it is armed twice with the same time', async () => {
      const key = uniqueKey('twice');
      const runAt = inMs(300);
      await opened().schedule({ key, runAt, payload: { n: 1 } });
      await opened().schedule({ key, runAt, payload: { n: 1 } });
      await opened().schedule({
        key,
        runAt: new Date(Date.parse(runAt)).toISOString(),
        payload: {},
      });
      await waitFor(() => deliveredTo(key).length >= 1, 5000, key);
      await sleep(700);
      expect(deliveredTo(key)).toHaveLength(1);
    });

    it('moves a wake-up armed again at another time, later or earlier', async () => {
      const later = uniqueKey('later');
      const earlier = uniqueKey('earlier');
      const start = Date.now();
      await opened().schedule({ key: later, runAt: inMs(300), payload: { v: 'old' } });
      await opened().schedule({ key: earlier, runAt: inMs(1500), payload: { v: 'old' } });
      const laterRunAt = inMs(1200);
      const earlierRunAt = inMs(300);
      await opened().schedule({ key: later, runAt: laterRunAt, payload: { v: 'new' } });
      await opened().schedule({ key: earlier, runAt: earlierRunAt, payload: { v: 'new' } });
      await waitFor(
        () => deliveredTo(later).length >= 1 && deliveredTo(earlier).length >= 1,
        5000,
        'both moved wake-ups',
      );
      await sleep(Math.max(0, start + 1500 + 400 - Date.now())); // past both old times
      for (const [key, runAt] of [
        [later, laterRunAt],
        [earlier, earlierRunAt],
      ]) {
        const fired = deliveredTo(key);
        expect(fired).toHaveLength(1);
        expect(fired[0].runAt).toBe(runAt);
        expect(fired[0].payload).toEqual({ v: 'new' });
        expect(latenessMs(fired[0])).toBeGreaterThanOrEqual(-EARLY_TOLERANCE_MS);
        expect(latenessMs(fired[0])).toBeLessThan(maxLatenessMs);
      }
    });

    it('never fires a cancelled wake-up, and a key can be armed again after cancel', async () => {
      const cancelled = uniqueKey('cancelled');
      const rearmed = uniqueKey('rearmed');
      await opened().schedule({ key: cancelled, runAt: inMs(300), payload: {} });
      await opened().schedule({ key: rearmed, runAt: inMs(300), payload: { v: 'old' } });
      await opened().cancel(cancelled);
      await opened().cancel(rearmed);
      await opened().cancel(uniqueKey('never-armed'));
      await opened().schedule({ key: rearmed, runAt: inMs(500), payload: { v: 'new' } });
      await waitFor(() => deliveredTo(rearmed).length >= 1, 5000, rearmed);
      await sleep(600);
      expect(deliveredTo(cancelled)).toHaveLength(0);
      expect(calls.get(cancelled)).toBeUndefined();
      expect(deliveredTo(rearmed).map((w) => w.payload)).toEqual([{ v: 'new' }]);
    });

    it('refuses keys outside the safe alphabet', async () => {
      for (const key of ['has:colon', '12345', '', 'space here']) {
        await expect(opened().schedule({ key, runAt: inMs(1000), payload: {} })).rejects.toThrow(
          /invalid wake-up key/,
        );
      }
      await expect(
        opened().schedule({ key: uniqueKey('bad-time'), runAt: 'tomorrow-ish', payload: {} }),
      ).rejects.toThrow(/invalid wake-up runAt/);
    });

    it('retries a wake-up whose handler throws until it succeeds', async () => {
      const key = uniqueKey('retried');
      failFirst.add(key);
      await opened().schedule({ key, runAt: inMs(-10), payload: { retry: true } });
      await waitFor(() => deliveredTo(key).length === 1, 10_000, key);
      expect(calls.get(key)).toBe(2);
      expect(deliveredTo(key)[0].payload).toEqual({ retry: true });
    });

    it("lets a handler arm its own key's next wake-up while it runs", async () => {
      const key = uniqueKey('self-rearm');
      during.set(key, async (wakeUp) => {
        if (wakeUp.payload.n === 1) {
          await opened().schedule({ key, runAt: inMs(300), payload: { n: 2 } });
        }
      });
      await opened().schedule({ key, runAt: inMs(-10), payload: { n: 1 } });
      await waitFor(() => deliveredTo(key).length >= 2, 5000, 'the re-armed wake-up');
      await sleep(500);
      expect(deliveredTo(key).map((w) => w.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      expect(latenessMs(deliveredTo(key)[1])).toBeGreaterThanOrEqual(-EARLY_TOLERANCE_MS);
    });

    it('fires 50 distinct wake-ups exactly once each', async () => {
      const keys = Array.from({ length: 50 }, (_, i) => uniqueKey(`many-${i}`));
      await Promise.all(
        keys.map((key, i) => opened().schedule({ key, runAt: inMs(200 + i * 10), payload: { i } })),
      );
      await waitFor(() => keys.every((k) => deliveredTo(k).length >= 1), 10_000, 'all 50');
      await sleep(500);
      for (const [i, key] of keys.entries()) {
        expect(deliveredTo(key)).toHaveLength(1);
        expect(deliveredTo(key)[0].payload).toEqual({ i });
      }
    });

    it('fires wake-ups armed before start once started', async () => {
      const fresh = await open();
      const seen: FiredWakeUp[] = [];
      try {
        const due = uniqueKey('before-start-due');
        const soon = uniqueKey('before-start-soon');
        await fresh.schedule({ key: due, runAt: inMs(-1000), payload: {} });
        await fresh.schedule({ key: soon, runAt: inMs(300), payload: {} });
        await sleep(400);
        await fresh.start(async (w) => {
          seen.push(w);
        });
        await waitFor(() => seen.length >= 2, 5000, 'both wake-ups armed before start');
        await sleep(300);
        expect(seen.map((w) => w.key).sort()).toEqual([due, soon].sort());
      } finally {
        await fresh.close();
      }
    });
  });
}

function uniqueKey(name: string): string {
  return `conformance-${name}-${randomUUID().slice(0, 8)}`;
}

function inMs(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

function latenessMs(wakeUp: FiredWakeUp): number {
  return Date.parse(wakeUp.firedAt) - Date.parse(wakeUp.runAt);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}
