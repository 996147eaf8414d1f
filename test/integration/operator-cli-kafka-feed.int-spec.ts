import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { PostgresDatabase } from '@homeward/event-store';
import { runCli } from '../support/cli';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, requireKafka } from '../support/servers';

/**
 * `projections rebuild` with EVENT_FEED=kafka (how the separate services run): the running
 * consumer stops, the projection catches up from the store again, and it follows its topics
 * from the new boundary, so the queue comes back identical and later events still arrive.
 */
describe('operator CLI rebuild on the Kafka feed (real PostgreSQL, real Kafka)', () => {
  let app: INestApplication;
  let db: PostgresDatabase;
  let drop: () => Promise<void>;
  let url: string;
  const police = `Bearer ${tokenFor('police-system')}`;
  const queue = () =>
    db.query<Record<string, unknown>>(`SELECT * FROM rm_interview_queue_v2 ORDER BY interview_id`);
  const notify = (body: object) =>
    api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(body)
      .expect(202);
  const namespace = `it-cli-kafka-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await requireKafka();
    const fresh = await freshPostgresDatabase();
    ({ url, drop } = fresh);
    db = new PostgresDatabase({ connectionString: url });
    const brokers = TEST_KAFKA_BROKERS.split(',');
    app = await startHomeward(
      testConfig(
        { kind: 'postgres', url },
        {
          eventFeed: 'kafka',
          kafka: { brokers, clientId: `homeward-it-${randomUUID().slice(0, 6)}`, namespace },
        },
      ),
    );
    for (let i = 0; i < 3; i++) {
      const missing = missingReported();
      await notify(missing);
      await notify(childFound(missing));
    }
    await eventually(async () => expect(await queue()).toHaveLength(3), 60_000);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await drop?.();
  });

  it('rebuilds interviews.queue.v2 while its consumer runs: identical, and still following', async () => {
    const before = await queue();
    const run = await runCli(
      ['projections', 'rebuild', 'interviews.queue.v2', '--wait', '--timeout', '90'],
      { DATABASE_URL: url, KAFKA_BROKERS: TEST_KAFKA_BROKERS, KAFKA_NAMESPACE: namespace },
    );
    console.log(`exit ${run.code}\n${run.stdout}${run.stderr}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/interviews\.queue\.v2: replayed to \d+/);
    expect(await queue()).toEqual(before);
    const missing = missingReported();
    await notify(missing);
    await notify(childFound(missing));
    await eventually(async () => expect(await queue()).toHaveLength(4), 60_000);
  }, 180_000);
});
