import { ActionNotPermitted, InvalidCommand, RuleViolation } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CHILD_ID,
  COORDINATOR_ID,
  EPISODE_ID,
  INTERVIEW_ID,
  MANAGER_ID,
  NEXT_EPISODE_ID,
  OTHER_WORKER_ID,
  WORKER_ID,
  allocateReturnInterview,
  completeReturnInterview,
  contactAttemptRecorded,
  declineReturnInterview,
  episodeFor,
  linkReturnInterviewToEpisode,
  recordContactAttempt,
  recordReturnInterviewNotPossible,
  returnInterviewAllocated,
  returnInterviewCancelled,
  returnInterviewDeadlineBreached,
  returnInterviewDeclined,
  returnInterviewHeld,
  returnInterviewLinkedToEpisode,
  returnInterviewNotPossible,
  returnInterviewReviewed,
  returnInterviewScheduled,
  reviewReturnInterview,
} from '../testing/fixtures';
import type { ReturnInterviewEvent } from './events';
import { returnInterviewDecider } from './return-interview.decider';

const spec = deciderSpecification(returnInterviewDecider);

const scheduled = returnInterviewScheduled();
const allocated = returnInterviewAllocated();
const held = returnInterviewHeld();

const expectFieldError = (field: string) => (error: InvalidCommand) => {
  expect(error.errors.map((e) => e.field)).toEqual([field]);
};

describe('allocating a return interview to a worker', () => {
  it('allocates a scheduled interview', () => {
    spec
      .given([scheduled])
      .when(allocateReturnInterview())
      .then([
        {
          type: 'ReturnInterviewAllocated',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            workerId: WORKER_ID,
            previousWorkerId: null,
            allocatedBy: COORDINATOR_ID,
            allocatedAt: '2024-06-02T12:00:00.000Z',
          },
        },
      ]);
  });

  it('re-allocates to another worker, recording who had it before', () => {
    spec
      .given([scheduled, allocated])
      .when(allocateReturnInterview({ workerId: OTHER_WORKER_ID, now: '2024-06-03T09:00:00.000Z' }))
      .then([
        returnInterviewAllocated({
          workerId: OTHER_WORKER_ID,
          previousWorkerId: WORKER_ID,
          allocatedAt: '2024-06-03T09:00:00.000Z',
        }),
      ]);
  });

  it('changes nothing when allocated to the same worker again', () => {
    spec
      .given([scheduled, allocated])
      .when(allocateReturnInterview({ now: '2024-06-03T09:00:00.000Z' }))
      .thenNothingHappens();
  });

  it('still allocates after the deadline was breached: the child still needs the interview', () => {
    spec
      .given([scheduled, returnInterviewDeadlineBreached()])
      .when(allocateReturnInterview({ now: '2024-06-05T12:00:00.000Z' }))
      .then([returnInterviewAllocated({ allocatedAt: '2024-06-05T12:00:00.000Z' })]);
  });

  it('refuses an empty worker id', () => {
    spec
      .given([scheduled])
      .when(allocateReturnInterview({ workerId: '  ' }))
      .thenThrows(InvalidCommand, expectFieldError('workerId'));
  });

  it.each<[string, ReturnInterviewEvent[], RegExp]>([
    ['held', [allocated, held], /already been held/],
    ['declined', [allocated, returnInterviewDeclined()], /declined/],
    ['not possible', [allocated, returnInterviewNotPossible()], /not possible/],
    ['cancelled', [returnInterviewCancelled()], /cancelled/],
  ])('refuses once the interview is %s, saying why', (_, events, reason) => {
    spec
      .given([scheduled, ...events])
      .when(allocateReturnInterview({ workerId: OTHER_WORKER_ID }))
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toMatch(/^cannot allocate/);
        expect(error.message).toMatch(reason);
      });
  });

  it('refuses an interview that does not exist', () => {
    spec
      .given([])
      .when(allocateReturnInterview())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toContain(INTERVIEW_ID);
      });
  });
});

describe('recording contact attempts', () => {
  it('records the first attempt, with what happened kept under personal', () => {
    spec
      .given([scheduled, allocated])
      .when(recordContactAttempt())
      .then([
        {
          type: 'ContactAttemptRecorded',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            attemptNumber: 1,
            at: '2024-06-03T10:00:00.000Z',
            method: 'PHONE',
            recordedBy: WORKER_ID,
            recordedAt: '2024-06-03T10:05:00.000Z',
            personal: { outcome: 'No answer; left a message with the carer' },
          },
        },
      ]);
  });

  it('numbers the attempts 1, 2, 3', () => {
    const second = contactAttemptRecorded({ attemptNumber: 2, method: 'TEXT' });
    spec
      .given([scheduled, allocated, contactAttemptRecorded()])
      .when(recordContactAttempt({ method: 'TEXT' }))
      .then([second]);
    spec
      .given([scheduled, allocated, contactAttemptRecorded(), second])
      .when(recordContactAttempt({ method: 'HOME_VISIT' }))
      .thenEvents((events) => {
        expect(events).toHaveLength(1);
        expect(events[0].data).toMatchObject({ attemptNumber: 3, method: 'HOME_VISIT' });
      });
  });

  it('keeps counting across a re-allocation', () => {
    spec
      .given([
        scheduled,
        allocated,
        contactAttemptRecorded(),
        returnInterviewAllocated({ workerId: OTHER_WORKER_ID, previousWorkerId: WORKER_ID }),
      ])
      .when(recordContactAttempt({ recordedBy: OTHER_WORKER_ID }))
      .then([contactAttemptRecorded({ attemptNumber: 2, recordedBy: OTHER_WORKER_ID })]);
  });

  it('refuses another worker', () => {
    spec
      .given([scheduled, allocated])
      .when(recordContactAttempt({ recordedBy: OTHER_WORKER_ID }))
      .thenThrows(ActionNotPermitted, (error) => {
        expect(error.message).toContain(WORKER_ID);
      });
  });

  it('refuses the previous worker after a re-allocation', () => {
    spec
      .given([
        scheduled,
        allocated,
        returnInterviewAllocated({ workerId: OTHER_WORKER_ID, previousWorkerId: WORKER_ID }),
      ])
      .when(recordContactAttempt({ recordedBy: WORKER_ID }))
      .thenThrows(ActionNotPermitted);
  });

  it('refuses an unallocated interview, saying it must be allocated first', () => {
    spec
      .given([scheduled])
      .when(recordContactAttempt())
      .thenThrows(RuleViolation, (error) => {
        expect(error.message).toMatch(/not allocated yet/);
        expect(error.message).toMatch(/allocates it first/);
      });
  });

  it('accepts an attempt up to 5 minutes ahead of our clock (devices differ)', () => {
    spec
      .given([scheduled, allocated])
      .when(
        recordContactAttempt({ at: '2024-06-03T10:10:00.000Z', now: '2024-06-03T10:05:00.000Z' }),
      )
      .thenEvents((events) => {
        expect(events[0].data).toMatchObject({ at: '2024-06-03T10:10:00.000Z' });
      });
    spec
      .given([scheduled, allocated])
      .when(
        recordContactAttempt({ at: '2024-06-03T10:09:59.999Z', now: '2024-06-03T10:05:00.000Z' }),
      )
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses an attempt more than 5 minutes in the future, naming at', () => {
    spec
      .given([scheduled, allocated])
      .when(
        recordContactAttempt({ at: '2024-06-03T10:10:00.001Z', now: '2024-06-03T10:05:00.000Z' }),
      )
      .thenThrows(InvalidCommand, expectFieldError('at'));
  });

  it('refuses an empty outcome', () => {
    spec
      .given([scheduled, allocated])
      .when(recordContactAttempt({ outcome: '   ' }))
      .thenThrows(InvalidCommand, expectFieldError('outcome'));
  });

  it('refuses once the interview has an outcome', () => {
    spec
      .given([scheduled, allocated, held])
      .when(recordContactAttempt({ now: '2024-06-04T16:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/already been held/));
  });
});

describe('the child declines the interview', () => {
  it('records the decline, its reason and what the carer said under personal', () => {
    spec
      .given([scheduled, allocated])
      .when(declineReturnInterview())
      .then([
        {
          type: 'ReturnInterviewDeclined',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            declinedAt: '2024-06-03T16:00:00.000Z',
            recordedBy: WORKER_ID,
            recordedAt: '2024-06-03T16:30:00.000Z',
            personal: {
              reason: 'Sam said they did not want to talk to anyone this week',
              carerInformation: 'The carer will let us know if Sam changes their mind',
            },
          },
        },
      ]);
  });

  it('is the allocated worker’s to record', () => {
    spec
      .given([scheduled, allocated])
      .when(declineReturnInterview({ recordedBy: OTHER_WORKER_ID }))
      .thenThrows(ActionNotPermitted);
    spec.given([scheduled]).when(declineReturnInterview()).thenThrows(RuleViolation);
  });

  it('requires a reason', () => {
    spec
      .given([scheduled, allocated])
      .when(declineReturnInterview({ reason: '' }))
      .thenThrows(InvalidCommand, expectFieldError('reason'));
  });

  it('refuses a decline more than 5 minutes in the future', () => {
    spec
      .given([scheduled, allocated])
      .when(
        declineReturnInterview({ at: '2024-06-03T16:35:00.001Z', now: '2024-06-03T16:30:00.000Z' }),
      )
      .thenThrows(InvalidCommand, expectFieldError('at'));
  });

  it('is not recorded twice', () => {
    spec
      .given([scheduled, allocated, returnInterviewDeclined()])
      .when(declineReturnInterview({ now: '2024-06-03T17:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/declined/));
  });

  it('is refused once the interview has been held', () => {
    spec
      .given([scheduled, allocated, held])
      .when(declineReturnInterview({ now: '2024-06-04T16:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/already been held/));
  });

  it('refuses a completion afterwards', () => {
    spec
      .given([scheduled, allocated, returnInterviewDeclined()])
      .when(completeReturnInterview())
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/declined/));
  });
});

describe('the interview is not possible', () => {
  it('records it with its reason under personal', () => {
    spec
      .given([scheduled, allocated])
      .when(recordReturnInterviewNotPossible())
      .then([
        {
          type: 'ReturnInterviewNotPossible',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            recordedBy: WORKER_ID,
            recordedAt: '2024-06-04T09:00:00.000Z',
            personal: {
              reason: 'Sam moved to a placement out of area before contact could be made',
            },
          },
        },
      ]);
  });

  it('is the allocated worker’s to record', () => {
    spec
      .given([scheduled, allocated])
      .when(recordReturnInterviewNotPossible({ recordedBy: OTHER_WORKER_ID }))
      .thenThrows(ActionNotPermitted);
    spec.given([scheduled]).when(recordReturnInterviewNotPossible()).thenThrows(RuleViolation);
  });

  it('requires a reason', () => {
    spec
      .given([scheduled, allocated])
      .when(recordReturnInterviewNotPossible({ reason: ' \n ' }))
      .thenThrows(InvalidCommand, expectFieldError('reason'));
  });

  it('is not recorded twice, nor after the interview was held or declined', () => {
    for (const outcome of [returnInterviewNotPossible(), held, returnInterviewDeclined()]) {
      spec
        .given([scheduled, allocated, outcome])
        .when(recordReturnInterviewNotPossible({ now: '2024-06-05T09:00:00.000Z' }))
        .thenThrows(RuleViolation);
    }
  });

  it('refuses a completion afterwards', () => {
    spec
      .given([scheduled, allocated, returnInterviewNotPossible()])
      .when(completeReturnInterview())
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/not possible/));
  });
});

describe("the manager's quality check of a held interview", () => {
  it('records an approval with the revision of the record it checked', () => {
    spec
      .given([scheduled, allocated, held])
      .when(reviewReturnInterview())
      .then([
        {
          type: 'ReturnInterviewReviewed',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            decision: 'APPROVED',
            revision: 1,
            reviewedBy: MANAGER_ID,
            reviewedAt: '2024-06-05T09:00:00.000Z',
            personal: { comment: 'A clear record; the referral is made' },
          },
        },
      ]);
  });

  it('records a return to the worker', () => {
    spec
      .given([scheduled, allocated, held])
      .when(reviewReturnInterview({ decision: 'RETURNED', comment: 'Add the associates named' }))
      .then([
        returnInterviewReviewed({
          decision: 'RETURNED',
          personal: { comment: 'Add the associates named' },
        }),
      ]);
  });

  it('checks the amended record as revision 2', () => {
    spec
      .given([
        scheduled,
        allocated,
        held,
        returnInterviewReviewed({ decision: 'RETURNED' }),
        returnInterviewHeld({ revision: 2, recordedAt: '2024-06-05T10:00:00.000Z' }),
      ])
      .when(reviewReturnInterview({ now: '2024-06-05T11:00:00.000Z' }))
      .then([returnInterviewReviewed({ revision: 2, reviewedAt: '2024-06-05T11:00:00.000Z' })]);
  });

  it('refuses to review the same record twice, whatever the first decision', () => {
    spec
      .given([scheduled, allocated, held, returnInterviewReviewed()])
      .when(reviewReturnInterview({ now: '2024-06-05T10:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/already reviewed/));
    spec
      .given([scheduled, allocated, held, returnInterviewReviewed({ decision: 'RETURNED' })])
      .when(reviewReturnInterview({ decision: 'APPROVED', now: '2024-06-05T10:00:00.000Z' }))
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/amends it first/));
  });

  it.each<[string, ReturnInterviewEvent[]]>([
    ['scheduled', []],
    ['allocated', [allocated]],
    ['declined', [allocated, returnInterviewDeclined()]],
    ['not possible', [allocated, returnInterviewNotPossible()]],
    ['cancelled', [returnInterviewCancelled()]],
  ])('reviews only a held interview, not one %s', (_, events) => {
    spec
      .given([scheduled, ...events])
      .when(reviewReturnInterview())
      .thenThrows(RuleViolation, (error) => expect(error.message).toMatch(/only a held interview/));
  });

  it('refuses an interview that does not exist', () => {
    spec.given([]).when(reviewReturnInterview()).thenThrows(RuleViolation);
  });
});

describe('the child goes missing again before the interview', () => {
  const relinked = { now: '2024-06-03T20:00:00.000Z' };

  it('keeps the interview open and links it to the new episode', () => {
    spec
      .given([scheduled, allocated])
      .when(linkReturnInterviewToEpisode(relinked))
      .then([
        {
          type: 'ReturnInterviewLinkedToEpisode',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            episodeId: NEXT_EPISODE_ID,
            linkedAt: '2024-06-03T20:00:00.000Z',
          },
        },
      ]);
  });

  it('leaves the interview open for the worker to complete', () => {
    spec
      .given([scheduled, allocated, returnInterviewLinkedToEpisode()])
      .when(completeReturnInterview())
      .thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual(['ReturnInterviewHeld']);
        expect(events[0].data).toMatchObject({ episodeId: EPISODE_ID });
      });
  });

  it('records a change of priority too', () => {
    spec
      .given([scheduled])
      .when(
        linkReturnInterviewToEpisode({
          triage: { priority: 'RED', reasons: ['3 episodes within 30 days'] },
        }),
      )
      .then([
        returnInterviewLinkedToEpisode(),
        {
          type: 'ReturnInterviewReprioritised',
          data: {
            interviewId: INTERVIEW_ID,
            childId: CHILD_ID,
            previousPriority: 'AMBER',
            priority: 'RED',
            priorityReasons: ['3 episodes within 30 days'],
            reprioritisedAt: '2024-06-03T20:00:00.000Z',
          },
        },
      ]);
  });

  it('compares with the priority after an earlier re-prioritisation', () => {
    const reprioritised: ReturnInterviewEvent = {
      type: 'ReturnInterviewReprioritised',
      data: {
        interviewId: INTERVIEW_ID,
        childId: CHILD_ID,
        previousPriority: 'AMBER',
        priority: 'RED',
        priorityReasons: ['3 episodes within 30 days'],
        reprioritisedAt: '2024-06-03T20:00:00.000Z',
      },
    };
    const third = episodeFor('MP-2024-0003').episodeId;
    spec
      .given([scheduled, returnInterviewLinkedToEpisode(), reprioritised])
      .when(
        linkReturnInterviewToEpisode({
          episodeId: third,
          triage: { priority: 'RED', reasons: ['3 episodes within 30 days'] },
          now: '2024-06-04T08:00:00.000Z',
        }),
      )
      .then([
        returnInterviewLinkedToEpisode({ episodeId: third, linkedAt: '2024-06-04T08:00:00.000Z' }),
      ]);
  });

  it('records new reasons at the same priority, so the worker sees why now', () => {
    const third = episodeFor('MP-2024-0003').episodeId;
    spec
      .given([scheduled])
      .when(
        linkReturnInterviewToEpisode({
          episodeId: third,
          triage: {
            priority: 'AMBER',
            reasons: ['police graded the episode MEDIUM risk', '2 episodes'],
          },
          now: '2024-06-04T08:00:00.000Z',
        }),
      )
      .thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual([
          'ReturnInterviewLinkedToEpisode',
          'ReturnInterviewReprioritised',
        ]);
        expect(events[1].data).toMatchObject({
          previousPriority: 'AMBER',
          priority: 'AMBER',
          priorityReasons: ['police graded the episode MEDIUM risk', '2 episodes'],
        });
      });
  });

  it('does nothing when linked to the same episode again', () => {
    spec
      .given([scheduled, returnInterviewLinkedToEpisode()])
      .when(
        linkReturnInterviewToEpisode({
          triage: { priority: 'RED', reasons: ['3 episodes within 30 days'] },
          now: '2024-06-03T20:05:00.000Z',
        }),
      )
      .thenNothingHappens();
  });

  it("does nothing when linked to the interview's own episode", () => {
    spec
      .given([scheduled])
      .when(linkReturnInterviewToEpisode({ episodeId: EPISODE_ID }))
      .thenNothingHappens();
  });

  it.each<[string, ReturnInterviewEvent[]]>([
    ['held', [scheduled, allocated, held]],
    ['declined', [scheduled, allocated, returnInterviewDeclined()]],
    ['not possible', [scheduled, allocated, returnInterviewNotPossible()]],
    ['cancelled', [scheduled, returnInterviewCancelled()]],
    ['never scheduled', []],
  ])('does nothing once the interview is %s', (_, events) => {
    spec
      .given(events)
      .when(
        linkReturnInterviewToEpisode({
          triage: { priority: 'RED', reasons: ['3 episodes within 30 days'] },
        }),
      )
      .thenNothingHappens();
  });
});
