import { InvalidCommand, RecordNotFound, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import type { CmogActionCommand } from './action-commands';
import type { CmogActionEvent } from './action-events';
import { cmogActionProgress } from './action-view';
import { cmogActionDecider } from './action.decider';

const spec = deciderSpecification(cmogActionDecider);
const ACTION = '0b6f1c1e-1111-4a8e-9a57-2f4d3c6b8e10';
const MEETING = '0b6f1c1e-2222-4a8e-9a57-2f4d3c6b8e10';
const CHILD = '0b6f1c1e-3333-4a8e-9a57-2f4d3c6b8e10';
const NOW = '2026-03-02T10:00:00.000Z';

const recordAction = (
  over: Partial<Extract<CmogActionCommand, { type: 'RecordCmogAction' }>['data']> = {},
): CmogActionCommand => ({
  type: 'RecordCmogAction',
  data: {
    actionId: ACTION,
    meetingId: MEETING,
    localAuthority: 'Walsall',
    childId: CHILD,
    description: 'Disruption visit to the hotel where she was found',
    owner: 'PC Amy Shah',
    agency: 'West Midlands Police',
    dueOn: '2026-03-16',
    intendedOutcome: 'Hotel staff know to call the police',
    recordedBy: 'chair-1',
    today: '2026-03-02',
    now: NOW,
    ...over,
  },
});

const recorded: CmogActionEvent = {
  type: 'CmogActionRecorded',
  data: {
    actionId: ACTION,
    meetingId: MEETING,
    localAuthority: 'Walsall',
    childId: CHILD,
    agency: 'West Midlands Police',
    dueOn: '2026-03-16',
    recordedBy: 'chair-1',
    recordedAt: NOW,
    personal: {
      owner: 'PC Amy Shah',
      description: 'Disruption visit to the hotel where she was found',
      intendedOutcome: 'Hotel staff know to call the police',
    },
  },
};

const defer = (newDueOn: string, reason: string, now = NOW): CmogActionCommand => ({
  type: 'DeferCmogAction',
  data: { actionId: ACTION, newDueOn, reason, deferredBy: 'member-1', now },
});

const deferred = (
  n: number,
  previousDueOn: string,
  newDueOn: string,
  reason: string,
): CmogActionEvent => ({
  type: 'CmogActionDeferred',
  data: {
    actionId: ACTION,
    childId: CHILD,
    previousDueOn,
    newDueOn,
    deferral: n,
    deferredBy: 'member-1',
    deferredAt: NOW,
    personal: { reason },
  },
});

const complete = (outcome = 'Visit made; staff briefed'): CmogActionCommand => ({
  type: 'CompleteCmogAction',
  data: { actionId: ACTION, outcome, completedBy: 'member-1', today: '2026-03-10', now: NOW },
});

const completed: CmogActionEvent = {
  type: 'CmogActionCompleted',
  data: {
    actionId: ACTION,
    childId: CHILD,
    dueOn: '2026-03-16',
    late: false,
    completedBy: 'member-1',
    completedAt: NOW,
    personal: { outcome: 'Visit made; staff briefed' },
  },
};

describe('recording an action', () => {
  it('records it with one owner, an agency, a due date and the intended outcome', () => {
    spec.given([]).when(recordAction()).then([recorded]);
  });

  it('recognises a resent request', () => {
    spec.given([recorded]).when(recordAction()).thenNothingHappens();
  });

  it('refuses another action under the same id', () => {
    spec
      .given([recorded])
      .when(recordAction({ description: 'Something else' }))
      .thenThrows(RuleViolation, (e) => expect(e.message).toContain('chair-1'));
  });

  it.each([
    ['', 'must name the one person who owns the action'],
    ['   ', 'must name the one person who owns the action'],
    ['Amy Shah and Tom Lee', 'must be one named person, not several'],
    ['Amy Shah, Tom Lee', 'must be one named person, not several'],
    ['Amy / Tom', 'must be one named person, not several'],
    ['west midlands police', 'must be a named person, not the agency'],
  ])('requires one named owner (%j)', (owner, message) => {
    spec
      .given([])
      .when(recordAction({ owner }))
      .thenThrows(InvalidCommand, (e) => expect(e.errors).toEqual([{ field: 'owner', message }]));
  });

  it('accepts a name that merely contains "and"', () => {
    spec
      .given([])
      .when(recordAction({ owner: 'Alexander Sandford' }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('names every missing field and a due date in the past at once', () => {
    spec
      .given([])
      .when(
        recordAction({ description: '', agency: ' ', intendedOutcome: '', dueOn: '2026-03-01' }),
      )
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors.map((x) => x.field)).toEqual([
          'description',
          'agency',
          'intendedOutcome',
          'dueOn',
        ]),
      );
  });

  it('refuses a due date that is not a day', () => {
    spec
      .given([])
      .when(recordAction({ dueOn: '2026-02-30' }))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors).toEqual([{ field: 'dueOn', message: 'must be a date, YYYY-MM-DD' }]),
      );
  });
});

describe('deferring an action', () => {
  it('moves the due date and keeps the reason', () => {
    spec
      .given([recorded])
      .when(defer('2026-03-30', 'Officer on leave'))
      .then([deferred(1, '2026-03-16', '2026-03-30', 'Officer on leave')]);
  });

  it('flags the action DEFERRED_TWICE at the second deferral', () => {
    spec
      .given([recorded, deferred(1, '2026-03-16', '2026-03-30', 'Officer on leave')])
      .when(defer('2026-04-13', 'Hotel manager unavailable'))
      .then([
        deferred(2, '2026-03-30', '2026-04-13', 'Hotel manager unavailable'),
        {
          type: 'CmogActionFlagged',
          data: {
            actionId: ACTION,
            childId: CHILD,
            localAuthority: 'Walsall',
            reason: 'DEFERRED_TWICE',
            dueOn: '2026-04-13',
            deferrals: 2,
            flaggedAt: NOW,
          },
        },
      ]);
  });

  it('flags it once: a third deferral is recorded without a second flag', () => {
    const flagged: CmogActionEvent = {
      type: 'CmogActionFlagged',
      data: {
        actionId: ACTION,
        childId: CHILD,
        localAuthority: 'Walsall',
        reason: 'DEFERRED_TWICE',
        dueOn: '2026-04-13',
        deferrals: 2,
        flaggedAt: NOW,
      },
    };
    spec
      .given([
        recorded,
        deferred(1, '2026-03-16', '2026-03-30', 'a'),
        deferred(2, '2026-03-30', '2026-04-13', 'b'),
        flagged,
      ])
      .when(defer('2026-04-27', 'c'))
      .then([deferred(3, '2026-04-13', '2026-04-27', 'c')]);
  });

  it.each(['2026-03-16', '2026-03-10'])(
    'refuses a new due date not after the current one (%s)',
    (newDueOn) => {
      spec
        .given([recorded])
        .when(defer(newDueOn, 'Officer on leave'))
        .thenThrows(InvalidCommand, (e) =>
          expect(e.errors).toEqual([
            { field: 'newDueOn', message: 'must be after the current due date, 2026-03-16' },
          ]),
        );
    },
  );

  it('compares with the due date as deferred, not the first one', () => {
    spec
      .given([recorded, deferred(1, '2026-03-16', '2026-03-30', 'a')])
      .when(defer('2026-03-20', 'b'))
      .thenThrows(InvalidCommand, (e) => expect(e.errors[0].message).toContain('2026-03-30'));
  });

  it('requires a reason', () => {
    spec
      .given([recorded])
      .when(defer('2026-03-30', '  '))
      .thenThrows(InvalidCommand, (e) => expect(e.errors[0].field).toBe('reason'));
  });

  it('refuses to defer an unknown action (404) or a done one (409)', () => {
    spec.given([]).when(defer('2026-03-30', 'x')).thenThrows(RecordNotFound);
    spec.given([recorded, completed]).when(defer('2026-03-30', 'x')).thenThrows(RuleViolation);
  });
});

describe('completing an action', () => {
  it('records the outcome, and whether it was late', () => {
    spec.given([recorded]).when(complete()).then([completed]);
    spec
      .given([recorded])
      .when({
        ...complete(),
        data: { ...complete().data, today: '2026-03-17' },
      } as CmogActionCommand)
      .thenEvents((events) => expect(events[0].data).toMatchObject({ late: true }));
  });

  it('refuses to complete it twice, saying who completed it and when', () => {
    spec
      .given([recorded, completed])
      .when(complete())
      .thenThrows(RuleViolation, (e) => {
        expect(e).not.toBeInstanceOf(RecordNotFound);
        expect(e.message).toContain('member-1');
        expect(e.message).toContain(NOW);
      });
  });

  it('requires an outcome', () => {
    spec
      .given([recorded])
      .when(complete(''))
      .thenThrows(InvalidCommand, (e) => expect(e.errors[0].field).toBe('outcome'));
  });

  it('refuses an unknown action', () => {
    spec.given([]).when(complete()).thenThrows(RecordNotFound);
  });
});

describe('flagging an overdue action', () => {
  const flagOverdue = (today: string): CmogActionCommand => ({
    type: 'FlagOverdueCmogAction',
    data: { actionId: ACTION, today, now: NOW },
  });
  const overdueFlag: CmogActionEvent = {
    type: 'CmogActionFlagged',
    data: {
      actionId: ACTION,
      childId: CHILD,
      localAuthority: 'Walsall',
      reason: 'OVERDUE',
      dueOn: '2026-03-16',
      deferrals: 0,
      flaggedAt: NOW,
    },
  };

  it('flags it once it is past its due date', () => {
    spec.given([recorded]).when(flagOverdue('2026-03-17')).then([overdueFlag]);
  });

  it('does nothing on the due date, twice, for a done action or an unknown one', () => {
    spec.given([recorded]).when(flagOverdue('2026-03-16')).thenNothingHappens();
    spec.given([recorded, overdueFlag]).when(flagOverdue('2026-03-18')).thenNothingHappens();
    spec.given([recorded, completed]).when(flagOverdue('2026-03-18')).thenNothingHappens();
    spec.given([]).when(flagOverdue('2026-03-18')).thenNothingHappens();
  });
});

describe('progress as the register shows it', () => {
  it('is overdue when due before today and not done', () => {
    expect(
      cmogActionProgress({ status: 'OPEN', dueOn: '2026-03-16', deferrals: 0 }, '2026-03-17'),
    ).toEqual({
      overdue: true,
      attention: true,
      attentionReasons: ['OVERDUE'],
    });
    expect(
      cmogActionProgress({ status: 'OPEN', dueOn: '2026-03-16', deferrals: 0 }, '2026-03-16'),
    ).toEqual({
      overdue: false,
      attention: false,
      attentionReasons: [],
    });
    expect(
      cmogActionProgress({ status: 'DONE', dueOn: '2026-03-16', deferrals: 3 }, '2026-04-01'),
    ).toEqual({
      overdue: false,
      attention: false,
      attentionReasons: [],
    });
  });

  it('needs attention when deferred twice or more', () => {
    expect(
      cmogActionProgress({ status: 'OPEN', dueOn: '2026-03-16', deferrals: 2 }, '2026-03-17'),
    ).toEqual({ overdue: true, attention: true, attentionReasons: ['OVERDUE', 'DEFERRED_TWICE'] });
  });
});
