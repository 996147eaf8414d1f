import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { HomewardModule, type HomewardModuleOptions } from '../../apps/homeward/src/app.module';
import { DEFAULT_POLICY, DEFAULT_POLICY_SET } from '@homeward/domain';
import {
  configureHttp,
  DEVELOPMENT_JWT_SECRET,
  type HomewardConfig,
  type Role,
} from '@homeward/platform';

export function testConfig(
  database: HomewardConfig['database'],
  overrides: Partial<HomewardConfig> = {},
): HomewardConfig {
  return {
    service: 'all',
    port: 0,
    host: '127.0.0.1',
    database,
    eventStore: { kind: 'sql' },
    eventFeed: 'store',
    kafka: null,
    scheduler: { kind: 'in-process' },
    auth: { kind: 'shared-key', secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentKey: true },
    // The tests' webhook receivers listen on 127.0.0.1.
    allowPrivateWebhookTargets: true,
    policy: DEFAULT_POLICY,
    policies: DEFAULT_POLICY_SET,
    webhooks: [],
    ...overrides,
  };
}

/** Boots the whole embedded Homeward, as `npm start` does, without listening on a port. */
export async function startHomeward(
  config: HomewardConfig,
  modules: HomewardModuleOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(HomewardModule.forRoot(config, modules), {
    bodyParser: false,
    logger: ['error'],
    // Surface a start-up failure as a rejected promise (and a failed test), not process.exit.
    abortOnError: false,
  });
  configureHttp(app);
  await app.init();
  return app;
}

/** Claims a test token may carry besides `sub` and `roles`. */
export interface TokenClaims {
  organisation?: string | null;
  localAuthorities?: string[];
  force?: string;
  [claim: string]: unknown;
}

/**
 * An HS256 token for one role, valid for an hour (with `iat`). Unless `claims` says otherwise it
 * covers every local authority (`localAuthorities: ["*"]`) and, for a police system, every force
 * (`force: "*"`), which only the development key is trusted with.
 */
export const tokenFor = (
  role: Role,
  secret = DEVELOPMENT_JWT_SECRET,
  sub = `test-${role}`,
  claims: TokenClaims = {},
) =>
  jwt.sign(
    {
      sub,
      roles: [role],
      localAuthorities: ['*'],
      ...(role === 'police-system' ? { force: '*' } : {}),
      ...claims,
    },
    secret,
    { algorithm: 'HS256', expiresIn: '1h' },
  );

/** The purpose tests state on child-level reads, as every client must (the audit records it). */
export const TEST_PURPOSE = 'automated test of Homeward';

/**
 * Requests to the app, stating the test's purpose on every one (child-level reads need it);
 * `apiWithoutPurpose` for the tests of that rule.
 */
export const api = (app: INestApplication) =>
  request.agent(app.getHttpServer()).set('X-Purpose', TEST_PURPOSE);

export const apiWithoutPurpose = (app: INestApplication) => request(app.getHttpServer());

/** Polls until `check` stops throwing: read models are updated asynchronously. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
