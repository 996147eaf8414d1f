import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DedicatedProcess } from './dedicated-server';
import { freePort } from './free-port';

export interface DedicatedRedis {
  url: string;
  port: number;
  /** SIGKILL: a crash. With no persistence (the default here) every key is gone. */
  kill(): Promise<void>;
  /** Starts redis-server again on the same port and directory. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A `redis-server` of one test's own on a free port, with `maxmemory-policy noeviction` (BullMQ
 * needs it). By default it keeps nothing on disk, so a kill loses every key: the harshest case
 * for anything that keeps state in Redis. Never the shared server on :56379.
 */
export async function startDedicatedRedis(
  options: { appendonly?: boolean } = {},
): Promise<DedicatedRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = new DedicatedProcess(`redis-server :${port}`, 'redis-server', [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendonly ? 'yes' : 'no',
    '--maxmemory-policy',
    'noeviction',
  ]);
  const ready = async () => {
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  await server.start(ready);
  return {
    url,
    port,
    kill: () => server.kill(),
    restart: () => server.start(ready),
    destroy: async () => {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
