import {
  CHILD_ID,
  INTERVIEW_DUE_AT,
  INTERVIEW_ID,
  returnInterviewDeadlineBreached,
  returnInterviewUnallocatedEscalated,
} from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import { interviewEscalationAlerts } from './interview-escalation-alerts.workflow';

const spec = workflowSpecification(interviewEscalationAlerts);

describe('return interview escalation alerts', () => {
  it("reacts to the 72-hour clock's escalations", () => {
    expect([...interviewEscalationAlerts.inputTypes].sort()).toEqual([
      'ReturnInterviewDeadlineBreached',
      'ReturnInterviewUnallocatedEscalated',
    ]);
  });

  it('tells the coordinator nobody was allocated, how long after scheduling (to the hour), due by the deadline', () => {
    spec
      .given()
      .when(
        returnInterviewUnallocatedEscalated({
          scheduledAt: '2024-06-02T11:15:01.000Z',
          detectedAt: '2024-06-03T14:00:00.000Z',
        }),
      )
      .then([
        {
          type: 'RI_UNALLOCATED',
          audience: 'RI_COORDINATOR',
          childId: CHILD_ID,
          reasons: [
            `The return interview has not been allocated to a worker 27 hours after it was scheduled; it is due by ${INTERVIEW_DUE_AT}.`,
          ],
          dueBy: INTERVIEW_DUE_AT,
          causeKey: INTERVIEW_ID,
        },
      ]);
  });

  it('tells the safeguarding manager the deadline passed without an outcome', () => {
    spec
      .given()
      .when(returnInterviewDeadlineBreached())
      .then([
        {
          type: 'RI_OVERDUE',
          audience: 'SAFEGUARDING_MANAGER',
          childId: CHILD_ID,
          reasons: [
            `The return interview was not held, declined or recorded as not possible by its deadline (${INTERVIEW_DUE_AT}).`,
          ],
          dueBy: null,
          causeKey: INTERVIEW_ID,
        },
      ]);
  });

  it('says so when the return was notified after the deadline had already passed', () => {
    spec
      .given()
      .when(returnInterviewDeadlineBreached({ notifiedLate: true }))
      .then([
        {
          type: 'RI_OVERDUE',
          audience: 'SAFEGUARDING_MANAGER',
          childId: CHILD_ID,
          reasons: [
            `The child's return was notified to Homeward after the interview deadline (${INTERVIEW_DUE_AT}) had already passed: the interview is overdue from the start and is still to be offered.`,
          ],
          dueBy: null,
          causeKey: INTERVIEW_ID,
        },
      ]);
  });
});
