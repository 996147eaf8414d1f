import { PostgresDatabase } from '@homeward/event-store';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingFromHome } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * End-to-end throughput on PostgreSQL, as DESIGN states the targets: notifications per second
 * from the HTTP API until every interview is in the queue, then a replay of every projection and
 * reactor from position 0 (events per second). BENCH_CHILDREN sets the size (default 1000
 * children: 2000 notifications).
 */
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const police = `Bearer ${tokenFor('police-system')}`;
// /health names its checks (processor lags, the head position) to an admin only.
const admin = `Bearer ${tokenFor('admin')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- health JSON, read loosely
type Json = Record<string, any>;

async function allInBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function untilCaughtUp(app: Parameters<typeof api>[0], timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await api(app).get('/health').set('Authorization', admin)).body as Json;
    const lags = Object.values(
      (health.details?.eventProcessing?.processors ?? { x: 1 }) as Record<string, number>,
    );
    if (lags.every((lag) => lag === 0)) return;
    if (Date.now() > deadline) throw new Error('processors did not catch up');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('measures notifications per second and replay events per second on PostgreSQL', async () => {
  const db = await freshPostgresDatabase();
  const config = testConfig({ kind: 'postgres', url: db.url });
  const pairs = Array.from({ length: CHILDREN }, () => {
    const m = missingFromHome({ occurredAt: new Date(Date.now() - 20 * 3600_000).toISOString() });
    return [m, childFound(m)] as const;
  });
  const app = await startHomeward(config);
  let head = 0;
  try {
    const started = Date.now();
    await allInBatches(pairs, async ([missing, found]) => {
      await api(app)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(missing);
      await api(app).post('/api/v1/police/notifications').set('Authorization', police).send(found);
    });
    const accepted = Date.now();
    await untilCaughtUp(app);
    const done = Date.now();
    const notifications = CHILDREN * 2;
    console.log(
      `bench: ${notifications} notifications accepted in ${accepted - started} ms ` +
        `(${Math.round((notifications * 1000) / (accepted - started))}/s); every projection and ` +
        `reactor caught up after ${done - started} ms ` +
        `(${Math.round((notifications * 1000) / (done - started))} notifications/s end to end)`,
    );
    head = ((await api(app).get('/health').set('Authorization', admin)).body as Json).details
      .eventStore.headPosition as number;
  } finally {
    await app.close();
  }

  const pg = new PostgresDatabase({ connectionString: db.url });
  await pg.query('DELETE FROM hw_checkpoints');
  await pg.close();
  const replayStarted = Date.now();
  const again = await startHomeward(config);
  try {
    await untilCaughtUp(again);
    const ms = Date.now() - replayStarted;
    console.log(
      `bench: replay of ${head} events through every projection and reactor in ${ms} ms ` +
        `(${Math.round((head * 1000) / ms)} events/s, start-up included)`,
    );
  } finally {
    await again.close();
    await db.drop();
  }
  expect(head).toBeGreaterThan(CHILDREN * 2);
});
