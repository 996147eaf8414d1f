import { addHours, isBefore } from '../shared/time';
import type { ScheduleReturnInterview } from './commands';
import type { ReturnInterviewEvent } from './events';

/**
 * Every child found is offered an interview. The clock runs from the return; the escalation
 * times are fixed now, from the policy in force, so a later policy change does not move them.
 * A found notification that arrives after the deadline is breached at once, and says so.
 */
export function schedule({ data }: ScheduleReturnInterview): ReturnInterviewEvent[] {
  const { timings } = data;
  const dueAt = addHours(data.returnedAt, timings.deadlineHours);
  const notifiedLate = !isBefore(data.notifiedAt, dueAt);
  const scheduled: ReturnInterviewEvent = {
    type: 'ReturnInterviewScheduled',
    data: {
      interviewId: data.interviewId,
      episodeId: data.episodeId,
      childId: data.childId,
      localAuthority: data.localAuthority,
      foundAt: data.foundAt,
      returnedAt: data.returnedAt,
      dueAt,
      unallocatedAlertAt: addHours(data.now, timings.unallocatedAlertHours),
      reminderAt: addHours(dueAt, -timings.reminderHoursBeforeDue),
      scheduledAt: data.now,
      priority: data.triage.priority,
      priorityReasons: data.triage.reasons,
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
