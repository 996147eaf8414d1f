import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from './servers';

/** Fails (never skips) when Redis is not there; then takes an empty logical database for this file. */
export async function isolatedRedis(): Promise<{ url: string; client: Redis }> {
  const probe = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  let databases: number;
  try {
    await probe.connect();
    const reply = await probe.config('GET', 'databases');
    databases = Number(reply[1] ?? 16);
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(cause ?? (error as Error)).message}). ` +
        'Start it with `npm run infra:up` or set TEST_REDIS_URL.',
    );
  } finally {
    probe.disconnect();
  }
  const candidates = Array.from({ length: databases - 1 }, (_, i) => i + 1).sort(
    () => Math.random() - 0.5,
  );
  for (const db of candidates) {
    const url = new URL(TEST_REDIS_URL);
    url.pathname = `/${db}`;
    const client = new Redis(url.toString(), { maxRetriesPerRequest: 1 });
    if ((await client.dbsize()) === 0) return { url: url.toString(), client };
    client.disconnect();
  }
  throw new Error(`no empty Redis logical database (1-${databases - 1}) at ${TEST_REDIS_URL}`);
}

/** Deletes every key under `<prefix>:` (a run's own BullMQ queues); fine when Redis is not there. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis was not there: nothing to clean
  } finally {
    redis.disconnect();
  }
}
