import { PostgresDatabase } from '@homeward/event-store';
import { KafkaMessageBus } from '@homeward/messaging';
import { HOMEWARD_TOPICS, HomewardMetrics, POLICE_NOTIFICATIONS_TOPIC } from '@homeward/platform';
import { measureCeilings } from './ceilings';
import { measureKafkaCeiling } from './kafka-ceiling';
import { recordFigures } from './results';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { syntheticFeed } from '../../scripts/synthetic-feed';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, requireKafka } from '../support/servers';

/**
 * End-to-end throughput on PostgreSQL, as DESIGN states the targets: notifications per second
 * accepted over HTTP and until every projection and reactor has caught up, then a replay of
 * every projection and reactor from position 0 (events per second); then, in the same run on
 * the same server, the raw ceilings each figure is read against (ceilings.ts). Prints a table
 * with the ratios and writes it to bench/results/<date>-<commit>.json. BENCH_CHILDREN sets the
 * size (default 1000 children of the synthetic feed, about 2,500 notifications; `npm run bench --
 * --quick`: 300).
 */
const QUICK = process.env.BENCH_QUICK === '1';
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? (QUICK ? 300 : 1000));
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

/** Each processor's lag behind the store's head, from /health. */
async function lags(app: Parameters<typeof api>[0]): Promise<Record<string, number>> {
  const health = (await api(app).get('/health').set('Authorization', admin)).body as Json;
  return (health.details?.eventProcessing?.processors ?? { unknown: 1 }) as Record<string, number>;
}

async function untilCaughtUp(app: Parameters<typeof api>[0], timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Object.values(await lags(app)).every((lag) => lag === 0)) return;
    if (Date.now() > deadline) throw new Error('processors did not catch up');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('measures notifications per second and replay events per second on PostgreSQL', async () => {
  const db = await freshPostgresDatabase();
  const config = testConfig({ kind: 'postgres', url: db.url });
  // The synthetic police feed (scripts/synthetic-feed.js): repeat children, absences, late finds.
  const feed = syntheticFeed({ seed: 1, children: CHILDREN, days: 14 });
  const notifications = feed.notifications.length;
  const refused: string[] = [];
  const peak = peakRss();
  const app = await startHomeward(config);
  let head = 0;
  let acceptedPerSecond = 0;
  let endToEndPerSecond = 0;
  let endToEndEventsPerSecond = 0;
  let replayEventsPerSecond = 0;
  let processorSeconds: Record<string, number> = {};
  let replayProcessorSeconds: Record<string, number> = {};
  try {
    const started = Date.now();
    // Children in parallel, each child's notifications in the order they happened.
    await allInBatches(feed.children, async (sequence) => {
      for (const notification of sequence) {
        const res = await api(app)
          .post('/api/v1/police/notifications')
          .set('Authorization', police)
          .send(notification);
        if (res.status !== 202) refused.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
    });
    const accepted = Date.now();
    // Where the end-to-end time goes: the processors furthest behind once intake is done.
    const behind = await lags(app);
    console.log(
      `bench: furthest behind when the last notification was accepted: ${Object.entries(behind)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([name, lag]) => `${name} ${lag}`)
        .join(', ')} (events behind the head)`,
    );
    await untilCaughtUp(app);
    const done = Date.now();
    console.log(
      `bench: ${notifications} notifications accepted in ${accepted - started} ms ` +
        `(${Math.round((notifications * 1000) / (accepted - started))}/s); every projection and ` +
        `reactor caught up after ${done - started} ms ` +
        `(${Math.round((notifications * 1000) / (done - started))} notifications/s end to end)`,
    );
    head = ((await api(app).get('/health').set('Authorization', admin)).body as Json).details
      .eventStore.headPosition as number;
    acceptedPerSecond = Math.round((notifications * 1000) / (accepted - started));
    endToEndPerSecond = Math.round((notifications * 1000) / (done - started));
    endToEndEventsPerSecond = Math.round((head * 1000) / (done - started));
    processorSeconds = await secondsByProcessor(app.get(HomewardMetrics));
    console.log(
      `bench: seconds each processor spent handling its batches, of ${((done - started) / 1000).toFixed(1)} s end to end: ` +
        Object.entries(processorSeconds)
          .slice(0, 8)
          .map(([name, seconds]) => `${name} ${seconds}`)
          .join(', '),
    );
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
    replayEventsPerSecond = Math.round((head * 1000) / ms);
    replayProcessorSeconds = await secondsByProcessor(again.get(HomewardMetrics));
    console.log(
      `bench: seconds each processor spent in the replay: ` +
        Object.entries(replayProcessorSeconds)
          .slice(0, 8)
          .map(([name, seconds]) => `${name} ${seconds}`)
          .join(', '),
    );
  } finally {
    await again.close();
  }

  const ceilings = await measureCeilings({
    concurrency: CONCURRENCY,
    singleRows: QUICK ? 3000 : 10_000,
    batchedRows: QUICK ? 50_000 : 200_000,
  });
  const postgresVersion = await serverVersion(db.url);
  await db.drop();
  const rssPeakMiB = peak.stop();
  const figures = [
    figure('notifications accepted over HTTP', acceptedPerSecond, '/s', {
      name: `single-row transactions at ${CONCURRENCY} in flight`,
      value: ceilings.singleRowTransactionsPerSecond,
    }),
    figure('end to end, events', endToEndEventsPerSecond, 'events/s', {
      name: 'batched inserts of the same row shape',
      value: ceilings.batchedInsertRowsPerSecond,
    }),
    figure('replay of every projection and reactor', replayEventsPerSecond, 'events/s', {
      name: 'keyset read of the same rows',
      value: ceilings.keysetReadRowsPerSecond,
    }),
  ];
  console.log(
    [
      `bench: ${notifications} notifications (${head} events), ${CONCURRENCY} in flight, ` +
        `${endToEndPerSecond} notifications/s end to end, peak RSS ${rssPeakMiB} MiB`,
      '| figure | Homeward | raw ceiling, same machine, same run | share |',
      '|---|---|---|---|',
      ...figures.map(
        (f) =>
          `| ${f.name} | ${f.value} ${f.unit} | ${f.ceiling.value}/s ${f.ceiling.name} | ${f.share} |`,
      ),
    ].join('\n'),
  );
  const results = {
    figures,
    endToEndNotificationsPerSecond: endToEndPerSecond,
    events: head,
    notifications: notifications,
    concurrency: CONCURRENCY,
    quick: QUICK,
    rssPeakMiB,
    processorSeconds,
    replayProcessorSeconds,
    postgres: postgresVersion,
  };
  recordFigures(results);
  expect(refused).toEqual([]);
  expect(head).toBeGreaterThan(notifications);
});

/**
 * The same feed through Kafka: every notification published to the police topic (keyed
 * `<force>/<policeReference>`, as the contract says), taken by intake's consumer, until every
 * projection and reactor has caught up; beside a raw produce-and-consume of the same messages.
 */
it('measures notifications per second end to end through Kafka on PostgreSQL', async () => {
  await requireKafka();
  const brokers = TEST_KAFKA_BROKERS.split(',');
  const db = await freshPostgresDatabase();
  const namespace = `bench-${Date.now().toString(36)}`;
  const config = testConfig(
    { kind: 'postgres', url: db.url },
    { kafka: { brokers, clientId: 'homeward-bench', namespace } },
  );
  const feed = syntheticFeed({ seed: 1, children: CHILDREN, days: 14 });
  // Rounds: every child's first notification, then every child's second, and so on, each
  // round published once intake has taken the one before. A child's notifications are days
  // apart in the feed, and the contract keeps only one episode's (one key's) in order: sent all
  // at once, a child's next report would race the previous episode's found on another partition.
  const rounds: Array<Array<{ key: string; value: string }>> = [];
  for (const sequence of feed.children) {
    sequence.forEach((n, i) =>
      (rounds[i] ??= []).push({ key: `${n.force}/${n.policeReference}`, value: JSON.stringify(n) }),
    );
  }
  const messages = rounds.flat();
  const bus = new KafkaMessageBus({ brokers, clientId: 'homeward-bench-police', namespace });
  const app = await startHomeward(config);
  let perSecond = 0;
  let outcomes: Record<string, number> = {};
  try {
    const metrics = app.get(HomewardMetrics);
    const started = Date.now();
    const deadline = Date.now() + 600_000;
    let published = 0;
    for (const round of rounds) {
      for (let i = 0; i < round.length; i += 500) {
        await bus.publish(POLICE_NOTIFICATIONS_TOPIC, round.slice(i, i + 500));
      }
      published += round.length;
      for (;;) {
        outcomes = await kafkaOutcomes(metrics);
        const taken = Object.values(outcomes).reduce((a, b) => a + b, 0);
        if (taken >= published) break;
        if (Date.now() > deadline) throw new Error(`intake took ${taken} of ${published}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    await untilCaughtUp(app);
    const ms = Date.now() - started;
    perSecond = Math.round((messages.length * 1000) / ms);
    console.log(
      `bench: ${messages.length} notifications through Kafka in ${rounds.length} rounds, ` +
        `every projection and reactor ` +
        `caught up after ${ms} ms (${perSecond} notifications/s end to end); outcomes ` +
        JSON.stringify(outcomes),
    );
  } finally {
    await bus.close();
    await app.close();
    await db.drop();
  }
  const partitions =
    HOMEWARD_TOPICS.find((t) => t.topic === POLICE_NOTIFICATIONS_TOPIC)?.partitions ?? 1;
  const ceiling = await measureKafkaCeiling({ brokers, messages, partitions });
  const kafka = figure('end to end through Kafka, notifications', perSecond, '/s', {
    name: 'kafkajs produce and consume of the same messages',
    value: ceiling,
  });
  console.log(
    `| ${kafka.name} | ${kafka.value} ${kafka.unit} | ${kafka.ceiling.value}/s ${kafka.ceiling.name} | ${kafka.share} |`,
  );
  recordFigures({ figures: [kafka], kafkaOutcomes: outcomes });
  expect(outcomes.rejected ?? 0).toBe(0);
});

/** Police notifications taken from Kafka so far, by outcome (accepted, duplicate, rejected). */
async function kafkaOutcomes(metrics: HomewardMetrics): Promise<Record<string, number>> {
  const { values } = await metrics.notifications.get();
  return Object.fromEntries(
    values
      .filter((v) => v.labels.channel === 'KAFKA')
      .map((v) => [String(v.labels.outcome), v.value]),
  );
}

/** Seconds each processor spent in its batches, most first (homeward_processor_batch_duration). */
async function secondsByProcessor(metrics: HomewardMetrics): Promise<Record<string, number>> {
  const { values } = await metrics.processorBatchDuration.get();
  return Object.fromEntries(
    values
      .filter((v) => v.metricName?.endsWith('_sum'))
      .map((v) => [String(v.labels.processor), Math.round(v.value * 10) / 10] as const)
      .sort((a, b) => b[1] - a[1]),
  );
}

function figure(
  name: string,
  value: number,
  unit: string,
  ceiling: { name: string; value: number },
) {
  const share = `${((value / ceiling.value) * 100).toFixed(1)} %`;
  return { name, value, unit, ceiling, share };
}

/** The highest resident set size of this process while the bench ran, in MiB. */
function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const pg = new PostgresDatabase({ connectionString: url });
  try {
    const [row] = await pg.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return row.v;
  } finally {
    await pg.close();
  }
}
