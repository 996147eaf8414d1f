import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY, resolvePolicySet } from '@homeward/domain';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/**
 * Alerts reach the people who must act: each audience sees its own, acknowledges with a note,
 * and an alert nobody acknowledges in time goes to the safeguarding manager. Here the policy
 * gives 4 seconds to acknowledge, so the escalation happens within the test.
 */
// Response bodies are read field by field in assertions; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ACKNOWLEDGE_WITHIN_HOURS = 4 / 3600;
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-alerts-'));
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;
const socialCare = `Bearer ${tokenFor('social-care', undefined, 'sw-amy')}`;
const cmog = `Bearer ${tokenFor('cmog-member', undefined, 'cmog-dev')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-1')}`;

beforeAll(async () => {
  const policies = resolvePolicySet({
    alerts: { acknowledgeWithinHours: ACKNOWLEDGE_WITHIN_HOURS },
  });
  if (!policies.ok) throw new Error(policies.errors.join('; '));
  app = await startHomeward(
    testConfig({ kind: 'pglite', dataDir }, { policy: DEFAULT_POLICY, policies: policies.set }),
  );
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const send = (body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);
const alerts = async (as: string, query = '') =>
  (await api(app).get(`/api/v1/alerts${query}`).set('Authorization', as).expect(200))
    .body as Json[];
const acknowledge = (alertId: string, as: string, note: string) =>
  api(app).post(`/api/v1/alerts/${alertId}/acknowledge`).set('Authorization', as).send({ note });

describe('a child placed out of area, found in a third authority', () => {
  let childId: string;

  beforeAll(async () => {
    const base = missingReported({ occurredAt: hoursAgo(20) });
    const missing = {
      ...base,
      child: {
        ...base.child,
        responsibleLocalAuthority: 'Walsall',
        placementLocalAuthority: 'Sandwell',
      },
    };
    childId = (await send(missing).expect(202)).body.childId as string;
    await send(
      childFound(missing, {
        foundLocation: { description: 'Hotel', postcode: 'B1 1AA', localAuthority: 'Birmingham' },
      }),
    ).expect(202);
  });

  it('tells the responsible authority, once for the placement and once for where she was found', async () => {
    const mine = await eventually(async () => {
      const list = await alerts(manager, `?childId=${childId}&type=OUT_OF_AREA`);
      if (list.length < 2) throw new Error('not raised yet');
      return list;
    });
    expect(mine).toHaveLength(2);
    expect(
      mine.every((a) => a.audience === 'RESPONSIBLE_LA' && a.localAuthority === 'Walsall'),
    ).toBe(true);
    const reasons = mine.flatMap((a) => a.reasons as string[]).join(' ');
    expect(reasons).toContain('placed in Sandwell');
    expect(reasons).toContain('found in Birmingham');
  });

  it('shows each audience its own alerts only', async () => {
    expect((await alerts(socialCare, `?childId=${childId}`)).map((a) => a.type)).toEqual([
      'OUT_OF_AREA',
      'OUT_OF_AREA',
    ]);
    expect(await alerts(cmog, `?childId=${childId}`)).toEqual([]);
    await api(app).get('/api/v1/alerts').set('Authorization', worker).expect(403);
  });

  it('is acknowledged by its audience with a note, not by anyone else, and not twice', async () => {
    const [alert] = await alerts(socialCare, `?childId=${childId}&type=OUT_OF_AREA`);
    const denied = await acknowledge(alert.alertId, cmog, 'not ours').expect(403);
    expect(denied.body.message).toContain('RESPONSIBLE_LA');
    const bad = await acknowledge(alert.alertId, socialCare, '').expect(400);
    expect(bad.body.errors[0].field).toBe('note');
    const ok = await acknowledge(
      alert.alertId,
      socialCare,
      'Placement social worker visiting today',
    ).expect(200);
    expect(ok.body.recorded).toEqual(['AlertAcknowledged']);
    const twice = await acknowledge(alert.alertId, socialCare, 'again').expect(409);
    expect(twice.body.message).toContain('sw-amy');
    const seen = await eventually(async () => {
      const [a] = (await alerts(socialCare, `?childId=${childId}`)).filter(
        (x) => x.alertId === alert.alertId,
      );
      if (a.status !== 'ACKNOWLEDGED') throw new Error('not projected yet');
      return a;
    });
    expect(seen).toMatchObject({ acknowledgedBy: 'sw-amy', status: 'ACKNOWLEDGED' });
    await api(app)
      .post('/api/v1/alerts/4b1d3c5e-0000-4000-8000-000000000000/acknowledge')
      .set('Authorization', manager)
      .send({ note: 'x' })
      .expect(404);
  });

  it('escalates the one nobody acknowledged to the safeguarding manager, once', async () => {
    const escalation = await eventually(async () => {
      const list = await alerts(manager, `?childId=${childId}&type=ALERT_UNACKNOWLEDGED`);
      if (list.length === 0) throw new Error('not escalated yet');
      return list;
    }, 20_000);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({ audience: 'SAFEGUARDING_MANAGER', acknowledgeBy: null });
    expect(escalation[0].reasons[0]).toContain('OUT_OF_AREA');
    const outOfArea = await alerts(manager, `?childId=${childId}&type=OUT_OF_AREA`);
    expect(outOfArea.map((a) => a.status).sort()).toEqual(['ACKNOWLEDGED', 'ESCALATED']);
    // The manager can still acknowledge the escalated one (late acknowledgement is recorded).
    const late = outOfArea.find((a) => a.status === 'ESCALATED')!;
    await acknowledge(late.alertId, manager, 'Called the Birmingham team myself').expect(200);
    // Coordinators read only their own audience.
    expect(
      (await alerts(coordinator, `?childId=${childId}`)).every(
        (a) => a.audience === 'RI_COORDINATOR',
      ),
    ).toBe(true);
  }, 30_000);
});

describe('an Idempotency-Key is scoped to its sender and to the alert it was sent for', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    const base = missingReported({ occurredAt: hoursAgo(10) });
    const missing = {
      ...base,
      child: {
        ...base.child,
        responsibleLocalAuthority: 'Walsall',
        placementLocalAuthority: 'Dudley',
      },
    };
    const childId = (await send(missing).expect(202)).body.childId as string;
    await send(
      childFound(missing, {
        foundLocation: { description: 'Park', postcode: 'B2 2AA', localAuthority: 'Coventry' },
      }),
    ).expect(202);
    [first, second] = (
      await eventually(async () => {
        const list = await alerts(manager, `?childId=${childId}&type=OUT_OF_AREA`);
        if (list.length < 2) throw new Error('not raised yet');
        return list;
      })
    ).map((a) => a.alertId as string);
  });

  const acknowledgeWithKey = (alertId: string, as: string, note: string, key: string) =>
    acknowledge(alertId, as, note).set('Idempotency-Key', key);

  it('records a different alert acknowledged with the same key by someone else', async () => {
    const a = await acknowledgeWithKey(first, socialCare, 'Visiting today', 'k1').expect(200);
    expect(a.body.recorded).toEqual(['AlertAcknowledged']);
    const b = await acknowledgeWithKey(second, manager, 'Phoned Coventry', 'k1').expect(200);
    expect(b.body.recorded).toEqual(['AlertAcknowledged']);
    const statuses = await eventually(async () => {
      const list = (await alerts(manager, '?type=OUT_OF_AREA')).filter((x) =>
        [first, second].includes(x.alertId),
      );
      if (list.some((x) => x.status !== 'ACKNOWLEDGED')) throw new Error('not projected yet');
      return list.map((x) => x.acknowledgedBy).sort();
    });
    expect(statuses).toEqual(['manager-sue', 'sw-amy']);
  });

  it('answers a resend with the same key as nothing changed, not as recorded', async () => {
    const again = await acknowledgeWithKey(first, socialCare, 'Visiting today', 'k1').expect(200);
    expect(again.body).toEqual({ alertId: first, recorded: [] });
  });
});
