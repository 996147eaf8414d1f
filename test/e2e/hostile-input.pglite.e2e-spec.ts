import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { DEVELOPMENT_JWT_SECRET, ROLES } from '@homeward/platform';
import { api, startHomeward, testConfig } from '../support/homeward-app';
import { routesOf, type Route } from '../support/routes';

/**
 * Input an attacker (or a broken client) sends, to every route of the API: repeated query
 * parameters, NUL characters, lone surrogates, deep nesting, and role names that are
 * Object.prototype keys. Nothing may answer 5xx; bad input answers 400 naming the field.
 * Routes are read from the controllers' own metadata, so a new route is swept without editing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-hostile-'));
let app: INestApplication;
let routes: Route[];

// Every role, plus names that are keys of Object.prototype: lookups by role must not trip on them.
const PROTO_ROLES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const token = (roles: string[]) =>
  `Bearer ${jwt.sign({ sub: 'sweeper', roles }, DEVELOPMENT_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`;
const everyone = token([...ROLES, ...PROTO_ROLES]);

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
  // Streams (server-sent events) never end, so a sweep cannot wait for their answer.
  routes = routesOf(app).filter((r) => (r.method === 'GET' || r.method === 'POST') && !r.stream);
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const fill = (route: Route, value: string = randomUUID()) =>
  route.path.replace(/:(\w+)/g, () => encodeURIComponent(value));

/** Sends a raw body (so lone surrogates and depth reach the server exactly as written). */
function send(route: Route, url: string, body?: string, as = everyone) {
  const req = route.method === 'POST' ? api(app).post(url) : api(app).get(url);
  req.set('Authorization', as);
  return body === undefined ? req : req.set('Content-Type', 'application/json').send(body);
}

const deepObject = (depth: number, key: string) =>
  `{"${key}":`.repeat(depth) + '"x"' + '}'.repeat(depth);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const failures: string[] = [];
beforeEach(() => failures.splice(0));
const expectNo5xx = async (what: string, res: { status: number; body: unknown }) => {
  if (res.status >= 500) failures.push(`${what} → ${res.status} ${JSON.stringify(res.body)}`);
};

describe('every route, sent hostile input', () => {
  it('finds the API: at least 30 routes, the police route among them', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /api/v1/police/notifications',
    );
    expect(routes.flatMap((r) => r.queries)).toEqual(
      expect.arrayContaining(['owner', 'status', 'from', 'localAuthority', 'childId']),
    );
  });

  it('never answers 5xx to repeated, NUL or lone-surrogate query parameters', async () => {
    for (const route of routes) {
      for (const q of route.queries) {
        const url = fill(route);
        const repeated = await send(route, `${url}?${q}=a&${q}=b`);
        await expectNo5xx(`${route.method} ${url}?${q}=a&${q}=b`, repeated);
        expect([400, 404]).toContain(repeated.status);
        if (repeated.status === 400) {
          expect((repeated.body as Json).errors.map((e: Json) => e.field)).toContain(q);
        }
        for (const bad of ['%00', 'x%00y', '%ED%A0%80']) {
          const res = await send(route, `${url}?${q}=${bad}`);
          await expectNo5xx(`${route.method} ${url}?${q}=${bad}`, res);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never answers 5xx to NUL in path parameters', async () => {
    for (const route of routes.filter((r) => r.params.length > 0)) {
      for (const bad of ['\u0000', 'a\u0000b']) {
        const url = fill(route, bad);
        await expectNo5xx(
          `${route.method} ${url}`,
          await send(route, url, route.method === 'POST' ? '{}' : undefined),
        );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses NUL, lone surrogates and deep nesting in any body with a 400 naming the field', async () => {
    const bodies: Array<[string, string, string]> = [
      ['NUL in a note', '{"note":"a\\u0000b","reason":"r"}', 'note'],
      ['lone surrogate in a name', '{"child":{"familyName":"Ex\\ud800"}}', 'child.familyName'],
      ['3,000-deep lastSeenLocation', deepObject(3000, 'lastSeenLocation'), 'lastSeenLocation'],
      ['5,000-deep array', `{"attempts":${deepArray(5000)}}`, 'attempts'],
    ];
    for (const route of routes.filter((r) => r.method === 'POST')) {
      for (const [what, body, field] of bodies) {
        const url = fill(route);
        const res = await send(route, url, body);
        await expectNo5xx(`${route.method} ${url} with ${what}`, res);
        if (res.status !== 400) {
          failures.push(`${route.method} ${url} with ${what} → ${res.status}, not 400`);
          continue;
        }
        const fields = ((res.body as Json).errors as Json[]).map((e) => e.field as string);
        if (!fields.some((f) => f.startsWith(field))) {
          failures.push(`${route.method} ${url} with ${what}: 400 names ${fields.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never answers 5xx to garbage values and bodies of the wrong shape', async () => {
    const values = ['zz', '', '-1', '99999999999999999999', '2026-13-45', 'null', '%25', '[]'];
    const bodies = ['{}', '[]', '"text"', 'null', '123', '{"note":123,"workerId":[]}'];
    for (const route of routes) {
      const url = fill(route);
      for (const q of route.queries) {
        for (const value of values) {
          const res = await send(
            route,
            `${url}?${q}=${value}`,
            route.method === 'POST' ? '{}' : undefined,
          );
          await expectNo5xx(`${route.method} ${url}?${q}=${value}`, res);
        }
      }
      if (route.method !== 'POST') continue;
      for (const body of bodies)
        await expectNo5xx(`${route.method} ${url} with ${body}`, await send(route, url, body));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never answers 5xx to a token whose roles are Object.prototype keys', async () => {
    for (const roles of [PROTO_ROLES, ['social-care', ...PROTO_ROLES]]) {
      for (const route of routes) {
        const url = fill(route);
        const res = await send(
          route,
          url,
          route.method === 'POST' ? '{}' : undefined,
          token(roles),
        );
        await expectNo5xx(`${route.method} ${url} as ${roles.join(',')}`, res);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the cases first reported', () => {
  const get = (url: string) => api(app).get(url).set('Authorization', everyone);

  it.each([
    ['/api/v1/cmog/actions?owner=a&owner=b', 'owner'],
    ['/api/v1/interviews?status=HELD&status=SCHEDULED', 'status'],
    ['/api/v1/reports/board?from=2026-01-01&from=2026-02-01', 'from'],
    ['/api/v1/cmog/agenda?localAuthority=%00', 'localAuthority'],
  ])('%s is a 400 naming %s', async (url, field) => {
    const res = await get(url).expect(400);
    expect((res.body as Json).errors.map((e: Json) => e.field)).toContain(field);
  });

  it('a police notification with a NUL in policePersonId is a 400 naming it', async () => {
    const res = await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', everyone)
      .set('Content-Type', 'application/json')
      .send('{"type":"MISSING_REPORTED","child":{"policePersonId":"P-1\\u0000"}}')
      .expect(400);
    expect((res.body as Json).errors.map((e: Json) => e.field)).toContain('child.policePersonId');
  });
});
