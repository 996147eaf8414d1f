import { InvalidCommand, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  EPISODE_ID,
  FOUND_AT,
  FOUND_NOTIFIED_AT,
  LAST_SEEN_AT,
  NEXT_EPISODE_ID,
  NEXT_REFERENCE,
  POLICE_PERSON_ID,
  childDetails,
  childFound,
  episodeRiskRegraded,
  missingEpisodeReported,
  missingReportCancelled,
  recordChildFound,
  reportMissing,
} from '../testing/fixtures';
import { episodeDecider } from './episode.decider';
import type { ChildFound } from './events';

const spec = deciderSpecification(episodeDecider);

const fieldsOf = (error: InvalidCommand) => error.errors.map((e) => e.field);

const found = (events: unknown[]): ChildFound['data'] => {
  expect(events).toHaveLength(1);
  const [event] = events as ChildFound[];
  expect(event.type).toBe('ChildFound');
  return event.data;
};

const lateReport = {
  child: childDetails(),
  classification: 'ABSENT' as const,
  riskGrade: 'NO_APPARENT_RISK' as const,
  cseConcern: true,
};

describe('finding the child closes an open episode, carrying its grading', () => {
  it('records ChildFound with the classification, risk and CSE concern of the episode', () => {
    spec
      .given([
        missingEpisodeReported({
          classification: 'AWAY_WITHOUT_AUTHORISATION',
          riskLevel: 'LOW',
          policeRiskGrade: 'LOW',
          cseConcern: true,
        }),
      ])
      .when(
        recordChildFound({
          notificationId: 'n-found',
          foundAt: '2024-06-02T09:30:00.000Z',
          returnedAt: '2024-06-02T11:00:00.000Z',
          receivedAt: '2024-06-02T11:15:00.000Z',
          foundLocation: { description: 'Train station', postcode: 'N1 9AL' },
          foundWith: [{ policePersonId: 'PP-999', name: 'An adult' }],
          returnedTo: 'HOME',
        }),
      )
      .then([
        {
          type: 'ChildFound',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'n-found',
            foundAt: '2024-06-02T09:30:00.000Z',
            returnedAt: '2024-06-02T11:00:00.000Z',
            notifiedAt: '2024-06-02T11:15:00.000Z',
            returnedTo: 'HOME',
            foundInLocalAuthority: null,
            classification: 'AWAY_WITHOUT_AUTHORISATION',
            riskLevel: 'LOW',
            cseConcern: true,
            reportedLate: false,
            personal: {
              foundLocation: { description: 'Train station', postcode: 'N1 9AL' },
              foundWith: [{ policePersonId: 'PP-999', name: 'An adult' }],
            },
          },
        },
      ]);
  });

  it('carries the grading as regraded, not as first reported', () => {
    spec
      .given([
        missingEpisodeReported({ classification: 'ABSENT', riskLevel: 'LOW', cseConcern: false }),
        episodeRiskRegraded({
          previousRiskLevel: 'LOW',
          riskLevel: 'HIGH',
          policeRiskGrade: 'HIGH',
          classification: 'MISSING',
          cseConcern: true,
        }),
      ])
      .when(recordChildFound())
      .then([childFound({ classification: 'MISSING', riskLevel: 'HIGH', cseConcern: true })]);
  });

  it('records an absent returnedTo as null', () => {
    spec
      .given([missingEpisodeReported()])
      .when(recordChildFound({ returnedTo: undefined }))
      .thenEvents((events) => {
        expect(found(events).returnedTo).toBeNull();
      });
  });
});

describe('the child cannot be found before they were last seen', () => {
  it('rejects a found time before last seen, on occurredAt', () => {
    spec
      .given([missingEpisodeReported({ lastSeenAt: '2024-06-01T18:00:00.000Z' })])
      .when(recordChildFound({ foundAt: '2024-06-01T17:59:59.999Z' }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          {
            field: 'occurredAt',
            message: 'found before the child was last seen (2024-06-01T18:00:00.000Z)',
          },
        ]);
      });
  });

  it('accepts a child found at the very moment they were last seen', () => {
    spec
      .given([missingEpisodeReported()])
      .when(recordChildFound({ foundAt: LAST_SEEN_AT, returnedAt: LAST_SEEN_AT }))
      .then([childFound({ foundAt: LAST_SEEN_AT, returnedAt: LAST_SEEN_AT })]);
  });
});

describe('the child cannot return before being found', () => {
  it('rejects a return before the found time, on returnedAt', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        recordChildFound({
          foundAt: '2024-06-02T09:30:00.000Z',
          returnedAt: '2024-06-02T09:29:59.999Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          { field: 'returnedAt', message: 'the child cannot have returned before being found' },
        ]);
      });
  });

  it('accepts a return at the moment of being found', () => {
    spec
      .given([missingEpisodeReported()])
      .when(recordChildFound({ foundAt: FOUND_AT, returnedAt: FOUND_AT }))
      .then([childFound({ foundAt: FOUND_AT, returnedAt: FOUND_AT })]);
  });
});

describe('found and returned times may not be in the future beyond the clock skew', () => {
  it('reports both occurredAt and returnedAt when both are too far ahead of receipt', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        recordChildFound({
          receivedAt: '2024-06-02T11:15:00.000Z',
          foundAt: '2024-06-02T11:20:00.001Z',
          returnedAt: '2024-06-02T12:00:00.000Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['occurredAt', 'returnedAt']);
      });
  });
});

describe('a closed episode cannot be found again', () => {
  it('rejects a found notification for an episode already found', () => {
    spec
      .given([missingEpisodeReported(), childFound()])
      .when(recordChildFound({ notificationId: 'n-found-again' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe(
          'episode MET/MP-2024-0001 is already closed: the child was found at 2024-06-02T09:30:00.000Z',
        );
      });
  });

  it('rejects a found notification for a cancelled episode', () => {
    spec
      .given([missingEpisodeReported(), missingReportCancelled()])
      .when(recordChildFound())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toBe('episode MET/MP-2024-0001 was cancelled as reported in error');
      });
  });
});

describe('a found notification for an unknown episode needs the child to be recorded late', () => {
  it('rejects it without the child, saying `child` would let it through', () => {
    spec
      .given([])
      .when(recordChildFound())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain(
          'no missing report is recorded for episode MET/MP-2024-0001',
        );
        expect(error.message).toContain('include `child`');
      });
  });

  it('with the child, opens and closes the episode at once, both flagged as reported late', () => {
    spec
      .given([])
      .when(
        recordChildFound({
          lateReport,
          foundLocation: { description: 'Park', localAuthority: 'Islington' },
          foundWith: [],
          returnedTo: 'PLACEMENT',
        }),
      )
      .then([
        {
          type: 'MissingEpisodeReported',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'notification-3',
            force: 'MET',
            policeReference: 'MP-2024-0001',
            classification: 'ABSENT',
            riskLevel: 'VERY_LOW',
            policeRiskGrade: 'NO_APPARENT_RISK',
            cseConcern: true,
            lastSeenAt: null,
            reportedAt: FOUND_NOTIFIED_AT,
            reportedLate: true,
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
                knownToSocialCare: true,
                learningDisability: false,
              },
              lastSeenLocation: null,
              circumstances: null,
            },
          },
        },
        {
          type: 'ChildFound',
          data: {
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            notificationId: 'notification-3',
            foundAt: FOUND_AT,
            returnedAt: '2024-06-02T11:00:00.000Z',
            notifiedAt: FOUND_NOTIFIED_AT,
            returnedTo: 'PLACEMENT',
            foundInLocalAuthority: 'Islington',
            classification: 'ABSENT',
            riskLevel: 'VERY_LOW',
            cseConcern: true,
            reportedLate: true,
            personal: { foundLocation: { description: 'Park' }, foundWith: [] },
          },
        },
      ]);
  });

  it('records no risk level when the late report carries no risk grade', () => {
    spec
      .given([])
      .when(recordChildFound({ lateReport: { ...lateReport, riskGrade: undefined } }))
      .thenEvents(([reported, closed]) => {
        expect(reported.type).toBe('MissingEpisodeReported');
        expect(reported.data).toMatchObject({ riskLevel: null, policeRiskGrade: null });
        expect(closed.type).toBe('ChildFound');
        expect(closed.data).toMatchObject({ riskLevel: null, reportedLate: true });
      });
  });

  it('rejects it while the child has another open episode, naming that episode', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        recordChildFound({
          episodeId: NEXT_EPISODE_ID,
          policeReference: NEXT_REFERENCE,
          lateReport,
        }),
      )
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain('already has an open episode MET/MP-2024-0001');
        expect(error.message).toContain('MET/MP-2024-0002');
      });
  });

  it('rejects a late report of a person already 18 when found, on child.dateOfBirth', () => {
    spec
      .given([])
      .when(
        recordChildFound({
          lateReport: { ...lateReport, child: childDetails({ dateOfBirth: '2006-06-02' }) },
          foundAt: '2024-06-02T09:30:00.000Z',
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(fieldsOf(error)).toEqual(['child.dateOfBirth']);
      });
  });

  it('ignores the late-report details when the episode is already known', () => {
    spec
      .given([missingEpisodeReported()])
      .when(recordChildFound({ lateReport }))
      .then([childFound()]);
  });

  it('leaves the child with no open episode, so a new report is accepted', () => {
    spec
      .given([
        missingEpisodeReported({
          lastSeenAt: null,
          reportedAt: FOUND_NOTIFIED_AT,
          reportedLate: true,
        }),
        childFound({ reportedLate: true }),
      ])
      .when(
        reportMissing({
          episodeId: NEXT_EPISODE_ID,
          policeReference: NEXT_REFERENCE,
          lastSeenAt: '2024-07-01T10:00:00.000Z',
          receivedAt: '2024-07-01T11:00:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events.map((e) => [e.type, e.data.episodeId])).toEqual([
          ['MissingEpisodeReported', NEXT_EPISODE_ID],
        ]);
      });
  });
});

describe("the found location's local authority is kept apart from personal data", () => {
  it('moves foundLocation.localAuthority to foundInLocalAuthority', () => {
    spec
      .given([missingEpisodeReported()])
      .when(
        recordChildFound({
          foundLocation: {
            description: "A friend's flat",
            postcode: 'N1 2BB',
            premisesType: 'HOUSE',
            localAuthority: 'Islington',
          },
        }),
      )
      .thenEvents((events) => {
        const data = found(events);
        expect(data.foundInLocalAuthority).toBe('Islington');
        expect(data.personal.foundLocation).toStrictEqual({
          description: "A friend's flat",
          postcode: 'N1 2BB',
          premisesType: 'HOUSE',
        });
        expect(data.personal.foundLocation).not.toHaveProperty('localAuthority');
      });
  });

  it('records foundInLocalAuthority as null when the force does not say', () => {
    spec
      .given([missingEpisodeReported()])
      .when(recordChildFound({ foundLocation: { description: 'Park' } }))
      .thenEvents((events) => {
        const data = found(events);
        expect(data.foundInLocalAuthority).toBeNull();
        expect(data.personal.foundLocation).toStrictEqual({ description: 'Park' });
      });
  });
});
