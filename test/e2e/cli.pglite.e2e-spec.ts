import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EventProcessing } from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { runCli } from '../support/cli';
import { childFound, missingReported } from '../support/notifications';

/**
 * The operator CLI on the embedded store (PGlite in DATA_DIR): `projections list` after
 * Homeward ran and stopped, and a clear refusal while a live process has the directory open.
 */
describe('operator CLI on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-cli-'));
  let app: INestApplication | undefined;
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every projection with its checkpoint and lag once Homeward has stopped', async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
    const police = `Bearer ${tokenFor('police-system')}`;
    const missing = missingReported();
    await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(missing)
      .expect(202);
    await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(childFound(missing))
      .expect(202);
    const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
    await eventually(async () => {
      const { body } = await api(app!).get('/api/v1/interviews').set('Authorization', coordinator);
      expect(body).toHaveLength(1);
    });
    // Reactors append after the notifications: wait until every processor has the last word.
    await app.get(EventProcessing).waitUntilSettled();
    await app.close();
    app = undefined;

    const { code, stdout, stderr } = await runCli(
      ['projections', 'list'],
      { DATA_DIR: dataDir },
      'source',
    );
    console.log(stdout);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const head = Number(/event store head: (\d+)/.exec(stdout)?.[1]);
    expect(head).toBeGreaterThan(0);
    // Every projection caught up before the app stopped: its checkpoint is the head, lag 0.
    expect(stdout).toMatch(
      new RegExp(`^interviews\\.queue\\.v2\\s+${head}\\s+0\\s+0\\s+rm_interview_queue_v2$`, 'm'),
    );
    expect(stdout).toMatch(new RegExp(`^console\\.child-timeline\\s+${head}\\s+0\\s+0`, 'm'));
  }, 120_000);

  it('refuses, exit 1, naming the process, while another process has DATA_DIR open', async () => {
    // A live process that is not this one: the parent of this test runner.
    writeFileSync(join(dataDir, 'homeward.pid'), String(process.ppid));
    const { code, stderr } = await runCli(
      ['dead-letters', 'list'],
      { DATA_DIR: dataDir },
      'source',
    );
    expect(stderr).toContain(`is open in another process (pid ${process.ppid}`);
    expect(code).toBe(1);
    rmSync(join(dataDir, 'homeward.pid'));
  }, 60_000);
});
