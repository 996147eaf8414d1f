import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { streams, type PoliceNotificationReceived } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported, reportCancelled } from '../support/notifications';

/**
 * The write side of least privilege: each command may touch only records in its sender's
 * scope. A record outside it answers 404 exactly as a record that does not exist (existence is
 * not disclosed); a police system sends only for its own force; a CMOG meeting is opened only
 * for an authority the chair works for.
 */
// Response bodies are read field by field in assertions; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-write-scope-'));
let app: INestApplication;

const bearer = (token: string) => `Bearer ${token}`;
const wmp = bearer(tokenFor('police-system', undefined, 'wmp-niche', { force: 'WMP' }));
const gmp = bearer(tokenFor('police-system', undefined, 'gmp-niche', { force: 'GMP' }));
const noForce = bearer(tokenFor('police-system', undefined, 'no-force', { force: undefined }));
const manager = bearer(tokenFor('safeguarding-manager', undefined, 'manager-sue'));
const walsallCoordinator = bearer(
  tokenFor('ri-coordinator', undefined, 'coordinator-walsall', { localAuthorities: ['Walsall'] }),
);
const sandwellCoordinator = bearer(
  tokenFor('ri-coordinator', undefined, 'coordinator-sandwell', {
    localAuthorities: ['Sandwell'],
  }),
);
const workerA = bearer(
  tokenFor('ri-worker', undefined, 'worker-a', { organisation: 'Streetwise' }),
);
const workerB = bearer(
  tokenFor('ri-worker', undefined, 'worker-b', { organisation: 'Streetwise' }),
);
const walsallSocialWorker = bearer(
  tokenFor('social-care', undefined, 'sw-walsall', { localAuthorities: ['Walsall'] }),
);
const sandwellSocialWorker = bearer(
  tokenFor('social-care', undefined, 'sw-sandwell', { localAuthorities: ['Sandwell'] }),
);
const walsallChair = bearer(
  tokenFor('cmog-chair', undefined, 'chair-walsall', { localAuthorities: ['Walsall'] }),
);
const sandwellChair = bearer(
  tokenFor('cmog-chair', undefined, 'chair-sandwell', { localAuthorities: ['Sandwell'] }),
);

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const notify = (as: string, body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', as).send(body);
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);
const get = (path: string, as: string) =>
  api(app).get(path).set('Authorization', as).set('X-Purpose', 'write scope e2e');
const receipt = async (notificationId: string) => {
  const store = app.get<EventStore>(EVENT_STORE);
  const { exists, events } = await store.readStream(streams.policeNotification(notificationId));
  return exists ? (events[0] as unknown as PoliceNotificationReceived) : null;
};

/** A child of `authority` reported missing and found; resolves with its scheduled interview. */
async function interviewOf(authority: string): Promise<Json> {
  const base = missingReported({ occurredAt: hoursAgo(30) });
  const missing = { ...base, child: { ...base.child, responsibleLocalAuthority: authority } };
  const reported = await notify(wmp, missing).expect(202);
  await notify(wmp, childFound(missing)).expect(202);
  return eventually(async () => {
    const res = await get('/api/v1/interviews?status=SCHEDULED,ALLOCATED', manager).expect(200);
    const item = (res.body as Json[]).find((i) => i.episodeId === reported.body.episodeId);
    if (!item) throw new Error('interview not scheduled yet');
    return item;
  });
}

const unknownInterviewBody = (interviewId: string) => ({
  statusCode: 404,
  error: 'Not Found',
  message: `no return interview ${interviewId} is known to Homeward`,
});

describe('police notifications', () => {
  it('refuses a notification for another force, and records nothing', async () => {
    const missing = missingReported({ force: 'WMP' });
    const refused = await notify(gmp, missing).expect(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'this token may only send notifications for its own force',
    });
    expect(await receipt(missing.notificationId)).toBeNull();
    const none = await notify(noForce, missing).expect(403);
    expect(none.body.message).toBe('this token may only send notifications for its own force');
    expect(await receipt(missing.notificationId)).toBeNull();

    // Its own force's token records it, and the receipt names the sender and the channel.
    await notify(wmp, missing).expect(202);
    expect((await receipt(missing.notificationId))?.data).toMatchObject({
      force: 'WMP',
      channel: 'HTTP',
      sentBy: 'wmp-niche',
    });

    // Cancelling another force's report is refused the same way.
    const cancel = reportCancelled(missing);
    await notify(gmp, cancel).expect(403);
    expect(await receipt(cancel.notificationId)).toBeNull();
    await notify(wmp, cancel).expect(202);
  });

  it("does not answer a resent notificationId of another force with that force's episode", async () => {
    const missing = missingReported({ force: 'WMP' });
    const recorded = await notify(wmp, missing).expect(202);
    const reused = await notify(gmp, {
      ...missingReported({ force: 'GMP' }),
      notificationId: missing.notificationId,
    }).expect(409);
    expect(JSON.stringify(reused.body)).not.toContain(recorded.body.childId);
    expect(JSON.stringify(reused.body)).not.toContain(recorded.body.episodeId);
  });
});

describe('return interviews', () => {
  let interview: Json;
  let url: string;

  beforeAll(async () => {
    interview = await interviewOf('Sandwell');
    url = `/api/v1/interviews/${interview.interviewId}`;
  });

  it('answers a coordinator of another authority as for an unknown interview', async () => {
    const denied = await post(`${url}/allocate`, walsallCoordinator, {
      workerId: 'worker-a',
    }).expect(404);
    expect(denied.body).toEqual(unknownInterviewBody(interview.interviewId));
    const unknownId = randomUUID();
    const unknown = await post(`/api/v1/interviews/${unknownId}/allocate`, sandwellCoordinator, {
      workerId: 'worker-a',
    }).expect(404);
    expect(unknown.body).toEqual(unknownInterviewBody(unknownId));

    const ok = await post(`${url}/allocate`, sandwellCoordinator, { workerId: 'worker-a' }).expect(
      200,
    );
    expect(ok.body.recorded).toEqual(['ReturnInterviewAllocated']);
  });

  it('lets only the allocated worker record an attempt; to another it is unknown', async () => {
    const attempt = { at: hoursAgo(0.5), method: 'PHONE', outcome: 'No answer' };
    const denied = await post(`${url}/attempts`, workerB, attempt).expect(404);
    expect(denied.body).toEqual(unknownInterviewBody(interview.interviewId));
    expect(JSON.stringify(denied.body)).not.toContain('worker-a');
    await post(`${url}/not-possible`, workerB, { reason: 'x' }).expect(404);
    await post(`${url}/decline`, workerB, { at: hoursAgo(0.2), reason: 'x' }).expect(404);

    const ok = await post(`${url}/attempts`, workerA, attempt).expect(201);
    expect(ok.body.recorded).toEqual(['ContactAttemptRecorded']);
  });

  it('answers a worker as for an unknown interview before it is allocated to them', async () => {
    const other = await interviewOf('Sandwell');
    const res = await post(`/api/v1/interviews/${other.interviewId}/attempts`, workerA, {
      at: hoursAgo(0.5),
      method: 'PHONE',
      outcome: 'No answer',
    }).expect(404);
    expect(res.body).toEqual(unknownInterviewBody(other.interviewId));
  });
});

describe('alerts', () => {
  it('answers a social worker of another authority as for an unknown alert', async () => {
    const base = missingReported({ occurredAt: hoursAgo(20) });
    const missing = {
      ...base,
      child: {
        ...base.child,
        responsibleLocalAuthority: 'Sandwell',
        placementLocalAuthority: 'Dudley',
      },
    };
    const childId = (await notify(wmp, missing).expect(202)).body.childId as string;
    const [alert] = await eventually(async () => {
      const res = await get(`/api/v1/alerts?childId=${childId}&type=OUT_OF_AREA`, manager).expect(
        200,
      );
      if ((res.body as Json[]).length === 0) throw new Error('not raised yet');
      return res.body as Json[];
    });
    expect(alert).toMatchObject({ audience: 'RESPONSIBLE_LA', localAuthority: 'Sandwell' });

    const ack = (alertId: string, as: string) =>
      post(`/api/v1/alerts/${alertId}/acknowledge`, as, { note: 'On it' });
    const denied = await ack(alert.alertId, walsallSocialWorker).expect(404);
    const unknownId = randomUUID();
    const unknown = await ack(unknownId, walsallSocialWorker).expect(404);
    expect(denied.body).toEqual({
      ...unknown.body,
      message: unknown.body.message.replace(unknownId, alert.alertId),
    });

    const ok = await ack(alert.alertId, sandwellSocialWorker).expect(200);
    expect(ok.body.recorded).toEqual(['AlertAcknowledged']);
  });
});

describe('CMOG', () => {
  const today = new Date().toISOString().slice(0, 10);

  it('refuses to open a meeting for an authority the chair does not work for', async () => {
    const refused = await post('/api/v1/cmog/meetings', walsallChair, {
      heldOn: today,
      localAuthority: 'Sandwell',
    }).expect(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'you do not work for this local authority',
    });
  });

  it("answers writes to another authority's meeting and action as for unknown ones", async () => {
    const opened = await post('/api/v1/cmog/meetings', walsallChair, {
      heldOn: today,
      localAuthority: 'walsall',
    }).expect(201);
    const meetingId = opened.body.meetingId as string;
    const notOurs = await post(`/api/v1/cmog/meetings/${meetingId}/attendance`, sandwellChair, {
      attendees: [{ name: 'Sam Chair', agency: 'Sandwell Council' }],
    }).expect(404);
    expect(notOurs.body.message).toBe(`no CMOG meeting ${meetingId} is known to Homeward`);
    await post(`/api/v1/cmog/meetings/${meetingId}/minutes`, sandwellChair, {
      minutes: 'x',
    }).expect(404);

    const action = {
      meetingId,
      description: 'Visit the hotel manager',
      owner: 'PC Smith',
      agency: 'WMP',
      dueOn: today,
      intendedOutcome: 'Staff know what to look for',
    };
    const recordedElsewhere = await post('/api/v1/cmog/actions', sandwellChair, action).expect(404);
    expect(recordedElsewhere.body.message).toBe(
      `no CMOG meeting ${meetingId} is known to Homeward`,
    );
    const recorded = await post('/api/v1/cmog/actions', walsallChair, action).expect(201);
    const actionId = recorded.body.actionId as string;
    const notTheirs = await post(`/api/v1/cmog/actions/${actionId}/complete`, sandwellChair, {
      outcome: 'done',
    }).expect(404);
    expect(notTheirs.body.message).toBe(`no CMOG action ${actionId} is known to Homeward`);
    await post(`/api/v1/cmog/actions/${actionId}/complete`, walsallChair, {
      outcome: 'Visited; staff briefed',
    }).expect(200);
  });
});
