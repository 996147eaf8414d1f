import { foldEvents } from '../shared/decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  EPISODE_ID,
  INTERVIEW_ID,
  cancelReturnInterview,
  returnInterviewAllocated,
  returnInterviewCancelled,
  returnInterviewDeadlineBreached,
  returnInterviewDeclined,
  returnInterviewHeld,
  returnInterviewNotPossible,
  returnInterviewScheduled,
  scheduleReturnInterview,
} from '../testing/fixtures';
import type { ReturnInterviewEvent, ReturnInterviewScheduled } from './events';
import { returnInterviewDecider } from './return-interview.decider';
import { initialReturnInterviewState } from './state';

const spec = deciderSpecification(returnInterviewDecider);

const RETURNED_AT = '2024-06-02T11:00:00.000Z';
const DUE_AT_72H = '2024-06-05T11:00:00.000Z';
const DUE_AT_48H = '2024-06-04T11:00:00.000Z';

const scheduled = (events: ReturnInterviewEvent[]): ReturnInterviewScheduled['data'] => {
  const [event] = events;
  expect(event.type).toBe('ReturnInterviewScheduled');
  return (event as ReturnInterviewScheduled).data;
};

describe('scheduling a return interview fixes its deadlines from the return and the policy', () => {
  it('is due 72 hours after the child returned, with the escalation times and the triage decision', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          foundAt: '2024-06-02T09:30:00.000Z',
          returnedAt: RETURNED_AT,
          notifiedAt: '2024-06-02T11:15:00.000Z',
          localAuthority: 'Camden',
          triage: {
            priority: 'RED',
            reasons: ['police graded the episode HIGH risk', 'the child is under 13'],
          },
          timings: { deadlineHours: 72, unallocatedAlertHours: 24, reminderHoursBeforeDue: 24 },
          now: '2024-06-02T11:15:01.000Z',
        }),
      )
      .then([
        {
          type: 'ReturnInterviewScheduled',
          data: {
            interviewId: INTERVIEW_ID,
            episodeId: EPISODE_ID,
            childId: CHILD_ID,
            localAuthority: 'Camden',
            foundAt: '2024-06-02T09:30:00.000Z',
            returnedAt: RETURNED_AT,
            dueAt: DUE_AT_72H,
            unallocatedAlertAt: '2024-06-03T11:15:01.000Z',
            reminderAt: '2024-06-04T11:00:00.000Z',
            scheduledAt: '2024-06-02T11:15:01.000Z',
            priority: 'RED',
            priorityReasons: ['police graded the episode HIGH risk', 'the child is under 13'],
            notifiedLate: false,
          },
        },
      ]);
  });

  it('matches the default fixtures, so the other specs start from a real scheduling', () => {
    spec.given([]).when(scheduleReturnInterview()).then([returnInterviewScheduled()]);
  });

  it("follows a local authority's configured deadline (48 hours), the reminder moving with it", () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          timings: { deadlineHours: 48, unallocatedAlertHours: 24, reminderHoursBeforeDue: 24 },
        }),
      )
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(scheduled(events)).toMatchObject({
          dueAt: DUE_AT_48H,
          reminderAt: '2024-06-03T11:00:00.000Z',
        });
      });
  });

  it('runs the clock from the return, not from when the child was found or we were told', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          foundAt: '2024-06-01T22:00:00.000Z',
          returnedAt: '2024-06-02T03:30:00.000Z',
          notifiedAt: '2024-06-02T08:00:00.000Z',
          now: '2024-06-02T08:00:02.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(scheduled(events).dueAt).toBe('2024-06-05T03:30:00.000Z');
      });
  });

  it('sets the unallocated alert from scheduling and the reminder back from the deadline', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: '2024-06-02T03:30:00.000Z',
          notifiedAt: '2024-06-02T08:00:00.000Z',
          timings: { deadlineHours: 72, unallocatedAlertHours: 4, reminderHoursBeforeDue: 12 },
          now: '2024-06-02T08:00:02.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(scheduled(events)).toMatchObject({
          scheduledAt: '2024-06-02T08:00:02.000Z',
          unallocatedAlertAt: '2024-06-02T12:00:02.000Z',
          dueAt: '2024-06-05T03:30:00.000Z',
          reminderAt: '2024-06-04T15:30:00.000Z',
        });
      });
  });

  it('records the priority and reasons that triage gives, and no local authority when none is known', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          localAuthority: null,
          triage: {
            priority: 'GREEN',
            reasons: [
              'police graded the episode LOW risk; the child is still offered an interview',
            ],
          },
        }),
      )
      .thenEvents((events) => {
        expect(scheduled(events)).toMatchObject({
          localAuthority: null,
          priority: 'GREEN',
          priorityReasons: [
            'police graded the episode LOW risk; the child is still offered an interview',
          ],
        });
      });
  });
});

describe('scheduling is idempotent', () => {
  it('does nothing when the interview is already scheduled', () => {
    spec
      .given([returnInterviewScheduled()])
      .when(scheduleReturnInterview({ now: '2024-06-02T11:20:00.000Z' }))
      .thenNothingHappens();
  });

  it('does nothing when the interview was scheduled and then cancelled', () => {
    spec
      .given([returnInterviewScheduled(), returnInterviewCancelled()])
      .when(scheduleReturnInterview())
      .thenNothingHappens();
  });

  it('does nothing, and records no second breach, when a late notification is delivered again', () => {
    spec
      .given([
        returnInterviewScheduled({ notifiedLate: true, scheduledAt: '2024-06-06T09:00:00.000Z' }),
        returnInterviewDeadlineBreached({
          notifiedLate: true,
          detectedAt: '2024-06-06T09:00:00.000Z',
        }),
      ])
      .when(
        scheduleReturnInterview({
          notifiedAt: '2024-06-06T08:59:00.000Z',
          now: '2024-06-06T09:30:00.000Z',
        }),
      )
      .thenNothingHappens();
  });

  it('does nothing once the interview has been held', () => {
    spec
      .given([returnInterviewScheduled(), returnInterviewAllocated(), returnInterviewHeld()])
      .when(scheduleReturnInterview({ now: '2024-06-04T16:00:00.000Z' }))
      .thenNothingHappens();
  });
});

describe('a found notification that arrives once the deadline has passed is breached at once', () => {
  it('is not late when it arrives 1 ms before the deadline', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          notifiedAt: '2024-06-05T10:59:59.999Z',
          now: '2024-06-05T11:00:00.500Z',
        }),
      )
      .then([
        returnInterviewScheduled({
          dueAt: DUE_AT_72H,
          scheduledAt: '2024-06-05T11:00:00.500Z',
          unallocatedAlertAt: '2024-06-06T11:00:00.500Z',
          notifiedLate: false,
        }),
      ]);
  });

  it('is late when it arrives exactly at the deadline, and the breach says so', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          notifiedAt: DUE_AT_72H,
          now: '2024-06-05T11:00:02.000Z',
        }),
      )
      .then([
        returnInterviewScheduled({
          dueAt: DUE_AT_72H,
          scheduledAt: '2024-06-05T11:00:02.000Z',
          unallocatedAlertAt: '2024-06-06T11:00:02.000Z',
          notifiedLate: true,
        }),
        {
          type: 'ReturnInterviewDeadlineBreached',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            dueAt: DUE_AT_72H,
            detectedAt: '2024-06-05T11:00:02.000Z',
            notifiedLate: true,
          },
        },
      ]);
  });

  it('is late when it arrives 1 ms after the deadline', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          notifiedAt: '2024-06-05T11:00:00.001Z',
          now: '2024-06-05T11:00:01.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual([
          'ReturnInterviewScheduled',
          'ReturnInterviewDeadlineBreached',
        ]);
        expect(scheduled(events).notifiedLate).toBe(true);
        expect(events[1].data).toMatchObject({ notifiedLate: true, dueAt: DUE_AT_72H });
      });
  });

  it('judges lateness by when we were told, not by when the command ran', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          notifiedAt: '2024-06-05T10:00:00.000Z',
          now: '2024-06-05T12:00:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(scheduled(events).notifiedLate).toBe(false);
      });
  });

  it('is late against a shorter configured deadline that a 72-hour one would not breach', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          timings: { deadlineHours: 48, unallocatedAlertHours: 24, reminderHoursBeforeDue: 24 },
          notifiedAt: '2024-06-04T12:00:00.000Z',
          now: '2024-06-04T12:00:01.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual([
          'ReturnInterviewScheduled',
          'ReturnInterviewDeadlineBreached',
        ]);
        expect(events[1].data).toMatchObject({
          dueAt: DUE_AT_48H,
          detectedAt: '2024-06-04T12:00:01.000Z',
          notifiedLate: true,
        });
      });
  });
});

describe('cancelling a return interview (the missing report was made in error)', () => {
  it('withdraws a scheduled interview', () => {
    spec
      .given([returnInterviewScheduled()])
      .when(
        cancelReturnInterview({
          reason: 'Missing report cancelled as made in error',
          now: '2024-06-03T09:00:00.000Z',
        }),
      )
      .then([
        {
          type: 'ReturnInterviewCancelled',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            cancelledAt: '2024-06-03T09:00:00.000Z',
            reason: 'Missing report cancelled as made in error',
          },
        },
      ]);
  });

  it('withdraws an allocated interview, even one already breached', () => {
    spec
      .given([
        returnInterviewScheduled(),
        returnInterviewAllocated(),
        returnInterviewDeadlineBreached(),
      ])
      .when(cancelReturnInterview({ now: '2024-06-06T09:00:00.000Z' }))
      .then([returnInterviewCancelled({ cancelledAt: '2024-06-06T09:00:00.000Z' })]);
  });

  it('does not withdraw a held interview: its record stays', () => {
    spec
      .given([returnInterviewScheduled(), returnInterviewAllocated(), returnInterviewHeld()])
      .when(cancelReturnInterview({ now: '2024-06-05T09:00:00.000Z' }))
      .thenNothingHappens();
  });

  it('does not withdraw a declined or not-possible interview', () => {
    spec
      .given([returnInterviewScheduled(), returnInterviewAllocated(), returnInterviewDeclined()])
      .when(cancelReturnInterview({ now: '2024-06-05T09:00:00.000Z' }))
      .thenNothingHappens();
    spec
      .given([returnInterviewScheduled(), returnInterviewAllocated(), returnInterviewNotPossible()])
      .when(cancelReturnInterview({ now: '2024-06-05T09:00:00.000Z' }))
      .thenNothingHappens();
  });

  it('does nothing when the interview is already cancelled', () => {
    spec
      .given([returnInterviewScheduled(), returnInterviewCancelled()])
      .when(cancelReturnInterview({ now: '2024-06-03T09:05:00.000Z' }))
      .thenNothingHappens();
  });

  it('does nothing when the interview was never scheduled', () => {
    spec.given([]).when(cancelReturnInterview()).thenNothingHappens();
  });
});

describe('the return interview state follows its events', () => {
  it('records the deadlines when scheduled, then the breach, then the cancellation', () => {
    const afterScheduled = foldEvents(returnInterviewDecider, [returnInterviewScheduled()]);
    expect(afterScheduled).toEqual({
      ...initialReturnInterviewState(),
      status: 'SCHEDULED',
      childId: CHILD_ID,
      episodeId: EPISODE_ID,
      returnedAt: RETURNED_AT,
      scheduledAt: '2024-06-02T11:15:01.000Z',
      dueAt: DUE_AT_72H,
      unallocatedAlertAt: '2024-06-03T11:15:01.000Z',
      reminderAt: '2024-06-04T11:00:00.000Z',
      priority: 'AMBER',
      priorityReasons: ['police graded the episode MEDIUM risk'],
    });

    const afterBreach = returnInterviewDecider.evolve(
      afterScheduled,
      returnInterviewDeadlineBreached(),
    );
    expect(afterBreach).toEqual({ ...afterScheduled, breached: true });

    const afterCancel = returnInterviewDecider.evolve(
      afterBreach,
      returnInterviewCancelled({ cancelledAt: '2024-06-06T09:00:00.000Z' }),
    );
    expect(afterCancel).toEqual({ ...afterBreach, status: 'CANCELLED' });
  });
});
