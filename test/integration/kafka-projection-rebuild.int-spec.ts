import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { childIdFor } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import {
  EventForwarder,
  EventProcessing,
  HOMEWARD_TOPICS,
  type HomewardConfig,
} from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, requireKafka } from '../support/servers';

/**
 * With EVENT_FEED=kafka, a projection that has never run (a new or renamed one, or one deleted to
 * be rebuilt) must still see all of history, although Kafka keeps only its retention's worth:
 * here every message recorded before it started is deleted from the topics first.
 */
describe('a projection rebuilt on the Kafka feed (real broker, real PostgreSQL)', () => {
  const namespace = `it-rebuild-${randomUUID().slice(0, 8)}`;
  const police = `Bearer ${tokenFor('police-system')}`;
  const projection = 'console.child-timeline';
  let db: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let app: INestApplication | undefined;
  const kafka = new Kafka({
    clientId: 'homeward-it-rebuild',
    brokers: TEST_KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const config = (overrides: Partial<HomewardConfig>) =>
    testConfig(
      { kind: 'postgres', url: db.url },
      {
        kafka: {
          brokers: TEST_KAFKA_BROKERS.split(','),
          clientId: `homeward-it-${randomUUID().slice(0, 6)}`,
          namespace,
        },
        ...overrides,
      },
    );
  const record = (body: object) =>
    api(app!).post('/api/v1/police/notifications').set('Authorization', police).send(body);
  const timelinePositions = async () =>
    (
      await sql.query<{ p: string }>(
        'SELECT global_position AS p FROM rm_child_timeline ORDER BY 1',
      )
    ).rows.map((r) => Number(r.p));

  beforeAll(async () => {
    await requireKafka();
    db = await freshPostgresDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await app?.close();
    await sql?.end();
    await db?.drop();
  });

  it('has every row, though the topics no longer hold the early events', async () => {
    // History, recorded and forwarded to Kafka by a Homeward on the store feed.
    app = await startHomeward(config({ eventFeed: 'store' }));
    for (let i = 0; i < 6; i++) {
      const missing = missingReported();
      expect((await record(missing)).status).toBeLessThan(300);
      expect((await record(childFound(missing))).status).toBeLessThan(300);
    }
    // Until it is quiet: reactors append events of their own (alerts) after the notifications.
    let head = -1;
    for (let seen = 0; seen !== head;) {
      seen = head;
      await new Promise((r) => setTimeout(r, 500));
      head = await app.get<EventStore>(EVENT_STORE).headPosition();
      await app.get(EventProcessing).waitForAll(head, 20_000);
      await eventually(async () => {
        if (app!.get(EventForwarder).position < head) throw new Error('not all forwarded yet');
      }, 20_000);
    }
    const history = await timelinePositions();
    await app.close();
    app = undefined;

    // Kafka's retention passes: the early messages are gone from every topic.
    const admin = kafka.admin();
    await admin.connect();
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: `${namespace}.homeward.episodes.v1` }],
    });
    const retention = described.resources[0].configEntries.find(
      (c) => c.configName === 'retention.ms',
    );
    expect(retention?.configValue).toBe(String(7 * 24 * 3600_000));
    for (const { topic } of HOMEWARD_TOPICS) {
      const physical = `${namespace}.${topic}`;
      const offsets = await admin.fetchTopicOffsets(physical);
      await admin.deleteTopicRecords({
        topic: physical,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      });
    }
    await admin.disconnect();

    // The projection is new: no rows, no checkpoint. Homeward now runs on the Kafka feed.
    await sql.query('TRUNCATE rm_child_timeline');
    await sql.query('DELETE FROM hw_checkpoints WHERE name LIKE $1', [`${projection}%`]);
    app = await startHomeward(config({ eventFeed: 'kafka' }));

    // And life goes on: an event after it started comes through Kafka.
    const later = missingReported();
    expect((await record(later)).status).toBeLessThan(300);
    const laterChild = childIdFor(later.force, later.child.policePersonId);

    const rebuilt = await eventually(async () => {
      // (Before the fix, it only ever had what came through Kafka.)
      const rows = await timelinePositions();
      const { rowCount } = await sql.query('SELECT 1 FROM rm_child_timeline WHERE child_id = $1', [
        laterChild,
      ]);
      if (!rowCount) throw new Error(`the later event is not there yet (${rows.length} rows)`);
      return rows;
    }, 20_000);
    console.log(
      `history: ${history.length} timeline rows; rebuilt on the Kafka feed: ` +
        `${rebuilt.filter((p) => p <= head).length} of them, and ${rebuilt.filter((p) => p > head).length} after`,
    );
    expect(rebuilt.filter((p) => p <= head)).toEqual(history);
    expect(new Set(rebuilt).size).toBe(rebuilt.length);
  }, 120_000);
});
