import { PgliteDatabase, migrate, type RecordedEvent } from '@homeward/event-store';
import { readModelMigrations, type EventProcessing, type Projection } from '@homeward/platform';
import { ReportAlertsProjection } from './report-alerts.projection';
import { ReportEpisodesProjection } from './report-episodes.projection';
import { ReportInterviewsProjection } from './report-interviews.projection';

jest.setTimeout(30_000);

const EPISODE = '00000000-0000-5000-8000-00000000e001';
const CHILD = '00000000-0000-5000-8000-00000000c001';
const INTERVIEW = '00000000-0000-5000-8000-00000000a001';
const ALERT = '00000000-0000-5000-8000-00000000b001';

let position = 0;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => {
  position += 1;
  return {
    eventId: `00000000-0000-5000-8000-${String(position).padStart(12, '0')}`,
    type,
    data,
    metadata: {},
    streamName: 'test',
    streamVersion: position,
    globalPosition: position,
    recordedAt: '2026-06-30T23:40:00.000Z',
  };
};

const events = [
  recorded('MissingEpisodeReported', {
    episodeId: EPISODE,
    childId: CHILD,
    classification: 'ABSENT',
    lastSeenAt: '2026-06-30T23:30:00.000Z',
    reportedAt: '2026-07-01T01:00:00.000Z',
    responsibleLocalAuthority: 'Walsall',
    personal: { child: { dateOfBirth: '2011-03-14', sex: 'F', lookedAfter: true } },
  }),
  recorded('EpisodeRiskRegraded', { episodeId: EPISODE, classification: 'MISSING' }),
  recorded('ChildFound', {
    episodeId: EPISODE,
    classification: 'MISSING',
    foundAt: '2026-07-02T10:00:00.000Z',
    returnedAt: '2026-07-02T11:00:00.000Z',
  }),
  recorded('ReturnInterviewScheduled', {
    interviewId: INTERVIEW,
    episodeId: EPISODE,
    childId: CHILD,
  }),
  recorded('ReturnInterviewHeld', {
    interviewId: INTERVIEW,
    heldWithinDeadline: true,
    screening: { confirmed: 'MEDIUM', outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'] },
  }),
  // The record was returned by the quality check and amended: the latest level counts.
  recorded('ReturnInterviewHeld', {
    interviewId: INTERVIEW,
    heldWithinDeadline: true,
    screening: { confirmed: 'LOW', outcomes: [] },
  }),
  recorded('AlertRaised', {
    alertId: ALERT,
    type: 'RI_OVERDUE',
    childId: CHILD,
    localAuthority: null,
    raisedAt: '2026-07-02T11:00:00.000Z',
  }),
  recorded('AlertAcknowledged', { alertId: ALERT, acknowledgedAt: '2026-07-02T13:00:00.000Z' }),
  recorded('AlertAcknowledged', { alertId: ALERT, acknowledgedAt: '2026-07-03T09:00:00.000Z' }),
];

describe('the report projections', () => {
  let db: PgliteDatabase;
  let projections: Projection[];

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    const processing = {} as EventProcessing;
    projections = [
      new ReportEpisodesProjection(processing),
      new ReportInterviewsProjection(processing),
      new ReportAlertsProjection(processing),
    ];
    await migrate(
      db,
      projections.map((p) => readModelMigrations(p.readModel)),
    );
  });
  afterAll(() => db?.close());

  const applyAll = (batch: RecordedEvent[]) =>
    db.transaction(async (tx) => {
      for (const p of projections) {
        await p.apply(
          batch.filter((e) => p.eventTypes.has(e.type)),
          tx,
        );
      }
    });

  const rows = async () => ({
    episodes: await db.query(
      `SELECT classification, local_authority, start_date::text AS start_date,
              end_date::text AS end_date, date_of_birth, sex, looked_after, cancelled
       FROM rm_report_episodes_v1`,
    ),
    interviews: await db.query(
      `SELECT status, held_within_deadline, confirmed_level, referral, breached
       FROM rm_report_interviews_v1`,
    ),
    alerts: await db.query(
      `SELECT type, raised_date::text AS raised_date, acknowledged_at FROM rm_report_alerts_v2`,
    ),
  });

  it('writes each read model, with London dates and the latest record', async () => {
    await applyAll(events);
    const once = await rows();
    expect(once.episodes).toEqual([
      {
        classification: 'MISSING',
        local_authority: 'Walsall',
        start_date: '2026-07-01',
        end_date: '2026-07-02',
        date_of_birth: '2011-03-14',
        sex: 'F',
        looked_after: true,
        cancelled: false,
      },
    ]);
    expect(once.interviews).toEqual([
      {
        status: 'HELD',
        held_within_deadline: true,
        confirmed_level: 'LOW',
        referral: false,
        breached: false,
      },
    ]);
    expect(once.alerts).toEqual([
      {
        type: 'RI_OVERDUE',
        raised_date: '2026-07-02',
        acknowledged_at: new Date('2026-07-02T13:00:00.000Z'),
      },
    ]);
  });

  it('changes nothing when events are delivered again, whole or in part', async () => {
    const before = await rows();
    await applyAll(events);
    await applyAll(events.slice(0, 5));
    expect(await rows()).toEqual(before);
  });

  it('marks a cancelled report, which then never counts', async () => {
    await applyAll([recorded('MissingReportCancelled', { episodeId: EPISODE })]);
    expect((await rows()).episodes[0]).toMatchObject({ cancelled: true });
  });
});
