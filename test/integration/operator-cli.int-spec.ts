import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, PostgresDatabase, type EventStore } from '@homeward/event-store';
import { KafkaMessageBus } from '@homeward/messaging';
import { EventProcessing, POLICE_NOTIFICATIONS_TOPIC } from '@homeward/platform';
import { runCli } from '../support/cli';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, requireKafka } from '../support/servers';

/**
 * The built operator CLI, in its own process, against a Homeward running on a real PostgreSQL
 * and a real Kafka broker: a projection rebuilt while the app serves the others, a parked event
 * replayed, a police DLQ message re-published, deadlines re-armed, and bad arguments refused.
 */
describe('operator CLI (real PostgreSQL, real Kafka, Homeward running)', () => {
  let app: INestApplication;
  let db: PostgresDatabase;
  let bus: KafkaMessageBus;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  const tmp = mkdtempSync(join(tmpdir(), 'homeward-cli-it-'));
  const police = `Bearer ${tokenFor('police-system')}`;
  const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
  const namespace = `it-cli-${randomUUID().slice(0, 8)}`;

  const cli = async (...args: string[]) => {
    const run = await runCli(args, env);
    console.log(`$ homeward ${args.join(' ')} -> exit ${run.code}\n${run.stdout}${run.stderr}`);
    return run;
  };
  const queue = () =>
    db.query<Record<string, unknown>>(`SELECT * FROM rm_interview_queue_v2 ORDER BY interview_id`);
  const notify = (body: object) =>
    api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);

  beforeAll(async () => {
    await requireKafka();
    const fresh = await freshPostgresDatabase();
    drop = fresh.drop;
    db = new PostgresDatabase({ connectionString: fresh.url });
    const brokers = TEST_KAFKA_BROKERS.split(',');
    app = await startHomeward(
      testConfig(
        { kind: 'postgres', url: fresh.url },
        { kafka: { brokers, clientId: `homeward-it-${randomUUID().slice(0, 6)}`, namespace } },
      ),
    );
    // A poison event is parked after a few quick tries rather than the production 20 s.
    app.get(EventProcessing).retryBudget = { attempts: 2, firstDelayMs: 10, maxDelayMs: 20 };
    bus = new KafkaMessageBus({ brokers, clientId: 'homeward-it-cli-police', namespace });
    env = {
      DATABASE_URL: fresh.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS,
      KAFKA_NAMESPACE: namespace,
      DATA_DIR: join(tmp, 'unused'),
    };
    for (let i = 0; i < 5; i++) {
      const missing = missingReported({ riskLevel: i % 2 ? 'HIGH' : 'LOW' });
      await notify(missing).expect(202);
      await notify(childFound(missing)).expect(202);
    }
    await eventually(async () => expect(await queue()).toHaveLength(5), 20_000);
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await app?.close();
    await db?.close();
    await drop?.();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists the projections with their checkpoint and lag', async () => {
    const { code, stdout } = await cli('projections', 'list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^interviews\.queue\.v2\s+\d+\s+\d+\s+0\s+rm_interview_queue_v2$/m);
    expect(stdout).toMatch(/^safeguarding\.contextual\s+\d+/m);
  });

  it('rebuilds interviews.queue.v2 while the app runs: the queue comes back identical', async () => {
    const before = await queue();
    const timelineRows = await db.query('SELECT count(*)::int AS n FROM rm_child_timeline');
    const { code, stdout } = await cli(
      'projections',
      'rebuild',
      'interviews.queue.v2',
      '--wait',
      '--timeout',
      '60',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'interviews.queue.v2: dropped rm_interview_queue_v2 and created them again',
    );
    expect(stdout).toMatch(/interviews\.queue\.v2: replayed to \d+/);
    expect(await queue()).toEqual(before);
    // The other projections were never touched, and the app goes on serving and projecting.
    expect(await db.query('SELECT count(*)::int AS n FROM rm_child_timeline')).toEqual(
      timelineRows,
    );
    const missing = missingReported();
    await notify(missing).expect(202);
    await notify(childFound(missing)).expect(202);
    await eventually(async () => {
      const { body } = await api(app).get('/api/v1/interviews').set('Authorization', coordinator);
      expect(body).toHaveLength(6);
    }, 20_000);
  }, 120_000);

  it('lists a parked event and retries it: the processor replays from just before it', async () => {
    // An event the queue projection cannot read (no interview id): poison, so it is parked.
    const store = app.get<EventStore>(EVENT_STORE);
    const eventId = randomUUID();
    await store.appendToStream(`return-interview-${randomUUID()}`, [
      { eventId, type: 'ReturnInterviewScheduled', data: {}, metadata: {} },
    ]);
    const parkedId = async () => {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM hw_dead_letters WHERE processor = 'interviews.queue.v2' AND event_id = $1`,
        [eventId],
      );
      if (rows.length === 0) throw new Error('not parked yet');
      return Number(rows[0].id);
    };
    const first = await eventually(parkedId, 30_000);

    const listed = await cli('dead-letters', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${first}\\s+interviews\\.queue\\.v2\\s+ReturnInterviewScheduled ${eventId}`,
        'm',
      ),
    );

    const retried = await cli('dead-letters', 'retry', String(first));
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(
      /^interviews\.queue\.v2: 1 dead letter\(s\) \(\d+\) removed; checkpoint \d+ -> \d+/m,
    );
    // Replayed: still poison (nothing fixed it), so parked again under a new id; the queue as it was.
    const again = await eventually(parkedId, 30_000);
    expect(again).toBeGreaterThan(first);
    const { body } = await api(app).get('/api/v1/interviews').set('Authorization', coordinator);
    expect(body).toHaveLength(6);
  }, 120_000);

  it('lists a police message on the DLQ and re-publishes it corrected', async () => {
    const missing = missingReported();
    await bus.publish(POLICE_NOTIFICATIONS_TOPIC, [
      { key: `WMP/${missing.policeReference}`, value: '{"not": "a notification"' },
    ]);
    const listed = await eventually(async () => {
      const run = await cli('police-dlq', 'list');
      expect(run.stdout).toMatch(/MALFORMED/);
      return run;
    }, 60_000);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain('not'); // values are not shown: they name children
    const offset = /^(\d+)\s+0\s+WMP\//m.exec(listed.stdout)![1];

    const corrected = join(tmp, 'corrected.json');
    writeFileSync(corrected, JSON.stringify(missing));
    const resent = await cli('police-dlq', 'resend', offset, '--value-file', corrected);
    expect(resent.code).toBe(0);
    expect(resent.stdout).toContain(`re-published DLQ 0/${offset}`);
    expect(resent.stdout).toContain(`to ${namespace}.${POLICE_NOTIFICATIONS_TOPIC}`);
    // Homeward takes the corrected message from the police topic: the episode is recorded.
    await eventually(async () => {
      const rows = await db.query(
        `SELECT 1 FROM hw_events WHERE event_type = 'MissingEpisodeReported' AND data->>'policeReference' = $1`,
        [missing.policeReference],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
  }, 180_000);

  it('asks the running Homeward to re-arm every open deadline', async () => {
    const { code, stdout } = await cli('deadlines', 'rearm', '--wait', '10');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^all: re-armed every open deadline \(2 kinds\)/m);
  }, 60_000);

  it.each([
    [
      ['projections', 'rebuild', 'interview-queue'],
      /no projection is called "interview-queue"; the projections are: .*interviews\.queue\.v2/,
    ],
    [['projections', 'rebuild'], /missing required argument 'name'/],
    [['dead-letters', 'retry'], /give dead letter ids, or --all/],
    [['dead-letters', 'retry', '999999'], /no dead letter has id 999999/],
    [['police-dlq', 'resend', 'x'], /"x" is not an offset/],
    [
      ['police-dlq', 'resend', '999999'],
      /the police DLQ has no message at partition 0 offset 999999/,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])(
    'refuses %j with a clear message and exit 2',
    async (args, message) => {
      const { code, stderr } = await cli(...args);
      expect(stderr).toMatch(message);
      expect(code).toBe(2);
    },
    60_000,
  );
});
