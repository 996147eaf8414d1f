import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALERT_AUDIENCES,
  DEFAULT_POLICY_SET,
  isAlertAudience,
  resolvePolicySet,
  type AlertAudience,
  type HomewardPolicy,
  type PolicySet,
} from '@homeward/domain';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import {
  checkEnvironment,
  isDevelopmentOrTest,
  MAX_TOKEN_LIFETIME_SECONDS,
  parseLifetime,
} from './environment';
import { webhookHostProblem } from './webhook-addresses';

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
  /** The address the HTTP server binds: 127.0.0.1 unless HOST says otherwise (0.0.0.0 in a container). */
  host: string;
  /** Where read models and checkpoints live (also the event store unless KurrentDB is chosen). */
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  eventStore: { kind: 'sql' } | { kind: 'kurrentdb'; connectionString: string };
  /** How projections and reactors receive events: straight from the store, or from Kafka. */
  eventFeed: 'store' | 'kafka';
  kafka: { brokers: string[]; clientId: string; namespace?: string } | null;
  scheduler: { kind: 'in-process' } | { kind: 'bullmq'; redisUrl: string };
  /** How bearer tokens are verified (see JoseTokenVerifier). */
  auth: AuthConfig;
  /**
   * Writes (POST, PUT, PATCH, DELETE) one caller (`sub`) may make a minute
   * (RATE_LIMIT_WRITES_PER_MINUTE). Absent: the default, 600.
   */
  rateLimit?: { writesPerMinute: number };
  /**
   * Whether webhook targets may be loopback, private or link-local addresses: only when NODE_ENV
   * is development or test. Absent (configurations built in code): refused.
   */
  allowPrivateWebhookTargets?: boolean;
  /** The default policy (the policy file's top level over the built-in defaults). */
  policy: HomewardPolicy;
  /** The default and each local authority's policy: pick one with policyFor. */
  policies: PolicySet;
  /**
   * Where alerts are POSTed, signed (ALERT_WEBHOOKS); [] when none. Optional only so that
   * configurations written before webhooks existed still type-check: absent means [].
   */
  webhooks: WebhookTarget[];
  /**
   * LOG_LEVEL and LOG_FORMAT. Absent (configurations built in code, as tests do): the request
   * and event logs are silent. `destination` is for tests that read the log lines.
   */
  logging?: {
    level: string;
    format: 'json' | 'pretty';
    destination?: { write(line: string): unknown };
  };
  /** METRICS_TOKEN: GET /metrics needs it as a Bearer token when set, or when HOST is not loopback. */
  metrics?: { token: string | null };
}

/**
 * Shared key: HS256 with AUTH_JWT_SECRET, or the public development key (development and test
 * only; then a token's `*` for every local authority or force is accepted). JWKS: RS256 or ES256
 * tokens signed by a key of the identity provider's key set, for this issuer and audience.
 * `maxLifetimeSeconds` bounds `exp - iat` (absent: 12 hours).
 */
export type AuthConfig =
  | {
      kind: 'shared-key';
      secret: string;
      usingDevelopmentKey: boolean;
      issuer?: string;
      audience?: string;
      maxLifetimeSeconds?: number;
    }
  | {
      kind: 'jwks';
      jwksUrl: string;
      issuer: string;
      audience: string;
      maxLifetimeSeconds?: number;
      /** The console signs people in at the issuer (authorization code with PKCE). */
      signIn?: IdentityProviderSignIn;
    };

/** The console as a public client of the identity provider (AUTH_OIDC_CLIENT_ID). */
export interface IdentityProviderSignIn {
  clientId: string;
  /** Space-separated; `openid profile` unless AUTH_OIDC_SCOPE says otherwise. */
  scope: string;
}

export const DEFAULT_WRITES_PER_MINUTE = 600;

/** One receiver of signed alert webhooks, from the ALERT_WEBHOOKS file. */
export interface WebhookTarget {
  /** Letters, digits, ".", "_" or "-": names the target in delivery records and job ids. */
  name: string;
  /** http(s) URL the alert document is POSTed to (https in production). */
  url: string;
  /** Alerts of these audiences are sent here. */
  audiences: AlertAudience[];
  /**
   * Only alerts of these local authorities (compared case-insensitively); null sends every alert
   * of the audiences. An alert with no local authority never matches a list.
   */
  localAuthorities: string[] | null;
  /** HMAC-SHA256 key of the X-Homeward-Signature header, at least 32 characters. */
  secret: string;
}

const WEBHOOK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const WEBHOOK_FIELDS = ['name', 'url', 'audiences', 'localAuthorities', 'secret'];

/** Only this machine can reach Homeward unless HOST opens it up. */
export const DEFAULT_HOST = '127.0.0.1';

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
  const relaxed = isDevelopmentOrTest(env.NODE_ENV);
  const { webhooks, webhookProblems } = loadWebhooks(
    env.ALERT_WEBHOOKS,
    env.NODE_ENV === 'production',
    relaxed,
  );
  problems.push(...webhookProblems.map((problem) => `  - ALERT_WEBHOOKS: ${problem}`));
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);

  const maxLifetimeSeconds =
    (env.AUTH_MAX_TOKEN_LIFETIME && parseLifetime(env.AUTH_MAX_TOKEN_LIFETIME)) ||
    MAX_TOKEN_LIFETIME_SECONDS;
  const storeKind = env.EVENT_STORE ?? (env.DATABASE_URL ? 'postgres' : 'pglite');
  return {
    service,
    port: env.PORT ?? DEFAULT_PORTS[service],
    host: env.HOST ?? DEFAULT_HOST,
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
    auth: env.AUTH_JWKS_URL
      ? {
          kind: 'jwks',
          jwksUrl: env.AUTH_JWKS_URL,
          issuer: env.AUTH_ISSUER!,
          audience: env.AUTH_AUDIENCE!,
          maxLifetimeSeconds,
          ...(env.AUTH_OIDC_CLIENT_ID
            ? {
                signIn: {
                  clientId: env.AUTH_OIDC_CLIENT_ID,
                  scope: env.AUTH_OIDC_SCOPE ?? 'openid profile',
                },
              }
            : {}),
        }
      : {
          kind: 'shared-key',
          secret: env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
          // Set to the development key's value (allowed only in development and test): the same.
          usingDevelopmentKey:
            (env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET) === DEVELOPMENT_JWT_SECRET,
          ...(env.AUTH_ISSUER ? { issuer: env.AUTH_ISSUER } : {}),
          ...(env.AUTH_AUDIENCE ? { audience: env.AUTH_AUDIENCE } : {}),
          maxLifetimeSeconds,
        },
    rateLimit: { writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE ?? DEFAULT_WRITES_PER_MINUTE },
    allowPrivateWebhookTargets: relaxed,
    policy: policies.default,
    policies,
    webhooks,
    logging: {
      level: env.LOG_LEVEL ?? 'info',
      format:
        (env.LOG_FORMAT as 'json' | 'pretty' | undefined) ??
        (process.stdout.isTTY ? 'pretty' : 'json'),
    },
    metrics: { token: env.METRICS_TOKEN ?? null },
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

/**
 * Webhook targets from a JSON file (an array of targets), with every problem in it, each named
 * by the entry's index and name and the field: `[1] (walsall-social-care).secret: ...`.
 * Secrets are never echoed.
 */
export function loadWebhooks(
  file: string | undefined,
  production = false,
  allowPrivateTargets = true,
): { webhooks: WebhookTarget[]; webhookProblems: string[] } {
  if (!file) return { webhooks: [], webhookProblems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot read';
    return { webhooks: [], webhookProblems: [`${problem} ${file}: ${String(error)}`] };
  }
  if (!Array.isArray(json)) {
    return {
      webhooks: [],
      webhookProblems: [
        `${file} must hold a JSON array of targets ({ name, url, audiences, secret })`,
      ],
    };
  }
  const problems: string[] = [];
  const webhooks: WebhookTarget[] = [];
  const seen = new Set<string>();
  json.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`[${index}]: must be an object { name, url, audiences, secret }`);
      return;
    }
    const raw = entry as Record<string, unknown>;
    const label =
      typeof raw.name === 'string' && raw.name ? `[${index}] (${raw.name})` : `[${index}]`;
    const bad = (field: string, message: string) => problems.push(`${label}.${field}: ${message}`);
    const before = problems.length;

    for (const field of Object.keys(raw)) {
      if (!WEBHOOK_FIELDS.includes(field)) {
        bad(field, `unknown field (known: ${WEBHOOK_FIELDS.join(', ')})`);
      }
    }
    const name = raw.name;
    if (typeof name !== 'string' || !WEBHOOK_NAME.test(name)) {
      bad(
        'name',
        'is required: letters, digits, ".", "_" or "-" (at most 100), starting with a letter or digit',
      );
    } else if (seen.has(name)) {
      bad('name', 'is used by another target: names must be unique');
    } else {
      seen.add(name);
    }
    const url = typeof raw.url === 'string' ? parseUrl(raw.url) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      bad('url', 'is required: an http:// or https:// URL');
    } else if (production && url.protocol !== 'https:') {
      bad('url', 'must be https:// in production (alerts name children)');
    } else if (url.username || url.password) {
      bad('url', 'must not carry credentials: requests are signed with the secret');
    } else if (!allowPrivateTargets) {
      const problem = webhookHostProblem(url.hostname);
      if (problem) bad('url', `${problem} (allowed only when NODE_ENV is development or test)`);
    }
    const audiences = raw.audiences;
    if (
      !Array.isArray(audiences) ||
      audiences.length === 0 ||
      !audiences.every((a) => typeof a === 'string' && isAlertAudience(a))
    ) {
      bad('audiences', `is required: a non-empty list of ${ALERT_AUDIENCES.join(', ')}`);
    }
    const localAuthorities = raw.localAuthorities;
    if (
      localAuthorities !== undefined &&
      (!Array.isArray(localAuthorities) ||
        localAuthorities.length === 0 ||
        !localAuthorities.every((la) => typeof la === 'string' && la.trim() !== ''))
    ) {
      bad(
        'localAuthorities',
        'must be a non-empty list of local authority names (leave it out for every local authority)',
      );
    }
    if (typeof raw.secret !== 'string' || raw.secret.length < 32) {
      bad('secret', 'is required: at least 32 characters');
    }
    if (problems.length > before) return;
    webhooks.push({
      name: name as string,
      url: (raw.url as string).trim(),
      audiences: [...new Set(audiences as AlertAudience[])],
      localAuthorities:
        localAuthorities === undefined
          ? null
          : (localAuthorities as string[]).map((la) => la.trim()),
      secret: raw.secret as string,
    });
  });
  return problems.length > 0
    ? { webhooks: [], webhookProblems: problems }
    : { webhooks, webhookProblems: [] };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}
