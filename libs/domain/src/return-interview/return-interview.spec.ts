import { foldEvents } from '../shared/decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  EPISODE_ID,
  INTERVIEW_ID,
  cancelReturnInterview,
  returnInterviewScheduled,
  scheduleReturnInterview,
} from '../testing/fixtures';
import type { ReturnInterviewScheduled } from './events';
import { returnInterviewDecider } from './return-interview.decider';

const spec = deciderSpecification(returnInterviewDecider);

const RETURNED_AT = '2024-06-02T11:00:00.000Z';
const DUE_AT_72H = '2024-06-05T11:00:00.000Z';

const scheduled = (events: unknown[]): ReturnInterviewScheduled['data'] => {
  const [event] = events as ReturnInterviewScheduled[];
  expect(event.type).toBe('ReturnInterviewScheduled');
  return event.data;
};

describe('scheduling a return interview sets its deadline from the return and its priority from triage', () => {
  it('is due 72 hours after the child returned, prioritised by triage', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          foundAt: '2024-06-02T09:30:00.000Z',
          returnedAt: RETURNED_AT,
          notifiedAt: '2024-06-02T11:15:00.000Z',
          triage: { riskLevel: 'HIGH', cseConcern: false },
          deadlineHours: 72,
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
            foundAt: '2024-06-02T09:30:00.000Z',
            returnedAt: RETURNED_AT,
            dueAt: DUE_AT_72H,
            scheduledAt: '2024-06-02T11:15:01.000Z',
            priority: 'RED',
            priorityReasons: ['police graded the episode HIGH risk'],
            notifiedLate: false,
          },
        },
      ]);
  });

  it("follows a local authority's configured deadline (48 hours)", () => {
    spec
      .given([])
      .when(scheduleReturnInterview({ returnedAt: RETURNED_AT, deadlineHours: 48 }))
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(scheduled(events).dueAt).toBe('2024-06-04T11:00:00.000Z');
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
          deadlineHours: 72,
        }),
      )
      .thenEvents((events) => {
        expect(scheduled(events).dueAt).toBe('2024-06-05T03:30:00.000Z');
      });
  });

  it('records the priority and reasons that triage gives', () => {
    spec
      .given([])
      .when(scheduleReturnInterview({ triage: { riskLevel: 'LOW', cseConcern: true } }))
      .thenEvents((events) => {
        const data = scheduled(events);
        expect(data.priority).toBe('RED');
        expect(data.priorityReasons).toEqual([
          'police recorded a concern of child sexual exploitation or involvement of social care',
        ]);
      });
  });

  it('prioritises a late-reported episode with no risk grade as AMBER', () => {
    spec
      .given([])
      .when(scheduleReturnInterview({ triage: { riskLevel: null, cseConcern: false } }))
      .thenEvents((events) => {
        expect(scheduled(events).priority).toBe('AMBER');
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
      .given([
        returnInterviewScheduled(),
        {
          type: 'ReturnInterviewCancelled',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            cancelledAt: '2024-06-03T09:00:00.000Z',
            reason: 'Missing report cancelled as made in error',
          },
        },
      ])
      .when(scheduleReturnInterview())
      .thenNothingHappens();
  });
});

describe('a found notification that arrives once the deadline has passed is flagged late', () => {
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
          notifiedLate: false,
        }),
      ]);
  });

  it('is late when it arrives exactly at the deadline, and the breach is recorded at once', () => {
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

  it('is late against a shorter configured deadline that a 72-hour one would not breach', () => {
    spec
      .given([])
      .when(
        scheduleReturnInterview({
          returnedAt: RETURNED_AT,
          deadlineHours: 48,
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
          dueAt: '2024-06-04T11:00:00.000Z',
          detectedAt: '2024-06-04T12:00:01.000Z',
        });
      });
  });
});

describe('cancelling a return interview', () => {
  it('cancels a scheduled interview', () => {
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

  it('does nothing when the interview is already cancelled', () => {
    spec
      .given([
        returnInterviewScheduled(),
        {
          type: 'ReturnInterviewCancelled',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            cancelledAt: '2024-06-03T09:00:00.000Z',
            reason: 'Missing report cancelled as made in error',
          },
        },
      ])
      .when(cancelReturnInterview({ now: '2024-06-03T09:05:00.000Z' }))
      .thenNothingHappens();
  });

  it('does nothing when the interview was never scheduled', () => {
    spec.given([]).when(cancelReturnInterview()).thenNothingHappens();
  });
});

describe('the return interview state follows its events', () => {
  it('records the due date when scheduled, the breach, and the cancellation', () => {
    const afterScheduled = foldEvents(returnInterviewDecider, [returnInterviewScheduled()]);
    expect(afterScheduled).toEqual({
      status: 'SCHEDULED',
      childId: CHILD_ID,
      dueAt: DUE_AT_72H,
      breached: false,
    });

    const afterBreach = returnInterviewDecider.evolve(afterScheduled, {
      type: 'ReturnInterviewDeadlineBreached',
      data: {
        interviewId: INTERVIEW_ID,
        childId: CHILD_ID,
        dueAt: DUE_AT_72H,
        detectedAt: '2024-06-05T11:00:00.000Z',
        notifiedLate: false,
      },
    });
    expect(afterBreach).toEqual({
      status: 'SCHEDULED',
      childId: CHILD_ID,
      dueAt: DUE_AT_72H,
      breached: true,
    });

    const afterCancel = returnInterviewDecider.evolve(afterBreach, {
      type: 'ReturnInterviewCancelled',
      data: {
        interviewId: INTERVIEW_ID,
        childId: CHILD_ID,
        cancelledAt: '2024-06-06T09:00:00.000Z',
        reason: 'Reported in error',
      },
    });
    expect(afterCancel).toEqual({
      status: 'CANCELLED',
      childId: CHILD_ID,
      dueAt: DUE_AT_72H,
      breached: true,
    });
  });
});
