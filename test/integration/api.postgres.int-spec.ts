import { homewardApiSuite } from '../support/homeward-api.suite';
import { testConfig } from '../support/homeward-app';
import { freshPostgresDatabase } from '../support/postgres';

let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  // The app (and its pool) is closed by the suite's own afterAll, which runs first.
  await drop?.();
});

homewardApiSuite('PostgreSQL (real server)', async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  return testConfig({ kind: 'postgres', url: fresh.url });
});
