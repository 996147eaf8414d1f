import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadHomewardConfig, openApiDocument, openApiJson } from '@homeward/platform';
import { HomewardModule } from './app.module';

/**
 * `npm run openapi`: writes docs/openapi.json from all of Homeward, as GET /api/docs-json
 * serves it. It assembles the application on a throw-away embedded store and never listens;
 * the drift test in `npm test` fails when the checked-in file differs.
 */
async function writeOpenApi(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-openapi-'));
  try {
    // Never listens nor takes a token: the development key (NODE_ENV=test) is good enough.
    const config = loadHomewardConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }, 'all');
    const app = await NestFactory.create(HomewardModule.forRoot(config), { logger: ['error'] });
    const target = resolve(__dirname, '../../../../docs/openapi.json');
    writeFileSync(target, openApiJson(openApiDocument(app)));
    await app.close();
    console.log(`wrote ${target}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void writeOpenApi();
