import type { Priority } from '../policies/triage';
import type { ReturnInterviewEvent } from './events';
import type { InterviewStatus, ReviewDecision } from './values';

export interface ReturnInterviewState {
  status: 'NOT_SCHEDULED' | InterviewStatus;
  childId: string | null;
  episodeId: string | null;
  linkedEpisodeIds: string[];
  returnedAt: string | null;
  scheduledAt: string | null;
  dueAt: string | null;
  unallocatedAlertAt: string | null;
  reminderAt: string | null;
  priority: Priority | null;
  priorityReasons: string[];
  workerId: string | null;
  attempts: number;
  breached: boolean;
  unallocatedEscalated: boolean;
  reminded: boolean;
  /** Records of the held interview so far (amended after a RETURNED review). */
  revision: number;
  /** The quality check of the latest record; null until reviewed. */
  review: ReviewDecision | null;
}

export const initialReturnInterviewState = (): ReturnInterviewState => ({
  status: 'NOT_SCHEDULED',
  childId: null,
  episodeId: null,
  linkedEpisodeIds: [],
  returnedAt: null,
  scheduledAt: null,
  dueAt: null,
  unallocatedAlertAt: null,
  reminderAt: null,
  priority: null,
  priorityReasons: [],
  workerId: null,
  attempts: 0,
  breached: false,
  unallocatedEscalated: false,
  reminded: false,
  revision: 0,
  review: null,
});

export function evolveReturnInterview(
  state: ReturnInterviewState,
  event: ReturnInterviewEvent,
): ReturnInterviewState {
  switch (event.type) {
    case 'ReturnInterviewScheduled': {
      const d = event.data;
      return {
        ...state,
        status: 'SCHEDULED',
        childId: d.childId,
        episodeId: d.episodeId,
        returnedAt: d.returnedAt,
        scheduledAt: d.scheduledAt,
        dueAt: d.dueAt,
        unallocatedAlertAt: d.unallocatedAlertAt,
        reminderAt: d.reminderAt,
        priority: d.priority,
        priorityReasons: d.priorityReasons,
      };
    }
    case 'ReturnInterviewDeadlineBreached':
      return { ...state, breached: true };
    case 'ReturnInterviewUnallocatedEscalated':
      return { ...state, unallocatedEscalated: true };
    case 'ReturnInterviewReminderDue':
      return { ...state, reminded: true };
    case 'ReturnInterviewCancelled':
      return { ...state, status: 'CANCELLED' };
    case 'ReturnInterviewLinkedToEpisode':
      return { ...state, linkedEpisodeIds: [...state.linkedEpisodeIds, event.data.episodeId] };
    case 'ReturnInterviewReprioritised':
      return {
        ...state,
        priority: event.data.priority,
        priorityReasons: event.data.priorityReasons,
      };
    case 'ReturnInterviewAllocated':
      return { ...state, status: 'ALLOCATED', workerId: event.data.workerId };
    case 'ContactAttemptRecorded':
      return { ...state, attempts: state.attempts + 1 };
    case 'ReturnInterviewHeld':
      return { ...state, status: 'HELD', revision: event.data.revision, review: null };
    case 'ReturnInterviewDeclined':
      return { ...state, status: 'DECLINED' };
    case 'ReturnInterviewNotPossible':
      return { ...state, status: 'NOT_POSSIBLE' };
    case 'ReturnInterviewReviewed':
      return { ...state, review: event.data.decision };
  }
}

/** Still waiting for an outcome: the clock runs and the interview is in the queue. */
export const isAwaitingOutcome = (state: ReturnInterviewState): boolean =>
  state.status === 'SCHEDULED' || state.status === 'ALLOCATED';
