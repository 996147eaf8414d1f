import type { ReturnInterviewEvent } from './events';

export type ReturnInterviewStatus = 'NOT_SCHEDULED' | 'SCHEDULED' | 'CANCELLED';

export interface ReturnInterviewState {
  status: ReturnInterviewStatus;
  dueAt: string | null;
  breached: boolean;
}

export const initialReturnInterviewState = (): ReturnInterviewState => ({
  status: 'NOT_SCHEDULED',
  dueAt: null,
  breached: false,
});

export function evolveReturnInterview(
  state: ReturnInterviewState,
  event: ReturnInterviewEvent,
): ReturnInterviewState {
  switch (event.type) {
    case 'ReturnInterviewScheduled':
      return { ...state, status: 'SCHEDULED', dueAt: event.data.dueAt };
    case 'ReturnInterviewDeadlineBreached':
      return { ...state, breached: true };
    case 'ReturnInterviewCancelled':
      return { ...state, status: 'CANCELLED' };
  }
}
