import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureHttp, type HomewardConfig } from '@homeward/platform';
import { CmogModule } from '@homeward/safeguarding/cmog';
import { HomewardModule } from '../../apps/homeward/src/app.module';
import { api, eventually, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/**
 * CMOG on the real pipeline: a child missing three times in 90 days is on the agenda with the
 * reason, a meeting keeps its attendance register and minutes, and an action deferred twice is
 * flagged for the safeguarding manager with both reasons.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

@Module({})
class CmogTestApp {
  static forRoot(config: HomewardConfig): DynamicModule {
    return { module: CmogTestApp, imports: [HomewardModule.forRoot(config), CmogModule] };
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-cmog-'));
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const chair = `Bearer ${tokenFor('cmog-chair', undefined, 'chair-pat')}`;
const member = `Bearer ${tokenFor('cmog-member', undefined, 'member-kim')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-1')}`;

beforeAll(async () => {
  app = await NestFactory.create(CmogTestApp.forRoot(testConfig({ kind: 'pglite', dataDir })), {
    bodyParser: false,
    logger: ['error'],
    abortOnError: false,
  });
  configureHttp(app);
  await app.init();
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const DAY = 24 * 3600_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const dayFromNow = (d: number) => new Date(Date.now() + d * DAY).toISOString().slice(0, 10);
const send = (body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);
const post = (path: string, as: string, body: object) =>
  api(app).post(`/api/v1/cmog${path}`).set('Authorization', as).send(body);
const get = async (path: string, as: string) =>
  (await api(app).get(`/api/v1/cmog${path}`).set('Authorization', as).expect(200)).body as Json;

let childId: string;
let meetingId: string;

describe('the agenda', () => {
  beforeAll(async () => {
    const first = missingReported({ occurredAt: daysAgo(80) });
    for (const [i, d] of [80, 50, 10].entries()) {
      const missing =
        i === 0 ? first : missingReported({ occurredAt: daysAgo(d), child: first.child });
      const reply = await send(missing).expect(202);
      childId = reply.body.childId as string;
      await send(
        childFound(missing, { occurredAt: daysAgo(d - 0.5), returnedAt: daysAgo(d - 0.5) }),
      ).expect(202);
    }
  });

  it('lists a child missing 3 times in 90 days, with the reason', async () => {
    const agenda = await eventually(async () => {
      const a = await get('/agenda?localAuthority=walsall', member);
      if (!a.children.some((c: Json) => c.childId === childId)) throw new Error('not listed yet');
      return a;
    });
    const child = agenda.children.find((c: Json) => c.childId === childId);
    expect(child.alerts.map((a: Json) => a.type)).toEqual(['REPEAT_MISSING']);
    expect(child.why.join(' ')).toContain('3 times in 90 days');
    await api(app).get('/api/v1/cmog/agenda').set('Authorization', member).expect(400);
    await api(app)
      .get('/api/v1/cmog/agenda?localAuthority=Walsall')
      .set('Authorization', worker)
      .expect(403);
  });
});

describe('a meeting', () => {
  it('is opened by the chair with the agenda as it stood', async () => {
    await post('/meetings', member, { heldOn: dayFromNow(0), localAuthority: 'Walsall' }).expect(
      403,
    );
    const bad = await post('/meetings', chair, { heldOn: '2026-02-30', localAuthority: '' }).expect(
      400,
    );
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual(['heldOn', 'localAuthority']);
    const opened = await post('/meetings', chair, {
      heldOn: dayFromNow(0),
      localAuthority: 'Walsall',
    })
      .set('Idempotency-Key', 'meeting-1')
      .expect(201);
    meetingId = opened.body.meetingId as string;
    expect(opened.body.recorded).toEqual(['CmogMeetingOpened']);
    expect(opened.body.agenda.children.map((c: Json) => c.childId)).toContain(childId);
    // The same request again lands on the same meeting and records nothing new.
    const again = await post('/meetings', chair, {
      heldOn: dayFromNow(0),
      localAuthority: 'Walsall',
    })
      .set('Idempotency-Key', 'meeting-1')
      .expect(201);
    expect(again.body).toMatchObject({ meetingId, recorded: [] });
  });

  it('keeps an attendance register by agency, then minutes recorded once and amended with a reason', async () => {
    const early = await post(`/meetings/${meetingId}/minutes`, chair, {
      minutes: 'Too soon',
    }).expect(409);
    expect(early.body.message).toContain('attendance');
    const register = await post(`/meetings/${meetingId}/attendance`, chair, {
      attendees: [
        { name: 'Pat Chair', agency: 'Walsall Children’s Services', role: 'Chair' },
        { name: 'DC Amy Shah', agency: 'West Midlands Police' },
      ],
      apologies: [{ name: 'Lee Ward', agency: 'Health' }],
    }).expect(200);
    expect(register.body.attendance.byAgency.map((a: Json) => a.agency)).toEqual([
      'Health',
      'Walsall Children’s Services',
      'West Midlands Police',
    ]);
    const minutes = await post(`/meetings/${meetingId}/minutes`, chair, {
      minutes: 'Discussed the child and the hotel where she was found.',
      decisions: [{ childId, decision: 'Strategy meeting to be convened' }],
    }).expect(201);
    expect(minutes.body.minutes).toMatchObject({ recordedBy: 'chair-pat', amendments: [] });
    const twice = await post(`/meetings/${meetingId}/minutes`, chair, { minutes: 'Other' }).expect(
      409,
    );
    expect(twice.body.message).toContain('amended');
    const noReason = await post(`/meetings/${meetingId}/minutes/amendments`, chair, {
      minutes: 'Other',
    }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const amended = await post(`/meetings/${meetingId}/minutes/amendments`, chair, {
      minutes: 'Discussed the child, the hotel and the car seen outside it.',
      decisions: [{ childId, decision: 'Strategy meeting to be convened' }],
      reason: 'The car was left out',
    }).expect(201);
    expect(amended.body.minutes.amendments).toEqual([
      expect.objectContaining({
        amendment: 1,
        reason: 'The car was left out',
        amendedBy: 'chair-pat',
      }),
    ]);
    const read = await get(`/meetings/${meetingId}`, manager);
    expect(read.attendance.apologies).toEqual([{ name: 'Lee Ward', agency: 'Health', role: null }]);
    await post(`/meetings/${meetingId}/attendance`, member, { attendees: [] }).expect(403);
  });
});

describe('the action register', () => {
  let actionId: string;

  it('needs one named owner and a meeting Homeward knows', async () => {
    const body = {
      meetingId,
      childId,
      description: 'Disruption visit to the hotel',
      owner: 'DC Amy Shah and PC Tom Lee',
      agency: 'West Midlands Police',
      dueOn: dayFromNow(7),
      intendedOutcome: 'Hotel staff know to call the police',
    };
    const several = await post('/actions', member, body).expect(400);
    expect(several.body.errors).toEqual([
      { field: 'owner', message: 'must be one named person, not several' },
    ]);
    await post('/actions', member, { ...body, owner: ['A', 'B'] }).expect(400);
    await post('/actions', member, {
      ...body,
      owner: 'DC Amy Shah',
      meetingId: '4b1d3c5e-0000-4000-8000-000000000000',
    }).expect(404);
    const created = await post('/actions', member, { ...body, owner: 'DC Amy Shah' }).expect(201);
    actionId = created.body.actionId as string;
    expect(created.body).toMatchObject({ status: 'OPEN', deferrals: 0, attention: false });
  });

  it('flags an action deferred twice, keeping both reasons, for the safeguarding manager', async () => {
    const first = await post(`/actions/${actionId}/defer`, member, {
      newDueOn: dayFromNow(14),
      reason: 'Officer on leave',
    }).expect(200);
    expect(first.body.recorded).toEqual(['CmogActionDeferred']);
    const notAfter = await post(`/actions/${actionId}/defer`, member, {
      newDueOn: dayFromNow(14),
      reason: 'x',
    }).expect(400);
    expect(notAfter.body.errors[0].field).toBe('newDueOn');
    const second = await post(`/actions/${actionId}/defer`, chair, {
      newDueOn: dayFromNow(21),
      reason: 'Hotel manager unavailable',
    }).expect(200);
    expect(second.body.recorded).toEqual(['CmogActionDeferred', 'CmogActionFlagged']);
    expect(second.body).toMatchObject({ deferrals: 2, attention: true, flags: ['DEFERRED_TWICE'] });

    const flagged = await eventually(async () => {
      const list = (await get('/actions?attention=true', manager)) as unknown as Json[];
      const found = list.find((a) => a.actionId === actionId);
      if (!found) throw new Error('not projected yet');
      return found;
    });
    expect(flagged).toMatchObject({
      owner: 'DC Amy Shah',
      deferrals: 2,
      overdue: false,
      attention: true,
      attentionReasons: ['DEFERRED_TWICE'],
      flags: [expect.objectContaining({ reason: 'DEFERRED_TWICE' })],
    });
    expect(flagged.deferralHistory.map((d: Json) => d.reason)).toEqual([
      'Officer on leave',
      'Hotel manager unavailable',
    ]);
    const agenda = await get('/agenda?localAuthority=Walsall', chair);
    expect(agenda.actions).toEqual([
      expect.objectContaining({ actionId, attentionReasons: ['DEFERRED_TWICE'] }),
    ]);
    const mine = (await get(
      '/actions?status=OPEN&owner=dc%20amy%20shah',
      member,
    )) as unknown as Json[];
    expect(mine.map((a) => a.actionId)).toEqual([actionId]);
    await api(app)
      .get('/api/v1/cmog/actions?status=LATE')
      .set('Authorization', manager)
      .expect(400);
  });

  it('is completed once', async () => {
    await post(`/actions/${actionId}/complete`, manager, { outcome: 'x' }).expect(403);
    const done = await post(`/actions/${actionId}/complete`, member, {
      outcome: 'Visit made; staff briefed',
    }).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', attention: false });
    const twice = await post(`/actions/${actionId}/complete`, member, { outcome: 'again' }).expect(
      409,
    );
    expect(twice.body.message).toContain('member-kim');
    await eventually(async () => {
      const list = (await get('/actions?status=DONE', manager)) as unknown as Json[];
      if (!list.some((a) => a.actionId === actionId)) throw new Error('not projected yet');
    });
  });
});
