import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { childIdFor, episodeIdFor } from '@homeward/domain';
import { KafkaMessageBus } from '@homeward/messaging';
import {
  POLICE_NOTIFICATIONS_DLQ,
  POLICE_NOTIFICATIONS_TOPIC,
  eventTopic,
} from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import {
  TEST_KAFKA_BROKERS,
  readTopic as readPhysicalTopic,
  requireKafka,
} from '../support/servers';

/**
 * Police notifications through the real broker into a Homeward on a real PostgreSQL, and the
 * event store forwarded back out to Kafka.
 */
describe('Kafka intake and forwarding (real broker, real PostgreSQL)', () => {
  let app: INestApplication;
  let bus: KafkaMessageBus;
  let drop: () => Promise<void>;
  // The whole queue (a worker sees only what is allocated to them).
  const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
  // Own topics and groups: a message that blocked a partition here could block nobody else's run.
  const namespace = `it-intake-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await requireKafka();
    const db = await freshPostgresDatabase();
    drop = db.drop;
    app = await startHomeward(
      testConfig(
        { kind: 'postgres', url: db.url },
        {
          kafka: {
            brokers: TEST_KAFKA_BROKERS.split(','),
            clientId: `homeward-it-${randomUUID().slice(0, 6)}`,
            namespace,
          },
        },
      ),
    );
    bus = new KafkaMessageBus({
      brokers: TEST_KAFKA_BROKERS.split(','),
      clientId: 'homeward-it-police',
      namespace,
    });
  });
  afterAll(async () => {
    await bus?.close();
    await app?.close();
    await drop?.();
  });

  const publish = (body: { force: string; policeReference: string } | string, key = 'x') =>
    bus.publish(POLICE_NOTIFICATIONS_TOPIC, [
      typeof body === 'string'
        ? { key, value: body }
        : { key: `${body.force}/${body.policeReference}`, value: JSON.stringify(body) },
    ]);
  const readTopic = (topic: string, ...rest: DropFirst<Parameters<typeof readPhysicalTopic>>) =>
    readPhysicalTopic(`${namespace}.${topic}`, ...rest);
  const queue = async () =>
    (await api(app).get('/api/v1/interviews').set('Authorization', coordinator).expect(200))
      .body as Array<{
      episodeId: string;
      childId: string;
    }>;

  it('turns a missing and a found message into an interview in the queue, timed', async () => {
    const missing = missingReported({ riskLevel: 'HIGH' });
    const started = Date.now();
    await publish(missing);
    await publish(childFound(missing));
    const childId = childIdFor(missing.force, missing.child.policePersonId);
    const interview = await eventually(async () => {
      const mine = (await queue()).find((i) => i.childId === childId);
      if (!mine) throw new Error('not in the queue yet');
      return mine;
    }, 20_000);
    console.log(`Kafka → interview visible in the queue: ${Date.now() - started} ms`);
    expect(interview).toMatchObject({ priority: 'RED', status: 'SCHEDULED' });
  });

  it('records one episode when the same message arrives twice', async () => {
    const missing = missingReported();
    const episodeId = episodeIdFor(missing.force, missing.policeReference);
    const found = childFound(missing);
    await publish(missing);
    await publish(missing);
    await publish(found);
    await publish(found);
    const mineOf = (seen: Array<{ value: string }>) =>
      seen.filter((m) => m.value.includes(episodeId));
    const forwarded = await readTopic(eventTopic('episodes'), (seen) => mineOf(seen).length >= 2);
    expect(mineOf(forwarded).map((m) => (JSON.parse(m.value) as { type: string }).type)).toEqual([
      'MissingEpisodeReported',
      'ChildFound',
    ]);
    // Give a wrongly-accepted duplicate time to show up, then read the whole topic again.
    await new Promise((r) => setTimeout(r, 1000));
    const again = await readTopic(eventTopic('episodes'), () => false, 3000);
    expect(mineOf(again)).toHaveLength(2);
  });

  it('sends poison messages to the dead-letter topic with the reason, and carries on', async () => {
    const marker = randomUUID();
    await publish(`{"not json ${marker}`, `poison-${marker}`);
    const invalid = missingReported({ riskLevel: 'SEVERE', circumstances: marker });
    await publish(invalid);
    const orphan = childFound({ policeReference: `NEVER-${marker}` });
    await publish(orphan);
    const next = missingReported();
    await publish(next);

    const dlq = await readTopic(
      POLICE_NOTIFICATIONS_DLQ,
      (seen) => seen.filter((m) => m.value.includes(marker)).length >= 3,
    );
    const mine = dlq.filter((m) => m.value.includes(marker));
    expect(mine.map((m) => m.headers['x-error-reason']).sort()).toEqual([
      'INVALID',
      'MALFORMED',
      'RULE_VIOLATION',
    ]);
    const invalidEntry = mine.find((m) => m.headers['x-error-reason'] === 'INVALID')!;
    expect(JSON.parse(invalidEntry.headers['x-error'])).toEqual([
      { field: 'riskLevel', message: expect.stringContaining('HIGH') },
    ]);
    expect(
      mine.find((m) => m.headers['x-error-reason'] === 'RULE_VIOLATION')!.headers['x-error'],
    ).toContain(`NEVER-${marker}`);
    expect(mine[0].headers['x-original-topic']).toBe(POLICE_NOTIFICATIONS_TOPIC);

    const forwarded = await readTopic(eventTopic('episodes'), (seen) =>
      seen.some((m) => m.value.includes(next.policeReference)),
    );
    expect(forwarded.some((m) => m.value.includes(next.policeReference))).toBe(true);
  });

  it('dead-letters a message that makes parsing throw, and the next one on its partition is recorded within seconds', async () => {
    const marker = randomUUID();
    // Nesting this deep is valid JSON under the size limit, but class-transformer recurses once
    // per level and throws RangeError: an error that is neither InvalidCommand nor an outage.
    // (Written by hand: JSON.stringify itself overflows the stack at this depth.)
    const deep = `${'{"inner":'.repeat(5000)}{"description":"${marker}"}${'}'.repeat(5000)}`;
    const poisonBase = missingReported({ lastSeenLocation: 'DEEP' });
    const poison = JSON.stringify(poisonBase).replace('"DEEP"', deep);
    const good = missingReported({
      policeReference: poisonBase.policeReference.replace('MP-', 'OK-'),
    });
    const key = 'same-partition';
    await publish(poison, key);
    const published = Date.now();
    await publish(JSON.stringify(good), key);

    const goodEpisode = episodeIdFor(good.force, good.policeReference);
    const forwarded = await readTopic(
      eventTopic('episodes'),
      (seen) => seen.some((m) => m.value.includes(goodEpisode)),
      15_000,
    );
    console.log(
      `poison then good on one partition: good one forwarded ${forwarded.some((m) => m.value.includes(goodEpisode)) ? `after ${Date.now() - published} ms` : 'never (within 15 s)'}`,
    );
    expect(forwarded.some((m) => m.value.includes(goodEpisode))).toBe(true);

    const dlq = await readTopic(POLICE_NOTIFICATIONS_DLQ, (seen) =>
      seen.some((m) => m.value.includes(marker)),
    );
    const dead = dlq.find((m) => m.value.includes(marker));
    console.log(
      `poison on the DLQ: ${dead ? `${dead.headers['x-error-reason']}: ${dead.headers['x-error'].slice(0, 120)}` : 'no'}`,
    );
    expect(dead?.value).toBe(poison);
    // Another engineer's input-hygiene check will refuse the depth as INVALID; until then the
    // RangeError itself is the reason.
    expect(['INVALID', 'UNPROCESSABLE']).toContain(dead?.headers['x-error-reason']);
    expect(dead?.headers['x-error']).toBeTruthy();
    expect(dead?.headers['x-original-topic']).toBe(POLICE_NOTIFICATIONS_TOPIC);
  });
});

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;
