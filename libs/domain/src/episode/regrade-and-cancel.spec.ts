import { foldEvents } from '../shared/decider';
import { InvalidCommand, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  DATE_OF_BIRTH,
  EPISODE_ID,
  NEXT_EPISODE_ID,
  NEXT_REFERENCE,
  cancelReport,
  childDetails,
  childFound,
  episodeRiskRegraded,
  missingEpisodeReported,
  missingReportCancelled,
  regradeRisk,
  reportMissing,
} from '../testing/fixtures';
import { episodeDecider } from './episode.decider';
import type { EpisodeEvent } from './events';

const spec = deciderSpecification(episodeDecider);

const stateAfter = (events: EpisodeEvent[]) => foldEvents(episodeDecider, events);

describe('regrading an open episode records the new risk beside the previous one', () => {
  it('records the previous level, keeps classification and CSE concern, rationale under personal', () => {
    spec
      .given([
        missingEpisodeReported({
          classification: 'ABSENT',
          riskLevel: 'MEDIUM',
          policeRiskGrade: 'MEDIUM',
          cseConcern: true,
        }),
      ])
      .when(
        regradeRisk({
          notificationId: 'n-regrade',
          regradedAt: '2024-06-01T23:00:00.000Z',
          receivedAt: '2024-06-01T23:05:00.000Z',
          riskGrade: 'HIGH',
          rationale: 'Phone switched off since 9pm',
        }),
      )
      .then([
        {
          type: 'EpisodeRiskRegraded',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'n-regrade',
            regradedAt: '2024-06-01T23:00:00.000Z',
            previousRiskLevel: 'MEDIUM',
            riskLevel: 'HIGH',
            policeRiskGrade: 'HIGH',
            classification: 'ABSENT',
            cseConcern: true,
            personal: { rationale: 'Phone switched off since 9pm' },
          },
        },
      ]);
  });

  it('takes the classification and CSE concern from the command when it sends them', () => {
    spec
      .given([missingEpisodeReported({ classification: 'MISSING', cseConcern: true })])
      .when(regradeRisk({ classification: 'ABSENT', cseConcern: false, riskGrade: 'LOW' }))
      .then([
        episodeRiskRegraded({
          riskLevel: 'LOW',
          policeRiskGrade: 'LOW',
          classification: 'ABSENT',
          cseConcern: false,
        }),
      ]);
  });

  it('records a legacy NO_APPARENT_RISK regrade as VERY_LOW', () => {
    spec
      .given([missingEpisodeReported({ riskLevel: 'HIGH', policeRiskGrade: 'HIGH' })])
      .when(regradeRisk({ riskGrade: 'NO_APPARENT_RISK' }))
      .then([
        episodeRiskRegraded({
          previousRiskLevel: 'HIGH',
          riskLevel: 'VERY_LOW',
          policeRiskGrade: 'NO_APPARENT_RISK',
        }),
      ]);
  });

  it('takes the previous level from the latest regrade, not the first report', () => {
    spec
      .given([
        missingEpisodeReported({ riskLevel: 'LOW', policeRiskGrade: 'LOW' }),
        episodeRiskRegraded({
          previousRiskLevel: 'LOW',
          riskLevel: 'HIGH',
          policeRiskGrade: 'HIGH',
        }),
      ])
      .when(
        regradeRisk({
          riskGrade: 'MEDIUM',
          regradedAt: '2024-06-01T23:30:00.000Z',
          receivedAt: '2024-06-01T23:31:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(events[0].data).toMatchObject({ previousRiskLevel: 'HIGH', riskLevel: 'MEDIUM' });
      });
  });
});

describe('only an open episode can be regraded', () => {
  it('rejects a regrade of a found episode', () => {
    spec
      .given([missingEpisodeReported(), childFound()])
      .when(
        regradeRisk({
          regradedAt: '2024-06-02T12:00:00.000Z',
          receivedAt: '2024-06-02T12:00:00.000Z',
        }),
      )
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe(
          'episode MET/MP-2024-0001 is closed (found); a closed episode cannot be regraded',
        );
      });
  });

  it('rejects a regrade of a cancelled episode', () => {
    spec
      .given([missingEpisodeReported(), missingReportCancelled()])
      .when(regradeRisk())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain('is closed (cancelled)');
      });
  });

  it('rejects a regrade of an episode never reported', () => {
    spec
      .given([])
      .when(regradeRisk())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe('no missing report is recorded for episode MET/MP-2024-0001');
      });
  });
});

describe('a regrade cannot predate the child being last seen', () => {
  it('rejects a regrade before last seen, on occurredAt', () => {
    spec
      .given([missingEpisodeReported({ lastSeenAt: '2024-06-01T18:00:00.000Z' })])
      .when(regradeRisk({ regradedAt: '2024-06-01T17:59:59.999Z' }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          {
            field: 'occurredAt',
            message: 'regraded before the child was last seen (2024-06-01T18:00:00.000Z)',
          },
        ]);
      });
  });

  it('rejects a regrade more than 5 minutes after receipt, on occurredAt', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        regradeRisk({
          receivedAt: '2024-06-01T23:05:00.000Z',
          regradedAt: '2024-06-01T23:10:00.001Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors.map((e) => e.field)).toEqual(['occurredAt']);
      });
  });
});

describe('cancelling a report made in error', () => {
  it('cancels an open episode', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        cancelReport({
          notificationId: 'n-cancel',
          cancelledAt: '2024-06-01T20:55:00.000Z',
          reason: 'Child was with grandparents all along',
        }),
      )
      .then([
        {
          type: 'MissingReportCancelled',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'n-cancel',
            cancelledAt: '2024-06-01T20:55:00.000Z',
            reason: 'Child was with grandparents all along',
          },
        },
      ]);
  });

  it('lets a new episode be reported once the open one is cancelled', () => {
    spec
      .given([missingEpisodeReported(), missingReportCancelled()])
      .when(reportMissing({ episodeId: NEXT_EPISODE_ID, policeReference: NEXT_REFERENCE }))
      .thenEvents((events) => {
        expect(events.map((e) => [e.type, e.data.episodeId])).toEqual([
          ['MissingEpisodeReported', NEXT_EPISODE_ID],
        ]);
      });
  });

  it('allows cancelling an episode already found', () => {
    spec
      .given([missingEpisodeReported(), childFound()])
      .when(cancelReport({ cancelledAt: '2024-06-03T10:00:00.000Z' }))
      .then([missingReportCancelled({ cancelledAt: '2024-06-03T10:00:00.000Z' })]);
  });

  it('rejects cancelling twice', () => {
    spec
      .given([missingEpisodeReported(), missingReportCancelled()])
      .when(cancelReport({ notificationId: 'n-cancel-again' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe('episode MET/MP-2024-0001 has already been cancelled');
      });
  });

  it('rejects cancelling an episode never reported', () => {
    spec
      .given([])
      .when(cancelReport())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe('no missing report is recorded for episode MET/MP-2024-0001');
      });
  });
});

describe("the child's missing record follows its events", () => {
  it('starts empty', () => {
    expect(stateAfter([])).toEqual({
      childId: null,
      dateOfBirth: null,
      lookedAfter: false,
      learningDisability: false,
      responsibleLocalAuthority: null,
      episodes: {},
      openEpisodeId: null,
    });
  });

  it('keeps what triage and the screening floors need to know of the child', () => {
    const state = stateAfter([
      missingEpisodeReported({
        personal: {
          child: { ...childDetails(), learningDisability: true, lookedAfter: true },
          lastSeenLocation: null,
          circumstances: null,
        },
      }),
    ]);
    expect(state).toMatchObject({
      lookedAfter: true,
      learningDisability: true,
      responsibleLocalAuthority: 'Camden',
    });
  });

  it('opens the reported episode', () => {
    const state = stateAfter([missingEpisodeReported()]);
    expect(state.childId).toBe(CHILD_ID);
    expect(state.dateOfBirth).toBe(DATE_OF_BIRTH);
    expect(state.openEpisodeId).toBe(EPISODE_ID);
    expect(state.episodes[EPISODE_ID]).toEqual({
      episodeId: EPISODE_ID,
      force: 'MET',
      policeReference: 'MP-2024-0001',
      classification: 'MISSING',
      riskLevel: 'MEDIUM',
      cseConcern: false,
      lastSeenAt: '2024-06-01T18:00:00.000Z',
      reportedAt: '2024-06-01T20:00:00.000Z',
      status: 'OPEN',
      foundAt: null,
      returnedAt: null,
    });
  });

  it('updates the grading on a regrade and keeps the episode open', () => {
    const state = stateAfter([
      missingEpisodeReported(),
      episodeRiskRegraded({ riskLevel: 'HIGH', classification: 'ABSENT', cseConcern: true }),
    ]);
    expect(state.openEpisodeId).toBe(EPISODE_ID);
    expect(state.episodes[EPISODE_ID]).toMatchObject({
      status: 'OPEN',
      riskLevel: 'HIGH',
      classification: 'ABSENT',
      cseConcern: true,
    });
  });

  it('clears the open episode when the child is found, keeping the found and returned times', () => {
    const state = stateAfter([missingEpisodeReported(), childFound()]);
    expect(state.openEpisodeId).toBeNull();
    expect(state.episodes[EPISODE_ID]).toMatchObject({
      status: 'FOUND',
      foundAt: '2024-06-02T09:30:00.000Z',
      returnedAt: '2024-06-02T11:00:00.000Z',
    });
  });

  it('clears the open episode when the report is cancelled', () => {
    const state = stateAfter([missingEpisodeReported(), missingReportCancelled()]);
    expect(state.openEpisodeId).toBeNull();
    expect(state.episodes[EPISODE_ID].status).toBe('CANCELLED');
  });

  it('keeps a later open episode open when an earlier, found one is cancelled', () => {
    const state = stateAfter([
      missingEpisodeReported(),
      childFound(),
      missingEpisodeReported({
        episodeId: NEXT_EPISODE_ID,
        policeReference: NEXT_REFERENCE,
        lastSeenAt: '2024-07-01T10:00:00.000Z',
        reportedAt: '2024-07-01T11:00:00.000Z',
      }),
      missingReportCancelled({ cancelledAt: '2024-07-02T09:00:00.000Z' }),
    ]);
    expect(state.openEpisodeId).toBe(NEXT_EPISODE_ID);
    expect(state.episodes[EPISODE_ID].status).toBe('CANCELLED');
    expect(state.episodes[NEXT_EPISODE_ID].status).toBe('OPEN');
  });

  it('ignores events about an episode it never recorded', () => {
    const before = stateAfter([missingEpisodeReported()]);
    const after = episodeDecider.evolve(before, childFound({ episodeId: 'unknown-episode' }));
    expect(after.episodes).toEqual(before.episodes);
    expect(after.openEpisodeId).toBe(EPISODE_ID);
  });
});
