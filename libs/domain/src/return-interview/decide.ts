import { triageReturnInterview } from '../policies/triage';
import { addHours, isBefore } from '../shared/time';
import type { ReturnInterviewCommand, ScheduleReturnInterview } from './commands';
import type { ReturnInterviewEvent } from './events';
import type { ReturnInterviewState } from './state';

export function decideReturnInterview(
  command: ReturnInterviewCommand,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  switch (command.type) {
    case 'ScheduleReturnInterview':
      // Scheduling is driven by an at-least-once reactor: a second request is a no-op.
      return state.status === 'NOT_SCHEDULED' ? schedule(command) : [];
    case 'CancelReturnInterview':
      return state.status === 'SCHEDULED'
        ? [
            {
              type: 'ReturnInterviewCancelled',
              data: {
                interviewId: command.data.interviewId,
                childId: command.data.childId,
                cancelledAt: command.data.now,
                reason: command.data.reason,
              },
            },
          ]
        : [];
    case 'CheckReturnInterviewDeadline':
      return checkDeadline(command.data, state);
  }
}

/**
 * A duplicate or early wake-up changes nothing: the breach is recorded once, only when the
 * deadline has really passed and the interview is still waiting for an outcome.
 */
function checkDeadline(
  data: { interviewId: string; now: string },
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  if (state.status !== 'SCHEDULED' || state.breached || !state.dueAt || !state.childId) return [];
  if (isBefore(data.now, state.dueAt)) return [];
  return [
    {
      type: 'ReturnInterviewDeadlineBreached',
      data: {
        interviewId: data.interviewId,
        childId: state.childId,
        dueAt: state.dueAt,
        detectedAt: data.now,
        notifiedLate: false,
      },
    },
  ];
}

function schedule({ data }: ScheduleReturnInterview): ReturnInterviewEvent[] {
  const dueAt = addHours(data.returnedAt, data.deadlineHours);
  const notifiedLate = !isBefore(data.notifiedAt, dueAt);
  const { priority, reasons } = triageReturnInterview(data.triage);
  const scheduled: ReturnInterviewEvent = {
    type: 'ReturnInterviewScheduled',
    data: {
      interviewId: data.interviewId,
      episodeId: data.episodeId,
      childId: data.childId,
      foundAt: data.foundAt,
      returnedAt: data.returnedAt,
      dueAt,
      scheduledAt: data.now,
      priority,
      priorityReasons: reasons,
      notifiedLate,
    },
  };
  if (!notifiedLate) return [scheduled];
  return [
    scheduled,
    {
      type: 'ReturnInterviewDeadlineBreached',
      data: {
        interviewId: data.interviewId,
        childId: data.childId,
        dueAt,
        detectedAt: data.now,
        notifiedLate: true,
      },
    },
  ];
}
