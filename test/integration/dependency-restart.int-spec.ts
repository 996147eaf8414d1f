import { DEFAULT_POLICY } from '@homeward/domain';
import { startDedicatedPostgres, type DedicatedPostgres } from '../support/dedicated-postgres';
import { startDedicatedRedis, type DedicatedRedis } from '../support/dedicated-redis';
import { freePort } from '../support/free-port';
import { eventually, tokenFor, TEST_PURPOSE } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { startService, stopService, type ServiceProcess } from '../support/service-process';

/**
 * The built all-in-one Homeward keeps running while its PostgreSQL and its Redis are killed
 * (SIGKILL, a crash) and started again on the same port: `/health` says which one is down (503)
 * while it is, the app answers again on its own once it is back, nothing it accepted is lost, and
 * a deadline whose alarm was in the Redis that lost everything still fires. Both servers belong to
 * this file alone (temporary directories, free ports); the shared ones are never touched.
 */
jest.setTimeout(150_000);

const HOUR_MS = 3600_000;
const NOTIFICATIONS = '/api/v1/police/notifications';
const police = `Bearer ${tokenFor('police-system')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

type HealthBody = {
  status: string;
  error?: Record<string, { status: string; message?: string }>;
  info?: Record<string, { status: string; parked?: Record<string, number> }>;
};
type QueueItem = { interviewId: string; childId: string; dueAt: string; breached: boolean };
/** A timeline entry: when a breach is detected is when it occurred. */
type TimelineEntry = { type: string; occurredAt: string };

let postgres: DedicatedPostgres | undefined;
let redis: DedicatedRedis | undefined;
let homeward: ServiceProcess | undefined;

beforeAll(async () => {
  postgres = await startDedicatedPostgres();
  // No persistence: the kill loses every key, so deadlines must come back from the read model.
  redis = await startDedicatedRedis({ appendonly: false });
  homeward = await startService('homeward', await freePort(), {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
  });
}, 90_000);

afterAll(async () => {
  if (homeward) {
    const errors = homeward
      .output()
      .split('\n')
      .filter((line) => /error|unhandled|exit/i.test(line));
    console.log(`homeward's log lines naming errors (last 40):\n${errors.slice(-40).join('\n')}`);
    await stopService(homeward);
  }
  await postgres?.destroy();
  await redis?.destroy();
});

const app = () => {
  if (!homeward) throw new Error('homeward did not start');
  return homeward;
};
const alive = () => app().process.exitCode === null && app().process.signalCode === null;
const assertAlive = () => {
  if (!alive()) throw new Error(`homeward exited (${exitOf()}):\n${app().output().slice(-4000)}`);
};
const exitOf = () => `code ${app().process.exitCode}, signal ${app().process.signalCode}`;

async function health(): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`${app().url}/health`, {
    // The details (which dependency is down) are for an admin only.
    headers: { Authorization: `Bearer ${tokenFor('admin')}` },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as HealthBody };
}

async function post(body: unknown): Promise<{ status: number; childId?: string }> {
  try {
    const res = await fetch(`${app().url}${NOTIFICATIONS}`, {
      method: 'POST',
      headers: { Authorization: police, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await res.json().catch(() => ({}))) as { childId?: string };
    return { status: res.status, childId: json.childId };
  } catch {
    return { status: 0 }; // no answer at all (the process is gone, or it hung): never "accepted"
  }
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${app().url}${path}`, {
    headers: { Authorization: manager, 'X-Purpose': TEST_PURPOSE },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** What Homeward said it accepted (2xx): every one of these must be there in the end. */
const accepted = { found: new Set<string>(), missingOnly: new Set<string>() };

/** A child reported missing and found; returns what Homeward answered to each. */
async function childMissingAndFound(returnedAtMs = Date.now() - HOUR_MS) {
  const missing = missingReported({
    occurredAt: new Date(returnedAtMs - 10 * HOUR_MS).toISOString(),
  });
  const reported = await post(missing);
  if (reported.status < 200 || reported.status >= 300) return { reported, found: undefined };
  accepted.missingOnly.add(reported.childId!);
  const found = await post(
    childFound(missing, {
      occurredAt: new Date(returnedAtMs - 15 * 60_000).toISOString(),
      returnedAt: new Date(returnedAtMs).toISOString(),
    }),
  );
  if (found.status >= 200 && found.status < 300) {
    accepted.missingOnly.delete(reported.childId!);
    accepted.found.add(reported.childId!);
  }
  return { reported, found, childId: reported.childId! };
}

/**
 * Police traffic all through a fault, from a few senders at once so that transactions are in
 * flight when the server dies: what was answered, by status.
 */
function trafficDuring(senders = 4) {
  const statuses: number[] = [];
  let running = true;
  const send = async () => {
    while (running && alive()) {
      const { reported, found } = await childMissingAndFound();
      statuses.push(reported.status, ...(found ? [found.status] : []));
      await sleep(100);
    }
  };
  const done = Promise.all(Array.from({ length: senders }, send));
  return {
    stop: async () => {
      running = false;
      await done;
      return statuses;
    },
  };
}

/** Every child whose found notification was answered 2xx has an interview; every other one its report. */
async function expectNothingLost(): Promise<void> {
  await eventually(async () => {
    const queue = await get<QueueItem[]>('/api/v1/interviews');
    const missing = [...accepted.found].filter((id) => !queue.some((i) => i.childId === id));
    if (missing.length > 0) throw new Error(`no interview yet for ${missing.join(', ')}`);
  }, 30_000);
  for (const childId of accepted.missingOnly) {
    await eventually(async () => {
      const timeline = await get<TimelineEntry[]>(`/api/v1/children/${childId}/timeline`);
      if (!timeline.some((e) => e.type === 'MissingEpisodeReported'))
        throw new Error(`child ${childId}: the accepted missing report is not on the timeline`);
    }, 30_000);
  }
}

async function expectDown(dependency: string): Promise<HealthBody> {
  return eventually(async () => {
    assertAlive();
    const { status, body } = await health();
    if (status !== 503 || body.error?.[dependency]?.status !== 'down')
      throw new Error(`health ${status} ${JSON.stringify(body)}: ${dependency} not reported down`);
    return body;
  }, 15_000);
}

async function expectHealthy(timeoutMs: number): Promise<HealthBody> {
  return eventually(async () => {
    assertAlive();
    const { status, body } = await health();
    if (status !== 200) throw new Error(`health ${status} ${JSON.stringify(body.error)}`);
    return body;
  }, timeoutMs);
}

describe('the all-in-one Homeward while its PostgreSQL and its Redis crash and come back', () => {
  it('survives PostgreSQL being killed, says so in /health, recovers on its own and loses nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await childMissingAndFound()).found?.status).toBe(202);
    await expectNothingLost();

    const traffic = trafficDuring();
    await sleep(300);
    const killedAt = Date.now();
    await postgres!.kill();
    const down = await expectDown('database');
    expect(alive()).toBe(true);
    await sleep(killedAt + 3_000 - Date.now());
    assertAlive();
    await postgres!.restart();
    const restartedAt = Date.now();
    await expectHealthy(30_000);
    const healthyAt = Date.now();
    const statuses = await traffic.stop();

    for (let i = 0; i < 2; i++) expect((await childMissingAndFound()).found?.status).toBe(202);
    await expectNothingLost();
    const body = await expectHealthy(5_000);
    expect(body.info?.eventProcessing?.parked).toEqual({});
    // An outage is the server's, not the sender's: 503 (resend), never a 500.
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    console.log(
      `PostgreSQL killed and restarted ${restartedAt - killedAt} ms later: health said ` +
        `${JSON.stringify(down.error?.database)} while it was down, 200 again ${healthyAt - restartedAt} ms ` +
        `after the restart; answers to police traffic during the fault: ${summary(statuses)}; ` +
        `${accepted.found.size} found and ${accepted.missingOnly.size} missing-only children accepted, none lost`,
    );
    expect(alive()).toBe(true);
  });

  it('survives Redis being killed (losing every key), recovers on its own, and its deadlines still fire', async () => {
    const { deadlineHours } = DEFAULT_POLICY.returnInterview;
    /** A child returned so long ago that its 72-hour deadline is `aheadMs` from now. */
    const dueIn = async (aheadMs: number) => {
      const returnedAtMs = Date.now() - deadlineHours * HOUR_MS + aheadMs;
      const { found, childId } = await childMissingAndFound(returnedAtMs);
      expect(found?.status).toBe(202);
      return { childId: childId!, dueAtMs: returnedAtMs + deadlineHours * HOUR_MS };
    };
    const duringOutage = await dueIn(6_000);
    const afterOutage = await dueIn(12_000);
    await eventually(async () => {
      const queue = await get<QueueItem[]>('/api/v1/interviews');
      for (const { childId } of [duringOutage, afterOutage])
        if (!queue.some((i) => i.childId === childId)) throw new Error('not scheduled yet');
    });

    // Killed 2 s before the first deadline, back 1 s after it; the second is due ~4 s later.
    await sleep(duringOutage.dueAtMs - 2_000 - Date.now());
    const killedAt = Date.now();
    await redis!.kill();
    const down = await expectDown('scheduler');
    // Intake does not need Redis: the police are still answered.
    const acceptedWhileDown = await childMissingAndFound();
    expect(acceptedWhileDown.found?.status).toBe(202);
    await sleep(killedAt + 3_000 - Date.now());
    assertAlive();
    expect(Date.now()).toBeGreaterThan(duringOutage.dueAtMs);
    await redis!.restart();
    const restartedAt = Date.now();
    expect(restartedAt).toBeLessThan(afterOutage.dueAtMs);
    await expectHealthy(30_000);
    const healthyAt = Date.now();

    // Both deadlines fire, once each, though their alarms went with Redis's memory.
    const breaches: string[] = [];
    for (const { childId, dueAtMs } of [duringOutage, afterOutage]) {
      const breach = await eventually(async () => {
        assertAlive();
        const timeline = await get<TimelineEntry[]>(`/api/v1/children/${childId}/timeline`);
        const found = timeline.filter((e) => e.type === 'ReturnInterviewDeadlineBreached');
        if (found.length === 0) throw new Error(`child ${childId}: deadline not breached yet`);
        return found;
      }, 30_000);
      expect(breach).toHaveLength(1);
      const detectedAtMs = Date.parse(breach[0].occurredAt);
      expect(detectedAtMs).toBeGreaterThanOrEqual(dueAtMs);
      breaches.push(`${detectedAtMs - dueAtMs} ms after it was due`);
    }
    expect((await childMissingAndFound()).found?.status).toBe(202);
    await expectNothingLost();
    const body = await expectHealthy(5_000);
    expect(body.info?.eventProcessing?.parked).toEqual({});
    console.log(
      `Redis killed (no persistence) and restarted ${restartedAt - killedAt} ms later: health said ` +
        `${JSON.stringify(down.error?.scheduler)} while it was down, 200 again ${healthyAt - restartedAt} ms ` +
        `after the restart; deadline due during the outage breached ${breaches[0]}, ` +
        `the one due after it ${breaches[1]}`,
    );
    expect(alive()).toBe(true);
  });
});

function summary(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].map(([s, n]) => `${n}× ${s === 0 ? 'no answer' : s}`).join(', ');
}
