import { InvalidCommand, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  EPISODE_ID,
  NEXT_EPISODE_ID,
  NEXT_REFERENCE,
  POLICE_PERSON_ID,
  REPORTED_AT,
  childDetails,
  childFound,
  episodeFor,
  missingEpisodeReported,
  missingReportCancelled,
  reportMissing,
} from '../testing/fixtures';
import { episodeDecider } from './episode.decider';
import type { MissingEpisodeReported } from './events';

const spec = deciderSpecification(episodeDecider);

const fieldsOf = (error: InvalidCommand) => error.errors.map((e) => e.field);

/** The one event reported, for checks on a field or two. */
const reported = (events: unknown[]): MissingEpisodeReported['data'] => {
  expect(events).toHaveLength(1);
  const [event] = events as MissingEpisodeReported[];
  expect(event.type).toBe('MissingEpisodeReported');
  return event.data;
};

describe('reporting a child missing records the episode, personal details kept under `personal`', () => {
  it('records every fact, with the child under personal.child and local authorities at the top', () => {
    spec
      .given([])
      .when(
        reportMissing({
          notificationId: 'n-77',
          lastSeenAt: '2024-06-01T18:00:00.000Z',
          receivedAt: '2024-06-01T20:00:00.000Z',
          classification: 'MISSING',
          riskGrade: 'HIGH',
          cseConcern: true,
          child: {
            policePersonId: POLICE_PERSON_ID,
            givenName: 'Sam',
            familyName: 'Example',
            dateOfBirth: '2010-03-15',
            sex: 'F',
            lookedAfter: true,
            knownToSocialCare: false,
            learningDisability: true,
            responsibleLocalAuthority: 'Camden',
            placementLocalAuthority: 'Kent',
          },
          lastSeenLocation: { description: 'Bus station', postcode: 'ME1 1AA' },
          circumstances: 'Left placement after an argument',
        }),
      )
      .then([
        {
          type: 'MissingEpisodeReported',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'n-77',
            force: 'MET',
            policeReference: 'MP-2024-0001',
            classification: 'MISSING',
            riskLevel: 'HIGH',
            policeRiskGrade: 'HIGH',
            cseConcern: true,
            lastSeenAt: '2024-06-01T18:00:00.000Z',
            reportedAt: '2024-06-01T20:00:00.000Z',
            reportedLate: false,
            responsibleLocalAuthority: 'Camden',
            placementLocalAuthority: 'Kent',
            personal: {
              child: {
                policePersonId: POLICE_PERSON_ID,
                givenName: 'Sam',
                familyName: 'Example',
                dateOfBirth: '2010-03-15',
                sex: 'F',
                lookedAfter: true,
                knownToSocialCare: false,
                learningDisability: true,
              },
              lastSeenLocation: { description: 'Bus station', postcode: 'ME1 1AA' },
              circumstances: 'Left placement after an argument',
            },
          },
        },
      ]);
  });

  it('records a missing placement local authority and missing circumstances as null', () => {
    spec
      .given([])
      .when(
        reportMissing({
          child: childDetails({ placementLocalAuthority: undefined }),
          circumstances: undefined,
        }),
      )
      .thenEvents((events) => {
        const data = reported(events);
        expect(data.placementLocalAuthority).toBeNull();
        expect(data.responsibleLocalAuthority).toBe('Camden');
        expect(data.personal.circumstances).toBeNull();
      });
  });

  it('keeps no local authority inside personal.child', () => {
    spec
      .given([])
      .when(reportMissing())
      .thenEvents((events) => {
        const { child } = reported(events).personal;
        expect(child).not.toHaveProperty('responsibleLocalAuthority');
        expect(child).not.toHaveProperty('placementLocalAuthority');
      });
  });
});

describe('a legacy NO_APPARENT_RISK grade is recorded as VERY_LOW, the grade as sent kept beside it', () => {
  it('records riskLevel VERY_LOW and policeRiskGrade NO_APPARENT_RISK', () => {
    spec
      .given([])
      .when(reportMissing({ riskGrade: 'NO_APPARENT_RISK' }))
      .then([
        missingEpisodeReported({ riskLevel: 'VERY_LOW', policeRiskGrade: 'NO_APPARENT_RISK' }),
      ]);
  });

  it.each(['HIGH', 'MEDIUM', 'LOW', 'VERY_LOW'] as const)(
    'records a current grade %s as it is',
    (grade) => {
      spec
        .given([])
        .when(reportMissing({ riskGrade: grade }))
        .thenEvents((events) => {
          const data = reported(events);
          expect(data.riskLevel).toBe(grade);
          expect(data.policeRiskGrade).toBe(grade);
        });
    },
  );
});

describe('absent and away-without-authorisation episodes are kept, never dropped', () => {
  it.each(['ABSENT', 'AWAY_WITHOUT_AUTHORISATION'] as const)(
    'records an episode classified %s',
    (classification) => {
      spec
        .given([])
        .when(reportMissing({ classification }))
        .then([missingEpisodeReported({ classification })]);
    },
  );

  it('records an ABSENT episode even at the lowest risk grade', () => {
    spec
      .given([])
      .when(reportMissing({ classification: 'ABSENT', riskGrade: 'NO_APPARENT_RISK' }))
      .then([
        missingEpisodeReported({
          classification: 'ABSENT',
          riskLevel: 'VERY_LOW',
          policeRiskGrade: 'NO_APPARENT_RISK',
        }),
      ]);
  });
});

describe('an episode is reported only once', () => {
  it('rejects a second report of the same episode while it is open', () => {
    spec
      .given([missingEpisodeReported()])
      .when(reportMissing({ notificationId: 'notification-again' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe('episode MET/MP-2024-0001 has already been reported');
      });
  });

  it('rejects a report of an episode that was already found', () => {
    spec
      .given([missingEpisodeReported(), childFound()])
      .when(reportMissing({ notificationId: 'notification-again' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain('MET/MP-2024-0001 has already been reported');
      });
  });
});

describe('a child has at most one open episode', () => {
  it("rejects a second open episode, naming the open episode's reference", () => {
    spec
      .given([missingEpisodeReported()])
      .when(reportMissing({ episodeId: NEXT_EPISODE_ID, policeReference: NEXT_REFERENCE }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain('already has an open episode MET/MP-2024-0001');
        expect(error.message).toContain(`(reported ${REPORTED_AT})`);
        expect(error.message).toContain('before reporting MET/MP-2024-0002');
      });
  });

  it('names the open episode even when the second report comes from another force', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        reportMissing({
          force: 'KENT',
          policeReference: 'KP/55',
          episodeId: 'kent-episode',
        }),
      )
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain('open episode MET/MP-2024-0001');
        expect(error.message).toContain('KENT/KP/55');
      });
  });

  it('allows a new episode once the previous one was found', () => {
    spec
      .given([missingEpisodeReported(), childFound()])
      .when(
        reportMissing({
          episodeId: NEXT_EPISODE_ID,
          policeReference: NEXT_REFERENCE,
          lastSeenAt: '2024-07-10T16:00:00.000Z',
          receivedAt: '2024-07-10T17:00:00.000Z',
        }),
      )
      .thenEvents((events) => {
        const data = reported(events);
        expect(data.episodeId).toBe(NEXT_EPISODE_ID);
        expect(data.policeReference).toBe('MP-2024-0002');
        expect(data.lastSeenAt).toBe('2024-07-10T16:00:00.000Z');
      });
  });

  it('allows a new episode once the previous one was cancelled', () => {
    const next = episodeFor('MP-2024-0003');
    spec
      .given([missingEpisodeReported(), missingReportCancelled()])
      .when(reportMissing(next))
      .thenEvents((events) => {
        const data = reported(events);
        expect(data.episodeId).toBe(next.episodeId);
        expect(data.policeReference).toBe('MP-2024-0003');
      });
  });
});

describe('a date of birth cannot be in the future', () => {
  it('rejects a date of birth after the report was received, on child.dateOfBirth', () => {
    spec
      .given([])
      .when(reportMissing({ child: childDetails({ dateOfBirth: '2024-06-02' }) }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          { field: 'child.dateOfBirth', message: 'date of birth must not be in the future' },
        ]);
      });
  });

  it('rejects a date of birth after the child was last seen, on child.dateOfBirth', () => {
    spec
      .given([])
      .when(
        reportMissing({
          lastSeenAt: '2024-05-30T12:00:00.000Z',
          receivedAt: '2024-06-01T20:00:00.000Z',
          child: childDetails({ dateOfBirth: '2024-05-31' }),
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['child.dateOfBirth']);
        expect(error.errors[0].message).toContain('before the time the child was last seen');
      });
  });
});

describe('only children under 18 are recorded, their age taken when last seen', () => {
  it('accepts a child aged 17 years and 364 days when last seen', () => {
    spec
      .given([])
      .when(
        reportMissing({
          child: childDetails({ dateOfBirth: '2005-03-02' }),
          lastSeenAt: '2023-03-01T23:59:59.999Z',
          receivedAt: '2023-03-02T00:30:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(reported(events).personal.child.dateOfBirth).toBe('2005-03-02');
      });
  });

  it('rejects a person last seen on their 18th birthday', () => {
    spec
      .given([])
      .when(
        reportMissing({
          child: childDetails({ dateOfBirth: '2006-06-01' }),
          lastSeenAt: '2024-06-01T18:00:00.000Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          {
            field: 'child.dateOfBirth',
            message: 'the person was 18 or over when last seen; Homeward records children under 18',
          },
        ]);
      });
  });

  it('rejects a person last seen at the very first moment of their 18th birthday', () => {
    spec
      .given([])
      .when(
        reportMissing({
          child: childDetails({ dateOfBirth: '2006-06-01' }),
          lastSeenAt: '2024-06-01T00:00:00.000Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['child.dateOfBirth']);
      });
  });

  it('accepts a child who was 17 when last seen though 18 when the report arrived', () => {
    spec
      .given([])
      .when(
        reportMissing({
          child: childDetails({ dateOfBirth: '2006-06-01' }),
          lastSeenAt: '2024-05-31T22:00:00.000Z',
          receivedAt: '2024-06-01T09:00:00.000Z',
        }),
      )
      .thenEvents((events) => {
        const data = reported(events);
        expect(data.lastSeenAt).toBe('2024-05-31T22:00:00.000Z');
        expect(data.reportedAt).toBe('2024-06-01T09:00:00.000Z');
      });
  });
});

describe('last seen may be at most 5 minutes after receipt (clock skew), no later', () => {
  it('rejects a last-seen time more than 5 minutes after receipt, on occurredAt', () => {
    spec
      .given([])
      .when(
        reportMissing({
          receivedAt: '2024-06-01T20:00:00.000Z',
          lastSeenAt: '2024-06-01T20:05:00.001Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          {
            field: 'occurredAt',
            message: 'must not be in the future (received at 2024-06-01T20:00:00.000Z)',
          },
        ]);
      });
  });

  it('accepts a last-seen time exactly 5 minutes after receipt', () => {
    spec
      .given([])
      .when(
        reportMissing({
          receivedAt: '2024-06-01T20:00:00.000Z',
          lastSeenAt: '2024-06-01T20:05:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(reported(events).lastSeenAt).toBe('2024-06-01T20:05:00.000Z');
      });
  });
});

describe('every invalid field is reported at once', () => {
  it('reports occurredAt and child.dateOfBirth together', () => {
    spec
      .given([])
      .when(
        reportMissing({
          receivedAt: '2024-06-01T20:00:00.000Z',
          lastSeenAt: '2024-06-03T12:00:00.000Z',
          child: childDetails({ dateOfBirth: '2006-06-02' }),
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['occurredAt', 'child.dateOfBirth']);
        expect(error.message).toBe(
          'occurredAt: must not be in the future (received at 2024-06-01T20:00:00.000Z); ' +
            'child.dateOfBirth: the person was 18 or over when last seen; ' +
            'Homeward records children under 18',
        );
      });
  });

  it('rejects an invalid command even when the episode was already reported', () => {
    spec
      .given([missingEpisodeReported()])
      .when(reportMissing({ child: childDetails({ dateOfBirth: '2030-01-01' }) }))
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['child.dateOfBirth']);
      });
  });
});
