import { InvalidCommand } from '../shared/errors';
import { alertIdFor } from '../shared/ids';
import { streams } from '../shared/streams';
import { deciderSpecification } from '../testing/decider-specification';
import { alertDecider } from './alert.decider';
import type { RaiseAlert } from './commands';
import type { AlertRaised } from './events';
import { ALERT_AUDIENCES, ALERT_STATUSES, ALERT_TYPES } from './values';

const spec = deciderSpecification(alertDecider);

const CHILD_ID = 'child-1';
const ALERT_ID = alertIdFor('STRATEGY_MEETING_REQUIRED', CHILD_ID, 'episode-3');
const NOW = '2024-06-01T20:00:05.000Z';
const REASONS = [
  'the child has been reported missing or absent 3 times in 30 days: on 2024-05-01, 2024-05-11 and 2024-05-21',
];

const raiseAlert = (overrides: Partial<RaiseAlert['data']> = {}): RaiseAlert => ({
  type: 'RaiseAlert',
  data: {
    alertId: ALERT_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    childId: CHILD_ID,
    localAuthority: 'Camden',
    reasons: REASONS,
    causedBy: ['event-1'],
    now: NOW,
    ...overrides,
  },
});

const alertRaised = (overrides: Partial<AlertRaised['data']> = {}): AlertRaised => ({
  type: 'AlertRaised',
  data: {
    alertId: ALERT_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    childId: CHILD_ID,
    localAuthority: 'Camden',
    reasons: REASONS,
    causedBy: ['event-1'],
    dueBy: null,
    raisedAt: NOW,
    ...overrides,
  },
});

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
        expect(error.errors).toEqual([{ field: 'reasons[1]', message: 'is empty' }]);
      });
  });

  it('refuses a malformed command even when the alert exists, so a faulty reactor is seen', () => {
    spec
      .given([alertRaised()])
      .when(raiseAlert({ reasons: [] }))
      .thenThrows(InvalidCommand);
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
        }),
      )
      .thenThrows(InvalidCommand, (error) => {
        expect(error.errors.map((e) => e.field)).toEqual([
          'type',
          'audience',
          'reasons[0]',
          'dueBy',
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
  it('has the eleven types, five audiences and four statuses', () => {
    expect(ALERT_TYPES).toHaveLength(11);
    expect(ALERT_AUDIENCES).toEqual([
      'SOCIAL_CARE',
      'CMOG',
      'SAFEGUARDING_MANAGER',
      'RI_COORDINATOR',
      'RESPONSIBLE_LA',
    ]);
    expect(ALERT_STATUSES).toEqual(['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED']);
  });
});
