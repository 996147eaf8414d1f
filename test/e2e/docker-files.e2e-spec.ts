import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The build machines have no Docker engine, so neither the image nor the compose file is ever
 * run in CI. This checks what can be checked without one: the Dockerfile's shape, and that the
 * compose file runs the versions of PostgreSQL, Redis and Kafka the infra scripts (and so every
 * integration suite) run, so the two cannot drift apart silently.
 */
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * scripts/infra/postgres.sh and redis.sh install Debian's packages: on bookworm, the release the
 * build machines and the node:20-bookworm-slim image run, those are PostgreSQL 15 and Redis 7.0.
 */
const DEBIAN_PACKAGES: Record<string, { postgres: string; redis: string }> = {
  bookworm: { postgres: '15', redis: '7.0' },
};

function scriptVersions() {
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(
    existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
  )?.[1];
  const debian = DEBIAN_PACKAGES[codename ?? 'bookworm'];
  if (!debian) throw new Error(`Debian ${codename}: add its PostgreSQL and Redis versions above`);
  const kafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
    read('scripts/infra/kafka/pom.xml'),
  )?.[1];
  return { ...debian, kafka };
}

/** The final stage's instructions, continuation lines joined. */
function finalStage(): Array<{ op: string; args: string }> {
  const lines = read('Dockerfile').replace(/\\\n/g, ' ').split('\n');
  const last = lines
    .map((l) => l.trim())
    .lastIndexOf(lines.filter((l) => /^FROM /i.test(l)).pop()!);
  return lines
    .slice(last)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({
      op: l.split(/\s+/)[0].toUpperCase(),
      args: l.slice(l.indexOf(' ') + 1).trim(),
    }));
}

describe('Dockerfile', () => {
  const stage = finalStage();
  const one = (op: string) => stage.filter((i) => i.op === op).map((i) => i.args);

  it('runs as a user that is not root', () => {
    const users = one('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    // ...and nothing after the USER line switches back.
    expect(stage.findIndex((i) => i.op === 'USER')).toBeGreaterThan(
      stage.findIndex((i) => i.op === 'COPY'),
    );
  });

  it('declares the data directory it sets as a volume', () => {
    const dataDir = one('ENV')
      .map((e) => /^DATA_DIR=(\S+)/.exec(e)?.[1])
      .find(Boolean);
    expect(dataDir).toBeDefined();
    expect(one('VOLUME').join(' ')).toContain(dataDir);
  });

  it('has a HEALTHCHECK that asks /health with Node (the slim image has no curl)', () => {
    const [check] = one('HEALTHCHECK');
    expect(check).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/health(\/live)?'/);
    expect(check).not.toMatch(/curl|wget/);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<
      string,
      { image?: string; environment?: Record<string, unknown>; ports?: string[] }
    >;
  };
  const image = (service: string) => compose.services[service]?.image ?? '';

  it('pins every image to a version, never latest', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.image) continue; // built from the Dockerfile
      expect([name, service.image]).toEqual([name, expect.stringMatching(/:(?!latest$)[\w.-]+$/)]);
    }
  });

  it('runs the PostgreSQL, Redis and Kafka versions the infra scripts run', () => {
    const versions = scriptVersions();
    expect(image('postgres')).toMatch(new RegExp(`^postgres:${versions.postgres}(\\.|-|$)`));
    expect(image('redis')).toMatch(
      new RegExp(`^redis:${versions.redis.replace('.', '\\.')}(\\.|-|$)`),
    );
    expect(image('kafka')).toBe(`apache/kafka:${versions.kafka}`);
  });

  it('agrees with the servers installed here, when the scripts have installed them', () => {
    const versions = scriptVersions();
    const pg = existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort().pop()
      : undefined;
    if (pg) expect(pg).toBe(versions.postgres);
    let redis: string | undefined;
    try {
      redis = /v=(\d+\.\d+)/.exec(
        execFileSync('redis-server', ['--version'], { encoding: 'utf8' }),
      )?.[1];
    } catch {
      redis = undefined; // not installed on this machine: the Debian table above stands alone
    }
    if (redis) expect(redis).toBe(versions.redis);
  });

  it('gives Kafka a listener for clients on the host, published on its port', () => {
    const env = compose.services.kafka.environment ?? {};
    const advertised = String(env.KAFKA_ADVERTISED_LISTENERS);
    const host = /HOST:\/\/127\.0\.0\.1:(\d+)/.exec(advertised)?.[1];
    expect(host).toBeDefined();
    expect(compose.services.kafka.ports).toContain(`${host}:${host}`);
    expect(String(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)).toContain('HOST:PLAINTEXT');
  });
});
