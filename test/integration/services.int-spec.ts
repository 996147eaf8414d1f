import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childIdFor } from '@homeward/domain';
import { KafkaMessageBus } from '@homeward/messaging';
import { POLICE_NOTIFICATIONS_TOPIC } from '@homeward/platform';
import { eventually, tokenFor, TEST_PURPOSE } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, TEST_REDIS_URL, requireKafka } from '../support/servers';
import { startService, stopService, type ServiceProcess } from '../support/service-process';

/**
 * The four services as separate processes, talking only through Kafka, the event store
 * (PostgreSQL) and Redis. Deadlines are shortened by policy so a breach happens within the test.
 */
describe('Homeward as four services on real Kafka, Redis and PostgreSQL', () => {
  const DEADLINE_HOURS = 0.002; // 7.2 seconds
  // Both must be below the deadline (the policy file is refused otherwise): 3.6 seconds each.
  const UNALLOCATED_ALERT_HOURS = 0.001;
  const REMINDER_HOURS_BEFORE_DUE = 0.001;
  const dir = mkdtempSync(join(tmpdir(), 'homeward-services-'));
  // A coordinator's queue (a worker sees only interviews allocated to them).
  const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let bus: KafkaMessageBus;
  const services = new Map<string, ServiceProcess>();

  // Its own topics and consumer groups on the shared broker: nothing an earlier run (against a
  // database since dropped) left on the topics is read by this one.
  const namespace = `it-services-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await requireKafka();
    const db = await freshPostgresDatabase();
    drop = db.drop;
    const policyFile = join(dir, 'policy.json');
    writeFileSync(
      policyFile,
      JSON.stringify({
        returnInterview: {
          deadlineHours: DEADLINE_HOURS,
          unallocatedAlertHours: UNALLOCATED_ALERT_HOURS,
          reminderHoursBeforeDue: REMINDER_HOURS_BEFORE_DUE,
        },
      }),
    );
    env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS,
      REDIS_URL: TEST_REDIS_URL,
      POLICY_FILE: policyFile,
      KAFKA_NAMESPACE: namespace,
    };
    const ports = { intake: 3301, interviews: 3302, safeguarding: 3303, console: 3304 } as const;
    for (const name of ['intake', 'interviews', 'safeguarding', 'console'] as const) {
      services.set(name, await startService(name, ports[name], env));
    }
    bus = new KafkaMessageBus({
      brokers: TEST_KAFKA_BROKERS.split(','),
      clientId: 'homeward-it-police-system',
      namespace,
    });
  }, 180_000);

  afterAll(async () => {
    await bus?.close();
    for (const service of services.values()) await stopService(service);
    // Each service's own log, kept for reading when something here failed.
    const logs = mkdtempSync(join(tmpdir(), `homeward-${namespace}-logs-`));
    for (const service of services.values()) {
      writeFileSync(join(logs, `${service.name}.log`), service.output());
    }
    console.log(`four services: their logs are in ${logs}`);
    // Errors the services logged, so a failure in CI can be read without the files.
    const errors = [...services.values()].flatMap((service) =>
      service
        .output()
        .split('\n')
        .filter((line) => /\bERROR\b/.test(line))
        .slice(-20)
        .map((line) => `${service.name}: ${line}`),
    );
    if (errors.length > 0) console.log(`four services logged errors:\n${errors.join('\n')}`);
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const consoleGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${services.get('console')!.url}${path}`, {
      headers: { Authorization: coordinator, 'X-Purpose': TEST_PURPOSE },
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  type QueueItem = {
    interviewId: string;
    childId: string;
    breached: boolean;
    dueAt: string;
    priority: string;
  };
  const queue = () => consoleGet<QueueItem[]>('/api/v1/interviews');
  const timeline = (childId: string) =>
    consoleGet<Array<{ type: string; occurredAt: string }>>(`/api/v1/children/${childId}/timeline`);
  const publish = (...bodies: Array<{ force: string; policeReference: string }>) =>
    bus.publish(
      POLICE_NOTIFICATIONS_TOPIC,
      bodies.map((b) => ({ key: `${b.force}/${b.policeReference}`, value: JSON.stringify(b) })),
    );

  let firstChild: string;

  it('reports every dependency healthy on each service', async () => {
    for (const service of services.values()) {
      const health = (await (
        await fetch(`${service.url}/health`, {
          headers: { Authorization: `Bearer ${tokenFor('admin')}` },
        })
      ).json()) as {
        status: string;
        info: Record<string, { status: string }>;
      };
      expect(health.status).toBe('ok');
      // `lifecycle` is the process itself: up, or shutting down (then /health answers 503).
      expect(Object.keys(health.info).sort()).toEqual(
        ['database', 'eventProcessing', 'eventStore', 'kafka', 'lifecycle', 'scheduler'].sort(),
      );
    }
  });

  it('takes notifications from Kafka to the console queue and the child timeline', async () => {
    const missing = missingReported({ riskLevel: 'HIGH' });
    firstChild = childIdFor(missing.force, missing.child.policePersonId);
    const started = Date.now();
    await publish(
      missing,
      childFound(missing, {
        returnedAt: new Date().toISOString(),
        occurredAt: new Date().toISOString(),
      }),
    );
    const interview = await eventually(async () => {
      const mine = (await queue()).find((i) => i.childId === firstChild);
      if (!mine) throw new Error('not in the console queue yet');
      return mine;
    }, 60_000);
    console.log(
      `four services: Kafka → interview visible in the console queue in ${Date.now() - started} ms`,
    );
    expect(interview.priority).toBe('RED');
    // The queue and the timeline are separate consumer groups: each catches up on its own.
    const types = await eventually(async () => {
      const t = (await timeline(firstChild)).map((e) => e.type);
      if (t.length < 3) throw new Error('timeline not complete yet');
      return t;
    });
    expect(types.slice(0, 3)).toEqual([
      'MissingEpisodeReported',
      'ChildFound',
      'ReturnInterviewScheduled',
    ]);
  }, 90_000);

  it('raises the breach through BullMQ when the (shortened) deadline passes', async () => {
    const breached = await eventually(async () => {
      const mine = (await queue()).find((i) => i.childId === firstChild);
      if (!mine?.breached) throw new Error('not breached yet');
      return mine;
    }, 40_000);
    const breaches = (await timeline(firstChild)).filter(
      (e) => e.type === 'ReturnInterviewDeadlineBreached',
    );
    expect(breaches).toHaveLength(1);
    const event = breaches[0];
    const lateMs = Date.parse(event.occurredAt) - Date.parse(breached.dueAt);
    console.log(
      `four services: deadline breach recorded ${lateMs} ms after dueAt (BullMQ on Redis)`,
    );
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(5_000);
  }, 60_000);

  it('loses nothing and doubles nothing when intake is killed mid-stream and restarted', async () => {
    const batch = Array.from({ length: 25 }, () => missingReported());
    const children = batch.map((m) => childIdFor(m.force, m.child.policePersonId));
    await publish(...batch.flatMap((m) => [m, childFound(m)]));
    await new Promise((r) => setTimeout(r, 150));
    const intake = services.get('intake')!;
    await stopService(intake, 'SIGKILL');
    services.set('intake', await startService('intake', intake.port, env));

    const queued = await eventually(async () => {
      const mine = (await queue()).filter((i) => children.includes(i.childId));
      if (mine.length < children.length)
        throw new Error(`${mine.length}/${children.length} queued`);
      return mine;
    }, 60_000);
    expect(new Set(queued.map((i) => i.childId)).size).toBe(25);
    for (const childId of children) {
      const types = await eventually(async () => {
        const t = (await timeline(childId)).map((e) => e.type);
        if (!t.includes('ReturnInterviewScheduled')) throw new Error('timeline not complete yet');
        return t;
      });
      expect(types.filter((t) => t === 'MissingEpisodeReported')).toHaveLength(1);
      expect(types.filter((t) => t === 'ChildFound')).toHaveLength(1);
      expect(types.filter((t) => t === 'ReturnInterviewScheduled')).toHaveLength(1);
    }
  }, 120_000);

  it('keeps the interviews service honest across its own restart', async () => {
    const interviews = services.get('interviews')!;
    await stopService(interviews);
    const missing = missingReported();
    const childId = childIdFor(missing.force, missing.child.policePersonId);
    await publish(
      missing,
      childFound(missing, {
        policeReference: missing.policeReference,
        notificationId: randomUUID(),
      }),
    );
    services.set('interviews', await startService('interviews', interviews.port, env));
    await eventually(async () => {
      if (!(await queue()).some((i) => i.childId === childId)) throw new Error('not yet');
    }, 30_000);
  }, 90_000);
});
