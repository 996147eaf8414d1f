import type { AlertEvent, EpisodeEvent, ReturnInterviewEvent } from '@homeward/domain';

export type TimelineEvent = EpisodeEvent | ReturnInterviewEvent | AlertEvent;

export const TIMELINE_EVENT_TYPES: ReadonlySet<string> = new Set<TimelineEvent['type']>([
  'MissingEpisodeReported',
  'EpisodeRiskRegraded',
  'ChildFound',
  'MissingReportCancelled',
  'ReturnInterviewScheduled',
  'ReturnInterviewDeadlineBreached',
  'ReturnInterviewCancelled',
  'ReturnInterviewUnallocatedEscalated',
  'ReturnInterviewReminderDue',
  'ReturnInterviewLinkedToEpisode',
  'ReturnInterviewReprioritised',
  'ReturnInterviewAllocated',
  'ContactAttemptRecorded',
  'ReturnInterviewHeld',
  'ReturnInterviewDeclined',
  'ReturnInterviewNotPossible',
  'ReturnInterviewReviewed',
  'AlertRaised',
  'AlertAcknowledged',
  'AlertEscalated',
]);

/** When the thing happened in the child's life, as opposed to when Homeward recorded it. */
export function occurredAt(event: TimelineEvent): string {
  switch (event.type) {
    case 'MissingEpisodeReported':
      return event.data.lastSeenAt ?? event.data.reportedAt;
    case 'EpisodeRiskRegraded':
      return event.data.regradedAt;
    case 'ChildFound':
      return event.data.foundAt;
    case 'MissingReportCancelled':
      return event.data.cancelledAt;
    case 'ReturnInterviewScheduled':
      return event.data.scheduledAt;
    case 'ReturnInterviewDeadlineBreached':
      return event.data.detectedAt;
    case 'ReturnInterviewCancelled':
      return event.data.cancelledAt;
    case 'ReturnInterviewUnallocatedEscalated':
    case 'ReturnInterviewReminderDue':
      return event.data.detectedAt;
    case 'ReturnInterviewLinkedToEpisode':
      return event.data.linkedAt;
    case 'ReturnInterviewReprioritised':
      return event.data.reprioritisedAt;
    case 'ReturnInterviewAllocated':
      return event.data.allocatedAt;
    case 'ContactAttemptRecorded':
      return event.data.at;
    case 'ReturnInterviewHeld':
      return event.data.conductedAt;
    case 'ReturnInterviewDeclined':
      return event.data.declinedAt;
    case 'ReturnInterviewNotPossible':
      return event.data.recordedAt;
    case 'ReturnInterviewReviewed':
      return event.data.reviewedAt;
    case 'AlertRaised':
      return event.data.raisedAt;
    case 'AlertAcknowledged':
      return event.data.acknowledgedAt;
    case 'AlertEscalated':
      return event.data.escalatedAt;
  }
}
