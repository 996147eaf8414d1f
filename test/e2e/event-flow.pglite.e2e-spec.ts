import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventProcessing } from '@homeward/platform';
import { isKnownEventType } from '../../libs/platform/src/messaging/topics';
import { startHomeward, testConfig } from '../support/homeward-app';

/**
 * The whole flow, printed for a newcomer: each event type and the read models and reactors it
 * goes to, read off what the running app registered (so it cannot drift from the code).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-flow-'));
let app: INestApplication;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('where each event goes', () => {
  it('prints event type → projections and reactors, each type a known one', () => {
    const flow = app.get(EventProcessing).flow();
    console.log(
      [
        '| event type | projections (read models) | reactors |',
        '|---|---|---|',
        ...flow.map(
          (f) => `| ${f.eventType} | ${f.projections.join(', ')} | ${f.reactors.join(', ')} |`,
        ),
      ].join('\n'),
    );
    // Every type a processor takes is one the domain defines (a typo would take nothing).
    const unknown = flow.map((f) => f.eventType).filter((t) => !isKnownEventType(t));
    expect(unknown).toEqual([]);
    const found = flow.find((f) => f.eventType === 'ChildFound');
    expect(found?.reactors.length).toBeGreaterThan(0);
    expect(flow.find((f) => f.eventType === 'MissingEpisodeReported')?.reactors).toContain(
      'safeguarding.out-of-area',
    );
  });
});
