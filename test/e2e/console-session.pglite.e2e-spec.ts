import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  CONSOLE_NOT_BUILT,
  CONSOLE_WEB_DIR_VARIABLE,
  JoseTokenVerifier,
  LOCAL_SIGN_IN_OFF,
  type HomewardConfig,
} from '@homeward/platform';
import { api, apiWithoutPurpose, startHomeward, testConfig } from '../support/homeward-app';

/**
 * The web console's server side: local sign-in with the development key (and only with it),
 * the caller from the token, and the console's files at `/` with a single-page fallback.
 */
const tmp = mkdtempSync(join(tmpdir(), 'homeward-console-session-'));
const web = join(tmp, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
const INDEX = '<!doctype html><html><body><div id="app"></div></body></html>';
writeFileSync(join(web, 'index.html'), INDEX);
writeFileSync(join(web, 'assets', 'app.js'), 'console.log("homeward");');

const apps: INestApplication[] = [];
const boot = async (name: string, overrides: Partial<HomewardConfig> = {}, webDir?: string) => {
  const previous = process.env[CONSOLE_WEB_DIR_VARIABLE];
  process.env[CONSOLE_WEB_DIR_VARIABLE] = webDir ?? join(tmp, 'not-built');
  try {
    const config = testConfig({ kind: 'pglite', dataDir: join(tmp, name) }, overrides);
    const app = await startHomeward(config);
    apps.push(app);
    return { app, config };
  } finally {
    if (previous === undefined) delete process.env[CONSOLE_WEB_DIR_VARIABLE];
    else process.env[CONSOLE_WEB_DIR_VARIABLE] = previous;
  }
};

afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('local sign-in with the development key', () => {
  let app: INestApplication;
  let config: HomewardConfig;
  beforeAll(async () => {
    ({ app, config } = await boot('dev', {}, web));
  });

  const signIn = async (userId: string) =>
    (await apiWithoutPurpose(app).post('/api/v1/session').send({ userId }).expect(200)).body as {
      token: string;
      user: Record<string, unknown>;
    };

  it('says local sign-in is on, and no identity provider', async () => {
    const res = await apiWithoutPurpose(app).get('/api/v1/session/sign-in-options').expect(200);
    expect(res.body).toEqual({ local: true, identityProvider: null });
    expect(res.headers['content-security-policy']).toMatch(/connect-src 'self'(;|$)/);
  });

  it('lists the local users, without a token', async () => {
    const res = await apiWithoutPurpose(app).get('/api/v1/session/users').expect(200);
    const users = res.body as Array<Record<string, unknown>>;
    expect(users.map((u) => u.id)).toEqual(
      expect.arrayContaining([
        'coordinator-ann',
        'worker-amy',
        'worker-ben',
        'sw-sam',
        'manager-sue',
        'cmog-kim',
        'chair-pat',
        'auditor-ida',
        'admin-ola',
        'sw-sandwell',
      ]),
    );
    expect(users.find((u) => u.id === 'coordinator-ann')).toEqual({
      id: 'coordinator-ann',
      name: expect.any(String),
      roles: ['ri-coordinator'],
      organisation: 'Streetwise',
      localAuthorities: ['Walsall'],
    });
    expect(users.find((u) => u.id === 'sw-sandwell')?.localAuthorities).toEqual(['Sandwell']);
    expect(users.find((u) => u.id === 'auditor-ida')?.localAuthorities).toEqual([]);
  });

  it('signs in: a token the project’s verifier accepts, good on guarded routes', async () => {
    const { token, user } = await signIn('coordinator-ann');
    expect(user).toMatchObject({ id: 'coordinator-ann', roles: ['ri-coordinator'] });
    const caller = await new JoseTokenVerifier(config).verify(token);
    expect(caller).toEqual({
      sub: 'coordinator-ann',
      roles: ['ri-coordinator'],
      organisation: 'Streetwise',
      localAuthorities: ['Walsall'],
      everyAuthority: false,
      force: null,
      everyForce: false,
    });
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      number
    >;
    expect(claims.exp - claims.iat).toBe(8 * 3600);

    const me = await apiWithoutPurpose(app)
      .get('/api/v1/session/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toEqual({
      sub: 'coordinator-ann',
      roles: ['ri-coordinator'],
      organisation: 'Streetwise',
      localAuthorities: ['Walsall'],
      everyAuthority: false,
    });
    await api(app).get('/api/v1/interviews').set('Authorization', `Bearer ${token}`).expect(200);
    // The purpose rule is the same for the console as for every client.
    await apiWithoutPurpose(app)
      .get('/api/v1/interviews')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
  });

  it('gives an auditor a token with no authorities, and the access policy still decides', async () => {
    const { token } = await signIn('auditor-ida');
    const me = await apiWithoutPurpose(app)
      .get('/api/v1/session/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toMatchObject({ roles: ['auditor'], localAuthorities: [] });
    await api(app).get('/api/v1/interviews').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('refuses an unknown user or no user, naming userId', async () => {
    for (const body of [{ userId: 'nobody' }, {}, { userId: 7 }, { userId: '' }]) {
      const res = await apiWithoutPurpose(app).post('/api/v1/session').send(body).expect(400);
      expect((res.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(
        expect.arrayContaining(['userId']),
      );
    }
  });

  it('asks for a token on /me', async () => {
    await apiWithoutPurpose(app).get('/api/v1/session/me').expect(401);
  });

  it('serves the console: its files, the page for its own routes, never for the API', async () => {
    const page = await apiWithoutPurpose(app).get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toBe(INDEX);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const script = await apiWithoutPurpose(app).get('/assets/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toMatch(/max-age=31536000/);

    const deep = await apiWithoutPurpose(app).get('/cases/123').expect(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.text).toBe(INDEX);

    await apiWithoutPurpose(app).get('/assets/missing.js').expect(404);
    const nope = await apiWithoutPurpose(app).get('/api/v1/nope').expect(404);
    expect(nope.headers['content-type']).toMatch(/application\/json/);
    expect(nope.headers['cache-control']).toBe('no-store');
    await apiWithoutPurpose(app).get('/health/live').expect(200);
    await apiWithoutPurpose(app)
      .get('/../../etc/passwd')
      .expect((res) => {
        expect(res.text).not.toMatch(/root:/);
      });
  });
});

describe('without the development key', () => {
  let app: INestApplication;
  beforeAll(async () => {
    ({ app } = await boot('real-key', {
      auth: { kind: 'shared-key', secret: 'x'.repeat(40), usingDevelopmentKey: false },
    }));
  });

  it('has no local sign-in', async () => {
    const list = await apiWithoutPurpose(app).get('/api/v1/session/users').expect(404);
    expect(list.body.message).toBe(LOCAL_SIGN_IN_OFF);
    const signIn = await apiWithoutPurpose(app)
      .post('/api/v1/session')
      .send({ userId: 'admin-ola' })
      .expect(404);
    expect(signIn.body.message).toBe(LOCAL_SIGN_IN_OFF);
  });

  it('answers 404 with what to do while the console is not built, never a crash', async () => {
    for (const path of ['/', '/cases/123']) {
      const res = await apiWithoutPurpose(app).get(path).expect(404);
      expect(res.body.message).toBe(CONSOLE_NOT_BUILT);
    }
  });
});

describe('with an identity provider', () => {
  it('has no local sign-in', async () => {
    const { app } = await boot('jwks', {
      auth: {
        kind: 'jwks',
        jwksUrl: 'http://127.0.0.1:9/jwks.json',
        issuer: 'https://idp.test/',
        audience: 'homeward',
      },
    });
    const res = await apiWithoutPurpose(app).get('/api/v1/session/users').expect(404);
    expect(res.body.message).toBe(LOCAL_SIGN_IN_OFF);
    await apiWithoutPurpose(app).post('/api/v1/session').send({ userId: 'x' }).expect(404);
    const options = await apiWithoutPurpose(app).get('/api/v1/session/sign-in-options').expect(200);
    expect(options.body).toEqual({ local: false, identityProvider: null });
  });

  it("names the provider to sign in at, and lets the console reach it, when it has the console's client id", async () => {
    const { app } = await boot('oidc', {
      auth: {
        kind: 'jwks',
        jwksUrl: 'http://127.0.0.1:9/jwks.json',
        issuer: 'https://idp.test/realms/walsall',
        audience: 'homeward',
        signIn: { clientId: 'homeward-console', scope: 'openid profile' },
      },
    });
    const res = await apiWithoutPurpose(app).get('/api/v1/session/sign-in-options').expect(200);
    expect(res.body).toEqual({
      local: false,
      identityProvider: {
        issuer: 'https://idp.test/realms/walsall',
        clientId: 'homeward-console',
        scope: 'openid profile',
      },
    });
    expect(res.headers['content-security-policy']).toMatch(
      /connect-src 'self' https:\/\/idp\.test(;|$)/,
    );
  });
});
