import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureHttp } from '@homeward/platform';
import { HomewardModule } from '../../apps/homeward/src/app.module';
import { ReportsModule } from '../../libs/console/src/reports/reports.module';
import { api, eventually, testConfig, tokenFor } from '../support/homeward-app';
import {
  childFound,
  missingFromHome,
  missingReported,
  reportCancelled,
} from '../support/notifications';

/**
 * The safeguarding board's figures and the SSDA903 Missing return, from real police
 * notifications and return interviews over HTTP on the embedded default.
 */
// Response bodies are read field by field in assertions; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-reports-'));
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-1')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;

async function startWithReports(): Promise<INestApplication> {
  @Module({
    imports: [HomewardModule.forRoot(testConfig({ kind: 'pglite', dataDir })), ReportsModule],
  })
  class HomewardWithReports {}
  const nest = await NestFactory.create(HomewardWithReports, {
    bodyParser: false,
    logger: ['error'],
    abortOnError: false,
  });
  configureHttp(nest);
  await nest.init();
  return nest;
}

const NOW = Date.now();
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();
const daysAgo = (d: number) => hoursAgo(d * 24);
/** Written independently of the code under test: a London day as YYYY-MM-DD and DD/MM/YYYY. */
const iso = (t: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t));
const uk = (t: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(new Date(t));
/** A birth date giving this age, whole years, for months either side of today. */
function bornYearsAgo(years: number): string {
  const d = new Date(NOW - 180 * 24 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}
const ukDob = (dob: string) => dob.split('-').reverse().join('/');

// The period: the last 14 days to tomorrow (tomorrow so a run across midnight still counts).
const from = iso(daysAgo(14));
const to = iso(new Date(NOW + 24 * 3600_000).toISOString());

const send = (body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);
const get = (path: string, as: string = manager) => api(app).get(path).set('Authorization', as);

const child = (over: Json) => ({
  ...missingReported().child,
  responsibleLocalAuthority: 'Reportshire',
  ...over,
});

/** Reports an episode (and its return, if given); resolves with the child and episode ids. */
async function episode(
  body: Json,
  found?: { at: string; returnedAt: string },
): Promise<{ childId: string; episodeId: string }> {
  const res = await send(body).expect(202);
  if (found) {
    await send(
      childFound(body as { policeReference: string }, {
        occurredAt: found.at,
        returnedAt: found.returnedAt,
      }),
    ).expect(202);
  }
  return res.body as { childId: string; episodeId: string };
}

async function interviewOf(episodeId: string): Promise<Json> {
  return eventually(async () => {
    const list = (
      await get('/api/v1/interviews?status=SCHEDULED,ALLOCATED', coordinator).expect(200)
    ).body as Json[];
    const item = list.find((i) => i.episodeId === episodeId);
    if (!item) throw new Error('interview not scheduled yet');
    return item;
  });
}

const allocate = (interviewId: string) =>
  post(`/api/v1/interviews/${interviewId}/allocate`, coordinator, {
    workerId: 'streetwise-worker-1',
  }).expect(200);

// Amy: looked after; an episode from before the period that ended in it, then one in it,
// found and interviewed within 72 hours (MEDIUM, referred).
const amy = child({ dateOfBirth: bornYearsAgo(14), sex: 'F', lookedAfter: true });
// Ben: at home, 11; absent, found days later (the notification came late: breached), absent again.
const ben = child({
  dateOfBirth: bornYearsAgo(11),
  sex: 'M',
  lookedAfter: false,
  knownToSocialCare: false,
});
// Cara: looked after, 16; an episode wholly before the period, then away without authorisation.
const cara = child({ dateOfBirth: bornYearsAgo(16), sex: 'F', lookedAfter: true });
// Dee: at home, 8; three episodes in the period (repeat): not possible, declined, still missing.
const dee = child({
  dateOfBirth: bornYearsAgo(8),
  sex: 'F',
  lookedAfter: false,
  knownToSocialCare: false,
});
// Eve: looked after by another authority.
const eve = child({
  dateOfBirth: bornYearsAgo(15),
  sex: 'F',
  lookedAfter: true,
  responsibleLocalAuthority: 'Elsewhere',
});
// Fay: looked after, reported in error and cancelled: not an episode.
const fay = child({ dateOfBirth: bornYearsAgo(13), sex: 'F', lookedAfter: true });

const times = {
  amy1: { seen: daysAgo(20), found: daysAgo(10.2), returned: daysAgo(10) },
  amy2: { seen: hoursAgo(30), found: hoursAgo(21), returned: hoursAgo(20) },
  cara0: { seen: daysAgo(30), found: daysAgo(25.2), returned: daysAgo(25) },
  cara1: { seen: hoursAgo(10) },
  eve1: { seen: daysAgo(3) },
};

const ids: Record<string, { childId: string; episodeId: string }> = {};

beforeAll(async () => {
  app = await startWithReports();
  const m = (kid: Json, occurredAt: string, over: Json = {}) =>
    (kid.lookedAfter ? missingReported : missingFromHome)({ child: kid, occurredAt, ...over });

  const { amy1, amy2, cara0, cara1, eve1 } = times;
  ids.amy1 = await episode(m(amy, amy1.seen), { at: amy1.found, returnedAt: amy1.returned });
  ids.amy2 = await episode(m(amy, amy2.seen), { at: amy2.found, returnedAt: amy2.returned });
  ids.ben1 = await episode(m(ben, daysAgo(5), { classification: 'ABSENT', riskLevel: 'LOW' }), {
    at: hoursAgo(90),
    returnedAt: hoursAgo(80),
  });
  ids.ben2 = await episode(m(ben, hoursAgo(5), { classification: 'ABSENT', riskLevel: 'LOW' }));
  ids.cara0 = await episode(m(cara, cara0.seen), { at: cara0.found, returnedAt: cara0.returned });
  ids.cara1 = await episode(m(cara, cara1.seen, { classification: 'AWAY_WITHOUT_AUTHORISATION' }));
  ids.dee1 = await episode(m(dee, daysAgo(9)), { at: daysAgo(8.5), returnedAt: daysAgo(8.4) });
  ids.dee2 = await episode(m(dee, daysAgo(6)), { at: daysAgo(5.5), returnedAt: daysAgo(5.4) });
  ids.dee3 = await episode(m(dee, hoursAgo(12)));
  ids.eve1 = await episode(m(eve, eve1.seen));
  const fayReport = m(fay, daysAgo(2));
  ids.fay1 = await episode(fayReport);
  await send(reportCancelled(fayReport, { occurredAt: daysAgo(1.9) })).expect(202);

  // Amy's second return: interviewed within 72 hours; her screening is MEDIUM and referred.
  const amyInterview = await interviewOf(ids.amy2.episodeId);
  await allocate(amyInterview.interviewId);
  await post(`/api/v1/interviews/${amyInterview.interviewId}/complete`, worker, {
    conductedAt: hoursAgo(2),
    screening: {
      significant: [],
      medium: ['ALCOHOL_MISUSE', 'EDUCATION_DISENGAGED'],
      vulnerabilities: ['FAMILY_CONFLICT_LOSS'],
    },
    locationsVisited: [],
    associates: [],
    pushFactors: 'Arguments at the placement about curfew',
    pullFactors: 'Older friends offering lifts',
    childsVoice: 'I wanted to be somewhere people wanted me',
    disclosures: 'None today',
  }).expect(200);
  // Dee's first two: not possible, and declined.
  const dee1 = await interviewOf(ids.dee1.episodeId);
  await allocate(dee1.interviewId);
  await post(`/api/v1/interviews/${dee1.interviewId}/not-possible`, worker, {
    reason: 'Moved out of the area the same day',
  }).expect(200);
  const dee2 = await interviewOf(ids.dee2.episodeId);
  await allocate(dee2.interviewId);
  await post(`/api/v1/interviews/${dee2.interviewId}/decline`, worker, {
    at: hoursAgo(1),
    reason: 'Did not want to talk to anyone today',
  }).expect(200);
  // The referral is acknowledged by the safeguarding manager.
  const referral = await eventually(async () => {
    const list = (
      await get(`/api/v1/alerts?childId=${ids.amy2.childId}&type=SOCIAL_CARE_REFERRAL_REQUIRED`)
    ).body as Json[];
    if (list.length !== 1) throw new Error('no referral yet');
    return list[0];
  });
  await post(`/api/v1/alerts/${referral.alertId}/acknowledge`, manager, {
    note: 'Social worker allocated; strategy discussion booked',
  }).expect(200);
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls until the board shows what every projection has caught up with. */
async function board(query: string, settled: (b: Json) => boolean): Promise<Json> {
  return eventually(async () => {
    const res = await get(`/api/v1/reports/board?${query}`).expect(200);
    if (!settled(res.body as Json)) throw new Error(`not settled: ${JSON.stringify(res.body)}`);
    return res.body as Json;
  }, 15_000);
}

const everyAlertType = {
  SOCIAL_CARE_REFERRAL_REQUIRED: 0,
  STRATEGY_MEETING_REQUIRED: 0,
  CMOG_LISTING: 0,
  REPEAT_MISSING: 0,
  ABSENT_PATTERN: 0,
  ASSOCIATION: 0,
  HOTSPOT: 0,
  RI_UNALLOCATED: 0,
  RI_OVERDUE: 0,
  OUT_OF_AREA: 0,
  ALERT_UNACKNOWLEDGED: 0,
  BREAK_GLASS_ACCESS: 0,
};

describe('the board figures', () => {
  it("counts one authority's episodes, interviews and alerts in the period, exactly", async () => {
    const figures = await board(
      `from=${from}&to=${to}&localAuthority=reportshire`,
      (b) =>
        b.interviews?.held === 1 &&
        b.interviews.declined === 1 &&
        b.interviews.notPossible === 1 &&
        b.alerts.byType.RI_OVERDUE === 5 &&
        b.alerts.byType.REPEAT_MISSING === 1 &&
        b.alerts.medianHoursToAcknowledge !== null,
    );
    expect(figures.period).toEqual({ from, to, localAuthority: 'reportshire' });
    // Amy 2, Ben 1–2, Cara 1, Dee 1–3: Amy's first and Cara's first began before the period,
    // Eve is another authority's, and Fay's report was cancelled.
    expect(figures.episodes).toEqual({
      total: 7,
      missing: 4,
      absent: 2,
      awayWithoutAuthorisation: 1,
    });
    expect(figures.children).toEqual({
      distinct: 4,
      withMissing: 2,
      withAbsent: 1,
      withAwayWithoutAuthorisation: 1,
      repeat: 1,
    });
    // Offered for Amy 2, Ben 1, Dee 1 and Dee 2; Ben's and Dee's found notifications came after
    // the 72 hours had run out.
    expect(figures.interviews).toEqual({
      offered: 4,
      accepted: 1,
      declined: 1,
      notPossible: 1,
      held: 1,
      heldWithin72h: 1,
      heldWithin72hPercent: 25,
      breaches: 3,
    });
    expect(figures.cseLevels).toEqual({ NONE: 0, LOW: 0, MEDIUM: 1, SIGNIFICANT: 0 });
    // The referral was acknowledged (the decision recorded) within seconds, well within its day.
    expect(figures.referrals).toEqual({
      count: 1,
      decided: 1,
      decidedInTime: 1,
      medianHoursToDecision: 0,
    });
    // Raised today: RI_OVERDUE for each late found notification (Amy 1 and Cara 0 too: the
    // alerts are in the period though their episodes are not), the referral, and Dee's third
    // episode in 30 days.
    expect(figures.alerts).toEqual({
      byType: {
        ...everyAlertType,
        RI_OVERDUE: 5,
        SOCIAL_CARE_REFERRAL_REQUIRED: 1,
        STRATEGY_MEETING_REQUIRED: 1,
        REPEAT_MISSING: 1,
      },
      // The referral was acknowledged within seconds of being raised.
      medianHoursToAcknowledge: 0,
    });
    expect(figures.demographics).toEqual({
      sex: { F: 5, M: 2, 'not recorded': 0 },
      ageAtEpisode: { '0-9': 3, '10-12': 2, '13-15': 1, '16-17': 1, 'not recorded': 0 },
      lookedAfter: { yes: 2, no: 5 },
    });
  });

  it('counts every authority when none is named', async () => {
    const figures = await board(
      `from=${from}&to=${to}&localAuthority=`,
      (b) => b.episodes?.total === 8,
    );
    expect(figures.period.localAuthority).toBeNull();
    expect(figures.children.distinct).toBe(5);
    expect(figures.episodes.missing).toBe(5);
    expect(figures.demographics.lookedAfter).toEqual({ yes: 3, no: 5 });
  });

  it('names a missing or reversed date, and is for safeguarding managers only', async () => {
    const missing = await get(`/api/v1/reports/board?to=${to}`).expect(400);
    expect(missing.body).toEqual({ errors: [{ field: 'from', message: 'is required' }] });
    const reversed = await get(`/api/v1/reports/board?from=${to}&to=${from}`).expect(400);
    expect(reversed.body.errors).toEqual([
      { field: 'to', message: `must not be before from (${to})` },
    ]);
    const bad = await get('/api/v1/reports/board?from=2026-02-30&to=2026-03-01').expect(400);
    expect(bad.body.errors[0].field).toBe('from');
    await get(`/api/v1/reports/board?from=${from}&to=${to}`, worker).expect(403);
    await get(`/api/v1/reports/board?from=${from}&to=${to}`, coordinator).expect(403);
    await api(app).get(`/api/v1/reports/board?from=${from}&to=${to}`).expect(401);
  });
});

describe('the SSDA903 Missing return', () => {
  type Line = [childId: string, dob: string, code: string, start: string, end: string];
  const line = (...fields: Line) => fields.join(',');
  const csv = (lines: Line[]) =>
    [
      'CHILD,DOB,MISSING,MIS_START,MIS_END',
      ...[...lines]
        .sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1))
        .map((l) => line(...l)),
    ]
      .map((l) => `${l}\r\n`)
      .join('');
  // Amy's two episodes (the first began before the period but ended in it), Cara's open one;
  // not Cara's first (over before the period), not Fay's cancelled report, not Ben or Dee.
  const reportshire = (): Line[] => [
    [ids.amy1.childId, ukDob(amy.dateOfBirth), 'M', uk(times.amy1.seen), uk(times.amy1.returned)],
    [ids.amy2.childId, ukDob(amy.dateOfBirth), 'M', uk(times.amy2.seen), uk(times.amy2.returned)],
    [ids.cara1.childId, ukDob(cara.dateOfBirth), 'A', uk(times.cara1.seen), ''],
  ];

  it("lists one authority's looked-after episodes overlapping the period, as CSV", async () => {
    const res = await eventually(async () => {
      const r = await get(
        `/api/v1/reports/ssda903/missing?from=${from}&to=${to}&localAuthority=Reportshire`,
      ).expect(200);
      if (r.text.split('\r\n').length < 5) throw new Error('not all rows yet');
      return r;
    });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    // Amy's two episodes sort by start within her child id.
    expect(res.text).toBe(csv(reportshire()));
  });

  it('adds every authority when none is named', async () => {
    const res = await get(`/api/v1/reports/ssda903/missing?from=${from}&to=${to}`).expect(200);
    expect(res.text).toBe(
      csv([
        ...reportshire(),
        [ids.eve1.childId, ukDob(eve.dateOfBirth), 'M', uk(times.eve1.seen), ''],
      ]),
    );
  });

  it('names a missing date, and is for safeguarding managers only', async () => {
    const res = await get(`/api/v1/reports/ssda903/missing?from=${from}`).expect(400);
    expect(res.body).toEqual({ errors: [{ field: 'to', message: 'is required' }] });
    await get(`/api/v1/reports/ssda903/missing?from=${from}&to=${to}`, worker).expect(403);
  });
});
