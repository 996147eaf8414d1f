import 'reflect-metadata';
import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development-key';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const LOG_FORMATS = ['json', 'pretty'];

/** Every setting Homeward reads from the environment, checked once at start-up. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** The address the HTTP server binds (checked in checkEnvironment: an IP address or localhost). */
  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsIn(['pglite', 'postgres', 'kurrentdb'], {
    message: 'EVENT_STORE must be pglite, postgres or kurrentdb',
  })
  EVENT_STORE?: string;

  @IsOptional()
  @IsString()
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, {
    message: 'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// connection string',
  })
  KURRENTDB_CONNECTION_STRING?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be host:port[,host:port...]',
  })
  KAFKA_BROKERS?: string;

  @IsOptional()
  @IsString()
  KAFKA_CLIENT_ID?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, {
    message: 'KAFKA_NAMESPACE must be letters, digits, ".", "_" or "-" (at most 100)',
  })
  KAFKA_NAMESPACE?: string;

  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsIn(['store', 'kafka'], { message: 'EVENT_FEED must be store or kafka' })
  EVENT_FEED?: string;

  /** HS256 shared key. Without it (and without AUTH_JWKS_URL) only development/test start. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** The identity provider's JSON Web Key Set: RS256/ES256 tokens, with issuer and audience. */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry: required with AUTH_JWKS_URL, checked if set with a key. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_ISSUER?: string;

  /** The `aud` every token must carry: required with AUTH_JWKS_URL, checked if set with a key. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE?: string;

  /**
   * The console's client id at the identity provider (AUTH_ISSUER): with it the console signs
   * people in there (authorization code with PKCE, a public client). Only with AUTH_JWKS_URL.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_OIDC_CLIENT_ID?: string;

  /** The scopes the console asks for; default `openid profile`. Only with AUTH_OIDC_CLIENT_ID. */
  @IsOptional()
  @IsString()
  @Matches(/^\S+( \S+)*$/, { message: 'AUTH_OIDC_SCOPE must be scopes separated by spaces' })
  AUTH_OIDC_SCOPE?: string;

  /** Longest `exp - iat` accepted: `12h` (the default and the most), `30m`, `3600s` or seconds. */
  @IsOptional()
  @IsString()
  AUTH_MAX_TOKEN_LIFETIME?: string;

  /** Writes (POST, PUT, PATCH, DELETE) one caller (`sub`) may make a minute; default 600. */
  @IsOptional()
  @IsInt({ message: 'RATE_LIMIT_WRITES_PER_MINUTE must be a whole number' })
  @Min(1)
  RATE_LIMIT_WRITES_PER_MINUTE?: number;

  @IsOptional()
  @IsString()
  POLICY_FILE?: string;

  /** Path to a JSON file of webhook targets alerts are POSTed to (see homeward-config.ts). */
  @IsOptional()
  @IsString()
  ALERT_WEBHOOKS?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  /** Unset: pretty when stdout is a terminal, JSON otherwise (a pipe, a file, a container). */
  @IsOptional()
  @IsIn(LOG_FORMATS, {
    message: 'LOG_FORMAT must be json or pretty (unset: pretty on a terminal, json otherwise)',
  })
  LOG_FORMAT?: string;

  /** Bearer token GET /metrics asks for; needed to read metrics when HOST is not loopback. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;
}

/** Parses and checks the environment; returns it with one line per problem (empty when fine). */
export function checkEnvironment(raw: Record<string, unknown>): {
  env: EnvironmentVariables;
  problems: string[];
} {
  const env = plainToInstance(EnvironmentVariables, raw, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`),
  );
  if (env.HOST !== undefined && !isListenAddress(env.HOST)) {
    problems.push(
      '  - HOST: must be an IP address to listen on (127.0.0.1, the default; 0.0.0.0 for every ' +
        `interface, as in a container; ::1, ::) or localhost, not ${JSON.stringify(env.HOST)}`,
    );
  }
  problems.push(...authProblems(env));
  if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
    problems.push('  - DATABASE_URL: required when EVENT_STORE=postgres');
  }
  if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_CONNECTION_STRING) {
    problems.push('  - KURRENTDB_CONNECTION_STRING: required when EVENT_STORE=kurrentdb');
  }
  if (env.EVENT_FEED === 'kafka' && !env.KAFKA_BROKERS) {
    problems.push('  - KAFKA_BROKERS: required when EVENT_FEED=kafka');
  }
  return { env, problems };
}

/** The only settings where the public development key (and other conveniences) are accepted. */
export const isDevelopmentOrTest = (nodeEnv: string | undefined): boolean =>
  nodeEnv === 'development' || nodeEnv === 'test';

/** The most a token may live (`exp - iat`), and AUTH_MAX_TOKEN_LIFETIME's default. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** `12h`, `30m`, `3600s` or `3600` as seconds; null if it is none of those. */
export function parseLifetime(value: string): number | null {
  const match = /^(\d+)\s*([smh]?)$/.exec(value.trim());
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600 }[match[2] as '' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

/**
 * Fails closed: outside development and test (NODE_ENV unset counts as outside) Homeward needs a
 * real key, AUTH_JWKS_URL or AUTH_JWT_SECRET, and refuses the public development key's value.
 */
function authProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const relaxed = isDevelopmentOrTest(env.NODE_ENV);
  const where = `NODE_ENV is ${env.NODE_ENV ? JSON.stringify(env.NODE_ENV) : 'unset'}`;
  if (env.AUTH_JWKS_URL && env.AUTH_JWT_SECRET) {
    problems.push('  - AUTH_JWKS_URL: set either AUTH_JWKS_URL or AUTH_JWT_SECRET, not both');
  }
  if (!env.AUTH_JWKS_URL && !env.AUTH_JWT_SECRET && !relaxed) {
    problems.push(
      `  - AUTH_JWT_SECRET: AUTH_JWKS_URL or AUTH_JWT_SECRET is required (${where}; the public ` +
        'development key is accepted only when NODE_ENV is development or test)',
    );
  }
  if (env.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET && !relaxed) {
    problems.push(
      `  - AUTH_JWT_SECRET: is the public development key (in the repository), refused when ${where}`,
    );
  }
  if (env.AUTH_JWKS_URL) {
    if (!env.AUTH_ISSUER) problems.push('  - AUTH_ISSUER: required with AUTH_JWKS_URL');
    if (!env.AUTH_AUDIENCE) problems.push('  - AUTH_AUDIENCE: required with AUTH_JWKS_URL');
    if (!relaxed && !env.AUTH_JWKS_URL.startsWith('https://')) {
      problems.push(`  - AUTH_JWKS_URL: must be https:// (${where})`);
    }
  }
  if (env.AUTH_OIDC_CLIENT_ID && !env.AUTH_JWKS_URL) {
    problems.push(
      '  - AUTH_OIDC_CLIENT_ID: only with AUTH_JWKS_URL (sign-in at the identity provider)',
    );
  }
  if (env.AUTH_OIDC_SCOPE && !env.AUTH_OIDC_CLIENT_ID) {
    problems.push('  - AUTH_OIDC_SCOPE: only with AUTH_OIDC_CLIENT_ID');
  }
  if (env.AUTH_OIDC_CLIENT_ID && env.AUTH_ISSUER && !URL.canParse(env.AUTH_ISSUER)) {
    problems.push("  - AUTH_ISSUER: must be the identity provider's URL with AUTH_OIDC_CLIENT_ID");
  }
  if (env.AUTH_MAX_TOKEN_LIFETIME !== undefined) {
    const seconds = parseLifetime(env.AUTH_MAX_TOKEN_LIFETIME);
    if (seconds === null || seconds < 60 || seconds > MAX_TOKEN_LIFETIME_SECONDS) {
      problems.push(
        '  - AUTH_MAX_TOKEN_LIFETIME: must be a duration from 1m to 12h, such as 8h, 30m or 3600s',
      );
    }
  }
  return problems;
}

/** An address a server can bind: an IPv4 or IPv6 literal, or localhost. */
export function isListenAddress(host: string): boolean {
  return isIP(host) !== 0 || host === 'localhost';
}
