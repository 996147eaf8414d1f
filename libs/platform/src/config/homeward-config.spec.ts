import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import { loadHomewardConfig } from './homeward-config';

describe('configuration from the environment', () => {
  it('defaults to PGlite in ./data on port 3000 with the development key', () => {
    const config = loadHomewardConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(process.cwd(), 'data') });
    expect(config.eventStore).toEqual({ kind: 'sql' });
    expect(config.eventFeed).toBe('store');
    expect(config.scheduler).toEqual({ kind: 'in-process' });
    expect(config.kafka).toBeNull();
    expect(config.auth).toEqual({ jwtSecret: DEVELOPMENT_JWT_SECRET, usingDevelopmentKey: true });
    expect(config.policy.returnInterview.deadlineHours).toBe(72);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadHomewardConfig({
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
    const interviews = loadHomewardConfig(env, 'interviews');
    expect(interviews).toMatchObject({
      service: 'interviews',
      port: 3002,
      eventFeed: 'kafka',
      kafka: { brokers: ['127.0.0.1:59092'], clientId: 'homeward-interviews' },
      scheduler: { kind: 'bullmq', redisUrl: 'redis://127.0.0.1:56379' },
    });
    expect(() => loadHomewardConfig({}, 'interviews')).toThrow(
      /DATABASE_URL: required to run the interviews service on its own\n.*KAFKA_BROKERS: required.*\n.*REDIS_URL: required/,
    );
    expect(() => loadHomewardConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /KURRENTDB_CONNECTION_STRING: required/,
    );
    expect(() => loadHomewardConfig({ KAFKA_BROKERS: 'nope' })).toThrow(
      /KAFKA_BROKERS must be host:port/,
    );
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      loadHomewardConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        AUTH_JWT_SECRET: 'short',
        EVENT_STORE: 'mongo',
      }),
    ).toThrow(
      /PORT: .*\n.*DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL\n.*EVENT_STORE: EVENT_STORE must be pglite, postgres or kurrentdb\n.*AUTH_JWT_SECRET: AUTH_JWT_SECRET must be at least 32 characters/s,
    );
  });

  it('refuses production without a real signing key, and postgres without a URL', () => {
    expect(() => loadHomewardConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_JWT_SECRET: required in production/,
    );
    expect(() => loadHomewardConfig({ EVENT_STORE: 'postgres' })).toThrow(
      /DATABASE_URL: required when EVENT_STORE=postgres/,
    );
  });

  it('reads policy overrides from POLICY_FILE and rejects a nonsensical deadline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ returnInterview: { deadlineHours: 48 } }));
    expect(loadHomewardConfig({ POLICY_FILE: good }).policy.returnInterview.deadlineHours).toBe(48);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ returnInterview: { deadlineHours: -1 } }));
    expect(() => loadHomewardConfig({ POLICY_FILE: bad })).toThrow(
      /deadlineHours must be a positive number/,
    );
    expect(() => loadHomewardConfig({ POLICY_FILE: join(dir, 'missing.json') })).toThrow(
      /POLICY_FILE: cannot read/,
    );
  });
});
