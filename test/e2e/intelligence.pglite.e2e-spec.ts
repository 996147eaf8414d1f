import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';

/** CSE information reports, as professionals pass them on, and the picture CMOG gets from them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, read loosely
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-intelligence-'));
let app: INestApplication;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-1')}`;
const chair = `Bearer ${tokenFor('cmog-chair', undefined, 'chair-1')}`;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const reportBody = (overrides: Json = {}) => ({
  reportId: randomUUID(),
  source: 'PROFESSIONAL',
  reliability: 4,
  accuracy: 'DONT_KNOW',
  willingToEngageWithPolice: 'NOT_APPLICABLE',
  observedAt: '2026-11-20T23:40:00+00:00',
  reporter: { name: 'A Worker', jobTitle: 'Return interview worker', agency: 'Streetwise' },
  subjects: [
    { role: 'PERPETRATOR', aliases: ['Dee'], description: 'Older male, drives a silver car' },
    { role: 'PERPETRATOR', name: 'Sam Offender', dateOfBirth: '1990-01-01' },
  ],
  licensedPremises: [{ tradingName: 'Late Grill', address: '1 High Street, Walsall' }],
  vehicles: [{ registration: 'ab12 cde', description: 'silver hatchback' }],
  details: 'Seen collecting girls from the takeaway after midnight',
  ...overrides,
});

const send = (body: Json, as = worker) =>
  api(app).post('/api/v1/intelligence').set('Authorization', as).send(body);

it('records a report once and names every bad field of a bad one', async () => {
  const body = reportBody();
  expect((await send(body).expect(201)).body).toEqual({
    reportId: body.reportId,
    duplicate: false,
  });
  expect((await send(body).expect(200)).body.duplicate).toBe(true);
  const bad = await send(
    reportBody({ reliability: 9, source: 'GOSSIP', reporter: { name: 'x' } }),
  ).expect(400);
  expect((bad.body.errors as Json[]).map((e) => e.field).sort()).toEqual([
    'reliability',
    'reporter.agency',
    'source',
  ]);
  const badGrade = await send(reportBody({ reliability: 9 })).expect(400);
  expect(badGrade.body.errors).toEqual([
    { field: 'reliability', message: 'must be 1 to 5 (5 = always reliable) or DONT_KNOW' },
  ]);
});

it('shows CMOG the named and not-yet-named offenders, premises and vehicles', async () => {
  await send(
    reportBody({
      subjects: [{ role: 'PERPETRATOR', name: 'sam  offender' }],
      licensedPremises: [{ tradingName: 'late grill', address: '1 High Street,  Walsall' }],
      vehicles: [{ registration: 'AB12CDE' }],
    }),
  ).expect(201);
  await api(app).get('/api/v1/cmog/picture').set('Authorization', worker).expect(403);
  const picture = await eventually(async () => {
    const res = await api(app).get('/api/v1/cmog/picture').set('Authorization', chair).expect(200);
    if ((res.body as Json).offenders.length < 2) throw new Error('not projected yet');
    return res.body as Json;
  });
  const named = (picture.offenders as Json[]).find((o) => o.name !== null)!;
  expect(named.reports).toBe(2);
  const unnamed = (picture.offenders as Json[]).find((o) => o.name === null)!;
  expect(unnamed).toMatchObject({
    aliases: ['Dee'],
    descriptions: ['Older male, drives a silver car'],
  });
  expect(picture.premises).toEqual([
    expect.objectContaining({ tradingName: 'Late Grill', reports: 2 }),
  ]);
  expect(picture.vehicles).toEqual([
    expect.objectContaining({ registration: 'AB12CDE', reports: 2 }),
  ]);
});
