import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingFromHome, missingReported } from '../support/notifications';

/**
 * The return interview as the people who do it use it, over HTTP on the embedded default:
 * scheduled when the child is found, allocated, contact attempts, the interview with the CSE
 * screening tool, the manager's quality check, and the alerts that follow.
 */
// Response bodies are read field by field in assertions; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-lifecycle-'));
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-1')}`;
const otherWorker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-2')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;

beforeAll(async () => {
  app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const daysAgo = (d: number) => hoursAgo(d * 24);

const send = (body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);
const get = (path: string, as: string = coordinator) => api(app).get(path).set('Authorization', as);

/** Reports the child missing and found; resolves with the interview once it is in the queue. */
async function foundChild(missing: Json, found: Json = {}): Promise<Json> {
  const reported = await send(missing).expect(202);
  await send(childFound(missing as { policeReference: string }, found)).expect(202);
  return eventually(async () => {
    const res = await get('/api/v1/interviews?status=SCHEDULED,ALLOCATED,HELD').expect(200);
    const item = (res.body as Json[]).find((i) => i.episodeId === reported.body.episodeId);
    if (!item) throw new Error('interview not scheduled yet');
    return item;
  });
}

const alertsFor = async (childId: string, as = manager): Promise<Json[]> =>
  (await get(`/api/v1/alerts?childId=${childId}`, as).expect(200)).body as Json[];

const screeningOf = (overrides: Json = {}) => ({
  significant: [],
  medium: ['ALCOHOL_MISUSE', 'EDUCATION_DISENGAGED'],
  vulnerabilities: ['FAMILY_CONFLICT_LOSS'],
  ...overrides,
});

const interviewRecord = (screening: Json = screeningOf(), conductedAt = hoursAgo(0.5)) => ({
  conductedAt,
  screening,
  locationsVisited: [{ description: 'Flat above the takeaway', postcode: 'WS1 2AB' }],
  associates: [{ name: 'Older friend called Dee', relationship: 'friend' }],
  pushFactors: 'Arguments at the placement about curfew',
  pullFactors: 'Older friends offering lifts and alcohol',
  childsVoice: 'I just wanted to be somewhere people wanted me',
  disclosures: 'None today',
});

describe('a return interview from found to approved', () => {
  let interview: Json;
  let url: string;

  beforeAll(async () => {
    interview = await foundChild(missingReported({ occurredAt: hoursAgo(30) }));
    url = `/api/v1/interviews/${interview.interviewId}`;
  });

  it('is scheduled 72 hours after the return, triaged with its reasons', async () => {
    expect(interview).toMatchObject({ status: 'SCHEDULED', allocatedTo: null, breached: false });
    expect(interview.priority).toBe('AMBER');
    expect(interview.priorityReasons).toEqual(
      expect.arrayContaining(['police graded the episode MEDIUM risk']),
    );
    const detail = (await get(url).expect(200)).body as Json;
    expect(Date.parse(detail.dueAt) - Date.parse(detail.returnedAt)).toBe(72 * 3600_000);
    expect(Date.parse(detail.reminderAt)).toBe(Date.parse(detail.dueAt) - 24 * 3600_000);
    expect(Date.parse(detail.unallocatedAlertAt) - Date.parse(detail.scheduledAt)).toBe(
      24 * 3600_000,
    );
    // What the console's live suggestion applies: the child's age today from the reported date of
    // birth (2011-03-14), no recorded learning disability, the repeat threshold not met.
    const today = new Date();
    const birthdayPassed =
      today.getUTCMonth() > 2 || (today.getUTCMonth() === 2 && today.getUTCDate() >= 14);
    expect(detail.screeningPrefill).toEqual({
      significant: [],
      context: {
        ageToday: today.getUTCFullYear() - 2011 - (birthdayPassed ? 0 : 1),
        learningDisability: false,
        repeatThresholdMet: false,
      },
    });
  });

  it('answers a worker 404 for an interview not yet allocated to them, as for none', async () => {
    const res = await post(`${url}/attempts`, worker, {
      at: hoursAgo(0.1),
      method: 'PHONE',
      outcome: 'No answer',
    }).expect(404);
    expect(res.body.message).toContain('is known to Homeward');
  });

  it('lets only a coordinator allocate, and names a missing worker', async () => {
    await post(`${url}/allocate`, worker, { workerId: 'streetwise-worker-1' }).expect(403);
    const bad = await post(`${url}/allocate`, coordinator, {}).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'workerId', message: 'is required' }]);
    const res = await post(`${url}/allocate`, coordinator, {
      workerId: 'streetwise-worker-1',
    }).expect(200);
    expect(res.body.recorded).toEqual(['ReturnInterviewAllocated']);
    const again = await post(`${url}/allocate`, coordinator, {
      workerId: 'streetwise-worker-1',
    }).expect(200);
    expect(again.body.recorded).toEqual([]);
    const mine = await eventually(async () => {
      const list = (await get('/api/v1/interviews?workerId=streetwise-worker-1').expect(200))
        .body as Json[];
      if (!list.some((i) => i.interviewId === interview.interviewId)) throw new Error('not yet');
      return list;
    });
    expect(mine.find((i) => i.interviewId === interview.interviewId)).toMatchObject({
      status: 'ALLOCATED',
      allocatedTo: 'streetwise-worker-1',
    });
  });

  it('keeps every contact attempt, from the allocated worker only', async () => {
    await post(`${url}/attempts`, otherWorker, {
      at: hoursAgo(2),
      method: 'PHONE',
      outcome: 'No answer',
    }).expect(404);
    const future = await post(`${url}/attempts`, worker, {
      at: new Date(Date.now() + 3600_000).toISOString(),
      method: 'PHONE',
      outcome: 'No answer',
    }).expect(400);
    expect(future.body.errors[0].field).toBe('at');
    const badMethod = await post(`${url}/attempts`, worker, {
      at: hoursAgo(2),
      method: 'CARRIER_PIGEON',
      outcome: 'No answer',
    }).expect(400);
    expect(badMethod.body.errors[0].field).toBe('method');
    await post(`${url}/attempts`, worker, {
      at: hoursAgo(2),
      method: 'PHONE',
      outcome: 'No answer; left a message with the carer',
    }).expect(201);
    await post(`${url}/attempts`, worker, {
      at: hoursAgo(1),
      method: 'PLACEMENT_VISIT',
      outcome: 'Spoke to the child, interview arranged for this afternoon',
    }).expect(201);
    const detail = (await get(url).expect(200)).body as Json;
    expect(detail.attempts.map((a: Json) => [a.attemptNumber, a.method])).toEqual([
      [1, 'PHONE'],
      [2, 'PLACEMENT_VISIT'],
    ]);
  });

  it('names every unknown screening code, and writes nothing', async () => {
    const res = await post(
      `${url}/complete`,
      worker,
      interviewRecord(
        screeningOf({
          significant: [{ code: 'NOT_A_CODE', when: 'CURRENT' }],
          medium: ['ALCOHOL_MISUSE', 'MADE_UP'],
        }),
      ),
    ).expect(400);
    const fields = (res.body.errors as Json[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['screening.significant.0.code', 'screening.medium.1']),
    );
    expect(((await get(url).expect(200)).body as Json).status).toBe('ALLOCATED');
  });

  it('refuses a confirmed level below the suggestion without a reason', async () => {
    const res = await post(
      `${url}/complete`,
      worker,
      interviewRecord(screeningOf({ confirmedLevel: 'LOW' })),
    ).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'screening.overrideReason' }),
    ]);
  });

  it('records the interview with the suggested and confirmed level, once', async () => {
    await post(`${url}/complete`, otherWorker, interviewRecord()).expect(404);
    const res = await post(`${url}/complete`, worker, interviewRecord()).expect(200);
    expect(res.body.recorded).toEqual(['ReturnInterviewHeld']);
    expect(res.body.screening).toMatchObject({
      suggested: 'MEDIUM',
      confirmed: 'MEDIUM',
      overridden: false,
      outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'],
    });
    expect(res.body.screening.socialCareDecisionDueAt).toEqual(expect.any(String));
    const twice = await post(`${url}/complete`, worker, interviewRecord()).expect(409);
    expect(twice.body.message).toContain('already been held');
  });

  it('leaves the open queue, and shows its outcome and screening', async () => {
    await eventually(async () => {
      const open = (await get('/api/v1/interviews').expect(200)).body as Json[];
      if (open.some((i) => i.interviewId === interview.interviewId)) throw new Error('still open');
    });
    const held = (await get('/api/v1/interviews?status=HELD').expect(200)).body as Json[];
    expect(held.map((i) => i.interviewId)).toContain(interview.interviewId);
    const detail = (await get(url).expect(200)).body as Json;
    expect(detail.outcome).toMatchObject({
      type: 'HELD',
      heldWithinDeadline: true,
      recordedBy: 'streetwise-worker-1',
      revision: 1,
    });
    expect(detail.outcome.record.childsVoice).toContain('people wanted me');
    expect(detail.screening.suggestedReasons.join(' ')).toContain('2 medium risk indicators');
    expect(detail.screening.indicators.medium).toEqual(['ALCOHOL_MISUSE', 'EDUCATION_DISENGAGED']);
    expect(detail.screeningPrefill).toBeNull();
  });

  it("refers a MEDIUM level to children's social care, visible to the safeguarding manager", async () => {
    const alerts = await eventually(async () => {
      const list = await alertsFor(interview.childId);
      if (!list.some((a) => a.type === 'SOCIAL_CARE_REFERRAL_REQUIRED')) throw new Error('no');
      return list;
    });
    const referral = alerts.find((a) => a.type === 'SOCIAL_CARE_REFERRAL_REQUIRED')!;
    expect(referral).toMatchObject({ audience: 'SOCIAL_CARE', status: 'OPEN' });
    expect(referral.dueBy).toEqual(expect.any(String));
    expect(referral.reasons.join(' ')).toContain('MEDIUM');
    expect(alerts.filter((a) => a.type === 'STRATEGY_MEETING_REQUIRED')).toEqual([]);
    // A coordinator sees only the coordinator's alerts; a worker none at all.
    expect(await alertsFor(interview.childId, coordinator)).toEqual([]);
    await get(`/api/v1/alerts?childId=${interview.childId}`, worker).expect(403);
  });

  it('goes through the quality check: returned, amended, approved', async () => {
    await post(`${url}/review`, worker, { decision: 'APPROVED', comment: 'ok' }).expect(403);
    const bad = await post(`${url}/review`, coordinator, { decision: 'MAYBE' }).expect(400);
    expect((bad.body.errors as Json[]).map((e) => e.field).sort()).toEqual(['comment', 'decision']);
    await post(`${url}/review`, coordinator, {
      decision: 'RETURNED',
      comment: "Please record the child's own words about the lifts",
    }).expect(200);
    // Returned: the worker fills the tool in again, with what it applies to the child.
    const returned = (await get(url).expect(200)).body as Json;
    expect(returned.screeningPrefill).toMatchObject({
      significant: [],
      context: { learningDisability: false },
    });
    const amended = await post(`${url}/complete`, worker, interviewRecord()).expect(200);
    expect(amended.body.recorded).toEqual(['ReturnInterviewHeld']);
    await post(`${url}/review`, coordinator, { decision: 'APPROVED', comment: 'Thorough' }).expect(
      200,
    );
    await post(`${url}/complete`, worker, interviewRecord()).expect(409);
    const detail = (await get(url).expect(200)).body as Json;
    expect(detail.outcome.revision).toBe(2);
    expect(detail.reviews.map((r: Json) => [r.decision, r.revision])).toEqual([
      ['RETURNED', 1],
      ['APPROVED', 2],
    ]);
    // One referral for the interview, however often its record is amended.
    const referrals = (await alertsFor(interview.childId)).filter(
      (a) => a.type === 'SOCIAL_CARE_REFERRAL_REQUIRED',
    );
    expect(referrals).toHaveLength(1);
  });

  it('answers 404 for an unknown interview and 400 for a bad filter', async () => {
    await get(`/api/v1/interviews/${randomUUID()}`).expect(404);
    await post(`/api/v1/interviews/${randomUUID()}/allocate`, coordinator, {
      workerId: 'x',
    }).expect(404);
    const res = await get('/api/v1/interviews?status=ASLEEP').expect(400);
    expect(res.body.errors[0].field).toBe('status');
  });
});

describe('offered but not held', () => {
  it('records a decline with the carer information, and refuses to complete it after', async () => {
    const interview = await foundChild(missingReported());
    const url = `/api/v1/interviews/${interview.interviewId}`;
    await post(`${url}/allocate`, coordinator, { workerId: 'streetwise-worker-1' }).expect(200);
    await post(`${url}/decline`, worker, { at: hoursAgo(0.2), reason: '' }).expect(400);
    await post(`${url}/decline`, worker, {
      at: hoursAgo(0.2),
      reason: 'Did not want to talk to anyone today',
      carerInformation: 'Carer says she came back with a new phone',
    }).expect(200);
    const res = await post(`${url}/complete`, worker, interviewRecord()).expect(409);
    expect(res.body.message).toContain('declined');
    const detail = (await get(url).expect(200)).body as Json;
    expect(detail.outcome).toMatchObject({
      type: 'DECLINED',
      carerInformation: 'Carer says she came back with a new phone',
    });
  });

  it('records an interview that was not possible, with its reason', async () => {
    const interview = await foundChild(missingReported());
    const url = `/api/v1/interviews/${interview.interviewId}`;
    await post(`${url}/allocate`, coordinator, { workerId: 'streetwise-worker-1' }).expect(200);
    await post(`${url}/not-possible`, otherWorker, { reason: 'x' }).expect(404);
    await post(`${url}/not-possible`, worker, {
      reason: 'Moved to a placement in another authority the same day',
    }).expect(200);
    await post(`${url}/not-possible`, worker, { reason: 'again' }).expect(409);
    expect(((await get(url).expect(200)).body as Json).status).toBe('NOT_POSSIBLE');
  });
});

describe('a child who goes missing again before the interview', () => {
  it('keeps the first interview open, linked to the new episode, and schedules a second', async () => {
    const first = missingReported({ occurredAt: daysAgo(6) });
    const interviewA = await foundChild(first, {
      occurredAt: daysAgo(5),
      returnedAt: daysAgo(5),
    });
    const again = missingReported({ occurredAt: daysAgo(1), child: first.child });
    const second = await send(again).expect(202);
    const linked = await eventually(async () => {
      const detail = (await get(`/api/v1/interviews/${interviewA.interviewId}`).expect(200))
        .body as Json;
      if (detail.linkedEpisodeIds.length === 0) throw new Error('not linked yet');
      return detail;
    });
    expect(linked.linkedEpisodeIds).toEqual([second.body.episodeId]);
    expect(linked.status).toBe('SCHEDULED');
    // Two episodes in 90 days: AMBER at least, with the count given as a reason.
    expect(linked.priorityReasons.join(' ')).toMatch(/2 times in the last 90 days/);
    await send(childFound(again, { occurredAt: hoursAgo(3), returnedAt: hoursAgo(2) })).expect(202);
    const open = await eventually(async () => {
      const list = ((await get('/api/v1/interviews').expect(200)).body as Json[]).filter(
        (i) => i.childId === interviewA.childId,
      );
      if (list.length < 2) throw new Error('second interview not scheduled yet');
      return list;
    });
    expect(open.map((i) => i.episodeId).sort()).toEqual(
      [interviewA.episodeId, second.body.episodeId].sort(),
    );
    // The first one's 72 hours ran out while she was missing again: breached, and escalated.
    const breached = open.find((i) => i.interviewId === interviewA.interviewId)!;
    expect(breached.breached).toBe(true);
    const overdue = await eventually(async () => {
      const list = (await alertsFor(interviewA.childId)).filter((a) => a.type === 'RI_OVERDUE');
      if (list.length === 0) throw new Error('no RI_OVERDUE yet');
      return list;
    });
    expect(overdue).toHaveLength(1);
    expect(overdue[0].audience).toBe('SAFEGUARDING_MANAGER');
  });
});

describe('triage and repeat patterns on the real pipeline', () => {
  it('puts a child under 13 first whatever the police grade, and says why', async () => {
    const young = missingFromHome({ riskLevel: 'LOW' });
    young.child = { ...young.child, dateOfBirth: '2015-01-10' };
    const interview = await foundChild(young);
    expect(interview.priority).toBe('RED');
    expect(interview.priorityReasons.join(' ')).toContain('younger than 13');
  });

  it('raises each repeat pattern once when the third episode in 30 days is reported', async () => {
    const first = missingFromHome({
      classification: 'ABSENT',
      riskLevel: 'VERY_LOW',
      occurredAt: daysAgo(20),
    });
    const child = first.child;
    const cycles: Json[] = [first];
    await send(first).expect(202);
    await send(childFound(first, { occurredAt: daysAgo(19.9), returnedAt: daysAgo(19.9) })).expect(
      202,
    );
    for (const d of [12, 4]) {
      const m = missingFromHome({
        classification: 'ABSENT',
        riskLevel: 'VERY_LOW',
        occurredAt: daysAgo(d),
        child,
      });
      cycles.push(m);
      await send(m).expect(202);
      const f = childFound(m, { occurredAt: daysAgo(d - 0.1), returnedAt: daysAgo(d - 0.1) });
      await send(f).expect(202);
      // At-least-once from the police side: the same notification again changes nothing.
      await send(f).expect(200);
    }
    const childId = (await send(cycles[2]).expect(200)).body.childId as string;
    const alerts = await eventually(async () => {
      const list = await alertsFor(childId);
      const types = new Set(list.map((a) => a.type));
      for (const t of ['STRATEGY_MEETING_REQUIRED', 'REPEAT_MISSING', 'ABSENT_PATTERN']) {
        if (!types.has(t)) throw new Error(`no ${t} yet`);
      }
      return list;
    });
    const byType = (t: string) => alerts.filter((a) => a.type === t);
    expect(byType('STRATEGY_MEETING_REQUIRED')).toHaveLength(1);
    expect(byType('REPEAT_MISSING')).toHaveLength(1);
    expect(byType('ABSENT_PATTERN')).toHaveLength(1);
    expect(byType('REPEAT_MISSING')[0].audience).toBe('CMOG');
    expect(byType('ABSENT_PATTERN')[0].audience).toBe('SAFEGUARDING_MANAGER');
    const text = alerts
      .flatMap((a) => a.reasons as string[])
      .join(' ')
      .toLowerCase();
    for (const word of ['lifestyle', 'choice', 'prostitute', 'trouble maker', 'consent']) {
      expect(text).not.toContain(word);
    }
    // The child's timeline carries the alerts too (here also one RI_OVERDUE per interview: each
    // found notification came days after the return, past its 72 hours).
    const raised = await eventually(async () => {
      const timeline = (await get(`/api/v1/children/${childId}/timeline`).expect(200))
        .body as Json[];
      const types = timeline
        .filter((e) => e.type === 'AlertRaised')
        .map((e) => e.details.alertType);
      if (types.length < 6) throw new Error(`only ${types.length} alerts on the timeline yet`);
      return types as string[];
    });
    expect(raised.sort()).toEqual([
      'ABSENT_PATTERN',
      'REPEAT_MISSING',
      'RI_OVERDUE',
      'RI_OVERDUE',
      'RI_OVERDUE',
      'STRATEGY_MEETING_REQUIRED',
    ]);
    // The third episode's interview is RED: three episodes in 90 days.
    // The queue is its own projection: it may catch up a moment after the alerts.
    const third = await eventually(async () => {
      const queue = (await get('/api/v1/interviews').expect(200)).body as Json[];
      const red = queue.find((i) => i.childId === childId && i.priority === 'RED');
      if (!red) throw new Error('the third interview is not in the queue as RED yet');
      return red;
    });
    expect(third.priorityReasons.join(' ')).toMatch(/3 times in the last 90 days/);
  });

  it('breaches at once a found notification that arrives after the deadline', async () => {
    const late = missingReported({ occurredAt: hoursAgo(100) });
    const interview = await foundChild(late, {
      occurredAt: hoursAgo(80),
      returnedAt: hoursAgo(80),
    });
    expect(interview).toMatchObject({ breached: true, notifiedLate: true });
    const overdue = await eventually(async () => {
      const list = (await alertsFor(interview.childId)).filter((a) => a.type === 'RI_OVERDUE');
      if (list.length === 0) throw new Error('not yet');
      return list;
    });
    expect(overdue[0].reasons.join(' ')).toContain('after the interview deadline');
  });
});
