import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  api,
  apiWithoutPurpose,
  eventually,
  startHomeward,
  testConfig,
  tokenFor,
} from '../support/homeward-app';
import { childWithInterview } from '../support/scenes';

/**
 * Each person sees only the children they work with, states why, and every look is in the
 * audit: the cases of issue 10, end to end on the embedded Homeward.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-least-privilege-'));
let app: INestApplication;

const bearer = (...args: Parameters<typeof tokenFor>) => `Bearer ${tokenFor(...args)}`;
const police = bearer('police-system');
const anyCoordinator = bearer('ri-coordinator', undefined, 'coordinator-any');
const walsall = { localAuthorities: ['Walsall'], organisation: 'Walsall Council' };
const workerA = bearer('ri-worker', undefined, 'worker-a', { organisation: 'Streetwise' });
const workerB = bearer('ri-worker', undefined, 'worker-b', { organisation: 'Streetwise' });
const socialCare = bearer('social-care', undefined, 'sw-walsall', walsall);
const cmogMember = bearer('cmog-member', undefined, 'cmog-walsall', walsall);
const manager = bearer('safeguarding-manager', undefined, 'manager-walsall', walsall);
const auditor = bearer('auditor', undefined, 'auditor-1', {
  organisation: 'Information Governance',
});

let walsallChild: string;
let sandwellChild: string;
let walsallInterview: string;

const read = (path: string, as: string, purpose = 'return interview preparation') =>
  apiWithoutPurpose(app).get(path).set('Authorization', as).set('X-Purpose', purpose);

const auditOf = async (query: string) =>
  (await api(app).get(`/api/v1/audit?${query}`).set('Authorization', auditor).expect(200)).body as {
    entries: Json[];
    next: number | null;
  };

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
  const w = await childWithInterview(app, 'Walsall', { police, coordinator: anyCoordinator });
  const s = await childWithInterview(app, 'Sandwell', { police, coordinator: anyCoordinator });
  walsallChild = w.childId;
  walsallInterview = w.interviewId;
  sandwellChild = s.childId;
  await api(app)
    .post(`/api/v1/interviews/${walsallInterview}/allocate`)
    .set('Authorization', anyCoordinator)
    .send({ workerId: 'worker-a' })
    .expect(200);
  await eventually(() => read(`/api/v1/children/${walsallChild}/timeline`, workerA).expect(200));
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('who sees what', () => {
  it("answers worker B 404 for worker A's interview and child, exactly as for none", async () => {
    await read(`/api/v1/interviews/${walsallInterview}`, workerA).expect(200);
    const interview = await read(`/api/v1/interviews/${walsallInterview}`, workerB).expect(404);
    const none = await read(
      '/api/v1/interviews/00000000-0000-4000-8000-000000000000',
      workerB,
    ).expect(404);
    expect(interview.body.message.replace(walsallInterview, 'ID')).toBe(
      none.body.message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    await read(`/api/v1/children/${walsallChild}/timeline`, workerB).expect(404);
    const queue = (await read('/api/v1/interviews', workerB).expect(200)).body as Json[];
    expect(queue).toEqual([]);
  });

  it('answers Walsall social care 404 for a Sandwell child, and shows its own', async () => {
    await read(`/api/v1/children/${walsallChild}/timeline`, socialCare).expect(200);
    await read(`/api/v1/children/${sandwellChild}/timeline`, socialCare).expect(404);
    await read(`/api/v1/children/${sandwellChild}/associations`, socialCare).expect(404);
    const alerts = (await read('/api/v1/alerts', socialCare).expect(200)).body as Json[];
    expect(alerts.filter((a) => a.childId === sandwellChild)).toEqual([]);
  });

  it("answers CMOG 404 for another authority's agenda and children", async () => {
    await read('/api/v1/cmog/agenda?localAuthority=Walsall', cmogMember).expect(200);
    await read('/api/v1/cmog/agenda?localAuthority=Sandwell', cmogMember).expect(404);
    await read(`/api/v1/children/${sandwellChild}/associations`, cmogMember).expect(404);
    const hotspots = (await read('/api/v1/cmog/hotspots', cmogMember).expect(200)).body as Json[];
    expect(JSON.stringify(hotspots)).not.toContain(sandwellChild);
  });

  it('answers 403 for a route outside the role, naming no one', async () => {
    const res = await read(`/api/v1/children/${walsallChild}/timeline`, auditor).expect(403);
    expect(JSON.stringify(res.body)).not.toMatch(/auditor-1|Information Governance/);
    const admin = bearer('admin', undefined, 'ops-1');
    await read(`/api/v1/children/${walsallChild}/timeline`, admin).expect(403);
    await read('/api/v1/audit', manager).expect(403);
  });
});

describe('the purpose rule', () => {
  it('answers 400 naming purpose for a child-level read without one', async () => {
    for (const path of [
      `/api/v1/children/${walsallChild}/timeline`,
      `/api/v1/interviews/${walsallInterview}`,
      '/api/v1/interviews',
      '/api/v1/alerts',
      '/api/v1/cmog/agenda?localAuthority=Walsall',
      '/api/v1/reports/ssda903/missing?from=2026-01-01&to=2026-12-31&localAuthority=Walsall',
    ]) {
      const res = await apiWithoutPurpose(app).get(path).set('Authorization', manager);
      expect({
        path,
        status: res.status,
        fields: res.body.errors?.map((e: Json) => e.field),
      }).toEqual({
        path,
        status: 400,
        fields: ['purpose'],
      });
    }
  });

  it('takes the purpose from a query parameter, for links and server-sent events', async () => {
    await apiWithoutPurpose(app)
      .get(`/api/v1/children/${walsallChild}/timeline?purpose=${encodeURIComponent('case review')}`)
      .set('Authorization', manager)
      .expect(200);
  });
});

describe('the audit of reads', () => {
  it('shows the auditor each read with who, why, which child and the result', async () => {
    await read(`/api/v1/children/${walsallChild}/timeline`, socialCare, 'strategy meeting 12/3');
    await read(`/api/v1/children/${sandwellChild}/timeline`, socialCare, 'curious');
    const ours = await eventually(async () => {
      const { entries } = await auditOf(`childId=${walsallChild}&sub=sw-walsall`);
      const found = entries.find((e) => e.purpose === 'strategy meeting 12/3');
      if (!found) throw new Error('not audited yet');
      return found;
    });
    expect(ours).toMatchObject({
      kind: 'READ',
      sub: 'sw-walsall',
      roles: ['social-care'],
      organisation: 'Walsall Council',
      route: 'GET /api/v1/children/:childId/timeline',
      childIds: [walsallChild],
      status: 200,
      result: 'ok',
    });
    expect(ours.records).toBeGreaterThan(0);
    const refused = (await auditOf(`childId=${sandwellChild}&sub=sw-walsall`)).entries.filter(
      (e) => e.purpose === 'curious',
    );
    expect(refused).toEqual([
      expect.objectContaining({ purpose: 'curious', status: 404, result: 'not-found', records: 0 }),
    ]);
  });

  it('audits list reads with every child they handed out', async () => {
    await read('/api/v1/interviews', workerA, 'my interviews today');
    const { entries } = await auditOf('sub=worker-a');
    expect(entries.find((e) => e.purpose === 'my interviews today')).toMatchObject({
      route: 'GET /api/v1/interviews',
      childIds: [walsallChild],
      records: 1,
    });
  });
});

describe('break-glass', () => {
  it('lets a manager open a child outside their authorities with a reason: audited, the auditor alerted', async () => {
    await read(`/api/v1/children/${sandwellChild}/timeline`, manager).expect(404);
    await read(`/api/v1/children/${sandwellChild}/timeline`, socialCare)
      .set('X-Break-Glass-Reason', 'I want to')
      .expect(404);
    await read(`/api/v1/children/${sandwellChild}/timeline`, manager, 'child at risk tonight')
      .set('X-Break-Glass-Reason', 'Sandwell EDT unreachable; child placed in Walsall tonight')
      .expect(200);
    const { entries } = await auditOf(`childId=${sandwellChild}&sub=manager-walsall`);
    const glass = entries.find((e) => e.kind === 'BREAK_GLASS');
    expect(glass).toMatchObject({
      purpose: 'child at risk tonight',
      reason: 'Sandwell EDT unreachable; child placed in Walsall tonight',
      childIds: [sandwellChild],
      status: 200,
    });
    const alerts = await eventually(async () => {
      const list = (await read('/api/v1/alerts', auditor).expect(200)).body as Json[];
      const raised = list.filter((a) => a.type === 'BREAK_GLASS_ACCESS');
      if (raised.length === 0) throw new Error('not raised yet');
      return raised;
    });
    expect(alerts).toEqual([
      expect.objectContaining({ audience: 'AUDITOR', childId: null, status: 'OPEN' }),
    ]);
    expect(alerts[0].reasons[0]).toContain(`audit entry ${glass!.seq}`);
    // The auditor's alerts are the auditor's: nobody else sees them.
    const managers = (await read('/api/v1/alerts', manager).expect(200)).body as Json[];
    expect(managers.filter((a) => a.type === 'BREAK_GLASS_ACCESS')).toEqual([]);
  });
});
