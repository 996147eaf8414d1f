import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Logger, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { DataDirInUse, MigrationRefused } from '@homeward/event-store';
import {
  loadHomewardConfig,
  type HomewardConfig,
  type HomewardService,
} from './config/homeward-config';
import { configureHttp } from './http/configure-http';
import { metricsAccess } from './observability/metrics-access';

/** Starts one Homeward service: validated configuration first, then the HTTP server. */
export async function bootstrapService(
  service: HomewardService,
  rootModule: (config: HomewardConfig) => DynamicModule,
): Promise<void> {
  const logger = new Logger(`Homeward:${service}`);
  let config: HomewardConfig;
  try {
    config = loadHomewardConfig(process.env, service);
  } catch (error) {
    // A configuration problem is the operator's to fix: say what, without a stack trace.
    console.error((error as Error).message);
    process.exit(1);
  }
  // Logs made while the application is assembled wait for the JSON logger rather than going to
  // Nest's coloured console.
  let app: INestApplication;
  let url: string;
  try {
    // abortOnError off: a refusal below is reported as one line, not a core dump.
    app = await NestFactory.create(rootModule(config), {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(PinoNestLogger));
    configureHttp(app);
    url = await listen(app, config.port, config.host);
  } catch (error) {
    // A database a newer Homeward migrated, or a PGlite directory another process holds: the
    // operator's to resolve, and the message says how.
    if (error instanceof MigrationRefused || error instanceof DataDirInUse) {
      console.error(`Homeward did not start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (config.auth.kind === 'shared-key' && config.auth.usingDevelopmentKey) {
    logger.warn(
      'tokens are verified with the public development key (NODE_ENV development or test only): ' +
        'set AUTH_JWKS_URL or AUTH_JWT_SECRET for real use',
    );
  }
  if (metricsAccess(config, undefined) === 'disabled') {
    logger.warn(
      `GET /metrics is refused: ${config.host} is not a loopback address; set METRICS_TOKEN to read it`,
    );
  }
  logger.log(
    `listening on ${url} (database: ${config.database.kind}, ` +
      `event feed: ${config.eventFeed}, scheduler: ${config.scheduler.kind}, ` +
      `kafka: ${config.kafka ? config.kafka.brokers.join(',') : 'off'})`,
  );
}

/**
 * Listens and says where, from the server itself: with PORT=0 the system picks the port, and an
 * address from configuration alone could name one nobody is listening on.
 */
export async function listen(app: INestApplication, port: number, host: string): Promise<string> {
  await app.listen(port, host);
  const bound = (app.getHttpServer() as Server).address() as AddressInfo;
  const address = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return `http://${address}:${bound.port}`;
}
