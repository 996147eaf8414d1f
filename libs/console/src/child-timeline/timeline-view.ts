import type { FieldGroup } from '@homeward/platform';
import type { TimelineEvent } from './occurred-at';

/** A value a timeline entry may show: plain, never a nested stored payload. */
export type TimelineValue = string | number | boolean | null | string[];

/** One thing that happened to the child, in plain words, as the caller's role may see it. */
export interface TimelineView {
  /** Which group of the child's records it belongs to (the access policy shows it or not). */
  group: FieldGroup;
  /** What happened, in plain words. */
  summary: string;
  /** The person or service that recorded it; null when Homeward did (a deadline, a rule). */
  by: string | null;
  details: Record<string, TimelineValue>;
}

const words = (code: string | null | undefined): string =>
  (code ?? '').toLowerCase().replace(/_/g, ' ');

/**
 * The public view of a stored event: the internal schema is not the API. Fields under
 * `personal` that only an interview's reader needs (the child's account, disclosures, notes)
 * stay on the interview detail; people found with the child are intelligence.
 */
export function timelineView(event: TimelineEvent): TimelineView {
  switch (event.type) {
    case 'MissingEpisodeReported': {
      const d = event.data;
      return {
        group: 'EPISODES',
        summary: `Reported ${words(d.classification)} by ${d.force}${d.riskLevel ? `, risk ${words(d.riskLevel)}` : ''}`,
        by: d.force,
        details: {
          episodeId: d.episodeId,
          force: d.force,
          policeReference: d.policeReference,
          childName: [d.personal.child.givenName, d.personal.child.familyName]
            .filter(Boolean)
            .join(' '),
          classification: d.classification,
          riskLevel: d.riskLevel,
          policeRiskGrade: d.policeRiskGrade,
          cseConcern: d.cseConcern,
          lastSeenAt: d.lastSeenAt,
          reportedLate: d.reportedLate,
          reportedAt: d.reportedAt,
          responsibleLocalAuthority: d.responsibleLocalAuthority,
          placementLocalAuthority: d.placementLocalAuthority,
          lastSeenLocation: d.personal.lastSeenLocation?.description ?? null,
        },
      };
    }
    case 'EpisodeRiskRegraded':
      return {
        group: 'EPISODES',
        summary: `Risk regraded from ${words(event.data.previousRiskLevel) || 'ungraded'} to ${words(event.data.riskLevel)}`,
        by: null,
        details: {
          episodeId: event.data.episodeId,
          previousRiskLevel: event.data.previousRiskLevel,
          riskLevel: event.data.riskLevel,
          cseConcern: event.data.cseConcern,
        },
      };
    case 'ChildFound': {
      const d = event.data;
      return {
        group: 'EPISODES',
        summary: `Found${d.returnedTo ? `, returned to ${words(d.returnedTo)}` : ''}`,
        by: null,
        details: {
          episodeId: d.episodeId,
          foundAt: d.foundAt,
          returnedAt: d.returnedAt,
          returnedTo: d.returnedTo,
          foundInLocalAuthority: d.foundInLocalAuthority,
          reportedLate: d.reportedLate,
          foundLocation: d.personal.foundLocation.description,
          foundWithCount: d.personal.foundWith.length,
        },
      };
    }
    case 'MissingReportCancelled':
      return {
        group: 'EPISODES',
        summary: 'Missing report cancelled by the police',
        by: null,
        details: { episodeId: event.data.episodeId, reason: event.data.reason },
      };
    case 'ReturnInterviewScheduled':
      return {
        group: 'INTERVIEWS',
        summary: `Return interview scheduled, priority ${words(event.data.priority)}, due by ${event.data.dueAt}`,
        by: null,
        details: {
          interviewId: event.data.interviewId,
          priority: event.data.priority,
          priorityReasons: event.data.priorityReasons,
          dueAt: event.data.dueAt,
        },
      };
    case 'ReturnInterviewDeadlineBreached':
      return {
        group: 'INTERVIEWS',
        summary: 'Return interview not held within 72 hours',
        by: null,
        details: {
          interviewId: event.data.interviewId,
          dueAt: event.data.dueAt,
          notifiedLate: event.data.notifiedLate,
        },
      };
    case 'ReturnInterviewCancelled':
      return {
        group: 'INTERVIEWS',
        summary: 'Return interview cancelled',
        by: null,
        details: { interviewId: event.data.interviewId, reason: event.data.reason },
      };
    case 'ReturnInterviewUnallocatedEscalated':
      return {
        group: 'INTERVIEWS',
        summary: 'Return interview still unallocated: escalated to the coordinator',
        by: null,
        details: { interviewId: event.data.interviewId, dueAt: event.data.dueAt },
      };
    case 'ReturnInterviewReminderDue':
      return {
        group: 'INTERVIEWS',
        summary: 'Return interview reminder: the deadline is near',
        by: null,
        details: { interviewId: event.data.interviewId, dueAt: event.data.dueAt },
      };
    case 'ReturnInterviewLinkedToEpisode':
      return {
        group: 'INTERVIEWS',
        summary: 'Missing again before the interview: the interview covers this episode too',
        by: null,
        details: { interviewId: event.data.interviewId, episodeId: event.data.episodeId },
      };
    case 'ReturnInterviewReprioritised':
      return {
        group: 'INTERVIEWS',
        summary: `Return interview priority changed from ${words(event.data.previousPriority)} to ${words(event.data.priority)}`,
        by: null,
        details: {
          interviewId: event.data.interviewId,
          priority: event.data.priority,
          priorityReasons: event.data.priorityReasons,
        },
      };
    case 'ReturnInterviewAllocated':
      return {
        group: 'INTERVIEWS',
        summary: `Return interview allocated to ${event.data.workerId}`,
        by: event.data.allocatedBy,
        details: { interviewId: event.data.interviewId, workerId: event.data.workerId },
      };
    case 'ContactAttemptRecorded':
      return {
        group: 'INTERVIEWS',
        summary: `Contact attempt ${event.data.attemptNumber} (${words(event.data.method)})`,
        by: event.data.recordedBy,
        details: {
          interviewId: event.data.interviewId,
          attemptNumber: event.data.attemptNumber,
          method: event.data.method,
        },
      };
    case 'ReturnInterviewHeld':
      return {
        group: 'INTERVIEWS',
        summary: `Return interview held${event.data.heldWithinDeadline ? ' within 72 hours' : ' after the 72-hour deadline'}`,
        by: event.data.completedBy,
        details: {
          interviewId: event.data.interviewId,
          conductedAt: event.data.conductedAt,
          heldWithinDeadline: event.data.heldWithinDeadline,
          revision: event.data.revision,
        },
      };
    case 'ReturnInterviewDeclined':
      return {
        group: 'INTERVIEWS',
        summary: 'The child declined the return interview',
        by: event.data.recordedBy,
        details: { interviewId: event.data.interviewId },
      };
    case 'ReturnInterviewNotPossible':
      return {
        group: 'INTERVIEWS',
        summary: 'The return interview was not possible',
        by: event.data.recordedBy,
        details: { interviewId: event.data.interviewId },
      };
    case 'ReturnInterviewReviewed':
      return {
        group: 'INTERVIEWS',
        summary: `Return interview ${words(event.data.decision)} by the coordinator`,
        by: event.data.reviewedBy,
        details: {
          interviewId: event.data.interviewId,
          decision: event.data.decision,
          revision: event.data.revision,
        },
      };
    case 'AlertRaised':
      return {
        group: 'ALERTS',
        summary: `Alert raised: ${words(event.data.type)}, to ${words(event.data.audience)}`,
        by: null,
        details: {
          alertId: event.data.alertId,
          alertType: event.data.type,
          audience: event.data.audience,
          reasons: event.data.reasons,
          dueBy: event.data.dueBy,
        },
      };
    case 'AlertAcknowledged':
      return {
        group: 'ALERTS',
        summary: `Alert acknowledged: ${words(event.data.type)}`,
        by: event.data.acknowledgedBy,
        details: { alertId: event.data.alertId, alertType: event.data.type },
      };
    case 'AlertEscalated':
      return {
        group: 'ALERTS',
        summary: `Alert not acknowledged in time: ${words(event.data.type)} escalated`,
        by: null,
        details: { alertId: event.data.alertId, alertType: event.data.type },
      };
  }
}

/** The screening part of a held interview, shown only to roles that see screenings. */
export function screeningDetails(event: TimelineEvent): Record<string, TimelineValue> | null {
  if (event.type !== 'ReturnInterviewHeld') return null;
  return {
    suggestedLevel: event.data.screening.suggested,
    confirmedLevel: event.data.screening.confirmed,
    overridden: event.data.screening.overridden,
  };
}
