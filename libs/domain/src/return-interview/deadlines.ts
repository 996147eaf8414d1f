import { isBefore } from '../shared/time';
import type { ReturnInterviewEvent } from './events';
import { isAwaitingOutcome, type ReturnInterviewState } from './state';

export type DeadlineKind = 'UNALLOCATED' | 'REMINDER' | 'DUE';

export interface PendingDeadline {
  kind: DeadlineKind;
  at: string;
}

/**
 * The escalations still to come, earliest first: the scheduler is armed for the first of them,
 * and re-armed for the next after each check. Empty once the interview has an outcome.
 */
export function pendingDeadlines(state: ReturnInterviewState): PendingDeadline[] {
  if (!isAwaitingOutcome(state) || !state.dueAt) return [];
  const pending: PendingDeadline[] = [];
  if (state.status === 'SCHEDULED' && !state.unallocatedEscalated && state.unallocatedAlertAt) {
    pending.push({ kind: 'UNALLOCATED', at: state.unallocatedAlertAt });
  }
  if (!state.reminded && !state.breached && state.reminderAt) {
    pending.push({ kind: 'REMINDER', at: state.reminderAt });
  }
  if (!state.breached) pending.push({ kind: 'DUE', at: state.dueAt });
  return pending.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** When the scheduler should next wake a check of this interview; null when nothing is left. */
export const nextDeadline = (state: ReturnInterviewState): PendingDeadline | null =>
  pendingDeadlines(state)[0] ?? null;

/**
 * Records every escalation whose time has come. A wake-up that is early, late or repeated is
 * safe: each escalation is recorded once, only when really due, and a reminder that would come
 * after the deadline has passed is not sent (the breach says more).
 */
export function checkDeadlines(
  data: { interviewId: string; now: string },
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  const { childId, dueAt } = state;
  if (!childId || !dueAt) return [];
  const events: ReturnInterviewEvent[] = [];
  for (const deadline of pendingDeadlines(state)) {
    if (isBefore(data.now, deadline.at)) break;
    const base = { interviewId: data.interviewId, childId, detectedAt: data.now };
    switch (deadline.kind) {
      case 'UNALLOCATED':
        events.push({
          type: 'ReturnInterviewUnallocatedEscalated',
          data: {
            ...base,
            scheduledAt: state.scheduledAt ?? deadline.at,
            unallocatedAlertAt: deadline.at,
            dueAt,
          },
        });
        break;
      case 'REMINDER':
        if (isBefore(data.now, dueAt)) {
          events.push({
            type: 'ReturnInterviewReminderDue',
            data: { ...base, workerId: state.workerId, dueAt },
          });
        }
        break;
      case 'DUE':
        events.push({
          type: 'ReturnInterviewDeadlineBreached',
          data: { ...base, dueAt, notifiedLate: false },
        });
        break;
    }
  }
  return events;
}
