import type { ReturnInterviewEvent } from './events';

export type ReturnInterviewStatus = 'NOT_SCHEDULED' | 'SCHEDULED' | 'CANCELLED';

export interface ReturnInterviewState {
  status: ReturnInterviewStatus;
  childId: string | null;
  dueAt: string | null;
  breached: boolean;
}

export const initialReturnInterviewState = (): ReturnInterviewState => ({
  status: 'NOT_SCHEDULED',
  childId: null,
  dueAt: null,
  breached: false,
});

export function evolveReturnInterview(
  state: ReturnInterviewState,
  event: ReturnInterviewEvent,
): ReturnInterviewState {
  switch (event.type) {
    case 'ReturnInterviewScheduled':
      return {
        ...state,
        status: 'SCHEDULED',
        childId: event.data.childId,
        dueAt: event.data.dueAt,
      };
    case 'ReturnInterviewDeadlineBreached':
      return { ...state, breached: true };
    case 'ReturnInterviewCancelled':
      return { ...state, status: 'CANCELLED' };
  }
}
