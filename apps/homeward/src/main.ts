import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttp, loadHomewardConfig } from '@homeward/platform';
import { HomewardModule } from './app.module';

async function main(): Promise<void> {
  const logger = new Logger('Homeward');
  let config;
  try {
    config = loadHomewardConfig();
  } catch (error) {
    // A configuration problem is the operator's to fix: say what, without a stack trace.
    console.error((error as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.create(HomewardModule.forRoot(config), { bodyParser: false });
  configureHttp(app);
  await app.listen(config.port, '0.0.0.0');
  if (config.auth.usingDevelopmentKey) {
    logger.warn(
      'tokens are verified with the public development key: set AUTH_JWT_SECRET for real use',
    );
  }
  logger.log(`Homeward is listening on http://127.0.0.1:${config.port}`);
}

void main();
