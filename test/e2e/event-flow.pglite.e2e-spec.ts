import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_FLOW } from '@homeward/console';
import { INTERVIEWS_FLOW } from '@homeward/interviews';
import { EventProcessing } from '@homeward/platform';
import { SAFEGUARDING_FLOW } from '@homeward/safeguarding';
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

  it("prints each context's processors from its flow file, and nothing runs that is not listed", () => {
    const running = new Map(
      app
        .get(EventProcessing)
        .processors()
        .map((p) => [p.name, p]),
    );
    const contexts = {
      interviews: INTERVIEWS_FLOW,
      safeguarding: SAFEGUARDING_FLOW,
      console: CONSOLE_FLOW,
    };
    const declared = new Set<string>();
    for (const [context, flow] of Object.entries(contexts)) {
      const rows = flow.map((type: new (...args: never[]) => { name: string }) => {
        const name = app.get(type, { strict: false }).name;
        declared.add(name);
        const p = running.get(name);
        return p
          ? `| ${name} | ${p.kind} | ${p.eventTypes.join(', ')} |`
          : `| ${name} | not running | |`;
      });
      console.log(
        [`${context}:`, '| processor | kind | event types |', '|---|---|---|', ...rows].join('\n'),
      );
    }
    expect([...running.keys()].filter((name) => !declared.has(name))).toEqual([]);
    // The return interview offer takes the child's episodes in the log's order.
    expect(running.get('interviews.return-interview-scheduler')?.eventTypes).toEqual([
      'ChildFound',
      'MissingEpisodeReported',
      'MissingReportCancelled',
    ]);
  });
});
