import type { INestApplication } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookTarget } from '@homeward/platform';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/**
 * A SIGNIFICANT screening's alerts carry the child's responsible authority, so they reach that
 * authority's webhooks (and no other's) and its CMOG agenda. Webhooks here go to a local
 * receiver through the in-process delivery queue.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-screening-alerts-'));
const received: Array<{ path: string; alert: Json }> = [];
let receiver: Server;
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-1')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;
const cmog = `Bearer ${tokenFor('cmog-member', undefined, 'cmog-dev')}`;
const SECRET = 'a-webhook-secret-of-at-least-32-characters';

const target = (name: string, port: number, localAuthorities: string[] | null): WebhookTarget => ({
  name,
  url: `http://127.0.0.1:${port}/${name}`,
  audiences: ['SOCIAL_CARE', 'CMOG'],
  localAuthorities,
  secret: SECRET,
});

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', alert: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  app = await startHomeward(
    testConfig(
      { kind: 'pglite', dataDir },
      {
        webhooks: [
          target('walsall-only', port, ['Walsall']),
          target('dudley-only', port, ['Dudley']),
          target('everyone', port, null),
        ],
      },
    ),
  );
});
afterAll(async () => {
  await app?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);
const get = (path: string, as: string) => api(app).get(path).set('Authorization', as);

describe("a Walsall child's SIGNIFICANT screening", () => {
  let childId: string;

  beforeAll(async () => {
    const missing = missingReported({ occurredAt: hoursAgo(30) });
    childId = (await post('/api/v1/police/notifications', police, missing).expect(202)).body
      .childId as string;
    await post('/api/v1/police/notifications', police, childFound(missing)).expect(202);
    const interview = await eventually(async () => {
      const res = await get('/api/v1/interviews', coordinator).expect(200);
      const item = (res.body as Json[]).find((i) => i.childId === childId);
      if (!item) throw new Error('interview not scheduled yet');
      return item;
    });
    const url = `/api/v1/interviews/${interview.interviewId}`;
    await post(`${url}/allocate`, coordinator, { workerId: 'streetwise-worker-1' }).expect(200);
    const held = await post(`${url}/complete`, worker, {
      conductedAt: hoursAgo(0.5),
      screening: {
        significant: [{ code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' }],
        medium: ['ALCOHOL_MISUSE'],
        vulnerabilities: ['HISTORY_OF_CARE'],
      },
      locationsVisited: [{ description: 'Hotel, city centre', postcode: 'B1 1AA' }],
      associates: [{ name: 'Adult male, about 30', relationship: 'gave lifts' }],
      pushFactors: 'Arguments at the placement',
      pullFactors: 'Lifts and gifts',
      childsVoice: 'They were nice to me at first',
      disclosures: 'None today',
    }).expect(200);
    expect(held.body.screening.confirmed).toBe('SIGNIFICANT');
  });

  const SCREENING_ALERTS = [
    'CMOG_LISTING',
    'SOCIAL_CARE_REFERRAL_REQUIRED',
    'STRATEGY_MEETING_REQUIRED',
  ];
  const ofChild = (path: string) =>
    received
      .filter((r) => r.path === path && r.alert.childId === childId)
      .map((r) => r.alert.type as string)
      .sort();

  it("carries the child's responsible authority on every alert", async () => {
    const alerts = await eventually(async () => {
      const list = (await get(`/api/v1/alerts?childId=${childId}`, manager).expect(200))
        .body as Json[];
      const screening = list.filter((a) => SCREENING_ALERTS.includes(a.type));
      if (screening.length < 3) throw new Error('not raised yet');
      return screening;
    });
    expect(alerts.map((a) => a.localAuthority)).toEqual(['Walsall', 'Walsall', 'Walsall']);
  });

  it("reaches Walsall's webhook and the unfiltered one, never Dudley's", async () => {
    await eventually(async () => {
      if (ofChild('/walsall-only').length < 3 || ofChild('/everyone').length < 3) {
        throw new Error('not delivered yet');
      }
    });
    expect(ofChild('/walsall-only')).toEqual(SCREENING_ALERTS);
    expect(ofChild('/everyone')).toEqual(SCREENING_ALERTS);
    expect(ofChild('/dudley-only')).toEqual([]);
  });

  it("lists the child on Walsall's CMOG agenda", async () => {
    const agenda = await eventually(async () => {
      const res = await get('/api/v1/cmog/agenda?localAuthority=Walsall', cmog).expect(200);
      if (!(res.body.children as Json[]).some((c) => c.childId === childId)) {
        throw new Error('not on the agenda yet');
      }
      return res.body as Json;
    });
    const child = (agenda.children as Json[]).find((c) => c.childId === childId)!;
    expect(JSON.stringify(child)).toContain('CMOG_LISTING');
  });
});
