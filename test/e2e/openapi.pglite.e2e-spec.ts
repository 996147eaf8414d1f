import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import Ajv from 'ajv';
import type {
  OpenAPIObject,
  OperationObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IntakeModule } from '@homeward/intake';
import {
  AUDIT_LOG,
  PUBLIC_KEY,
  PlatformModule,
  ACCESS_KEY,
  routePolicyOf,
  configureHttp,
  openApiDocument,
  openApiJson,
  type AuditLog,
} from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

const CHECKED_IN = join(__dirname, '../../docs/openapi.json');
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-openapi-'));
let app: INestApplication;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Route {
  method: string;
  /** In OpenAPI's form: `/api/v1/interviews/{interviewId}/allocate`. */
  path: string;
  roles: string[] | null;
}

/** Every route the application's controllers declare, read from Nest's own metadata. */
function routesOf(application: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of application.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, metatype) as string;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:(\w+)/g, '{$1}');
        routes.push({
          method: method.toLowerCase(),
          path: full,
          roles: Reflect.getMetadata(PUBLIC_KEY, handler)
            ? null
            : [...(routePolicyOf(Reflect.getMetadata(ACCESS_KEY, handler) as string)?.roles ?? [])],
        });
      }
    }
  }
  return routes;
}

const operationOf = (document: OpenAPIObject, route: Route): OperationObject | undefined =>
  (document.paths[route.path] as Record<string, OperationObject> | undefined)?.[route.method];

describe('the OpenAPI document', () => {
  it('is the checked-in docs/openapi.json (otherwise run `npm run openapi` and commit it)', () => {
    const generated = openApiJson(openApiDocument(app));
    const checkedIn = readFileSync(CHECKED_IN, 'utf8');
    if (generated !== checkedIn) {
      const g = generated.split('\n');
      const c = checkedIn.split('\n');
      const line = g.findIndex((text, i) => text !== c[i]);
      throw new Error(
        'docs/openapi.json differs from the document the app generates: run `npm run openapi` ' +
          `and commit docs/openapi.json.\nFirst difference at line ${line + 1}:\n` +
          `  checked in: ${c[line]}\n  generated:  ${g[line]}\n` +
          '(Changed a response class but not its controller? `npx jest --clearCache`: the ' +
          "compiler plugin's output for a controller is cached by that file's own content.)",
      );
    }
  });

  it('has every route, with a response, its errors and its security', () => {
    const document = openApiDocument(app);
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(30);
    const documented = Object.values(document.paths).flatMap((item) => Object.keys(item));
    expect(documented).toHaveLength(routes.length);
    for (const route of routes) {
      const operation = operationOf(document, route);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      expect({ name, documented: operation !== undefined }).toEqual({ name, documented: true });
      const statuses = Object.keys(operation!.responses);
      expect({ name, success: statuses.some((s) => /^2/.test(s)) }).toEqual({
        name,
        success: true,
      });
      if (route.roles === null) {
        expect({ name, security: operation!.security }).toEqual({ name, security: undefined });
        expect(operation!.description).toContain('Public');
      } else {
        expect({ name, roles: route.roles.length > 0 }).toEqual({ name, roles: true });
        expect({
          name,
          security: operation!.security,
          roles: (operation as unknown as Record<string, unknown>)['x-roles'],
          errors: statuses.filter((s) => ['400', '401', '403', '503'].includes(s)),
        }).toEqual({
          name,
          security: [{ bearer: [] }],
          roles: route.roles,
          errors: ['400', '401', '403', '503'],
        });
        expect(operation!.description).toContain(`Roles: ${route.roles.join(', ')}.`);
      }
    }
    expect(document.components?.securitySchemes?.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('documents the police notification as a oneOf of the four types, told apart by type', () => {
    const document = openApiDocument(app);
    const operation = document.paths['/api/v1/police/notifications'].post!;
    const body = operation.requestBody as { content: Record<string, { schema: unknown }> };
    const types = ['MISSING_REPORTED', 'RISK_REGRADED', 'CHILD_FOUND', 'REPORT_CANCELLED'];
    const refs = ['MissingReportedDto', 'RiskRegradedDto', 'ChildFoundDto', 'ReportCancelledDto'];
    expect(body.content['application/json'].schema).toEqual({
      oneOf: refs.map((r) => ({ $ref: `#/components/schemas/${r}` })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(types.map((t, i) => [t, `#/components/schemas/${refs[i]}`])),
      },
    });
    type Schema = { properties: Record<string, Schema>; required: string[]; enum: string[] };
    type Schema2 = Schema & { items: unknown };
    const schemas = document.components!.schemas as Record<string, Schema>;
    types.forEach((type, i) => {
      expect(schemas[refs[i]].properties.type.enum).toEqual([type]);
      expect(schemas[refs[i]].required).toEqual(
        expect.arrayContaining([
          'notificationId',
          'type',
          'force',
          'policeReference',
          'occurredAt',
        ]),
      );
    });
    expect(schemas.MissingReportedDto.required).toEqual(
      expect.arrayContaining(['classification', 'riskLevel', 'cseConcern', 'child']),
    );
    expect(Object.keys(operation.responses).sort()).toEqual(
      ['200', '202', '400', '401', '403', '409', '503'].sort(),
    );
    expect((schemas.ValidationErrorsBody.properties.errors as Schema2).items).toEqual({
      $ref: '#/components/schemas/FieldErrorBody',
    });
  });

  it('is served without a token: Swagger UI at /api/docs, the same document at /api/docs-json', async () => {
    const ui = await api(app).get('/api/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    expect(ui.text).toContain('swagger-ui');
    const json = await api(app).get('/api/docs-json').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual(openApiDocument(app));
  });
});

type Schema = Record<string, unknown>;

/** Every 2xx answer of the document: its operation's name and its body's schema by media type. */
function successAnswers(document: OpenAPIObject) {
  const answers: Array<{ name: string; content: Record<string, { schema?: Schema }> | undefined }> =
    [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, OperationObject>)) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (!/^2/.test(status)) continue;
        const { content } = answer as { content?: Record<string, { schema?: Schema }> };
        answers.push({ name: `${method.toUpperCase()} ${path} ${status}`, content });
      }
    }
  }
  return answers;
}

/**
 * Where a schema (following `$ref`s into components) holds an object that says nothing of its
 * shape: no properties, no additionalProperties, no composition. The answer itself may never be
 * one; a field inside it may be only when its description says what it holds.
 */
function shapelessObjects(document: OpenAPIObject, schema: Schema, where: string): string[] {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (node: Schema, at: string, nested: boolean): void => {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return;
      seen.add(name);
      return visit(components[name] ?? {}, `${at} (${name})`, nested);
    }
    const composed = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (node[k] as Schema[]) ?? []);
    composed.forEach((part, i) => visit(part, `${at}[${i}]`, nested));
    if (node.type === 'array' && node.items) visit(node.items as Schema, `${at}[]`, nested);
    const properties = node.properties as Record<string, Schema> | undefined;
    if (
      node.type === 'object' &&
      !properties &&
      node.additionalProperties === undefined &&
      composed.length === 0 &&
      !(nested && typeof node.description === 'string')
    ) {
      found.push(at);
    }
    for (const [key, property] of Object.entries(properties ?? {})) {
      visit(property, `${at}.${key}`, true);
    }
    if (typeof node.additionalProperties === 'object') {
      visit(node.additionalProperties as Schema, `${at}.*`, true);
    }
  };
  visit(schema, where, false);
  return found;
}

/**
 * OpenAPI 3.0's schema dialect as JSON Schema, for ajv: `nullable` as a union with null, refs
 * into `definitions`, and no field the document does not name (an undocumented field fails).
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, discriminator: _d, example: _e, ...rest } = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', '#/definitions/');
    } else if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([k, v]) => [k, asJsonSchema(v)]),
      );
    } else {
      out[key] = asJsonSchema(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Checks an answer's body against the schema the document gives for it. */
function expectDocumented(
  document: OpenAPIObject,
  route: { method: string; path: string; status: number },
  body: unknown,
): void {
  const operation = (document.paths[route.path] as Record<string, OperationObject>)[route.method];
  const answer = operation.responses[String(route.status)] as unknown as {
    content: Record<string, { schema: Schema }>;
  };
  const schema = answer.content['application/json'].schema;
  const { definitions } = asJsonSchema({ definitions: document.components?.schemas }) as Schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile({ ...(asJsonSchema(schema) as Schema), definitions });
  const name = `${route.method.toUpperCase()} ${route.path} ${route.status}`;
  validate(body);
  expect({ name, errors: validate.errors ?? [] }).toEqual({ name, errors: [] });
}

describe('the documented response schemas', () => {
  it('give every 2xx answer a body, and no JSON answer is an object of unknown shape', () => {
    const document = openApiDocument(app);
    const answers = successAnswers(document);
    expect(answers.length).toBeGreaterThan(30);
    for (const { name, content } of answers) {
      expect({ name, mediaTypes: Object.keys(content ?? {}).length > 0 }).toEqual({
        name,
        mediaTypes: true,
      });
      const json = content?.['application/json']?.schema;
      if (!json) continue;
      expect({ name, shapeless: shapelessObjects(document, json, name) }).toEqual({
        name,
        shapeless: [],
      });
    }
  });

  it('finds an object of unknown shape (the check above can fail)', () => {
    const document = openApiDocument(app);
    expect(shapelessObjects(document, { type: 'object' }, 'answer')).toEqual(['answer']);
    expect(
      shapelessObjects(document, { type: 'array', items: { $ref: '#/components/schemas/X' } }, 'a'),
    ).toEqual([]);
    const nested = { type: 'object', properties: { data: { type: 'object' } } };
    expect(shapelessObjects(document, nested, 'answer')).toEqual(['answer.data']);
  });

  describe('match what the running app answers', () => {
    const police = `Bearer ${tokenFor('police-system')}`;
    const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
    const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-1')}`;
    const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;
    const chair = `Bearer ${tokenFor('cmog-chair', undefined, 'chair-cat')}`;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const londonDay = (daysAgo: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
        new Date(Date.now() - daysAgo * 86_400_000),
      );
    const get = (path: string, as: string) => api(app).get(path).set('Authorization', as);
    const post = (path: string, as: string, body: object) =>
      api(app).post(path).set('Authorization', as).send(body);
    let document: OpenAPIObject;
    let childId: string;
    let interviewId: string;

    beforeAll(async () => {
      document = openApiDocument(app);
      const missing = missingReported({ occurredAt: hoursAgo(30) });
      childId = (await post('/api/v1/police/notifications', police, missing).expect(202)).body
        .childId as string;
      await post('/api/v1/police/notifications', police, childFound(missing)).expect(202);
      interviewId = await eventually(async () => {
        const queue = (await get('/api/v1/interviews', coordinator).expect(200)).body as Schema[];
        const item = queue.find((i) => i.childId === childId);
        if (!item) throw new Error('interview not scheduled yet');
        return item.interviewId as string;
      });
    });

    const detail = { method: 'get', path: '/api/v1/interviews/{interviewId}', status: 200 };

    it('the interview detail, before and after the interview is held', async () => {
      const url = `/api/v1/interviews/${interviewId}`;
      // Before allocation the coordinator reads it (a worker sees only what is allocated to them).
      const scheduled = await get(url, coordinator).expect(200);
      expect(scheduled.body.screeningPrefill).not.toBeUndefined();
      expectDocumented(document, detail, scheduled.body);

      await post(`${url}/allocate`, coordinator, { workerId: 'worker-1' }).expect(200);
      const completed = await post(`${url}/complete`, worker, {
        conductedAt: hoursAgo(0.5),
        screening: {
          significant: [{ code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' }],
          medium: ['ALCOHOL_MISUSE'],
          vulnerabilities: ['HISTORY_OF_CARE'],
        },
        locationsVisited: [{ description: 'Hotel, city centre', postcode: 'B1 1AA' }],
        associates: [{ name: 'Adult male, about 30', relationship: 'gave lifts' }],
        pushFactors: 'Arguments at the placement',
        pullFactors: 'Lifts and gifts',
        childsVoice: 'They were nice to me at first',
        disclosures: 'None today',
      }).expect(200);
      expect(completed.body.screening.confirmed).toBe('SIGNIFICANT');
      expectDocumented(
        document,
        { method: 'post', path: '/api/v1/interviews/{interviewId}/complete', status: 200 },
        completed.body,
      );

      const held = await eventually(async () => {
        const res = await get(url, worker).expect(200);
        if (res.body.status !== 'HELD') throw new Error('not held yet');
        return res;
      });
      expect(held.body.outcome.type).toBe('HELD');
      expect(held.body.screening.indicators.medium).toEqual(['ALCOHOL_MISUSE']);
      expectDocumented(document, detail, held.body);
      // A field the document does not name fails too.
      expect(() => expectDocumented(document, detail, { ...held.body, extra: 1 })).toThrow();
    });

    it('the board report', async () => {
      const board = await eventually(async () => {
        const res = await get(
          `/api/v1/reports/board?from=${londonDay(7)}&to=${londonDay(0)}`,
          manager,
        ).expect(200);
        if (res.body.episodes.total < 1) throw new Error('episode not counted yet');
        return res;
      });
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/reports/board', status: 200 },
        board.body,
      );
    });

    it('the CMOG agenda, and a meeting opened on it with an action in the register', async () => {
      const agenda = await eventually(async () => {
        const res = await get('/api/v1/cmog/agenda?localAuthority=Walsall', chair).expect(200);
        if (!res.body.children.some((c: Schema) => c.childId === childId)) {
          throw new Error('child not on the agenda yet');
        }
        return res;
      });
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/cmog/agenda', status: 200 },
        agenda.body,
      );

      const opened = await post('/api/v1/cmog/meetings', chair, {
        heldOn: londonDay(0),
        localAuthority: 'Walsall',
      }).expect(201);
      expectDocumented(
        document,
        { method: 'post', path: '/api/v1/cmog/meetings', status: 201 },
        opened.body,
      );
      const action = await post('/api/v1/cmog/actions', chair, {
        meetingId: opened.body.meetingId,
        childId,
        description: 'Visit the hotel with the licensing team',
        owner: 'DC Amy Shah',
        agency: 'Police',
        dueOn: londonDay(-7),
        intendedOutcome: 'Hotel staff know to call the police',
      }).expect(201);
      expectDocumented(
        document,
        { method: 'post', path: '/api/v1/cmog/actions', status: 201 },
        action.body,
      );
      // The register is a projection: it has the action once it has caught up.
      const register = await eventually(async () => {
        const res = await get('/api/v1/cmog/actions', chair).expect(200);
        if ((res.body as unknown[]).length === 0) throw new Error('not projected yet');
        return res;
      });
      expect(register.body).toHaveLength(1);
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/cmog/actions', status: 200 },
        register.body,
      );
    });

    it('the hotspots, the associations, the picture, the deliveries and liveness', async () => {
      const hotspots = await eventually(async () => {
        const res = await get('/api/v1/cmog/hotspots', chair).expect(200);
        if (res.body.length === 0) throw new Error('no hotspot yet');
        return res;
      });
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/cmog/hotspots', status: 200 },
        hotspots.body,
      );
      const associations = await eventually(async () => {
        const res = await get(`/api/v1/children/${childId}/associations`, chair).expect(200);
        if (res.body.length === 0) throw new Error('no association yet');
        return res;
      });
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/children/{childId}/associations', status: 200 },
        associations.body,
      );
      const picture = await get('/api/v1/cmog/picture', chair).expect(200);
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/cmog/picture', status: 200 },
        picture.body,
      );
      const deliveries = await get('/api/v1/alerts/deliveries', manager).expect(200);
      expectDocumented(
        document,
        { method: 'get', path: '/api/v1/alerts/deliveries', status: 200 },
        deliveries.body,
      );
      const live = await api(app).get('/health/live').expect(200);
      expectDocumented(document, { method: 'get', path: '/health/live', status: 200 }, live.body);
    });

    it('fails a body the document does not describe', () => {
      const board = { method: 'get', path: '/api/v1/reports/board', status: 200 };
      expect(() => expectDocumented(document, board, { period: {} })).toThrow();
      expect(() => expectDocumented(document, detail, { interviewId: 1 })).toThrow();
    });
  });
});

it('documents the audit page as the auditor gets it', async () => {
  const log = app.get<AuditLog>(AUDIT_LOG);
  const entry = {
    kind: 'BREAK_GLASS',
    sub: 'manager-sue',
    roles: ['safeguarding-manager'],
    organisation: null,
    route: 'GET /api/v1/children/:childId/timeline',
    childIds: ['openapi-child'],
    purpose: 'child at risk tonight',
    records: 1,
    status: 200,
    result: 'ok',
  } as const;
  await log.record({ ...entry, reason: 'outside my authorities, out of hours' });
  await log.record({ ...entry, kind: 'READ', requestId: 'req-openapi' });
  const page = await api(app)
    .get('/api/v1/audit?childId=openapi-child&limit=1')
    .set('Authorization', `Bearer ${tokenFor('auditor', undefined, 'auditor-ada')}`)
    .expect(200);
  expect(page.body.next).toEqual(expect.any(Number));
  const document = openApiDocument(app);
  const audit = { method: 'get', path: '/api/v1/audit', status: 200 };
  expectDocumented(document, audit, page.body);
  expect(() => expectDocumented(document, audit, { ...page.body, extra: 1 })).toThrow();
});

it('a service on its own documents only the routes it has', async () => {
  @Module({})
  class IntakeAlone {}
  const ownDir = mkdtempSync(join(tmpdir(), 'homeward-openapi-intake-'));
  const intake = await NestFactory.create(
    {
      module: IntakeAlone,
      imports: [
        PlatformModule.forRoot(testConfig({ kind: 'pglite', dataDir: ownDir })),
        IntakeModule,
      ],
    },
    { bodyParser: false, logger: ['error'], abortOnError: false },
  );
  try {
    configureHttp(intake);
    await intake.init();
    const served = (await api(intake).get('/api/docs-json').expect(200)).body as OpenAPIObject;
    const paths = Object.keys(served.paths);
    // The audit is served by every service (PlatformModule), intake's own route besides.
    expect(paths.filter((p) => p.startsWith('/api/'))).toEqual([
      '/api/v1/audit',
      '/api/v1/police/notifications',
    ]);
    expect(paths.sort()).toEqual([...new Set(routesOf(intake).map((r) => r.path))].sort());
  } finally {
    await intake.close();
    rmSync(ownDir, { recursive: true, force: true });
  }
});
