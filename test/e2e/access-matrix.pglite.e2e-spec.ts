import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, ROUTE_POLICY, routePolicyOf, scopeOf, type Role } from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childWithInterview } from '../support/scenes';
import { routesOf, streamStatus, type Route } from '../support/routes';

/**
 * The access matrix: every role × every route × a record in the caller's scope and one out of
 * it. A route outside the role answers 403; a record outside the scope answers 404, exactly
 * as a record that does not exist; reads in scope answer 200 and never carry the other
 * authority's child. Routes come from the controllers, so a new route without a policy entry
 * fails here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-access-matrix-'));
let app: INestApplication;
let routes: Route[];

// Development tokens covering every authority, to set the scene.
const police = `Bearer ${tokenFor('police-system')}`;
const anyCoordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-any')}`;
const anyChair = `Bearer ${tokenFor('cmog-chair', undefined, 'chair-any')}`;

// The callers under test: each works for Walsall (and a police system for WMP).
const WORKER = 'worker-a';
const WALSALL = { localAuthorities: ['Walsall'], organisation: 'Streetwise', force: 'WMP' };
const tokenOf = (role: Role) =>
  `Bearer ${tokenFor(role, undefined, role === 'ri-worker' ? WORKER : `${role}-walsall`, WALSALL)}`;

interface Scene {
  walsallChild: string;
  sandwellChild: string;
  walsallInterview: string;
  sandwellInterview: string;
  walsallMeeting: string;
  sandwellMeeting: string;
  sandwellPoliceReference: string;
}
let scene: Scene;

const openMeeting = async (localAuthority: string) =>
  (
    await api(app)
      .post('/api/v1/cmog/meetings')
      .set('Authorization', anyChair)
      .send({ localAuthority, heldOn: '2026-11-30' })
      .expect(201)
  ).body.meetingId as string;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
  // Listening, for the streams (server-sent events), which are asked with fetch.
  await app.listen(0, '127.0.0.1');
  routes = routesOf(app);
  const walsall = await childWithInterview(app, 'Walsall', { police, coordinator: anyCoordinator });
  const sandwell = await childWithInterview(app, 'Sandwell', {
    police,
    coordinator: anyCoordinator,
  });
  await api(app)
    .post(`/api/v1/interviews/${walsall.interviewId}/allocate`)
    .set('Authorization', anyCoordinator)
    .send({ workerId: WORKER })
    .expect(200);
  scene = {
    walsallChild: walsall.childId,
    sandwellChild: sandwell.childId,
    walsallInterview: walsall.interviewId,
    sandwellInterview: sandwell.interviewId,
    walsallMeeting: await openMeeting('Walsall'),
    sandwellMeeting: await openMeeting('Sandwell'),
    sandwellPoliceReference: sandwell.policeReference,
  };
  // The worker's reach follows the allocation once the queue has it.
  await eventually(async () => {
    await api(app)
      .get(`/api/v1/children/${scene.walsallChild}/timeline`)
      .set('Authorization', tokenOf('ri-worker'))
      .expect(200);
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The URL of a route for a record in the caller's scope (`in`) or outside it (`out`). */
function urlOf(route: Route, side: 'in' | 'out'): string {
  const pick = (inScope: string, outOfScope: string) => (side === 'in' ? inScope : outOfScope);
  const values: Record<string, string> = {
    childId: pick(scene.walsallChild, scene.sandwellChild),
    interviewId: pick(scene.walsallInterview, scene.sandwellInterview),
    meetingId: pick(scene.walsallMeeting, scene.sandwellMeeting),
    alertId: '00000000-0000-4000-8000-000000000001',
    actionId: '00000000-0000-4000-8000-000000000002',
    seq: '1',
  };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x');
  const authority = pick('Walsall', 'Sandwell');
  const query = new URLSearchParams();
  if (route.queries.includes('localAuthority')) query.set('localAuthority', authority);
  if (route.path.startsWith('/api/v1/reports/')) {
    query.set('from', '2026-01-01');
    query.set('to', '2026-12-31');
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A route about one record (path parameter) or one authority (a required query). */
const aboutOneRecord = (route: Route) =>
  route.params.some((p) => ['childId', 'interviewId', 'meetingId'].includes(p)) ||
  ['/api/v1/cmog/agenda', '/api/v1/reports/ssda903/missing', '/api/v1/reports/board'].includes(
    route.path,
  );

function send(route: Route, url: string, as: string) {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = api(app)[method](url).set('Authorization', as);
  return route.method === 'GET' ? req : req.send({});
}

describe('the access matrix', () => {
  it('has a policy entry for every guarded route, named as the route is, and no entry without a route', () => {
    const guarded = routes.filter((r) => !r.public);
    const missing = guarded.filter((r) => r.accessKey === null || !routePolicyOf(r.accessKey));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const misnamed = guarded.filter((r) => r.accessKey !== `${r.method} ${r.path}`);
    expect(misnamed.map((r) => `${r.method} ${r.path} is under ${r.accessKey}`)).toEqual([]);
    const routeKeys = new Set(guarded.map((r) => r.accessKey));
    expect(Object.keys(ROUTE_POLICY).filter((key) => !routeKeys.has(key))).toEqual([]);
  });

  it('answers every role on every route as the policy says, in scope and out of it', async () => {
    const failures: string[] = [];
    const table: string[] = [];
    for (const route of routes.filter((r) => r.accessKey !== null)) {
      const policy = routePolicyOf(route.accessKey!)!;
      for (const role of ROLES) {
        const token = tokenOf(role);
        const allowed = policy.roles.includes(role);
        const reaches = scopeOf({
          sub: role === 'ri-worker' ? WORKER : role,
          roles: [role],
          organisation: 'Streetwise',
          localAuthorities: ['Walsall'],
          everyAuthority: false,
          force: 'WMP',
          everyForce: false,
        });
        const inRes = route.stream
          ? {
              status: await streamStatus(`${await app.getUrl()}${urlOf(route, 'in')}`, {
                Authorization: token,
                'X-Purpose': 'access matrix',
              }),
              body: {},
              text: '',
            }
          : await send(route, urlOf(route, 'in'), token);
        const cells = [`${route.method} ${route.path}`, role, String(inRes.status)];
        const fail = (why: string) =>
          failures.push(`${role} ${route.method} ${route.path}: ${why}`);
        if (inRes.status >= 500) fail(`${inRes.status} ${JSON.stringify(inRes.body)}`);
        if (!allowed) {
          if (inRes.status !== 403) fail(`expected 403, got ${inRes.status}`);
          table.push(cells.join(' | '));
          continue;
        }
        if (inRes.status === 401 || inRes.status === 403) {
          fail(`allowed by the policy, got ${inRes.status} ${JSON.stringify(inRes.body)}`);
        }
        if (route.method === 'GET' && policy.reads === 'CHILD_DATA') {
          // In scope: the record is there. A worker reaches only the interview allocated to them.
          const reachesRecord =
            reaches.authorities.length > 0 ||
            (reaches.allocatedTo !== null &&
              (route.params.includes('childId') || route.params.includes('interviewId')));
          if (aboutOneRecord(route) && reachesRecord && inRes.status !== 200) {
            fail(`in scope, expected 200, got ${inRes.status} ${JSON.stringify(inRes.body)}`);
          }
          if (!aboutOneRecord(route) && inRes.status !== 200) {
            fail(`a list, expected 200, got ${inRes.status} ${JSON.stringify(inRes.body)}`);
          }
          // Never the other authority's child, whatever the route.
          const text = JSON.stringify(inRes.body ?? '') + (inRes.text ?? '');
          if (text.includes(scene.sandwellChild) || text.includes(scene.sandwellPoliceReference)) {
            fail('the answer names the Sandwell child');
          }
        }
        if (route.method === 'GET' && aboutOneRecord(route)) {
          const outRes = await send(route, urlOf(route, 'out'), token);
          cells.push(String(outRes.status));
          if (outRes.status !== 404) {
            fail(`out of scope, expected 404, got ${outRes.status}`);
          } else if (/sandwell|walsall/i.test(JSON.stringify(outRes.body))) {
            fail(`the 404 says more than "not found": ${JSON.stringify(outRes.body)}`);
          }
        }
        table.push(cells.join(' | '));
      }
    }
    // The matrix as run: route | role | in scope | out of scope.
    console.log(table.join('\n'));
    expect(failures).toEqual([]);
  }, 300_000);

  it('shows the timeline as plain entries, never a stored event payload', async () => {
    const res = await api(app)
      .get(`/api/v1/children/${scene.walsallChild}/timeline`)
      .set('Authorization', tokenOf('ri-worker'))
      .expect(200);
    for (const entry of res.body as Json[]) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          'by',
          'details',
          'eventId',
          'occurredAt',
          'position',
          'recordedAt',
          'summary',
          'type',
        ].sort(),
      );
      expect(entry.details).not.toHaveProperty('personal');
      for (const value of Object.values(entry.details as Json)) {
        expect(value === null || typeof value !== 'object' || Array.isArray(value)).toBe(true);
      }
    }
    expect((res.body as Json[]).map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Reported missing by WMP/)]),
    );
  });
});
