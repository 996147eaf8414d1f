import 'reflect-metadata';
import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
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

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

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
  if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET) {
    problems.push('  - AUTH_JWT_SECRET: required in production (the development key is public)');
  }
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

/** An address a server can bind: an IPv4 or IPv6 literal, or localhost. */
export function isListenAddress(host: string): boolean {
  return isIP(host) !== 0 || host === 'localhost';
}
