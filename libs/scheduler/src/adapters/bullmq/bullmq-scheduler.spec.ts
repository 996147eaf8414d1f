import { Redis } from 'ioredis';
import { BullMqScheduler } from './bullmq-scheduler';

// Runs without a server; the conformance suite against a real Redis is in
// test/integration/bullmq-scheduler.int-spec.ts.
describe('BullMqScheduler without a Redis server', () => {
  it('refuses a Redis whose maxmemory-policy may evict wake-ups, naming the fix', async () => {
    const redis = new Redis({ lazyConnect: true });
    const info = jest
      .spyOn(redis, 'info')
      .mockResolvedValue('# Memory\r\nused_memory:1024\r\nmaxmemory_policy:allkeys-lru\r\n');
    try {
      await expect(BullMqScheduler.assertNoEviction(redis)).rejects.toThrow(
        /maxmemory-policy is "allkeys-lru".*needs "noeviction".*--maxmemory-policy noeviction/s,
      );
      info.mockResolvedValue('# Memory\r\nmaxmemory_policy:noeviction\r\n');
      await expect(BullMqScheduler.assertNoEviction(redis)).resolves.toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });

  it('fails ping and start fast when Redis is unreachable, and still closes cleanly', async () => {
    const logged: string[] = [];
    const scheduler = new BullMqScheduler({
      redisUrl: 'redis://127.0.0.1:1',
      log: (_level, message) => logged.push(message),
    });
    await expect(scheduler.ping()).rejects.toThrow();
    await expect(scheduler.start(async () => undefined)).rejects.toThrow();
    await scheduler.close();
    await expect(
      scheduler.schedule({ key: 'after-close', runAt: new Date().toISOString(), payload: {} }),
    ).rejects.toThrow(/closed/);
    expect(logged.some((m) => m.includes('ECONNREFUSED'))).toBe(true);
  });
});
