import {
  ActionNotPermitted,
  InvalidCommand,
  RecordNotFound,
  RuleViolation,
} from '../shared/errors';
import { foldEvents } from '../shared/decider';
import { alertIdFor } from '../shared/ids';
import { streams } from '../shared/streams';
import { deciderSpecification } from '../testing/decider-specification';
import {
  ALERT_ACKNOWLEDGE_BY,
  ALERT_ACKNOWLEDGED_AT,
  ALERT_ID,
  ALERT_RAISED_AT,
  CHILD_ID,
  MANAGER_ID,
  SOCIAL_WORKER_ID,
  acknowledgeAlert,
  alertAcknowledged,
  alertEscalated,
  alertRaised,
  checkAlertAcknowledgement,
  raiseAlert,
} from '../testing/fixtures';
import { alertAcknowledgementDue } from './acknowledgement';
import { alertDecider } from './alert.decider';
import { decideAlert } from './decide';
import { ALERT_EVENT_TYPES, type AlertEvent } from './events';
import { ALERT_AUDIENCES, ALERT_STATUSES, ALERT_TYPES } from './values';

const spec = deciderSpecification(alertDecider);

const NOW = ALERT_RAISED_AT;
const fold = (...events: AlertEvent[]) => foldEvents(alertDecider, events);

describe('raising an alert', () => {
  it('records it with its reasons, cause and the time raised', () => {
    spec.given([]).when(raiseAlert()).then([alertRaised()]);
  });

  it('keeps the deadline the audience must act by', () => {
    spec
      .given([])
      .when(
        raiseAlert({ type: 'SOCIAL_CARE_REFERRAL_REQUIRED', dueBy: '2024-06-03T17:00:00.000Z' }),
      )
      .then([
        alertRaised({ type: 'SOCIAL_CARE_REFERRAL_REQUIRED', dueBy: '2024-06-03T17:00:00.000Z' }),
      ]);
  });

  it('gives it until raisedAt + acknowledgeWithinHours to be acknowledged', () => {
    spec
      .given([])
      .when(raiseAlert({ acknowledgeWithinHours: 4 }))
      .then([alertRaised({ acknowledgeBy: '2024-06-02T00:00:05.000Z' })]);
  });

  it('accepts a fraction of an hour to acknowledge', () => {
    spec
      .given([])
      .when(raiseAlert({ acknowledgeWithinHours: 0.5 }))
      .then([alertRaised({ acknowledgeBy: '2024-06-01T20:30:05.000Z' })]);
  });

  it('raises ALERT_UNACKNOWLEDGED with no acknowledgement deadline: it is the top of the ladder', () => {
    spec
      .given([])
      .when(
        raiseAlert({
          type: 'ALERT_UNACKNOWLEDGED',
          audience: 'SAFEGUARDING_MANAGER',
          acknowledgeWithinHours: null,
        }),
      )
      .then([
        alertRaised({
          type: 'ALERT_UNACKNOWLEDGED',
          audience: 'SAFEGUARDING_MANAGER',
          acknowledgeBy: null,
        }),
      ]);
  });

  it('raises an alert about a place, with no child', () => {
    spec
      .given([])
      .when(raiseAlert({ type: 'HOTSPOT', audience: 'CMOG', childId: null }))
      .then([alertRaised({ type: 'HOTSPOT', audience: 'CMOG', childId: null })]);
  });
});

describe('raising an alert that already exists changes nothing', () => {
  it('ignores a duplicate of the same raise', () => {
    spec.given([alertRaised()]).when(raiseAlert()).thenNothingHappens();
  });

  it('ignores a later raise for the same cause, even with other reasons', () => {
    spec
      .given([alertRaised()])
      .when(raiseAlert({ reasons: ['another reason'], now: '2024-06-02T09:00:00.000Z' }))
      .thenNothingHappens();
  });
});

describe('an alert must say why', () => {
  it('refuses an alert with no reason', () => {
    spec
      .given([])
      .when(raiseAlert({ reasons: [] }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([
          { field: 'reasons', message: 'at least one reason is required' },
        ]);
      });
  });

  it('refuses a blank reason, naming which one', () => {
    spec
      .given([])
      .when(raiseAlert({ reasons: ['a real reason', '  '] }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors).toEqual([{ field: 'reasons.1', message: 'is empty' }]);
      });
  });

  it('refuses a malformed command even when the alert exists, so a faulty reactor is seen', () => {
    spec
      .given([alertRaised()])
      .when(raiseAlert({ reasons: [] }))
      .thenThrows(InvalidCommand);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '24' as never, undefined as never])(
    'refuses %p hours to acknowledge',
    (acknowledgeWithinHours) => {
      spec
        .given([])
        .when(raiseAlert({ acknowledgeWithinHours }))
        .thenThrows(InvalidCommand, (error) => {
          expect(error.errors).toEqual([
            {
              field: 'acknowledgeWithinHours',
              message: 'must be a number of hours above 0, or null for no deadline',
            },
          ]);
        });
    },
  );

  it('refuses an acknowledgement deadline on ALERT_UNACKNOWLEDGED, which would escalate itself', () => {
    spec
      .given([])
      .when(
        raiseAlert({
          type: 'ALERT_UNACKNOWLEDGED',
          audience: 'SAFEGUARDING_MANAGER',
          acknowledgeWithinHours: 24,
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors.map((e) => e.field)).toEqual(['acknowledgeWithinHours']);
      });
  });

  it('names every problem at once', () => {
    spec
      .given([])
      .when(
        raiseAlert({
          type: 'NUISANCE' as never,
          audience: 'EVERYONE' as never,
          reasons: [''],
          dueBy: 'tomorrow',
          acknowledgeWithinHours: 0,
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors.map((e) => e.field)).toEqual([
          'type',
          'audience',
          'reasons.0',
          'dueBy',
          'acknowledgeWithinHours',
        ]);
      });
  });
});

describe('an alert raised is OPEN', () => {
  it('folds to OPEN with what it is about', () => {
    expect(alertDecider.evolve(alertDecider.initialState(), alertRaised())).toEqual({
      status: 'OPEN',
      type: 'STRATEGY_MEETING_REQUIRED',
      audience: 'SOCIAL_CARE',
      childId: CHILD_ID,
      raisedAt: NOW,
      dueBy: null,
      acknowledgeBy: ALERT_ACKNOWLEDGE_BY,
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
  });

  it('starts as NONE', () => {
    expect(alertDecider.initialState().status).toBe('NONE');
  });
});

describe('alert ids come from the cause', () => {
  it('gives the same id for the same type, subject and cause', () => {
    expect(alertIdFor('REPEAT_MISSING', CHILD_ID, 'episode-3')).toBe(
      alertIdFor('REPEAT_MISSING', CHILD_ID, 'episode-3'),
    );
  });

  it('gives a different id for a different type, subject or cause', () => {
    const id = alertIdFor('REPEAT_MISSING', CHILD_ID, 'episode-3');
    expect(alertIdFor('STRATEGY_MEETING_REQUIRED', CHILD_ID, 'episode-3')).not.toBe(id);
    expect(alertIdFor('REPEAT_MISSING', 'child-2', 'episode-3')).not.toBe(id);
    expect(alertIdFor('REPEAT_MISSING', CHILD_ID, 'episode-4')).not.toBe(id);
  });

  // Alert ids name streams: a change of scheme would raise every stored alert a second time.
  it('stays the value already stored', () => {
    expect(alertIdFor('REPEAT_MISSING', 'child-1', 'episode-3')).toBe(
      '4aeba061-1665-5080-8381-3fa51e4a5925',
    );
  });

  it('is a name-based (version 5) UUID, and its stream is alert-<id>', () => {
    expect(ALERT_ID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(streams.alert(ALERT_ID)).toBe(`alert-${ALERT_ID}`);
  });
});

describe('alert vocabulary', () => {
  it('has the twelve types, six audiences and four statuses', () => {
    expect(ALERT_TYPES).toHaveLength(12);
    expect(ALERT_AUDIENCES).toEqual([
      'SOCIAL_CARE',
      'CMOG',
      'SAFEGUARDING_MANAGER',
      'RI_COORDINATOR',
      'RESPONSIBLE_LA',
      'AUDITOR',
    ]);
    expect(ALERT_STATUSES).toEqual(['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED']);
  });

  it('lists every alert event, so each is forwarded to its topic', () => {
    expect(ALERT_EVENT_TYPES).toEqual(['AlertRaised', 'AlertAcknowledged', 'AlertEscalated']);
  });
});

describe('acknowledging an alert', () => {
  it('records who acknowledged it, when, and their note', () => {
    spec.given([alertRaised()]).when(acknowledgeAlert()).then([alertAcknowledged()]);
  });

  it('lets a safeguarding manager, who is given every audience, acknowledge any alert', () => {
    spec
      .given([alertRaised()])
      .when(acknowledgeAlert({ acknowledgedBy: MANAGER_ID, callerAudiences: [...ALERT_AUDIENCES] }))
      .then([alertAcknowledged({ acknowledgedBy: MANAGER_ID })]);
  });

  it('acknowledges an alert about a place, with no child', () => {
    spec
      .given([alertRaised({ type: 'HOTSPOT', audience: 'CMOG', childId: null })])
      .when(acknowledgeAlert({ callerAudiences: ['CMOG'] }))
      .then([alertAcknowledged({ type: 'HOTSPOT', audience: 'CMOG', childId: null })]);
  });

  it('acknowledges an alert that has no acknowledgement deadline', () => {
    spec
      .given([alertRaised({ acknowledgeBy: null })])
      .when(acknowledgeAlert())
      .then([alertAcknowledged()]);
  });

  it('records a late acknowledgement of an escalated alert', () => {
    const late = '2024-06-03T08:00:00.000Z';
    spec
      .given([alertRaised(), alertEscalated()])
      .when(acknowledgeAlert({ now: late }))
      .then([alertAcknowledged({ acknowledgedAt: late })]);
  });

  it('refuses an alert Homeward does not know', () => {
    spec
      .given([])
      .when(acknowledgeAlert())
      .thenThrows(RecordNotFound, (error) => {
        expect(error.message).toBe(`no alert ${ALERT_ID} is known to Homeward`);
      });
  });

  it("refuses someone outside the alert's audience, naming the audience", () => {
    spec
      .given([alertRaised()])
      .when(acknowledgeAlert({ callerAudiences: ['CMOG', 'RI_COORDINATOR'] }))
      .thenThrows(ActionNotPermitted, (error) => {
        expect(error.message).toContain('SOCIAL_CARE');
      });
  });

  it('refuses someone in no audience at all', () => {
    spec
      .given([alertRaised()])
      .when(acknowledgeAlert({ callerAudiences: [] }))
      .thenThrows(ActionNotPermitted);
  });

  it.each(['', '   ', '\n\t'])('refuses the note %p', (note) => {
    spec
      .given([alertRaised()])
      .when(acknowledgeAlert({ note }))
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors.map((e) => e.field)).toEqual(['note']);
      });
  });

  it('refuses a second acknowledgement, saying by whom and when', () => {
    spec
      .given([alertRaised(), alertAcknowledged()])
      .when(acknowledgeAlert({ acknowledgedBy: MANAGER_ID, now: '2024-06-02T10:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => {
        expect(error).not.toBeInstanceOf(RecordNotFound);
        expect(error.message).toContain(SOCIAL_WORKER_ID);
        expect(error.message).toContain(ALERT_ACKNOWLEDGED_AT);
      });
  });

  it('refuses a repeat of the same acknowledgement', () => {
    spec
      .given([alertRaised(), alertAcknowledged()])
      .when(acknowledgeAlert())
      .thenThrows(RuleViolation);
  });

  it('refuses a closed alert, saying by whom and when it was acknowledged', () => {
    const closed = { ...fold(alertRaised(), alertAcknowledged()), status: 'CLOSED' as const };
    expect(() => decideAlert(acknowledgeAlert({ acknowledgedBy: MANAGER_ID }), closed)).toThrow(
      new RuleViolation(
        `cannot acknowledge alert ${ALERT_ID}: it is closed; it was acknowledged by ${SOCIAL_WORKER_ID} at ${ALERT_ACKNOWLEDGED_AT}`,
      ),
    );
  });

  it('folds to ACKNOWLEDGED with who and when, from OPEN or ESCALATED', () => {
    const expected = {
      status: 'ACKNOWLEDGED',
      acknowledgedBy: SOCIAL_WORKER_ID,
      acknowledgedAt: ALERT_ACKNOWLEDGED_AT,
      acknowledgeBy: ALERT_ACKNOWLEDGE_BY,
    };
    expect(fold(alertRaised(), alertAcknowledged())).toMatchObject(expected);
    expect(fold(alertRaised(), alertEscalated(), alertAcknowledged())).toMatchObject(expected);
  });
});

describe('escalating an alert nobody acknowledged', () => {
  const justBefore = '2024-06-02T20:00:04.999Z';
  const later = '2024-06-03T07:30:00.000Z';

  it('does nothing a moment before acknowledgeBy', () => {
    spec.given([alertRaised()]).when(checkAlertAcknowledgement(justBefore)).thenNothingHappens();
  });

  it('does nothing on an early wake-up', () => {
    spec.given([alertRaised()]).when(checkAlertAcknowledgement(NOW)).thenNothingHappens();
  });

  it('escalates at acknowledgeBy exactly', () => {
    spec
      .given([alertRaised()])
      .when(checkAlertAcknowledgement(ALERT_ACKNOWLEDGE_BY))
      .then([alertEscalated()]);
  });

  it('escalates on a late wake-up, recording when', () => {
    spec
      .given([alertRaised()])
      .when(checkAlertAcknowledgement(later))
      .then([alertEscalated({ escalatedAt: later })]);
  });

  it('escalates an alert about a place, with no child', () => {
    spec
      .given([alertRaised({ type: 'HOTSPOT', audience: 'CMOG', childId: null })])
      .when(checkAlertAcknowledgement(ALERT_ACKNOWLEDGE_BY))
      .then([alertEscalated({ type: 'HOTSPOT', audience: 'CMOG', childId: null })]);
  });

  it('escalates once: a duplicate wake-up changes nothing', () => {
    spec
      .given([alertRaised(), alertEscalated()])
      .when(checkAlertAcknowledgement(later))
      .thenNothingHappens();
  });

  it('does not escalate an acknowledged alert, even after acknowledgeBy', () => {
    spec
      .given([alertRaised(), alertAcknowledged()])
      .when(checkAlertAcknowledgement(later))
      .thenNothingHappens();
  });

  it('does not escalate an alert acknowledged late, after its escalation', () => {
    spec
      .given([alertRaised(), alertEscalated(), alertAcknowledged({ acknowledgedAt: later })])
      .when(checkAlertAcknowledgement('2024-06-04T00:00:00.000Z'))
      .thenNothingHappens();
  });

  it('never escalates an alert with no acknowledgement deadline', () => {
    spec
      .given([alertRaised({ acknowledgeBy: null })])
      .when(checkAlertAcknowledgement('2025-01-01T00:00:00.000Z'))
      .thenNothingHappens();
  });

  it('ignores a wake-up for an alert Homeward does not know', () => {
    spec.given([]).when(checkAlertAcknowledgement(later)).thenNothingHappens();
  });

  it('folds to ESCALATED, keeping what the alert is about', () => {
    expect(fold(alertRaised(), alertEscalated())).toMatchObject({
      status: 'ESCALATED',
      type: 'STRATEGY_MEETING_REQUIRED',
      acknowledgeBy: ALERT_ACKNOWLEDGE_BY,
      acknowledgedBy: null,
    });
  });
});

describe('when to wake the acknowledgement check', () => {
  it('is acknowledgeBy while the alert is OPEN', () => {
    expect(alertAcknowledgementDue(fold(alertRaised()))).toBe(ALERT_ACKNOWLEDGE_BY);
  });

  it('is nothing before the alert is raised', () => {
    expect(alertAcknowledgementDue(fold())).toBeNull();
  });

  it('is nothing for an alert with no acknowledgement deadline', () => {
    expect(alertAcknowledgementDue(fold(alertRaised({ acknowledgeBy: null })))).toBeNull();
  });

  it('is nothing once acknowledged or escalated', () => {
    expect(alertAcknowledgementDue(fold(alertRaised(), alertAcknowledged()))).toBeNull();
    expect(alertAcknowledgementDue(fold(alertRaised(), alertEscalated()))).toBeNull();
    expect(
      alertAcknowledgementDue(fold(alertRaised(), alertEscalated(), alertAcknowledged())),
    ).toBeNull();
  });
});
