import type { AlertRequest } from '../../alert/alert-request';
import type {
  ReturnInterviewDeadlineBreached,
  ReturnInterviewUnallocatedEscalated,
} from '../../return-interview/events';
import { HOUR_MS } from '../../shared/time';
import type { Workflow } from '../../shared/workflow';

export type InterviewEscalationAlertsInput =
  ReturnInterviewUnallocatedEscalated | ReturnInterviewDeadlineBreached;

const hoursBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / HOUR_MS);

/**
 * The 72-hour clock's escalations become alerts: nobody allocated in time → the coordinator;
 * the deadline passed without an outcome → the safeguarding manager, once per interview. The
 * escalation says it all, so there is no state to load.
 */
export const interviewEscalationAlerts: Workflow<
  InterviewEscalationAlertsInput,
  void,
  AlertRequest
> = {
  inputTypes: ['ReturnInterviewUnallocatedEscalated', 'ReturnInterviewDeadlineBreached'],
  decide(input) {
    switch (input.type) {
      case 'ReturnInterviewUnallocatedEscalated': {
        const d = input.data;
        return [
          {
            type: 'RI_UNALLOCATED',
            audience: 'RI_COORDINATOR',
            childId: d.childId,
            reasons: [
              `The return interview has not been allocated to a worker ${hoursBetween(d.scheduledAt, d.detectedAt)} hours after it was scheduled; it is due by ${d.dueAt}.`,
            ],
            dueBy: d.dueAt,
            causeKey: d.interviewId,
          },
        ];
      }
      case 'ReturnInterviewDeadlineBreached': {
        const d = input.data;
        return [
          {
            type: 'RI_OVERDUE',
            audience: 'SAFEGUARDING_MANAGER',
            childId: d.childId,
            reasons: [
              d.notifiedLate
                ? `The child's return was notified to Homeward after the interview deadline (${d.dueAt}) had already passed: the interview is overdue from the start and is still to be offered.`
                : `The return interview was not held, declined or recorded as not possible by its deadline (${d.dueAt}).`,
            ],
            dueBy: null,
            causeKey: d.interviewId,
          },
        ];
      }
    }
  },
};
