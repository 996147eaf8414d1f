import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_POLICY, type HomewardPolicy } from '@homeward/domain';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import { validateEnvironment } from './environment';

export interface HomewardConfig {
  port: number;
  store: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  auth: { jwtSecret: string; usingDevelopmentKey: boolean };
  policy: HomewardPolicy;
}

export const HOMEWARD_CONFIG = Symbol('HomewardConfig');

export function loadHomewardConfig(raw: Record<string, unknown> = process.env): HomewardConfig {
  const env = validateEnvironment(raw);
  const kind = env.EVENT_STORE ?? (env.DATABASE_URL ? 'postgres' : 'pglite');
  return {
    port: env.PORT ?? 3000,
    store:
      kind === 'postgres'
        ? { kind: 'postgres', url: env.DATABASE_URL! }
        : { kind: 'pglite', dataDir: resolve(env.DATA_DIR ?? './data') },
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      usingDevelopmentKey: !env.AUTH_JWT_SECRET,
    },
    policy: loadPolicy(env.POLICY_FILE),
  };
}

/** Policy overrides from a JSON file, merged over the defaults section by section. */
function loadPolicy(file?: string): HomewardPolicy {
  if (!file) return DEFAULT_POLICY;
  let overrides: Partial<HomewardPolicy>;
  try {
    overrides = JSON.parse(readFileSync(file, 'utf8')) as Partial<HomewardPolicy>;
  } catch (error) {
    throw new Error(
      `Invalid configuration:\n  - POLICY_FILE: cannot read ${file}: ${String(error)}`,
    );
  }
  const policy: HomewardPolicy = {
    returnInterview: { ...DEFAULT_POLICY.returnInterview, ...overrides.returnInterview },
  };
  const hours = policy.returnInterview.deadlineHours;
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new Error(
      `Invalid configuration:\n  - POLICY_FILE: returnInterview.deadlineHours must be a positive number`,
    );
  }
  return policy;
}
