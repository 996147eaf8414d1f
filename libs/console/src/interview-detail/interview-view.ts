import type {
  InterviewStatus,
  Priority,
  ReturnInterviewEvent,
  ReturnInterviewHeld,
} from '@homeward/domain';

/** One return interview as a worker, coordinator or manager reads it. */
export interface InterviewView {
  interviewId: string;
  episodeId: string;
  linkedEpisodeIds: string[];
  childId: string;
  localAuthority: string | null;
  status: InterviewStatus;
  priority: Priority;
  priorityReasons: string[];
  foundAt: string;
  returnedAt: string;
  scheduledAt: string;
  dueAt: string;
  unallocatedAlertAt: string;
  reminderAt: string;
  allocatedTo: string | null;
  breached: boolean;
  notifiedLate: boolean;
  escalations: Array<{ type: string; at: string }>;
  attempts: Array<{
    attemptNumber: number;
    at: string;
    method: string;
    outcome: string;
    recordedBy: string;
  }>;
  outcome:
    | {
        type: 'HELD';
        conductedAt: string;
        heldWithinDeadline: boolean;
        recordedBy: string;
        revision: number;
        record: Omit<ReturnInterviewHeld['data']['personal'], 'indicators'>;
      }
    | {
        type: 'DECLINED';
        declinedAt: string;
        recordedBy: string;
        reason: string;
        carerInformation: string | null;
      }
    | { type: 'NOT_POSSIBLE'; recordedAt: string; recordedBy: string; reason: string }
    | { type: 'CANCELLED'; cancelledAt: string; reason: string }
    | null;
  /** Suggested and confirmed level with the reasons, and the indicators ticked. */
  screening:
    | (ReturnInterviewHeld['data']['screening'] & {
        indicators: ReturnInterviewHeld['data']['personal']['indicators'];
      })
    | null;
  reviews: Array<{
    decision: string;
    comment: string;
    revision: number;
    reviewedBy: string;
    reviewedAt: string;
  }>;
}

/** Folds the interview's stream into what people read; null when there is no such interview. */
export function interviewView(events: readonly ReturnInterviewEvent[]): InterviewView | null {
  let view: InterviewView | null = null;
  for (const event of events) {
    if (event.type === 'ReturnInterviewScheduled') {
      const d = event.data;
      view = {
        interviewId: d.interviewId,
        episodeId: d.episodeId,
        linkedEpisodeIds: [],
        childId: d.childId,
        localAuthority: d.localAuthority,
        status: 'SCHEDULED',
        priority: d.priority,
        priorityReasons: d.priorityReasons,
        foundAt: d.foundAt,
        returnedAt: d.returnedAt,
        scheduledAt: d.scheduledAt,
        dueAt: d.dueAt,
        unallocatedAlertAt: d.unallocatedAlertAt,
        reminderAt: d.reminderAt,
        allocatedTo: null,
        breached: false,
        notifiedLate: d.notifiedLate,
        escalations: [],
        attempts: [],
        outcome: null,
        screening: null,
        reviews: [],
      };
    } else if (view) {
      apply(view, event);
    }
  }
  return view;
}

function apply(view: InterviewView, event: ReturnInterviewEvent): void {
  switch (event.type) {
    case 'ReturnInterviewScheduled':
      return;
    case 'ReturnInterviewDeadlineBreached':
      view.breached = true;
      view.escalations.push({ type: 'RI_OVERDUE', at: event.data.detectedAt });
      return;
    case 'ReturnInterviewUnallocatedEscalated':
      view.escalations.push({ type: 'RI_UNALLOCATED', at: event.data.detectedAt });
      return;
    case 'ReturnInterviewReminderDue':
      view.escalations.push({ type: 'REMINDER', at: event.data.detectedAt });
      return;
    case 'ReturnInterviewCancelled':
      view.status = 'CANCELLED';
      view.outcome = {
        type: 'CANCELLED',
        cancelledAt: event.data.cancelledAt,
        reason: event.data.reason,
      };
      return;
    case 'ReturnInterviewLinkedToEpisode':
      view.linkedEpisodeIds.push(event.data.episodeId);
      return;
    case 'ReturnInterviewReprioritised':
      view.priority = event.data.priority;
      view.priorityReasons = event.data.priorityReasons;
      return;
    case 'ReturnInterviewAllocated':
      view.status = 'ALLOCATED';
      view.allocatedTo = event.data.workerId;
      return;
    case 'ContactAttemptRecorded':
      view.attempts.push({
        attemptNumber: event.data.attemptNumber,
        at: event.data.at,
        method: event.data.method,
        outcome: event.data.personal.outcome,
        recordedBy: event.data.recordedBy,
      });
      return;
    case 'ReturnInterviewHeld': {
      const { indicators, ...record } = event.data.personal;
      view.status = 'HELD';
      view.outcome = {
        type: 'HELD',
        conductedAt: event.data.conductedAt,
        heldWithinDeadline: event.data.heldWithinDeadline,
        recordedBy: event.data.completedBy,
        revision: event.data.revision,
        record,
      };
      view.screening = { ...event.data.screening, indicators };
      return;
    }
    case 'ReturnInterviewDeclined':
      view.status = 'DECLINED';
      view.outcome = {
        type: 'DECLINED',
        declinedAt: event.data.declinedAt,
        recordedBy: event.data.recordedBy,
        reason: event.data.personal.reason,
        carerInformation: event.data.personal.carerInformation,
      };
      return;
    case 'ReturnInterviewNotPossible':
      view.status = 'NOT_POSSIBLE';
      view.outcome = {
        type: 'NOT_POSSIBLE',
        recordedAt: event.data.recordedAt,
        recordedBy: event.data.recordedBy,
        reason: event.data.personal.reason,
      };
      return;
    case 'ReturnInterviewReviewed':
      view.reviews.push({
        decision: event.data.decision,
        comment: event.data.personal.comment,
        revision: event.data.revision,
        reviewedBy: event.data.reviewedBy,
        reviewedAt: event.data.reviewedAt,
      });
      return;
  }
}
