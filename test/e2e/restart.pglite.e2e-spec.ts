import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

describe('the embedded default keeps its data across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('still has the episode, the queue and the duplicate record after stopping and starting again', async () => {
    const config = testConfig({ kind: 'pglite', dataDir });
    const police = `Bearer ${tokenFor('police-system')}`;
    const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
    const missing = missingReported();

    const first = await startHomeward(config);
    const accepted = await api(first)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(missing)
      .expect(202);
    await first.close();

    const second = await startHomeward(config);
    try {
      const again = await api(second)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(missing)
        .expect(200);
      expect(again.body).toEqual({ ...accepted.body, duplicate: true });
      await api(second)
        .post('/api/v1/police/notifications')
        .set('Authorization', police)
        .send(childFound(missing))
        .expect(202);
      await eventually(async () => {
        const queue = await api(second)
          .get('/api/v1/interviews')
          .set('Authorization', coordinator)
          .expect(200);
        expect(queue.body.map((i: { episodeId: string }) => i.episodeId)).toContain(
          accepted.body.episodeId,
        );
      });
    } finally {
      await second.close();
    }
  });
});
