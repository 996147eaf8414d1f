import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, UnauthorizedException } from '@nestjs/common';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import type { AuthConfig, HomewardConfig } from '../config/homeward-config';
import { DEVELOPMENT_JWT_SECRET } from './development-key';
import { INVALID_TOKEN, JoseTokenVerifier } from './jose-token-verifier';

// Each refusal logs why at debug level: not in the test output.
Logger.overrideLogger(false);

const ISSUER = 'https://idp.test/';
const AUDIENCE = 'homeward';
const now = () => Math.floor(Date.now() / 1000);

const verifierFor = (auth: AuthConfig) =>
  new JoseTokenVerifier({ auth } as unknown as HomewardConfig);

/** Signs `claims` (iat now, exp in an hour unless given) with the key and header given. */
async function sign(
  key: KeyLike | Uint8Array,
  alg: string,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const jwt = new SignJWT({ roles: ['ri-coordinator'], ...claims }).setProtectedHeader({
    alg,
    ...header,
  });
  if (!('iat' in claims)) jwt.setIssuedAt();
  if (!('exp' in claims)) jwt.setExpirationTime('1h');
  return jwt.sign(key);
}

async function refused(verify: Promise<unknown>): Promise<void> {
  const error = await verify.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedException);
  expect((error as UnauthorizedException).message).toBe(INVALID_TOKEN);
}

const unsigned = (claims: Record<string, unknown>) =>
  [
    Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
    Buffer.from(JSON.stringify(claims)).toString('base64url'),
    '',
  ].join('.');

describe('JoseTokenVerifier with a JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let rsa: KeyLike;
  let ec: KeyLike;
  let stranger: KeyLike;
  let fetches = 0;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    stranger = (await generateKeyPair('RS256')).privateKey;
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    const keys: JWK[] = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((req, res) => {
      fetches++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => verifierFor({ kind: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE });
  const good = { sub: 'worker-1', iss: ISSUER, aud: AUDIENCE };

  it('verifies RS256 and ES256 tokens signed by the key set, into the caller', async () => {
    const v = verifier();
    const rs = await sign(
      rsa,
      'RS256',
      {
        ...good,
        roles: ['ri-coordinator', 'someone-elses-role'],
        organisation: 'Streetwise',
        localAuthorities: ['Walsall', 'Sandwell'],
      },
      { kid: 'rsa-1' },
    );
    await expect(v.verify(rs)).resolves.toEqual({
      sub: 'worker-1',
      roles: ['ri-coordinator'],
      organisation: 'Streetwise',
      localAuthorities: ['Walsall', 'Sandwell'],
      everyAuthority: false,
      force: null,
      everyForce: false,
    });
    const es = await sign(
      ec,
      'ES256',
      { ...good, sub: 'wmp-gateway', roles: ['police-system'], force: 'WMP' },
      { kid: 'ec-1' },
    );
    await expect(v.verify(es)).resolves.toMatchObject({
      sub: 'wmp-gateway',
      roles: ['police-system'],
      organisation: null,
      localAuthorities: [],
      force: 'WMP',
      everyForce: false,
    });
    expect(fetches).toBeGreaterThan(0);
  });

  it('refuses the wrong issuer or audience, no exp, no iat, no sub, too long a life', async () => {
    const v = verifier();
    const kid = { kid: 'rsa-1' };
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, iss: 'https://evil.test/' }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, aud: 'another-app' }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, exp: undefined }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, iat: undefined }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, sub: undefined }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, sub: '' }, kid)));
    await refused(
      v.verify(await sign(rsa, 'RS256', { ...good, iat: now(), exp: now() + 13 * 3600 }, kid)),
    );
    await refused(
      v.verify(await sign(rsa, 'RS256', { ...good, iat: now() - 7200, exp: now() - 3600 }, kid)),
    );
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, roles: 'ri-worker' }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, roles: undefined }, kid)));
  });

  it('refuses HS256 (even with the development key), alg none, an unknown kid and a stranger', async () => {
    const v = verifier();
    const secret = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
    await refused(v.verify(await sign(secret, 'HS256', good)));
    await refused(v.verify(unsigned({ ...good, roles: ['admin'], iat: now(), exp: now() + 60 })));
    await refused(v.verify(await sign(rsa, 'RS256', good, { kid: 'rsa-2' })));
    await refused(v.verify(await sign(stranger, 'RS256', good, { kid: 'rsa-1' })));
    await refused(v.verify('not.a.token'));
  });

  it('refuses the development wildcards: they are for the development key only', async () => {
    const v = verifier();
    const kid = { kid: 'rsa-1' };
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, localAuthorities: ['*'] }, kid)));
    await refused(v.verify(await sign(rsa, 'RS256', { ...good, force: '*' }, kid)));
  });

  it('says nothing of a claim or of the library in its answer', async () => {
    const token = await sign(
      rsa,
      'RS256',
      { ...good, sub: 'Jane Doe', aud: 'x' },
      { kid: 'rsa-1' },
    );
    const error = (await verifier()
      .verify(token)
      .catch((e: unknown) => e)) as UnauthorizedException;
    expect(JSON.stringify(error.getResponse())).not.toMatch(/Jane|aud|claim/);
  });
});

describe('JoseTokenVerifier with a shared key', () => {
  const secret = 'a-real-shared-key-of-at-least-32-characters';
  const key = new TextEncoder().encode(secret);
  const devKey = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);

  it('verifies HS256 and maps the claims; a staff token with no authorities sees none', async () => {
    const v = verifierFor({ kind: 'shared-key', secret, usingDevelopmentKey: false });
    await expect(
      v.verify(await sign(key, 'HS256', { sub: 'sw-1', roles: ['social-care'] })),
    ).resolves.toEqual({
      sub: 'sw-1',
      roles: ['social-care'],
      organisation: null,
      localAuthorities: [],
      everyAuthority: false,
      force: null,
      everyForce: false,
    });
    await refused(
      v.verify(await sign(key, 'HS256', { sub: 'x', localAuthorities: ['Walsall', ''] })),
    );
    await refused(v.verify(await sign(key, 'HS256', { sub: 'x', organisation: 7 })));
    await refused(v.verify(await sign(devKey, 'HS256', { sub: 'x' })));
    await refused(v.verify(await sign(key, 'HS256', { sub: 'x', exp: undefined })));
    await refused(
      v.verify(await sign(key, 'HS256', { sub: 'x', iat: now(), exp: now() + 13 * 3600 })),
    );
  });

  it('takes the wildcards only with the development key', async () => {
    const real = verifierFor({ kind: 'shared-key', secret, usingDevelopmentKey: false });
    await refused(real.verify(await sign(key, 'HS256', { sub: 'x', localAuthorities: ['*'] })));
    await refused(real.verify(await sign(key, 'HS256', { sub: 'x', force: '*' })));

    const dev = verifierFor({
      kind: 'shared-key',
      secret: DEVELOPMENT_JWT_SECRET,
      usingDevelopmentKey: true,
    });
    await expect(
      dev.verify(
        await sign(devKey, 'HS256', {
          sub: 'local',
          roles: ['police-system'],
          localAuthorities: ['*'],
          force: '*',
        }),
      ),
    ).resolves.toMatchObject({
      localAuthorities: [],
      everyAuthority: true,
      force: null,
      everyForce: true,
    });
    // "*" is every authority on its own, never one among others.
    await refused(
      dev.verify(await sign(devKey, 'HS256', { sub: 'x', localAuthorities: ['*', 'Walsall'] })),
    );
  });

  it('honours a shorter AUTH_MAX_TOKEN_LIFETIME, and a configured issuer', async () => {
    const v = verifierFor({
      kind: 'shared-key',
      secret,
      usingDevelopmentKey: false,
      issuer: ISSUER,
      maxLifetimeSeconds: 1800,
    });
    await expect(
      v.verify(await sign(key, 'HS256', { sub: 'x', iss: ISSUER, exp: now() + 1700, iat: now() })),
    ).resolves.toMatchObject({ sub: 'x' });
    await refused(v.verify(await sign(key, 'HS256', { sub: 'x', iss: ISSUER })));
    await refused(v.verify(await sign(key, 'HS256', { sub: 'x', exp: now() + 60, iat: now() })));
  });
});
