import type { INestApplication } from '@nestjs/common';
import type { HomewardConfig } from '@homeward/platform';
import { api, eventually, startHomeward, tokenFor } from './homeward-app';
import {
  childFound,
  missingFromHome,
  missingReported,
  reportCancelled,
  riskRegraded,
} from './notifications';

const NOTIFICATIONS = '/api/v1/police/notifications';

/** Event payloads as the API returns them: JSON, read loosely by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many event shapes
type TimelineData = Record<string, any>;

/**
 * The HTTP API as a police system and a return-interview worker use it, run against whichever
 * store `config` names (PGlite in `npm test`, a real PostgreSQL in the integration suite).
 */
export function homewardApiSuite(storeName: string, config: () => Promise<HomewardConfig>): void {
  describe(`Homeward HTTP API on ${storeName}`, () => {
    let app: INestApplication;
    const police = tokenFor('police-system');
    // Reads the whole queue and any child's timeline (a worker sees only what is allocated to them).
    const reader = tokenFor('ri-coordinator');

    beforeAll(async () => {
      app = await startHomeward(await config());
    });
    afterAll(async () => {
      await app?.close();
    });

    const send = (body: unknown) =>
      api(app)
        .post(NOTIFICATIONS)
        .set('Authorization', `Bearer ${police}`)
        .send(body as object);
    const queue = async () =>
      (
        await api(app)
          .get('/api/v1/interviews')
          .set('Authorization', `Bearer ${reader}`)
          .expect(200)
      ).body as Array<Record<string, unknown>>;
    const timeline = async (childId: string) => {
      const res = await api(app)
        .get(`/api/v1/children/${childId}/timeline`)
        .set('Authorization', `Bearer ${reader}`);
      if (res.status === 404) return []; // not projected yet
      expect(res.status).toBe(200);
      return res.body as Array<{ type: string; details: TimelineData }>;
    };
    const interviewFor = (episodeId: string) =>
      eventually(async () => {
        const item = (await queue()).find((i) => i.episodeId === episodeId);
        if (!item) throw new Error(`no interview for episode ${episodeId} yet`);
        return item;
      });

    describe('authentication', () => {
      it('serves /health without a token (status only), and the details to an admin', async () => {
        await api(app).get('/health').expect(200, { status: 'ok' });
        await api(app)
          .get('/health')
          .set('Authorization', `Bearer ${tokenFor('ri-worker')}`)
          .expect(200, { status: 'ok' });
        const res = await api(app)
          .get('/health')
          .set('Authorization', `Bearer ${tokenFor('admin')}`)
          .expect(200);
        expect(res.body.info.eventStore.status).toBe('up');
      });

      it('answers 401 without a token or with a token signed by another key', async () => {
        await api(app).post(NOTIFICATIONS).send(missingReported()).expect(401);
        await api(app).get('/api/v1/interviews').expect(401);
        const forged = tokenFor('police-system', 'some-other-key-that-is-long-enough-123456');
        await api(app)
          .post(NOTIFICATIONS)
          .set('Authorization', `Bearer ${forged}`)
          .send(missingReported())
          .expect(401);
      });

      it('answers 403 to a token of another role', async () => {
        await api(app)
          .post(NOTIFICATIONS)
          .set('Authorization', `Bearer ${reader}`)
          .send(missingReported())
          .expect(403);
        await api(app)
          .get('/api/v1/interviews')
          .set('Authorization', `Bearer ${police}`)
          .expect(403);
      });
    });

    describe('from missing to the interview queue', () => {
      it('records a missing report, and a found child gets a return interview due 72 h after return', async () => {
        const missing = missingReported({ riskLevel: 'HIGH' });
        const accepted = await send(missing).expect(202);
        expect(accepted.body).toEqual({
          episodeId: expect.any(String),
          childId: expect.any(String),
          duplicate: false,
        });
        const found = childFound(missing);
        const foundRes = await send(found).expect(202);
        expect(foundRes.body.episodeId).toBe(accepted.body.episodeId);

        const interview = await interviewFor(accepted.body.episodeId);
        expect(interview).toMatchObject({
          childId: accepted.body.childId,
          priority: 'RED',
          status: 'SCHEDULED',
          returnedAt: new Date(found.returnedAt).toISOString(),
          dueAt: new Date(Date.parse(found.returnedAt) + 72 * 3600_000).toISOString(),
          breached: false,
          notifiedLate: false,
        });
        expect(interview.priorityReasons).toEqual(['police graded the episode HIGH risk']);

        const events = await eventually(async () => {
          const t = await timeline(accepted.body.childId);
          if (t.length < 3) throw new Error('timeline not complete yet');
          return t;
        });
        expect(events.map((e) => e.type)).toEqual([
          'MissingEpisodeReported',
          'ChildFound',
          'ReturnInterviewScheduled',
        ]);
        expect(events[0].details.childName).toBe('Jade Example');
      });

      it('treats the same notificationId again as a duplicate that changes nothing', async () => {
        const missing = missingReported();
        const first = await send(missing).expect(202);
        const again = await send(missing).expect(200);
        expect(again.body).toEqual({ ...first.body, duplicate: true });
        const altered = await send({ ...missing, riskLevel: 'HIGH' }).expect(200);
        expect(altered.body.duplicate).toBe(true);
        const t = await eventually(async () => {
          const entries = await timeline(first.body.childId);
          if (entries.length === 0) throw new Error('not projected yet');
          return entries;
        });
        expect(t).toHaveLength(1);
        expect(t[0].details.riskLevel).toBe('MEDIUM');
      });

      it('records exactly one episode when the same notification arrives five times at once', async () => {
        const missing = missingReported();
        const responses = await Promise.all(Array.from({ length: 5 }, () => send(missing)));
        expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
        expect(new Set(responses.map((r) => r.body.episodeId)).size).toBe(1);
      });

      it('maps the same force and police person to the same child across episodes', async () => {
        const first = missingReported();
        const a = await send(first).expect(202);
        await send(childFound(first)).expect(202);
        const second = missingReported({
          child: first.child,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        });
        const b = await send(second).expect(202);
        expect(b.body.childId).toBe(a.body.childId);
        expect(b.body.episodeId).not.toBe(a.body.episodeId);
        const lower = missingReported({
          force: 'WMP',
          child: { ...first.child, policePersonId: ` ${first.child.policePersonId}` },
        });
        const c = await send(lower).expect(409);
        expect(c.body.message).toContain('already has an open episode');
      });

      it('orders the queue by priority, then by deadline', async () => {
        const make = async (riskLevel: string, cseConcern: boolean, returnedHoursAgo: number) => {
          const m = missingFromHome({
            riskLevel,
            cseConcern,
            occurredAt: new Date(Date.now() - 100 * 3600_000).toISOString(),
          });
          const res = await send(m).expect(202);
          const at = new Date(Date.now() - returnedHoursAgo * 3600_000).toISOString();
          await send(childFound(m, { occurredAt: at, returnedAt: at })).expect(202);
          return res.body.episodeId as string;
        };
        const greenOld = await make('LOW', false, 10);
        const redNew = await make('LOW', true, 1);
        const amber = await make('MEDIUM', false, 5);
        const redOld = await make('HIGH', false, 3);
        await interviewFor(redOld);
        await interviewFor(greenOld);
        const mine = (await queue()).filter((i) =>
          [greenOld, redNew, amber, redOld].includes(i.episodeId as string),
        );
        expect(mine.map((i) => i.episodeId)).toEqual([redOld, redNew, amber, greenOld]);
        expect(mine.map((i) => i.priority)).toEqual(['RED', 'RED', 'AMBER', 'GREEN']);
        const all = await queue();
        const rank = { RED: 0, AMBER: 1, GREEN: 2 } as Record<string, number>;
        all.forEach((item, i) => {
          if (i === 0) return;
          const prev = all[i - 1];
          expect(rank[prev.priority as string]).toBeLessThanOrEqual(rank[item.priority as string]);
          if (prev.priority === item.priority) {
            expect(Date.parse(prev.dueAt as string)).toBeLessThanOrEqual(
              Date.parse(item.dueAt as string),
            );
          }
        });
      });

      it('keeps an absent episode and records the legacy grade as VERY_LOW with the original', async () => {
        const absent = missingFromHome({ classification: 'ABSENT', riskLevel: 'NO_APPARENT_RISK' });
        const res = await send(absent).expect(202);
        const [reported] = await eventually(async () => {
          const t = await timeline(res.body.childId);
          if (t.length === 0) throw new Error('not projected yet');
          return t;
        });
        expect(reported.details).toMatchObject({
          classification: 'ABSENT',
          riskLevel: 'VERY_LOW',
          policeRiskGrade: 'NO_APPARENT_RISK',
        });
        await send(childFound(absent)).expect(202);
        expect((await interviewFor(res.body.episodeId)).priority).toBe('GREEN');
      });

      it('regrades risk while missing, and the interview is triaged on the new grade', async () => {
        const missing = missingReported({ riskLevel: 'LOW' });
        const res = await send(missing).expect(202);
        await send(riskRegraded(missing, { riskLevel: 'HIGH' })).expect(202);
        await send(childFound(missing)).expect(202);
        expect((await interviewFor(res.body.episodeId)).priority).toBe('RED');
      });

      it('breaches at once, and says so, a found notification that arrives after the deadline', async () => {
        const missing = missingReported({
          occurredAt: new Date(Date.now() - 200 * 3600_000).toISOString(),
        });
        const res = await send(missing).expect(202);
        const returned = new Date(Date.now() - 80 * 3600_000).toISOString();
        await send(childFound(missing, { occurredAt: returned, returnedAt: returned })).expect(202);
        const interview = await eventually(async () => {
          const i = await interviewFor(res.body.episodeId);
          if (!i.breached) throw new Error('breach not projected yet');
          return i;
        });
        expect(interview).toMatchObject({ breached: true, notifiedLate: true });
      });

      it('removes the interview when the report is cancelled as made in error', async () => {
        const missing = missingReported();
        const res = await send(missing).expect(202);
        await send(childFound(missing)).expect(202);
        await interviewFor(res.body.episodeId);
        await send(reportCancelled(missing)).expect(202);
        await eventually(async () => {
          if ((await queue()).some((i) => i.episodeId === res.body.episodeId))
            throw new Error('still queued');
        });
      });

      it('opens and closes, flagged as reported late, an episode known only from a found notification with the child', async () => {
        const template = missingReported();
        const found = childFound(template, { child: template.child, riskLevel: 'HIGH' });
        const res = await send(found).expect(202);
        const interview = await interviewFor(res.body.episodeId);
        expect(interview.priority).toBe('RED');
        const t = await eventually(async () => {
          const entries = await timeline(res.body.childId);
          if (entries.length < 2) throw new Error('timeline not projected yet');
          return entries;
        });
        expect(t[0]).toMatchObject({
          type: 'MissingEpisodeReported',
          details: { reportedLate: true, lastSeenAt: null },
        });
        expect(t[1]).toMatchObject({ type: 'ChildFound', details: { reportedLate: true } });
      });
    });

    describe('bad input', () => {
      const fieldsOf = (body: { errors: Array<{ field: string }> }) =>
        body.errors.map((e) => e.field).sort();

      it('names every bad field at once', async () => {
        const body = missingReported({
          notificationId: 'not-a-uuid',
          occurredAt: '2026-11-20 21:30',
          riskLevel: 'SEVERE',
          cseConcern: 'yes',
          child: { ...missingReported().child, dateOfBirth: '2012-02-30', lookedAfter: 'true' },
          lastSeenLocation: undefined,
        });
        const res = await send(body).expect(400);
        expect(fieldsOf(res.body)).toEqual(
          [
            'child.dateOfBirth',
            'child.lookedAfter',
            'cseConcern',
            'lastSeenLocation',
            'notificationId',
            'occurredAt',
            'riskLevel',
          ].sort(),
        );
        expect(
          res.body.errors.find((e: { field: string }) => e.field === 'lastSeenLocation').message,
        ).toBe('is required');
      });

      it('rejects an unknown type', async () => {
        const res = await send({ ...missingReported(), type: 'CHILD_SIGHTED' }).expect(400);
        expect(res.body.errors).toEqual([
          { field: 'type', message: expect.stringContaining('MISSING_REPORTED') },
        ]);
      });

      it('rejects a date of birth in the future and a person 18 or over', async () => {
        const future = await send(
          missingReported({ child: { ...missingReported().child, dateOfBirth: '2099-01-01' } }),
        ).expect(400);
        expect(future.body.errors).toEqual([
          { field: 'child.dateOfBirth', message: 'date of birth must not be in the future' },
        ]);
        const adult = await send(
          missingReported({ child: { ...missingReported().child, dateOfBirth: '2000-01-01' } }),
        ).expect(400);
        expect(adult.body.errors[0]).toMatchObject({
          field: 'child.dateOfBirth',
          message: expect.stringContaining('18 or over'),
        });
      });

      it('rejects a time in the future and a return before being found', async () => {
        const later = new Date(Date.now() + 3600_000).toISOString();
        const res = await send(missingReported({ occurredAt: later })).expect(400);
        expect(fieldsOf(res.body)).toEqual(['occurredAt']);
        const found = await send(
          childFound(
            { policeReference: 'X-1' },
            { returnedAt: new Date(Date.now() - 5 * 3600_000).toISOString() },
          ),
        ).expect(400);
        expect(found.body.errors).toEqual([
          { field: 'returnedAt', message: 'the child cannot have returned before being found' },
        ]);
      });

      it('rejects found before last seen, naming occurredAt, and writes nothing', async () => {
        const missing = missingReported();
        const res = await send(missing).expect(202);
        const before = new Date(Date.parse(missing.occurredAt) - 3600_000).toISOString();
        const bad = await send(
          childFound(missing, { occurredAt: before, returnedAt: before }),
        ).expect(400);
        expect(bad.body.errors).toEqual([
          {
            field: 'occurredAt',
            message: expect.stringContaining('found before the child was last seen'),
          },
        ]);
        await new Promise((r) => setTimeout(r, 300));
        expect((await timeline(res.body.childId)).map((e) => e.type)).toEqual([
          'MissingEpisodeReported',
        ]);
      });

      it('rejects a body that is not JSON, not an object, or over 64 KiB', async () => {
        const malformed = await api(app)
          .post(NOTIFICATIONS)
          .set('Authorization', `Bearer ${police}`)
          .set('Content-Type', 'application/json')
          .send('{"type": ')
          .expect(400);
        expect(malformed.body.errors[0]).toMatchObject({
          field: '(body)',
          message: expect.stringContaining('malformed JSON'),
        });
        const array = await send([missingReported()]).expect(400);
        expect(array.body.errors).toEqual([{ field: '(body)', message: 'must be a JSON object' }]);
        const huge = await send(missingReported({ circumstances: 'x'.repeat(70 * 1024) })).expect(
          400,
        );
        expect(huge.body.errors[0]).toMatchObject({
          field: '(body)',
          message: expect.stringContaining('64 KiB'),
        });
      });
    });

    describe('domain rules', () => {
      it('refuses a second open episode for the same child with 409, writing nothing', async () => {
        const first = missingReported();
        const res = await send(first).expect(202);
        const second = missingReported({ child: first.child });
        const conflict = await send(second).expect(409);
        expect(conflict.body.message).toContain(first.policeReference);
        // The refused notification left no receipt: once the first is closed it can be resent.
        await send(childFound(first)).expect(202);
        const retried = await send(second).expect(202);
        expect(retried.body.childId).toBe(res.body.childId);
      });

      it('refuses found for a closed episode, regrade of a closed one, and the same reference twice', async () => {
        const missing = missingReported();
        await send(missing).expect(202);
        await send(childFound(missing)).expect(202);
        expect((await send(childFound(missing)).expect(409)).body.message).toContain(
          'already closed',
        );
        expect((await send(riskRegraded(missing)).expect(409)).body.message).toContain('closed');
        expect(
          (await send({ ...missing, notificationId: missingReported().notificationId }).expect(409))
            .body.message,
        ).toContain('already been reported');
      });

      it('refuses with a clear 409 a found notification for an unknown episode without the child', async () => {
        const res = await send(childFound({ policeReference: 'NEVER-REPORTED-1' })).expect(409);
        expect(res.body.message).toContain(
          'no missing report is recorded for episode WMP/NEVER-REPORTED-1',
        );
        expect(res.body.message).toContain('include `child`');
      });
    });
  });
}
