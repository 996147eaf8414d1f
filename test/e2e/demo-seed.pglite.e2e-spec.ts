import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EventProcessing } from '@homeward/platform';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';

import { syntheticFeed } from '../../scripts/synthetic-feed';

const ROOT = join(__dirname, '..', '..');
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const HOUR = 3600_000;

describe('the synthetic police feed', () => {
  const feed = syntheticFeed({ seed: 7, children: 600, days: 60, now: NOW });
  const missing = feed.notifications.filter((n) => n.type === 'MISSING_REPORTED');
  const found = feed.notifications.filter((n) => n.type === 'CHILD_FOUND');

  it('is the same feed for the same seed, and another for another', () => {
    expect(syntheticFeed({ seed: 7, children: 600, days: 60, now: NOW })).toEqual(feed);
    expect(syntheticFeed({ seed: 8, children: 600, days: 60, now: NOW })).not.toEqual(feed);
  });

  it('has the ages of missing children: most 14 to 16, few under 12', () => {
    const ages = missing.map((n) => {
      const born = Date.parse(n.child!.dateOfBirth);
      return Math.floor((Date.parse(n.occurredAt) - born) / (365.25 * 24 * HOUR));
    });
    const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
    expect(share((a) => a >= 14 && a <= 16)).toBeGreaterThan(0.5);
    expect(share((a) => a < 12)).toBeLessThan(0.1);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(10);
    // Homeward records children only: every one is under 18 at every episode.
    expect(Math.max(...ages)).toBeLessThanOrEqual(17);
  });

  it('is mostly MISSING with some ABSENT, and some children go missing again and again', () => {
    const absent = missing.filter((n) => n.classification === 'ABSENT').length / missing.length;
    expect(absent).toBeGreaterThan(0.1);
    expect(absent).toBeLessThan(0.35);
    const perChild = feed.children.map(
      (c) => c.filter((n) => n.type === 'MISSING_REPORTED').length,
    );
    expect(perChild.filter((n) => n === 1).length / perChild.length).toBeGreaterThan(0.4);
    expect(perChild.filter((n) => n >= 3).length).toBeGreaterThan(10);
  });

  it('finds most children, most within a day, some after several days', () => {
    expect(found.length / missing.length).toBeGreaterThan(0.8);
    const missingFor = found.map((f) => {
      const m = missing.find((n) => n.policeReference === f.policeReference)!;
      return (Date.parse(f.occurredAt) - Date.parse(m.occurredAt)) / HOUR;
    });
    expect(missingFor.filter((h) => h <= 30).length / found.length).toBeGreaterThan(0.7);
    expect(missingFor.filter((h) => h > 48).length).toBeGreaterThan(0);
  });

  it("keeps each child's notifications in the order they happened, none in the future", () => {
    for (const notifications of feed.children) {
      const times = notifications.map((n) => Date.parse(n.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    expect(feed.notifications.every((n) => Date.parse(n.occurredAt) < NOW)).toBe(true);
  });
});

describe('npm run demo:seed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-demo-'));
  let app: INestApplication;
  let url: string;
  const seed = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['scripts/demo-seed.js', '--url', url, ...args], {
      cwd: ROOT,
      env: { ...process.env, AUTH_JWT_SECRET: '' },
    });

  beforeAll(async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills Homeward with the feed: interviews in the queue, some in time, some notified late', async () => {
    const { stdout } = await seed('--children', '40', '--seed', '3');
    const feed = syntheticFeed({ seed: 3, children: 40, days: 14 });
    const total = feed.notifications.length;
    expect(stdout).toContain(`${total} notifications for 40 children`);
    expect(stdout).toContain(`${total} recorded, 0 already there, 0 refused`);
    // The interviews are scheduled by a reactor, after the notifications.
    await app.get(EventProcessing).waitUntilSettled();
    const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
    const queue = await api(app)
      .get('/api/v1/interviews')
      .set('Authorization', coordinator)
      .set('X-Purpose', 'checking the seeded demo')
      .expect(200);
    const interviews = queue.body as Array<{ notifiedLate: boolean }>;
    expect(interviews.length).toBe(
      feed.notifications.filter((n) => n.type === 'CHILD_FOUND').length,
    );
    expect(interviews.some((i) => i.notifiedLate)).toBe(true);
    expect(interviews.some((i) => !i.notifiedLate)).toBe(true);
  }, 120_000);

  it('records nothing the second time: every notification is already there', async () => {
    const { stdout } = await seed('--children', '40', '--seed', '3');
    expect(stdout).toMatch(/: 0 recorded, \d+ already there, 0 refused/);
  }, 120_000);

  it('says what is wrong with a bad option, and that Homeward is not running', async () => {
    await expect(seed('--children', 'lots')).rejects.toMatchObject({
      stderr: expect.stringContaining('--children must be a whole number'),
    });
    await expect(
      promisify(execFile)(
        process.execPath,
        ['scripts/demo-seed.js', '--url', 'http://127.0.0.1:9'],
        {
          cwd: ROOT,
        },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('is it running? npm start') });
  });
});
