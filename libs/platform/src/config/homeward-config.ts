import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_POLICY_SET,
  resolvePolicySet,
  type HomewardPolicy,
  type PolicySet,
} from '@homeward/domain';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import { checkEnvironment } from './environment';

/** Which part of Homeward this process runs; `all` is the embedded default behind `npm start`. */
export type HomewardService = 'all' | 'intake' | 'interviews' | 'safeguarding' | 'console';

export const DEFAULT_PORTS: Record<HomewardService, number> = {
  all: 3000,
  intake: 3001,
  interviews: 3002,
  safeguarding: 3003,
  console: 3004,
};

export interface HomewardConfig {
  service: HomewardService;
  port: number;
  /** Where read models and checkpoints live (also the event store unless KurrentDB is chosen). */
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  eventStore: { kind: 'sql' } | { kind: 'kurrentdb'; connectionString: string };
  /** How projections and reactors receive events: straight from the store, or from Kafka. */
  eventFeed: 'store' | 'kafka';
  kafka: { brokers: string[]; clientId: string; namespace?: string } | null;
  scheduler: { kind: 'in-process' } | { kind: 'bullmq'; redisUrl: string };
  auth: { jwtSecret: string; usingDevelopmentKey: boolean };
  /** The default policy (the policy file's top level over the built-in defaults). */
  policy: HomewardPolicy;
  /** The default and each local authority's policy: pick one with policyFor. */
  policies: PolicySet;
}

export const HOMEWARD_CONFIG = Symbol('HomewardConfig');

/** What a service cannot run without when it runs as its own process. */
const REQUIRED_APART: Record<Exclude<HomewardService, 'all'>, string[]> = {
  intake: ['DATABASE_URL', 'KAFKA_BROKERS'],
  interviews: ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL'],
  safeguarding: ['DATABASE_URL', 'KAFKA_BROKERS'],
  console: ['DATABASE_URL', 'KAFKA_BROKERS'],
};

export function loadHomewardConfig(
  raw: Record<string, unknown> = process.env,
  service: HomewardService = 'all',
): HomewardConfig {
  const { env, problems } = checkEnvironment(raw);
  if (service !== 'all') {
    for (const name of REQUIRED_APART[service]) {
      if (!raw[name])
        problems.push(`  - ${name}: required to run the ${service} service on its own`);
    }
  }
  const { policies, policyProblems } = loadPolicies(env.POLICY_FILE);
  problems.push(...policyProblems.map((problem) => `  - POLICY_FILE: ${problem}`));
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);

  const storeKind = env.EVENT_STORE ?? (env.DATABASE_URL ? 'postgres' : 'pglite');
  return {
    service,
    port: env.PORT ?? DEFAULT_PORTS[service],
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(env.DATA_DIR ?? './data') },
    eventStore:
      storeKind === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: env.KURRENTDB_CONNECTION_STRING! }
        : { kind: 'sql' },
    eventFeed:
      (env.EVENT_FEED as 'store' | 'kafka' | undefined) ?? (service === 'all' ? 'store' : 'kafka'),
    kafka: env.KAFKA_BROKERS
      ? {
          brokers: env.KAFKA_BROKERS.split(','),
          clientId: env.KAFKA_CLIENT_ID ?? `homeward-${service}`,
          ...(env.KAFKA_NAMESPACE ? { namespace: env.KAFKA_NAMESPACE } : {}),
        }
      : null,
    scheduler: env.REDIS_URL ? { kind: 'bullmq', redisUrl: env.REDIS_URL } : { kind: 'in-process' },
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      usingDevelopmentKey: !env.AUTH_JWT_SECRET,
    },
    policy: policies.default,
    policies,
  };
}

/** Policy from a JSON file, with every problem in it (each `path: message`) to report at start-up. */
function loadPolicies(file?: string): { policies: PolicySet; policyProblems: string[] } {
  if (!file) return { policies: DEFAULT_POLICY_SET, policyProblems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot read';
    return {
      policies: DEFAULT_POLICY_SET,
      policyProblems: [`${problem} ${file}: ${String(error)}`],
    };
  }
  const result = resolvePolicySet(json);
  return result.ok
    ? { policies: result.set, policyProblems: [] }
    : { policies: DEFAULT_POLICY_SET, policyProblems: result.errors };
}
