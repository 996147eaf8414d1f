import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/** The console's live updates: server-sent events naming the list that changed, never a child. */
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-live-'));
let app: INestApplication;
let url: string;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
  await app.listen(0, '127.0.0.1');
  url = `${await app.getUrl()}/api/v1/live`;
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Reads the stream until `until` holds for what has arrived, or the time is up. */
async function readStream(
  res: Response,
  until: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(text)) {
    if (Date.now() > deadline) throw new Error(`not in the stream in time: ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

it('tells a coordinator the interview list changed when a found child gets an interview', async () => {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { Authorization: coordinator },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const missing = missingReported();
  await api(app).post('/api/v1/police/notifications').set('Authorization', police).send(missing);
  await api(app)
    .post('/api/v1/police/notifications')
    .set('Authorization', police)
    .send(childFound(missing));
  const text = await readStream(res, (t) => t.includes('"list":"interviews"'));
  expect(text).toContain('event: changed');
  // A list's name only: nothing about the child travels on the stream.
  expect(text).not.toContain(missing.child.policePersonId);
  expect(text).not.toContain('Jade');
  controller.abort();
});

it('is open to staff roles only', async () => {
  const res = await fetch(url, { headers: { Authorization: police } });
  expect(res.status).toBe(403);
  const none = await fetch(url);
  expect(none.status).toBe(401);
});
