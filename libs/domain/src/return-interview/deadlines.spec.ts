import { foldEvents } from '../shared/decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  INTERVIEW_DUE_AT as DUE_AT,
  INTERVIEW_REMINDER_AT as REMINDER_AT,
  INTERVIEW_UNALLOCATED_ALERT_AT as UNALLOCATED_ALERT_AT,
  OTHER_WORKER_ID,
  WORKER_ID,
  checkReturnInterviewDeadlines as check,
  returnInterviewAllocated,
  returnInterviewCancelled,
  returnInterviewDeadlineBreached,
  returnInterviewDeclined,
  returnInterviewHeld,
  returnInterviewNotPossible,
  returnInterviewReminderDue,
  returnInterviewScheduled,
  returnInterviewUnallocatedEscalated,
  returnInterviewReviewed,
} from '../testing/fixtures';
import { nextDeadline, pendingDeadlines } from './deadlines';
import type { ReturnInterviewEvent } from './events';
import { returnInterviewDecider } from './return-interview.decider';

const spec = deciderSpecification(returnInterviewDecider);

const scheduled = returnInterviewScheduled();
const allocated = returnInterviewAllocated();

/** One millisecond either side of an ISO time. */
const justBefore = (iso: string): string => new Date(Date.parse(iso) - 1).toISOString();
const justAfter = (iso: string): string => new Date(Date.parse(iso) + 1).toISOString();

const escalated = (detectedAt = UNALLOCATED_ALERT_AT) =>
  returnInterviewUnallocatedEscalated({ detectedAt });
const reminded = (detectedAt = REMINDER_AT, workerId: string | null = WORKER_ID) =>
  returnInterviewReminderDue({ detectedAt, workerId });
const breached = (detectedAt = DUE_AT) => returnInterviewDeadlineBreached({ detectedAt });

describe('still unallocated 24 hours after scheduling: the coordinator is alerted once', () => {
  it('does nothing a millisecond before the alert time', () => {
    spec
      .given([scheduled])
      .when(check(justBefore(UNALLOCATED_ALERT_AT)))
      .thenNothingHappens();
  });

  it('escalates at the alert time', () => {
    spec
      .given([scheduled])
      .when(check(UNALLOCATED_ALERT_AT))
      .then([
        {
          type: 'ReturnInterviewUnallocatedEscalated',
          data: {
            interviewId: scheduled.data.interviewId,
            childId: scheduled.data.childId,
            scheduledAt: scheduled.data.scheduledAt,
            unallocatedAlertAt: UNALLOCATED_ALERT_AT,
            dueAt: DUE_AT,
            detectedAt: UNALLOCATED_ALERT_AT,
          },
        },
      ]);
  });

  it('escalates a millisecond after, saying when it was detected', () => {
    const at = justAfter(UNALLOCATED_ALERT_AT);
    spec
      .given([scheduled])
      .when(check(at))
      .then([escalated(at)]);
  });

  it('escalates once: a duplicate wake-up changes nothing', () => {
    spec
      .given([scheduled, escalated()])
      .when(check(justAfter(UNALLOCATED_ALERT_AT)))
      .thenNothingHappens();
  });

  it('does not escalate when a worker was allocated first', () => {
    spec.given([scheduled, allocated]).when(check(UNALLOCATED_ALERT_AT)).thenNothingHappens();
  });

  it('does not escalate when the worker was allocated after the alert time but before the wake-up', () => {
    spec
      .given([scheduled, returnInterviewAllocated({ allocatedAt: '2024-06-03T12:00:00.000Z' })])
      .when(check('2024-06-03T13:00:00.000Z'))
      .thenNothingHappens();
  });
});

describe('24 hours before the deadline with no outcome: a reminder, once', () => {
  it('does nothing a millisecond before the reminder time', () => {
    spec
      .given([scheduled, allocated])
      .when(check(justBefore(REMINDER_AT)))
      .thenNothingHappens();
  });

  it('reminds the allocated worker at the reminder time', () => {
    spec
      .given([scheduled, allocated])
      .when(check(REMINDER_AT))
      .then([
        {
          type: 'ReturnInterviewReminderDue',
          data: {
            interviewId: scheduled.data.interviewId,
            childId: scheduled.data.childId,
            workerId: WORKER_ID,
            dueAt: DUE_AT,
            detectedAt: REMINDER_AT,
          },
        },
      ]);
  });

  it('reminds a millisecond after', () => {
    const at = justAfter(REMINDER_AT);
    spec
      .given([scheduled, allocated])
      .when(check(at))
      .then([reminded(at)]);
  });

  it('reminds the worker the interview is allocated to now, after a re-allocation', () => {
    spec
      .given([
        scheduled,
        allocated,
        returnInterviewAllocated({ workerId: OTHER_WORKER_ID, previousWorkerId: WORKER_ID }),
      ])
      .when(check(REMINDER_AT))
      .then([reminded(REMINDER_AT, OTHER_WORKER_ID)]);
  });

  it('names no worker when still unallocated (the reminder goes to the coordinator)', () => {
    spec
      .given([scheduled, escalated()])
      .when(check(REMINDER_AT))
      .then([reminded(REMINDER_AT, null)]);
  });

  it('reminds once: a duplicate wake-up changes nothing', () => {
    spec
      .given([scheduled, allocated, reminded()])
      .when(check('2024-06-04T12:00:00.000Z'))
      .thenNothingHappens();
  });

  it('still reminds when the wake-up comes a millisecond before the deadline', () => {
    const at = justBefore(DUE_AT);
    spec
      .given([scheduled, allocated])
      .when(check(at))
      .then([reminded(at)]);
  });

  it('sends no reminder when the wake-up only comes at the deadline: only the breach', () => {
    spec
      .given([scheduled, allocated])
      .when(check(DUE_AT))
      .then([breached(DUE_AT)]);
  });

  it('sends no reminder when the wake-up only comes after the deadline: only the breach', () => {
    const at = '2024-06-06T08:00:00.000Z';
    spec
      .given([scheduled, allocated])
      .when(check(at))
      .then([breached(at)]);
  });

  it('sends no reminder once the interview has been held', () => {
    spec
      .given([scheduled, allocated, returnInterviewHeld()])
      .when(check(REMINDER_AT))
      .thenNothingHappens();
  });
});

describe('the deadline passes without an outcome: the breach is recorded once', () => {
  it('does nothing a millisecond before the deadline', () => {
    spec
      .given([scheduled, allocated, reminded()])
      .when(check(justBefore(DUE_AT)))
      .thenNothingHappens();
  });

  it('records the breach at the deadline', () => {
    spec
      .given([scheduled, allocated, reminded()])
      .when(check(DUE_AT))
      .then([
        {
          type: 'ReturnInterviewDeadlineBreached',
          data: {
            interviewId: scheduled.data.interviewId,
            childId: scheduled.data.childId,
            dueAt: DUE_AT,
            detectedAt: DUE_AT,
            notifiedLate: false,
          },
        },
      ]);
  });

  it('records the breach a millisecond after the deadline', () => {
    const at = justAfter(DUE_AT);
    spec
      .given([scheduled, allocated, reminded()])
      .when(check(at))
      .then([breached(at)]);
  });

  it('records the breach once: a duplicate wake-up changes nothing', () => {
    spec
      .given([scheduled, allocated, reminded(), breached()])
      .when(check('2024-06-05T11:00:05.000Z'))
      .thenNothingHappens();
  });

  it('records no second breach when the notification came late and was breached at scheduling', () => {
    const late = returnInterviewScheduled({
      notifiedLate: true,
      scheduledAt: '2024-06-06T09:00:00.000Z',
      unallocatedAlertAt: '2024-06-07T09:00:00.000Z',
    });
    spec
      .given([
        late,
        returnInterviewDeadlineBreached({
          detectedAt: '2024-06-06T09:00:00.000Z',
          notifiedLate: true,
        }),
        allocated,
      ])
      .when(check('2024-06-06T10:00:00.000Z'))
      .thenNothingHappens();
  });

  it.each<[string, ReturnInterviewEvent[]]>([
    ['held', [allocated, returnInterviewHeld()]],
    ['held and approved', [allocated, returnInterviewHeld(), returnInterviewReviewed()]],
    ['declined', [allocated, returnInterviewDeclined()]],
    ['recorded as not possible', [allocated, returnInterviewNotPossible()]],
    ['cancelled while unallocated', [returnInterviewCancelled()]],
  ])('records nothing at all once the interview was %s', (_, events) => {
    spec
      .given([scheduled, ...events])
      .when(check('2024-06-06T08:00:00.000Z'))
      .thenNothingHappens();
  });

  it('records nothing for an interview that was never scheduled', () => {
    spec.given([]).when(check('2024-06-06T08:00:00.000Z')).thenNothingHappens();
  });
});

describe('early, late and duplicate wake-ups', () => {
  it('changes nothing on an early wake-up', () => {
    spec.given([scheduled]).when(check('2024-06-02T12:00:00.000Z')).thenNothingHappens();
  });

  it('records the unallocated alert and the reminder, in time order, when woken after both', () => {
    const at = '2024-06-04T12:00:00.000Z';
    spec
      .given([scheduled])
      .when(check(at))
      .then([escalated(at), reminded(at, null)]);
  });

  it('records the unallocated alert and the breach, with no reminder, when woken after the deadline', () => {
    const at = '2024-06-06T08:00:00.000Z';
    spec
      .given([scheduled])
      .when(check(at))
      .then([escalated(at), breached(at)]);
  });

  it('orders by time, not by kind: a reminder that falls before the unallocated alert comes first', () => {
    // Told 26 hours before the deadline: the reminder (24 h before) is due before the alert (24 h after).
    const lateish = returnInterviewScheduled({
      scheduledAt: '2024-06-04T09:00:00.000Z',
      unallocatedAlertAt: '2024-06-05T09:00:00.000Z',
    });
    const at = '2024-06-05T09:30:00.000Z';
    spec
      .given([lateish])
      .when(check(at))
      .then([
        reminded(at, null),
        returnInterviewUnallocatedEscalated({
          scheduledAt: '2024-06-04T09:00:00.000Z',
          unallocatedAlertAt: '2024-06-05T09:00:00.000Z',
          detectedAt: at,
        }),
      ]);
  });

  it('changes nothing on a wake-up repeated after everything was recorded', () => {
    spec
      .given([scheduled, escalated(), reminded(REMINDER_AT, null), breached()])
      .when(check('2024-06-07T00:00:00.000Z'))
      .thenNothingHappens();
  });
});

describe('pendingDeadlines and nextDeadline: the alarm to arm next', () => {
  const state = (events: ReturnInterviewEvent[]) => foldEvents(returnInterviewDecider, events);

  it('lists all three, earliest first, once scheduled', () => {
    const s = state([scheduled]);
    expect(pendingDeadlines(s)).toEqual([
      { kind: 'UNALLOCATED', at: UNALLOCATED_ALERT_AT },
      { kind: 'REMINDER', at: REMINDER_AT },
      { kind: 'DUE', at: DUE_AT },
    ]);
    expect(nextDeadline(s)).toEqual({ kind: 'UNALLOCATED', at: UNALLOCATED_ALERT_AT });
  });

  it('drops the unallocated alert once allocated', () => {
    expect(pendingDeadlines(state([scheduled, allocated]))).toEqual([
      { kind: 'REMINDER', at: REMINDER_AT },
      { kind: 'DUE', at: DUE_AT },
    ]);
  });

  it('moves on to the reminder after the escalation, then to the deadline after the reminder', () => {
    expect(nextDeadline(state([scheduled, escalated()]))).toEqual({
      kind: 'REMINDER',
      at: REMINDER_AT,
    });
    expect(pendingDeadlines(state([scheduled, escalated(), reminded()]))).toEqual([
      { kind: 'DUE', at: DUE_AT },
    ]);
  });

  it('is empty, and the next is null, once breached and allocated', () => {
    const s = state([scheduled, allocated, reminded(), breached()]);
    expect(pendingDeadlines(s)).toEqual([]);
    expect(nextDeadline(s)).toBeNull();
  });

  it('keeps only the unallocated alert after a late notification breached at scheduling', () => {
    const late = returnInterviewScheduled({
      notifiedLate: true,
      scheduledAt: '2024-06-06T09:00:00.000Z',
      unallocatedAlertAt: '2024-06-07T09:00:00.000Z',
    });
    const s = state([late, returnInterviewDeadlineBreached({ notifiedLate: true })]);
    expect(pendingDeadlines(s)).toEqual([{ kind: 'UNALLOCATED', at: '2024-06-07T09:00:00.000Z' }]);
  });

  it('sorts by time when the reminder falls before the unallocated alert', () => {
    const s = state([
      returnInterviewScheduled({
        scheduledAt: '2024-06-04T09:00:00.000Z',
        unallocatedAlertAt: '2024-06-05T09:00:00.000Z',
      }),
    ]);
    expect(pendingDeadlines(s).map((d) => d.kind)).toEqual(['REMINDER', 'UNALLOCATED', 'DUE']);
  });

  it.each<[string, ReturnInterviewEvent[]]>([
    ['never scheduled', []],
    ['held', [scheduled, allocated, returnInterviewHeld()]],
    ['declined', [scheduled, allocated, returnInterviewDeclined()]],
    ['not possible', [scheduled, allocated, returnInterviewNotPossible()]],
    ['cancelled', [scheduled, returnInterviewCancelled()]],
  ])('is empty when the interview is %s', (_, events) => {
    expect(pendingDeadlines(state(events))).toEqual([]);
    expect(nextDeadline(state(events))).toBeNull();
  });

  it('walks the whole ladder when the scheduler wakes exactly at each armed alarm', () => {
    let events: ReturnInterviewEvent[] = [scheduled];
    const recorded: string[] = [];
    for (let alarm = nextDeadline(state(events)); alarm !== null;) {
      const produced = returnInterviewDecider.decide(check(alarm.at), state(events));
      expect(produced).toHaveLength(1);
      recorded.push(`${produced[0].type}@${alarm.at}`);
      events = [...events, ...produced];
      alarm = nextDeadline(state(events));
    }
    expect(recorded).toEqual([
      `ReturnInterviewUnallocatedEscalated@${UNALLOCATED_ALERT_AT}`,
      `ReturnInterviewReminderDue@${REMINDER_AT}`,
      `ReturnInterviewDeadlineBreached@${DUE_AT}`,
    ]);
  });
});
