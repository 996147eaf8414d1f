import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { childIdFor } from '@homeward/domain';
import { KafkaMessageBus } from '@homeward/messaging';
import { POLICE_NOTIFICATIONS_TOPIC } from '@homeward/platform';
import { startDedicatedKafka, type DedicatedKafka } from '../support/dedicated-kafka';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';

/**
 * The broker crashes under a running Homeward and comes back: the police consumer, the
 * forwarder's producer and the Kafka-fed projections carry on by themselves, and nothing
 * accepted before the crash is lost. On a broker of this test's own (never the shared one).
 */
describe('Kafka going away and coming back (own broker, real PostgreSQL)', () => {
  const namespace = `it-restart-${randomUUID().slice(0, 8)}`;
  const police = `Bearer ${tokenFor('police-system')}`;
  let kafka: DedicatedKafka;
  let db: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let app: INestApplication;
  let policeSystem: KafkaMessageBus;
  const exits: string[] = [];
  const onExit = (code: number) => exits.push(`exit ${code}`);

  beforeAll(async () => {
    process.on('exit', onExit);
    kafka = await startDedicatedKafka();
    db = await freshPostgresDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const brokers = kafka.brokers.split(',');
    // The Kafka feed, so every projection is a consumer of the broker that goes away.
    app = await startHomeward(
      testConfig(
        { kind: 'postgres', url: db.url },
        { eventFeed: 'kafka', kafka: { brokers, clientId: 'homeward-it-restart', namespace } },
      ),
    );
    policeSystem = new KafkaMessageBus({ brokers, clientId: 'homeward-it-police', namespace });
  }, 240_000);
  afterAll(async () => {
    process.off('exit', onExit);
    await policeSystem?.close();
    await app?.close();
    await sql?.end();
    await db?.drop();
    await kafka?.remove();
  }, 60_000);

  const publish = (n: ReturnType<typeof missingReported>) =>
    policeSystem.publish(POLICE_NOTIFICATIONS_TOPIC, [
      { key: `${n.force}/${n.policeReference}`, value: JSON.stringify(n) },
    ]);
  /** On the child's timeline: recorded, forwarded to Kafka and consumed from it again. */
  const onTimeline = async (n: ReturnType<typeof missingReported>) => {
    const child = childIdFor(n.force, n.child.policePersonId);
    const { rowCount } = await sql.query('SELECT 1 FROM rm_child_timeline WHERE child_id = $1', [
      child,
    ]);
    return (rowCount ?? 0) > 0;
  };
  const allOnTimeline = async (notifications: Array<ReturnType<typeof missingReported>>) => {
    const missing: string[] = [];
    for (const n of notifications) if (!(await onTimeline(n))) missing.push(n.policeReference);
    if (missing.length > 0) throw new Error(`not on the timeline yet: ${missing.join(', ')}`);
  };

  it('records what was published before the crash, during it and after it', async () => {
    const before = missingReported();
    await publish(before);
    await eventually(() => allOnTimeline([before]), 30_000);

    // Accepted by the broker (acks from all replicas), perhaps not yet consumed, then the crash.
    const justBefore = missingReported();
    await publish(justBefore);
    await kafka.kill();
    const killedAt = Date.now();

    // Over HTTP while the broker is down: stored, so it must reach Kafka once it is back.
    const during = missingReported();
    const accepted = await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(during);
    expect(accepted.status).toBeLessThan(300);

    await new Promise((r) => setTimeout(r, 3000));
    await kafka.restart();
    console.log(`broker back ${Date.now() - killedAt} ms after the SIGKILL`);

    const after = missingReported();
    await publish(after);
    const back = Date.now();
    await eventually(() => allOnTimeline([before, justBefore, during, after]), 90_000);
    console.log(`all four on the timeline ${Date.now() - back} ms after the broker came back`);
    expect(exits).toEqual([]);
  }, 240_000);
});
