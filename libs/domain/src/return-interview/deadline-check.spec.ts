import { deciderSpecification } from '../testing/decider-specification';
import { CHILD_ID, INTERVIEW_ID, returnInterviewScheduled } from '../testing/fixtures';
import type { ReturnInterviewEvent } from './events';
import { returnInterviewDecider } from './return-interview.decider';

const spec = deciderSpecification(returnInterviewDecider);

const DUE_AT = '2024-06-05T11:00:00.000Z';
const check = (now: string) => ({
  type: 'CheckReturnInterviewDeadline' as const,
  data: { interviewId: INTERVIEW_ID, now },
});
const scheduled = () => returnInterviewScheduled({ dueAt: DUE_AT, notifiedLate: false });
const breached = (detectedAt: string, notifiedLate = false): ReturnInterviewEvent => ({
  type: 'ReturnInterviewDeadlineBreached',
  data: { interviewId: INTERVIEW_ID, childId: CHILD_ID, dueAt: DUE_AT, detectedAt, notifiedLate },
});

describe('the scheduler wakes a deadline check; the breach is recorded once, when really due', () => {
  it('records the breach when woken at the deadline', () => {
    spec
      .given([scheduled()])
      .when(check(DUE_AT))
      .then([breached(DUE_AT)]);
  });

  it('records the breach when woken late (the process was down), with when it was detected', () => {
    spec
      .given([scheduled()])
      .when(check('2024-06-07T08:00:00.000Z'))
      .then([breached('2024-06-07T08:00:00.000Z')]);
  });

  it('does nothing when woken a millisecond early', () => {
    spec.given([scheduled()]).when(check('2024-06-05T10:59:59.999Z')).thenNothingHappens();
  });

  it('does nothing on a duplicate wake-up after the breach', () => {
    spec
      .given([scheduled(), breached(DUE_AT)])
      .when(check('2024-06-05T11:00:05.000Z'))
      .thenNothingHappens();
  });

  it('does nothing when the notification came late and the breach was recorded at scheduling', () => {
    spec
      .given([scheduled(), breached('2024-06-06T00:00:00.000Z', true)])
      .when(check(DUE_AT))
      .thenNothingHappens();
  });

  it('does nothing for a cancelled or never-scheduled interview', () => {
    const cancelled: ReturnInterviewEvent = {
      type: 'ReturnInterviewCancelled',
      data: {
        interviewId: INTERVIEW_ID,
        childId: CHILD_ID,
        cancelledAt: '2024-06-03T00:00:00.000Z',
        reason: 'in error',
      },
    };
    spec.given([scheduled(), cancelled]).when(check(DUE_AT)).thenNothingHappens();
    spec.given([]).when(check(DUE_AT)).thenNothingHappens();
  });
});
