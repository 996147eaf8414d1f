import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedKurrentDb } from '@homeward/event-store/adapters/kurrentdb/simulated-kurrentdb-client';
import type { HomewardConfig } from '@homeward/platform';
import { homewardApiSuite } from '../support/homeward-api.suite';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/*
 * EVENT_STORE=kurrentdb end to end: the whole embedded Homeward (read models and checkpoints in
 * PGlite) with its events in the KurrentDB adapter. No KurrentDB server can run on the build
 * machines, so the client the adapter connects with is the SIMULATED one
 * (simulated-kurrentdb-client.ts): this proves the wiring (boot, the adapter's subscribeToAll
 * feed, checkpoints on KurrentDB log positions), not a real server's behaviour. The real-server
 * run is test/integration/kurrentdb-event-store.int-spec.ts (KURRENTDB_CONNECTION_STRING).
 */
let mockServer: SimulatedKurrentDb | undefined;
const connectionStrings: string[] = [];
jest.mock('@kurrent/kurrentdb-client', () => {
  const actual = jest.requireActual('@kurrent/kurrentdb-client');
  return {
    ...actual,
    KurrentDBClient: {
      connectionString: (connectionString: string) => {
        connectionStrings.push(connectionString);
        if (!mockServer) throw new Error('test: no simulated KurrentDB server');
        return mockServer.client;
      },
    },
  };
});

const CONNECTION_STRING = 'kurrentdb://127.0.0.1:2113?tls=false';
const kurrentConfig = (dataDir: string): HomewardConfig =>
  testConfig(
    { kind: 'pglite', dataDir },
    { eventStore: { kind: 'kurrentdb', connectionString: CONNECTION_STRING } },
  );

const dataDirs: string[] = [];
const freshDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-kurrentdb-'));
  dataDirs.push(dir);
  return dir;
};
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('EVENT_STORE=kurrentdb (simulated KurrentDB client)', () => {
  homewardApiSuite('KurrentDB adapter, simulated client (read models in PGlite)', async () => {
    mockServer = new SimulatedKurrentDb();
    return kurrentConfig(freshDataDir());
  });

  it('connects with the configured connection string and follows $all with subscribeToAll', () => {
    expect(connectionStrings).toContain(CONNECTION_STRING);
    expect(mockServer!.subscribeToAllCalls).toBeGreaterThan(0);
  });

  it('resumes its projections from their checkpoints (KurrentDB log positions) after a restart', async () => {
    mockServer = new SimulatedKurrentDb();
    const config = kurrentConfig(freshDataDir());
    const police = `Bearer ${tokenFor('police-system')}`;
    const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
    const queue = async (app: Awaited<ReturnType<typeof startHomeward>>) =>
      (await api(app).get('/api/v1/interviews').set('Authorization', coordinator).expect(200))
        .body as Array<{ episodeId: string }>;

    const first = await startHomeward(config);
    const one = missingReported();
    const accepted = await api(first)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(one)
      .expect(202);
    await api(first)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(childFound(one))
      .expect(202);
    await eventually(async () => expect(await queue(first)).toHaveLength(1));
    await first.close();

    const second = await startHomeward(config);
    try {
      const two = missingReported();
      const next = await api(second)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(two)
        .expect(202);
      await api(second)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(childFound(two))
        .expect(202);
      const episodes = await eventually(async () => {
        const items = await queue(second);
        expect(items).toHaveLength(2);
        return items.map((i) => i.episodeId).sort();
      });
      // Nothing replayed into a second interview, nothing new missed.
      expect(episodes).toEqual([accepted.body.episodeId, next.body.episodeId].sort());
    } finally {
      await second.close();
    }
  });
});
