import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '@homeward/event-store';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingFromHome } from '../support/notifications';

/**
 * At-least-once delivery made safe by idempotency, tested the hard way: every projection and
 * reactor is made to read the whole event log again from the start. Nothing new may be written
 * (no second interview, no second alert, no event at all), and what people read is the same.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, read loosely
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-replay-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const police = `Bearer ${tokenFor('police-system')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager')}`;
const admin = `Bearer ${tokenFor('admin')}`;

it('replaying the whole event log through every processor writes nothing new', async () => {
  const config = testConfig({ kind: 'pglite', dataDir });
  const first = await startHomeward(config);
  let childId = '';
  try {
    // Three absent episodes in 25 days (repeat and absent patterns), each found; the last one
    // found recently, so its interview is open and in the queue.
    let child: Json | undefined;
    for (const [i, d] of [25, 15, 2].entries()) {
      const m = missingFromHome({
        classification: 'ABSENT',
        riskLevel: 'VERY_LOW',
        occurredAt: daysAgo(d),
        ...(child ? { child } : {}),
      });
      child = m.child;
      const res = await api(first)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(m)
        .expect(202);
      childId = res.body.childId as string;
      const at = i === 2 ? daysAgo(0.05) : daysAgo(d - 0.1);
      await api(first)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(childFound(m, { occurredAt: at, returnedAt: at }))
        .expect(202);
    }
    await eventually(async () => {
      const list = (
        await api(first).get(`/api/v1/alerts?childId=${childId}`).set('Authorization', manager)
      ).body as Json[];
      const types = new Set(list.map((a) => a.type));
      for (const t of ['STRATEGY_MEETING_REQUIRED', 'REPEAT_MISSING', 'ABSENT_PATTERN']) {
        if (!types.has(t)) throw new Error(`no ${t} yet`);
      }
    });
    await eventually(async () => {
      const health = (await api(first).get('/health').set('Authorization', admin).expect(200))
        .body as Json;
      const lags = Object.values(
        health.details.eventProcessing.processors as Record<string, number>,
      );
      if (lags.some((lag) => lag !== 0)) throw new Error('processors still catching up');
    });
  } finally {
    await first.close();
  }

  // Every processor forgets how far it got: the next start reads the log from position 0.
  const db = await PgliteDatabase.open(dataDir);
  const [before] = await db.query<{ head: string }>(
    'SELECT max(global_position) AS head FROM hw_events',
  );
  const alertsBefore = await db.query('SELECT alert_id FROM rm_alerts ORDER BY alert_id');
  const queueBefore = await db.query(
    'SELECT interview_id, status, priority, breached FROM rm_interview_queue_v2 ORDER BY interview_id',
  );
  await db.query('DELETE FROM hw_checkpoints');
  await db.close();

  const second = await startHomeward(config);
  try {
    await eventually(async () => {
      const health = (await api(second).get('/health').set('Authorization', admin).expect(200))
        .body as Json;
      const lags = Object.values(
        health.details.eventProcessing.processors as Record<string, number>,
      );
      if (lags.some((lag) => lag !== 0)) throw new Error('replay still running');
    }, 20_000);
  } finally {
    await second.close();
  }

  const after = await PgliteDatabase.open(dataDir);
  try {
    const [head] = await after.query<{ head: string }>(
      'SELECT max(global_position) AS head FROM hw_events',
    );
    const written = await after.query<{ event_type: string; stream_name: string }>(
      'SELECT event_type, stream_name FROM hw_events WHERE global_position > $1 ORDER BY global_position',
      [before.head],
    );
    expect(written).toEqual([]);
    expect(head.head).toBe(before.head);
    expect(await after.query('SELECT alert_id FROM rm_alerts ORDER BY alert_id')).toEqual(
      alertsBefore,
    );
    expect(
      await after.query(
        'SELECT interview_id, status, priority, breached FROM rm_interview_queue_v2 ORDER BY interview_id',
      ),
    ).toEqual(queueBefore);
    expect(alertsBefore.length).toBeGreaterThanOrEqual(3);
  } finally {
    await after.close();
  }
}, 90_000);
