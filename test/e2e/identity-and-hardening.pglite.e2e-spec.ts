import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';

const dirs: string[] = [];
const dataDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `homeward-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const PURPOSE = { 'X-Purpose': 'checking the return interview queue' };

describe('the whole app in JWKS mode', () => {
  const ISSUER = 'https://idp.homeward.test/';
  const AUDIENCE = 'homeward-api';
  let jwks: Server;
  let app: INestApplication;
  let key: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    app = await startHomeward(
      testConfig(
        { kind: 'pglite', dataDir: dataDir('jwks') },
        { auth: { kind: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
      ),
    );
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const rs256 = (claims: Record<string, unknown>, audience = AUDIENCE) =>
    new SignJWT({ roles: ['ri-coordinator'], localAuthorities: ['Walsall'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject('coordinator-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);

  it("answers 200 to the identity provider's RS256 token", async () => {
    await api(app)
      .get('/api/v1/interviews')
      .set('Authorization', `Bearer ${await rs256({})}`)
      .set(PURPOSE)
      .expect(200);
  });

  it('answers 401, plainly, to another audience, the development key and the wildcard', async () => {
    for (const token of [
      await rs256({}, 'another-api'),
      tokenFor('ri-coordinator'),
      await rs256({ localAuthorities: ['*'] }),
    ]) {
      const res = await api(app)
        .get('/api/v1/interviews')
        .set('Authorization', `Bearer ${token}`)
        .set(PURPOSE)
        .expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'invalid or expired token',
      });
    }
  });
});

describe('write rate limit per caller', () => {
  let app: INestApplication;
  const REDRIVE = '/api/v1/alerts/deliveries/redrive';
  const manager = (sub: string) => `Bearer ${tokenFor('safeguarding-manager', undefined, sub)}`;

  beforeAll(async () => {
    app = await startHomeward(
      testConfig(
        { kind: 'pglite', dataDir: dataDir('rate') },
        { rateLimit: { writesPerMinute: 2 } },
      ),
    );
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('answers 429 with Retry-After to one sub over the limit while another still writes', async () => {
    for (let i = 0; i < 2; i++) {
      await api(app).post(REDRIVE).set('Authorization', manager('busy')).send({}).expect(200);
    }
    const limited = await api(app)
      .post(REDRIVE)
      .set('Authorization', manager('busy'))
      .send({})
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/too many writes/);
    await api(app).post(REDRIVE).set('Authorization', manager('calm')).send({}).expect(200);
    // Reads are not counted.
    await api(app)
      .get('/api/v1/alerts/deliveries')
      .set('Authorization', manager('busy'))
      .expect(200);
  });

  it('never limits a police system: a notification of a missing child is not refused', async () => {
    const police = `Bearer ${tokenFor('police-system')}`;
    for (let i = 0; i < 4; i++) {
      const res = await api(app)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send({});
      expect(res.status).toBe(400);
    }
  });
});

describe('headers, health and the API documents', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir: dataDir('headers') }));
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('sends security headers and no-store, and no X-Powered-By', async () => {
    const res = await api(app)
      .get('/api/v1/interviews')
      .set('Authorization', `Bearer ${tokenFor('ri-worker')}`)
      .set(PURPOSE)
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    const refused = await api(app).get('/api/v1/interviews').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('serves the Swagger UI under the CSP: only scripts and styles of its own', async () => {
    const page = await api(app).get('/api/docs').redirects(1).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const html = page.text;
    // No inline script for the CSP to block: every <script> loads a file.
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map(([, src]) =>
      src.startsWith('/') ? src : `/api/docs/${src}`,
    );
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) await api(app).get(asset).expect(200);
    await api(app).get('/api/docs-json').expect(200);
  });

  it('answers /health with its status only, and the details to an admin', async () => {
    const open = await api(app).get('/health').expect(200);
    expect(open.body).toEqual({ status: 'ok' });
    const worker = await api(app)
      .get('/health')
      .set('Authorization', `Bearer ${tokenFor('ri-worker')}`)
      .expect(200);
    expect(worker.body).toEqual({ status: 'ok' });
    const admin = await api(app)
      .get('/health')
      .set('Authorization', `Bearer ${tokenFor('admin')}`)
      .expect(200);
    expect(admin.body.details.database).toMatchObject({ status: 'up', kind: 'pglite' });
  });
});
