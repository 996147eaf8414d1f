import type { DeliveryJob } from './delivery-queue';
import { retryDelayMs, DEFAULT_DELIVERY_SETTINGS } from './delivery-queue';
import { InProcessDeliveryQueue } from './in-process-delivery-queue';

const job = (alertId: string): DeliveryJob => ({
  alertId,
  target: 't',
  alert: {} as DeliveryJob['alert'],
});
const settings = { ...DEFAULT_DELIVERY_SETTINGS, attempts: 4, backoffBaseMs: 5, backoffMaxMs: 20 };
const until = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the in-process delivery queue', () => {
  it('backs off exponentially, capped: 1 s, 2 s, 4 s ... 5 min by default', () => {
    const delays = Array.from(
      { length: 11 },
      (_, i) => retryDelayMs(i + 1, DEFAULT_DELIVERY_SETTINGS) / 1000,
    );
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(DEFAULT_DELIVERY_SETTINGS.attempts).toBe(12);
  });

  it('retries a failing delivery until it succeeds, and dedupes by job id', async () => {
    const queue = new InProcessDeliveryQueue(settings);
    const attempts: number[] = [];
    await queue.start(
      async (_job, attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error('HTTP 500');
      },
      async () => undefined,
    );
    expect(await queue.enqueue('a.t', job('a'))).toBe('queued');
    expect(await queue.enqueue('a.t', job('a'))).toBe('exists');
    await until(() => attempts.length === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toEqual([1, 2, 3]);
    await queue.close();
  });

  it('keeps a delivery that used up its attempts as failed until it is queued again', async () => {
    const queue = new InProcessDeliveryQueue(settings);
    let fixed = false;
    const delivered: string[] = [];
    const givenUp: string[] = [];
    await queue.start(
      async (j) => {
        if (!fixed) throw new Error('HTTP 503');
        delivered.push(j.alertId);
      },
      async (j, error) => {
        givenUp.push(`${j.alertId}: ${(error as Error).message}`);
      },
    );
    await queue.enqueue('b.t', job('b'));
    await until(() => givenUp.length === 1);
    expect(givenUp).toEqual(['b: HTTP 503']);
    expect(await queue.enqueue('b.t', job('b'))).toBe('failed');
    fixed = true;
    await queue.requeue('b.t', job('b'));
    await until(() => delivered.length === 1);
    expect(await queue.enqueue('b.t', job('b'))).toBe('queued'); // done and forgotten
    await until(() => delivered.length === 2);
    await queue.close();
  });
});
