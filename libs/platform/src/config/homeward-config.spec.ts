import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_AUDIENCES, DEFAULT_POLICY, policyFor } from '@homeward/domain';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import { loadHomewardConfig, type HomewardService } from './homeward-config';

/** As jest runs (NODE_ENV=test) unless the test says otherwise. */
const load = (raw: Record<string, unknown>, service?: HomewardService) =>
  loadHomewardConfig({ NODE_ENV: 'test', ...raw }, service);

describe('configuration from the environment', () => {
  it('defaults to PGlite in ./data on port 3000 with the development key', () => {
    const config = load({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(process.cwd(), 'data') });
    expect(config.eventStore).toEqual({ kind: 'sql' });
    expect(config.eventFeed).toBe('store');
    expect(config.scheduler).toEqual({ kind: 'in-process' });
    expect(config.kafka).toBeNull();
    expect(config.auth).toEqual({
      kind: 'shared-key',
      secret: DEVELOPMENT_JWT_SECRET,
      usingDevelopmentKey: true,
      maxLifetimeSeconds: 12 * 3600,
    });
    expect(config.rateLimit).toEqual({ writesPerMinute: 600 });
    expect(config.allowPrivateWebhookTargets).toBe(true);
    expect(config.policy.returnInterview.deadlineHours).toBe(72);
  });

  it('binds 127.0.0.1 unless HOST names another address, and refuses one that is not', () => {
    expect(load({}).host).toBe('127.0.0.1');
    expect(load({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(load({ HOST: '::' }).host).toBe('::');
    expect(load({ HOST: 'localhost' }).host).toBe('localhost');
    for (const bad of ['', 'not a host!', 'http://0.0.0.0', '0.0.0.0:3000', '999.1.1.1']) {
      expect(() => load({ HOST: bad })).toThrow(
        /HOST: must be an IP address to listen on .* or localhost/,
      );
    }
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = load({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/hw',
      PORT: '8080',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/hw' });
    expect(config.port).toBe(8080);
  });

  it('runs a service apart on Kafka and, for interviews, BullMQ; and says what is missing', () => {
    const env = {
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/hw',
      KAFKA_BROKERS: '127.0.0.1:59092',
      REDIS_URL: 'redis://127.0.0.1:56379',
    };
    const interviews = load(env, 'interviews');
    expect(interviews).toMatchObject({
      service: 'interviews',
      port: 3002,
      eventFeed: 'kafka',
      kafka: { brokers: ['127.0.0.1:59092'], clientId: 'homeward-interviews' },
      scheduler: { kind: 'bullmq', redisUrl: 'redis://127.0.0.1:56379' },
    });
    expect(() => load({}, 'interviews')).toThrow(
      /DATABASE_URL: required to run the interviews service on its own\n.*KAFKA_BROKERS: required.*\n.*REDIS_URL: required/,
    );
    expect(() => load({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /KURRENTDB_CONNECTION_STRING: required when EVENT_STORE=kurrentdb/,
    );
    expect(
      load({
        EVENT_STORE: 'kurrentdb',
        KURRENTDB_CONNECTION_STRING: 'kurrentdb://127.0.0.1:2113?tls=false',
      }).eventStore,
    ).toEqual({ kind: 'kurrentdb', connectionString: 'kurrentdb://127.0.0.1:2113?tls=false' });
    expect(() =>
      load({ EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'http://x' }),
    ).toThrow(/KURRENTDB_CONNECTION_STRING must be a kurrentdb:\/\/ connection string/);
    expect(() => load({ KAFKA_BROKERS: 'nope' })).toThrow(/KAFKA_BROKERS must be host:port/);
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      load({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        AUTH_JWT_SECRET: 'short',
        EVENT_STORE: 'mongo',
      }),
    ).toThrow(
      /PORT: .*\n.*DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL\n.*EVENT_STORE: EVENT_STORE must be pglite, postgres or kurrentdb\n.*AUTH_JWT_SECRET: AUTH_JWT_SECRET must be at least 32 characters/s,
    );
  });

  it('refuses postgres without a URL', () => {
    expect(() => load({ EVENT_STORE: 'postgres' })).toThrow(
      /DATABASE_URL: required when EVENT_STORE=postgres/,
    );
  });
});

describe('token keys: fail closed outside development and test', () => {
  const secret = 'k'.repeat(32);
  const jwks = {
    AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
    AUTH_ISSUER: 'https://idp.example/',
    AUTH_AUDIENCE: 'homeward',
  };

  it('accepts the development key only when NODE_ENV is development or test', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const { auth } = loadHomewardConfig({ NODE_ENV });
      expect(auth).toMatchObject({ kind: 'shared-key', usingDevelopmentKey: true });
    }
    for (const raw of [{}, { NODE_ENV: 'production' }]) {
      expect(() => loadHomewardConfig(raw)).toThrow(
        /AUTH_JWT_SECRET: AUTH_JWKS_URL or AUTH_JWT_SECRET is required \(NODE_ENV is (unset|"production"); the public development key is accepted only when NODE_ENV is development or test\)/,
      );
    }
    expect(() => loadHomewardConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV: /);
  });

  it("refuses a short secret anywhere, and the development key's value outside development", () => {
    expect(() => load({ AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET must be at least 32 characters/,
    );
    expect(() => loadHomewardConfig({ AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /AUTH_JWT_SECRET: is the public development key \(in the repository\), refused when NODE_ENV is unset/,
    );
    expect(load({ AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET }).auth).toMatchObject({
      usingDevelopmentKey: true,
    });
    expect(loadHomewardConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }).auth).toEqual({
      kind: 'shared-key',
      secret,
      usingDevelopmentKey: false,
      maxLifetimeSeconds: 12 * 3600,
    });
  });

  it('takes a JWKS URL with its issuer and audience, https outside development', () => {
    expect(loadHomewardConfig({ NODE_ENV: 'production', ...jwks }).auth).toEqual({
      kind: 'jwks',
      jwksUrl: jwks.AUTH_JWKS_URL,
      issuer: jwks.AUTH_ISSUER,
      audience: jwks.AUTH_AUDIENCE,
      maxLifetimeSeconds: 12 * 3600,
    });
    expect(() => loadHomewardConfig({ AUTH_JWKS_URL: jwks.AUTH_JWKS_URL })).toThrow(
      /AUTH_ISSUER: required with AUTH_JWKS_URL\n.*AUTH_AUDIENCE: required with AUTH_JWKS_URL/,
    );
    expect(() =>
      loadHomewardConfig({ ...jwks, AUTH_JWKS_URL: 'http://idp.example/jwks.json' }),
    ).toThrow(/AUTH_JWKS_URL: must be https:\/\//);
    expect(load({ ...jwks, AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }).auth.kind).toBe('jwks');
    expect(() => load({ ...jwks, AUTH_JWT_SECRET: secret })).toThrow(
      /AUTH_JWKS_URL: set either AUTH_JWKS_URL or AUTH_JWT_SECRET, not both/,
    );
  });

  it("takes the console's client id at the identity provider, only with a JWKS URL", () => {
    const signIn = { ...jwks, NODE_ENV: 'production', AUTH_OIDC_CLIENT_ID: 'homeward-console' };
    expect(loadHomewardConfig(signIn).auth).toMatchObject({
      kind: 'jwks',
      signIn: { clientId: 'homeward-console', scope: 'openid profile' },
    });
    expect(
      loadHomewardConfig({ ...signIn, AUTH_OIDC_SCOPE: 'openid profile homeward' }).auth,
    ).toMatchObject({ signIn: { scope: 'openid profile homeward' } });
    expect(() => load({ AUTH_OIDC_CLIENT_ID: 'homeward-console' })).toThrow(
      /AUTH_OIDC_CLIENT_ID: only with AUTH_JWKS_URL/,
    );
    expect(() => load({ ...jwks, AUTH_OIDC_SCOPE: 'openid' })).toThrow(
      /AUTH_OIDC_SCOPE: only with AUTH_OIDC_CLIENT_ID/,
    );
    expect(() => load({ ...signIn, AUTH_OIDC_SCOPE: ' openid' })).toThrow(
      /AUTH_OIDC_SCOPE must be scopes separated by spaces/,
    );
    expect(() => load({ ...signIn, AUTH_ISSUER: 'idp' })).toThrow(
      /AUTH_ISSUER: must be the identity provider's URL/,
    );
  });

  it('bounds the token lifetime at 12 hours', () => {
    expect(load({ AUTH_MAX_TOKEN_LIFETIME: '8h' }).auth.maxLifetimeSeconds).toBe(8 * 3600);
    expect(load({ AUTH_MAX_TOKEN_LIFETIME: '30m' }).auth.maxLifetimeSeconds).toBe(1800);
    expect(load({ AUTH_MAX_TOKEN_LIFETIME: '3600' }).auth.maxLifetimeSeconds).toBe(3600);
    for (const bad of ['13h', 'forever', '10s']) {
      expect(() => load({ AUTH_MAX_TOKEN_LIFETIME: bad })).toThrow(
        /AUTH_MAX_TOKEN_LIFETIME: must be a duration from 1m to 12h/,
      );
    }
  });

  it('takes the write rate limit', () => {
    expect(load({ RATE_LIMIT_WRITES_PER_MINUTE: '5' }).rateLimit).toEqual({ writesPerMinute: 5 });
    expect(() => load({ RATE_LIMIT_WRITES_PER_MINUTE: 'lots' })).toThrow(
      /RATE_LIMIT_WRITES_PER_MINUTE must be a whole number/,
    );
  });

  it('logs JSON unless told pretty (or on a terminal), at LOG_LEVEL, and checks both', () => {
    expect(load({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }).logging).toEqual({
      level: 'debug',
      format: 'json',
    });
    expect(load({ LOG_FORMAT: 'pretty' }).logging).toEqual({
      level: 'info',
      format: 'pretty',
    });
    expect(() => load({ LOG_FORMAT: 'text', LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent\n.*LOG_FORMAT must be json or pretty/,
    );
  });

  it('takes METRICS_TOKEN, at least 16 characters', () => {
    expect(load({}).metrics).toEqual({ token: null });
    expect(load({ METRICS_TOKEN: 'a'.repeat(16) }).metrics).toEqual({
      token: 'a'.repeat(16),
    });
    expect(() => load({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });
});

describe('policy from POLICY_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-'));
  const policyFile = (name: string, content: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('uses the defaults without a file', () => {
    const config = load({});
    expect(config.policy).toEqual(DEFAULT_POLICY);
    expect(config.policies).toEqual({ default: DEFAULT_POLICY, localAuthorities: {} });
  });

  it('still reads a file of top-level overrides only', () => {
    const file = policyFile('deadline.json', { returnInterview: { deadlineHours: 48 } });
    const config = load({ POLICY_FILE: file });
    expect(config.policy.returnInterview.deadlineHours).toBe(48);
    expect(config.policy.triage).toEqual(DEFAULT_POLICY.triage);
    expect(config.policies.default).toEqual(config.policy);
  });

  it("reads a local authority's overrides over the top level", () => {
    const file = policyFile('walsall.json', {
      returnInterview: { deadlineHours: 48 },
      localAuthorities: { Walsall: { triage: { red: { underAge: 14 } } } },
    });
    const { policy, policies } = load({ POLICY_FILE: file });
    const walsall = policyFor(policies, 'walsall');
    expect(walsall.triage.red.underAge).toBe(14);
    expect(walsall.returnInterview.deadlineHours).toBe(48);
    expect(policy.triage.red.underAge).toBe(13);
  });

  it("names a local authority's bad value with its path", () => {
    const file = policyFile('bad-la.json', {
      localAuthorities: { Walsall: { triage: { red: { underAge: 30 } } } },
    });
    expect(() => load({ POLICY_FILE: file })).toThrow(
      'Invalid configuration:\n  - POLICY_FILE: localAuthorities.Walsall.triage.red.underAge: must be a whole number from 1 to 18',
    );
  });

  it('reports every problem in the file, one line each, with other bad variables', () => {
    const file = policyFile('bad.json', {
      returnInterview: { deadlineHours: -1 },
      repeatMissing: { cmog: { count: 0 } },
      triage: { green: {} },
    });
    let message = '';
    try {
      load({ POLICY_FILE: file, PORT: 'eighty' });
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines[1]).toMatch(/^ {2}- PORT: /);
    // In the order they appear in the file.
    expect(lines.filter((line) => line.includes('POLICY_FILE'))).toEqual([
      '  - POLICY_FILE: returnInterview.deadlineHours: must be a number of hours above 0',
      '  - POLICY_FILE: repeatMissing.cmog.count: must be a whole number of episodes, 1 or more',
      '  - POLICY_FILE: triage.green: unknown setting (known here: red, amber)',
    ]);
  });

  it('says when the file cannot be read or is not JSON', () => {
    expect(() => load({ POLICY_FILE: join(dir, 'missing.json') })).toThrow(
      /POLICY_FILE: cannot read .*missing\.json/,
    );
    const broken = policyFile('broken.json', '{ "returnInterview": ');
    expect(() => load({ POLICY_FILE: broken })).toThrow(
      /POLICY_FILE: is not valid JSON .*broken\.json/,
    );
  });
});

describe('webhook targets from ALERT_WEBHOOKS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-'));
  const webhooksFile = (name: string, content: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const secret = 's'.repeat(32);
  const messageOf = (raw: Record<string, unknown>): string => {
    try {
      load(raw);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  };

  it('has no targets without the variable', () => {
    expect(load({}).webhooks).toEqual([]);
  });

  it('reads every target, all local authorities when none are named', () => {
    const file = webhooksFile('good.json', [
      {
        name: 'walsall-social-care',
        url: 'https://walsall.example/hooks/homeward',
        audiences: ['SOCIAL_CARE', 'RESPONSIBLE_LA'],
        localAuthorities: ['Walsall'],
        secret,
      },
      {
        name: 'manager.pager',
        url: 'http://127.0.0.1:9000/in',
        audiences: ['SAFEGUARDING_MANAGER'],
        secret,
      },
    ]);
    expect(load({ ALERT_WEBHOOKS: file }).webhooks).toEqual([
      {
        name: 'walsall-social-care',
        url: 'https://walsall.example/hooks/homeward',
        audiences: ['SOCIAL_CARE', 'RESPONSIBLE_LA'],
        localAuthorities: ['Walsall'],
        secret,
      },
      {
        name: 'manager.pager',
        url: 'http://127.0.0.1:9000/in',
        audiences: ['SAFEGUARDING_MANAGER'],
        localAuthorities: null,
        secret,
      },
    ]);
  });

  it('names each bad entry and field, one line each, and never echoes a secret', () => {
    const file = webhooksFile('bad.json', [
      {
        name: 'walsall-social-care',
        url: 'ftp://x',
        audiences: ['SOCIAL_WORK'],
        secret: 'short-secret',
      },
      { url: 'https://ok.example', audiences: ['CMOG'], secret, localAuthorities: [] },
      'not an object',
      {
        name: 'walsall-social-care',
        url: 'https://a.example',
        audiences: ['CMOG'],
        secret,
        retries: 3,
      },
    ]);
    const message = messageOf({ ALERT_WEBHOOKS: file, PORT: 'eighty' });
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines[1]).toMatch(/^ {2}- PORT: /);
    expect(lines.filter((line) => line.includes('ALERT_WEBHOOKS'))).toEqual([
      '  - ALERT_WEBHOOKS: [0] (walsall-social-care).url: is required: an http:// or https:// URL',
      `  - ALERT_WEBHOOKS: [0] (walsall-social-care).audiences: is required: a non-empty list of ${ALERT_AUDIENCES.join(', ')}`,
      '  - ALERT_WEBHOOKS: [0] (walsall-social-care).secret: is required: at least 32 characters',
      '  - ALERT_WEBHOOKS: [1].name: is required: letters, digits, ".", "_" or "-" (at most 100), starting with a letter or digit',
      '  - ALERT_WEBHOOKS: [1].localAuthorities: must be a non-empty list of local authority names (leave it out for every local authority)',
      '  - ALERT_WEBHOOKS: [2]: must be an object { name, url, audiences, secret }',
      '  - ALERT_WEBHOOKS: [3] (walsall-social-care).retries: unknown field (known: name, url, audiences, localAuthorities, secret)',
      '  - ALERT_WEBHOOKS: [3] (walsall-social-care).name: is used by another target: names must be unique',
    ]);
    expect(message).not.toContain('short-secret');
  });

  it('requires https in production', () => {
    const file = webhooksFile('plain.json', [
      { name: 'pager', url: 'http://pager.example/in', audiences: ['CMOG'], secret },
    ]);
    expect(
      messageOf({ ALERT_WEBHOOKS: file, NODE_ENV: 'production', AUTH_JWT_SECRET: secret }),
    ).toBe(
      'Invalid configuration:\n  - ALERT_WEBHOOKS: [0] (pager).url: must be https:// in production (alerts name children)',
    );
  });

  it('refuses targets on this network outside development and test, naming each', () => {
    const targets = [
      'https://127.0.0.1/in',
      'https://10.1.2.3/in',
      'https://172.16.0.9/in',
      'https://192.168.1.1/in',
      'https://169.254.169.254/latest/meta-data',
      'https://[fe80::1]/in',
      'https://[fd00::1]/in',
      'https://[::1]/in',
      'https://0.0.0.0/in',
      'https://[::ffff:127.0.0.1]/in',
      'https://localhost/in',
      'https://api.localhost/in',
      'https://metadata.google.internal/computeMetadata/v1',
    ];
    const file = webhooksFile(
      'inward.json',
      [...targets, 'https://walsall.example/in', 'https://8.8.8.8/in'].map((url, i) => ({
        name: `t${i}`,
        url,
        audiences: ['CMOG'],
        secret,
      })),
    );
    const lines = messageOf({
      ALERT_WEBHOOKS: file,
      AUTH_JWT_SECRET: secret,
      NODE_ENV: undefined,
    }).split('\n');
    expect(lines.slice(1)).toHaveLength(targets.length);
    expect(lines[1]).toBe(
      '  - ALERT_WEBHOOKS: [0] (t0).url: host 127.0.0.1 is a loopback address (allowed only when NODE_ENV is development or test)',
    );
    expect(lines[5]).toMatch(/\[4\] \(t4\)\.url: host 169\.254\.169\.254 is a link-local address/);
    expect(lines[13]).toMatch(
      /\[12\] \(t12\)\.url: host metadata\.google\.internal is not a public name/,
    );
    // In development and test (the tests' receivers listen on 127.0.0.1) they are taken.
    expect(load({ ALERT_WEBHOOKS: file }).webhooks).toHaveLength(targets.length + 2);
  });

  it('says when the file cannot be read, is not JSON or is not a list', () => {
    expect(messageOf({ ALERT_WEBHOOKS: join(dir, 'missing.json') })).toMatch(
      /ALERT_WEBHOOKS: cannot read .*missing\.json/,
    );
    expect(messageOf({ ALERT_WEBHOOKS: webhooksFile('broken.json', '[{') })).toMatch(
      /ALERT_WEBHOOKS: is not valid JSON .*broken\.json/,
    );
    expect(messageOf({ ALERT_WEBHOOKS: webhooksFile('object.json', { name: 'x' }) })).toMatch(
      /ALERT_WEBHOOKS: .*object\.json must hold a JSON array of targets/,
    );
  });
});
