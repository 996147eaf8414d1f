import 'reflect-metadata';
import { Logger, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  loadHomewardConfig,
  type HomewardConfig,
  type HomewardService,
} from './config/homeward-config';
import { configureHttp } from './http/configure-http';

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
  const app = await NestFactory.create(rootModule(config), { bodyParser: false });
  configureHttp(app);
  await app.listen(config.port, '0.0.0.0');
  if (config.auth.usingDevelopmentKey) {
    logger.warn(
      'tokens are verified with the public development key: set AUTH_JWT_SECRET for real use',
    );
  }
  logger.log(
    `listening on http://127.0.0.1:${config.port} (database: ${config.database.kind}, ` +
      `event feed: ${config.eventFeed}, scheduler: ${config.scheduler.kind}, ` +
      `kafka: ${config.kafka ? config.kafka.brokers.join(',') : 'off'})`,
  );
}
