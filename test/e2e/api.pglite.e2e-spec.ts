import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { homewardApiSuite } from '../support/homeward-api.suite';
import { testConfig } from '../support/homeward-app';

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

homewardApiSuite('PGlite (embedded default)', async () => testConfig({ kind: 'pglite', dataDir }));
