import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IntakeModule } from '@homeward/intake';
import {
  PUBLIC_KEY,
  PlatformModule,
  ROLES_KEY,
  configureHttp,
  openApiDocument,
  openApiJson,
} from '@homeward/platform';
import { api, startHomeward, testConfig } from '../support/homeward-app';

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
            : ((Reflect.getMetadata(ROLES_KEY, handler) as string[] | undefined) ?? []),
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
    expect(paths.filter((p) => p.startsWith('/api/'))).toEqual(['/api/v1/police/notifications']);
    expect(paths.sort()).toEqual([...new Set(routesOf(intake).map((r) => r.path))].sort());
  } finally {
    await intake.close();
    rmSync(ownDir, { recursive: true, force: true });
  }
});
