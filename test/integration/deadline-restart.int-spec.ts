import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DEFAULT_POLICY } from '@homeward/domain';
import type { HomewardConfig } from '@homeward/platform';
import { DeadlineWatch } from '../../libs/interviews/src/return-interview-deadlines/deadline-watch.service';
import { deadlineWakeUpKey } from '../../libs/interviews/src/return-interview-deadlines/deadline-keys';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { isolatedRedis } from '../support/isolated-redis';

/**
 * The 72-hour clock survives the process: Homeward is stopped while a deadline passes and
 * started again on the same PostgreSQL and Redis, and the breach is raised within seconds, once.
 *
 * HomewardConfig has no BullMQ prefix or queue name, so this file runs in its own Redis logical
 * database (one that is empty when the file starts): no other test's wake-ups can reach these
 * workers, and these wake-ups reach nobody else's. Its keys are deleted at the end.
 */

/** The BullMQ adapter's defaults, as the app builds it (no prefix or queue name in the config). */
const TIMES_KEY = 'homeward:homeward-wake-ups:wake-up-times';
const HOUR_MS = 3600_000;
const NOTIFICATIONS = '/api/v1/police/notifications';

const police = `Bearer ${tokenFor('police-system')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager')}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const sleepUntil = (epochMs: number) => sleep(epochMs - Date.now());

type QueueItem = { interviewId: string; childId: string; dueAt: string; breached: boolean };
/** A timeline entry: when a breach is detected is when it occurred. */
type TimelineEntry = { type: string; occurredAt: string; details: { notifiedLate?: boolean } };
type AlertItem = {
  alertId: string;
  type: string;
  audience: string;
  childId: string | null;
  status: string;
};
type InterviewDetail = {
  interviewId: string;
  dueAt: string;
  reminderAt: string;
  unallocatedAlertAt: string;
  breached: boolean;
  escalations: Array<{ type: string; at: string }>;
};

let redisUrl: string;
let redis: Redis;

beforeAll(async () => {
  ({ url: redisUrl, client: redis } = await isolatedRedis());
});

afterAll(async () => {
  if (!redis) return;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'homeward:*', 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
});

describe('a return-interview deadline that passes while Homeward is stopped (BullMQ, PostgreSQL)', () => {
  const { deadlineHours } = DEFAULT_POLICY.returnInterview;
  let drop: (() => Promise<void>) | undefined;
  const apps = new Set<INestApplication>();

  let config: HomewardConfig;
  beforeEach(async () => {
    expect(DEFAULT_POLICY.returnInterview).toEqual({
      deadlineHours: 72,
      unallocatedAlertHours: 24,
      reminderHoursBeforeDue: 24,
    });
    const db = await freshPostgresDatabase();
    drop = db.drop;
    config = testConfig(
      { kind: 'postgres', url: db.url },
      { scheduler: { kind: 'bullmq', redisUrl } },
    );
  });

  afterEach(async () => {
    for (const app of apps) await app.close();
    apps.clear();
    await drop?.();
    drop = undefined;
  });

  const start = async () => {
    const app = await startHomeward(config);
    apps.add(app);
    return app;
  };
  const stop = async (app: INestApplication) => {
    apps.delete(app);
    await app.close();
  };

  const get = async <T>(app: INestApplication, path: string): Promise<T> =>
    (await api(app).get(path).set('Authorization', manager).expect(200)).body as T;
  const interviewOf = async (app: INestApplication, childId: string) => {
    const item = (await get<QueueItem[]>(app, '/api/v1/interviews')).find(
      (i) => i.childId === childId,
    );
    if (!item) throw new Error(`no interview for child ${childId} in the queue yet`);
    return item;
  };
  const detail = (app: INestApplication, interviewId: string) =>
    get<InterviewDetail>(app, `/api/v1/interviews/${interviewId}`);
  const timeline = (app: INestApplication, childId: string) =>
    get<TimelineEntry[]>(app, `/api/v1/children/${childId}/timeline`);
  const alerts = (app: INestApplication, childId: string) =>
    get<AlertItem[]>(app, `/api/v1/alerts?childId=${childId}`);
  const count = (entries: Array<{ type: string }>, type: string) =>
    entries.filter((e) => e.type === type).length;

  /** A child found and returned so long ago that the 72-hour deadline is `aheadMs` away. */
  async function childReturnedDueIn(app: INestApplication, aheadMs: number) {
    const returnedAtMs = Date.now() - deadlineHours * HOUR_MS + aheadMs;
    const missing = missingReported({
      occurredAt: new Date(returnedAtMs - 10 * HOUR_MS).toISOString(),
    });
    const accepted = await api(app)
      .post(NOTIFICATIONS)
      .set('Authorization', police)
      .send(missing)
      .expect(202);
    const childId = accepted.body.childId as string;
    await api(app)
      .post(NOTIFICATIONS)
      .set('Authorization', police)
      .send(
        childFound(missing, {
          occurredAt: new Date(returnedAtMs - 15 * 60_000).toISOString(),
          returnedAt: new Date(returnedAtMs).toISOString(),
        }),
      )
      .expect(202);
    const item = await eventually(() => interviewOf(app, childId));
    const dueAtMs = Date.parse(item.dueAt);
    expect(dueAtMs).toBe(returnedAtMs + deadlineHours * HOUR_MS);
    return { childId, interviewId: item.interviewId, dueAtMs };
  }

  /** Its reminder was due a day before the deadline (long past): sent at once, and only that. */
  async function expectRemindedNotBreached(app: INestApplication, interviewId: string) {
    const reminded = await eventually(async () => {
      const d = await detail(app, interviewId);
      if (!d.escalations.some((e) => e.type === 'REMINDER')) throw new Error('no reminder yet');
      return d;
    });
    expect(Date.parse(reminded.reminderAt)).toBe(Date.parse(reminded.dueAt) - 24 * HOUR_MS);
    // The coordinator is alerted 24 h after scheduling, i.e. well after this deadline.
    expect(Date.parse(reminded.unallocatedAlertAt)).toBeGreaterThan(Date.parse(reminded.dueAt));
    expect(reminded.breached).toBe(false);
    expect(reminded.escalations.map((e) => e.type)).toEqual(['REMINDER']);
  }

  /** Exactly one of each escalation that is due, and the alert for the breach, exactly once. */
  async function expectBreachedOnce(
    app: INestApplication,
    ids: { childId: string; interviewId: string },
  ) {
    const item = await interviewOf(app, ids.childId);
    expect(item).toMatchObject({ interviewId: ids.interviewId, breached: true });
    const d = await detail(app, ids.interviewId);
    expect(d.breached).toBe(true);
    expect(d.escalations.map((e) => e.type).sort()).toEqual(['REMINDER', 'RI_OVERDUE']);
    // The timeline is its own projection: it may catch up a moment after the interview stream.
    const events = await eventually(async () => {
      const t = await timeline(app, ids.childId);
      if (count(t, 'ReturnInterviewDeadlineBreached') === 0) throw new Error('timeline behind');
      return t;
    });
    expect(count(events, 'ReturnInterviewDeadlineBreached')).toBe(1);
    expect(count(events, 'ReturnInterviewReminderDue')).toBe(1);
    expect(count(events, 'ReturnInterviewUnallocatedEscalated')).toBe(0);
    const breach = events.find((e) => e.type === 'ReturnInterviewDeadlineBreached')!;
    expect(breach.details.notifiedLate).toBe(false);
    const raised = await alerts(app, ids.childId);
    const overdue = raised.filter((a) => a.type === 'RI_OVERDUE');
    expect(overdue).toEqual([
      expect.objectContaining({
        type: 'RI_OVERDUE',
        audience: 'SAFEGUARDING_MANAGER',
        childId: ids.childId,
        status: 'OPEN',
      }),
    ]);
    expect(raised.filter((a) => a.type === 'RI_UNALLOCATED')).toEqual([]);
    return { detectedAtMs: Date.parse(breach.occurredAt), alertId: overdue[0].alertId };
  }

  /** The alarm left in Redis is the next escalation: the coordinator's, a day after scheduling. */
  async function expectArmedFor(interviewId: string, at: string) {
    await eventually(async () => {
      expect(await redis.hget(TIMES_KEY, deadlineWakeUpKey(interviewId))).toBe(
        String(Date.parse(at)),
      );
    }, 5_000);
  }

  it('raises the breach within seconds of starting again, once, and not again on the next restart', async () => {
    const AHEAD_MS = 6_000;
    const first = await start();
    const ids = await childReturnedDueIn(first, AHEAD_MS);
    const { dueAtMs } = ids;
    await expectRemindedNotBreached(first, ids.interviewId);
    expect((await interviewOf(first, ids.childId)).breached).toBe(false);
    expect(await alerts(first, ids.childId)).toEqual([]);
    // The first instance must be gone before the deadline for this test to mean anything.
    expect(Date.now()).toBeLessThan(dueAtMs - 500);
    await stop(first);

    await sleepUntil(dueAtMs + 5_000);
    const restartingAt = Date.now();
    const second = await start();
    const readyAt = Date.now();
    await eventually(async () => {
      if (!(await interviewOf(second, ids.childId)).breached) throw new Error('not breached yet');
      if (!(await alerts(second, ids.childId)).some((a) => a.type === 'RI_OVERDUE'))
        throw new Error('no RI_OVERDUE alert yet');
    }, 10_000);
    const visibleAt = Date.now();
    const { detectedAtMs, alertId } = await expectBreachedOnce(second, ids);
    console.log(
      `deadline restart (BullMQ on Redis, PostgreSQL): stopped before dueAt, started again ` +
        `${restartingAt - dueAtMs} ms after it; breach detected ${detectedAtMs - dueAtMs} ms ` +
        `after dueAt (${detectedAtMs - restartingAt} ms after the restart began, app ready in ` +
        `${readyAt - restartingAt} ms), breach and RI_OVERDUE alert visible ` +
        `${visibleAt - restartingAt} ms after the restart began`,
    );
    // Detected by the new instance, within seconds of it starting.
    expect(detectedAtMs).toBeGreaterThanOrEqual(restartingAt);
    expect(detectedAtMs - readyAt).toBeLessThan(3_000);
    expect(visibleAt - readyAt).toBeLessThan(5_000);
    const d = await detail(second, ids.interviewId);
    await expectArmedFor(ids.interviewId, d.unallocatedAlertAt);
    await stop(second);

    // Started again: every open interview is re-armed, and nothing is recorded or raised twice.
    const third = await start();
    await expectArmedFor(ids.interviewId, d.unallocatedAlertAt);
    await sleep(2_000);
    const again = await expectBreachedOnce(third, ids);
    expect(again).toEqual({ detectedAtMs, alertId });
  }, 60_000);

  it('records nothing twice when the same wake-up is delivered several times, at once and later', async () => {
    const app = await start();
    const ids = await childReturnedDueIn(app, 3_000);
    await expectRemindedNotBreached(app, ids.interviewId);
    const watch = app.get(DeadlineWatch, { strict: false });
    const wakeUp = () => ({
      key: deadlineWakeUpKey(ids.interviewId),
      runAt: new Date(ids.dueAtMs).toISOString(),
      payload: { interviewId: ids.interviewId },
      firedAt: new Date().toISOString(),
    });

    // Three deliveries of the deadline's wake-up at once, racing the real one from BullMQ.
    await sleepUntil(ids.dueAtMs + 20);
    await Promise.all([watch.check(wakeUp()), watch.check(wakeUp()), watch.check(wakeUp())]);
    await eventually(async () => {
      if (!(await interviewOf(app, ids.childId)).breached) throw new Error('not breached yet');
      if (!(await alerts(app, ids.childId)).some((a) => a.type === 'RI_OVERDUE'))
        throw new Error('no RI_OVERDUE alert yet');
    });
    const firstCheck = await expectBreachedOnce(app, ids);

    // Delivered again later, and a stale wake-up of the (already sent) reminder's time.
    await watch.check(wakeUp());
    const d = await detail(app, ids.interviewId);
    await watch.check({ ...wakeUp(), runAt: d.reminderAt });
    await sleep(1_500);
    expect(await expectBreachedOnce(app, ids)).toEqual(firstCheck);
    await expectArmedFor(ids.interviewId, d.unallocatedAlertAt);
  }, 60_000);
});
