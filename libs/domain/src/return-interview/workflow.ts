import { RuleViolation } from '../shared/errors';
import type {
  AllocateReturnInterview,
  CancelReturnInterview,
  DeclineReturnInterview,
  LinkReturnInterviewToEpisode,
  RecordContactAttempt,
  RecordReturnInterviewNotPossible,
  ReviewReturnInterview,
} from './commands';
import type { ReturnInterviewEvent } from './events';
import {
  requireAllocatedWorker,
  requireAwaitingOutcome,
  requireNotInFuture,
  requireScheduled,
  requireText,
} from './guards';
import { isAwaitingOutcome, type ReturnInterviewState } from './state';

/** Allocating again to someone else re-allocates; allocating to the same worker changes nothing. */
export function allocate(
  { data }: AllocateReturnInterview,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireAwaitingOutcome(state, data.interviewId, 'allocate this interview');
  requireText('workerId', data.workerId);
  if (state.workerId === data.workerId) return [];
  return [
    {
      type: 'ReturnInterviewAllocated',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        workerId: data.workerId,
        previousWorkerId: state.workerId,
        allocatedBy: data.allocatedBy,
        allocatedAt: data.now,
      },
    },
  ];
}

export function recordAttempt(
  { data }: RecordContactAttempt,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireAwaitingOutcome(state, data.interviewId, 'record a contact attempt');
  requireAllocatedWorker(state, data.recordedBy, 'record a contact attempt');
  requireNotInFuture('at', data.at, data.now);
  requireText('outcome', data.outcome);
  return [
    {
      type: 'ContactAttemptRecorded',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        attemptNumber: state.attempts + 1,
        at: data.at,
        method: data.method,
        recordedBy: data.recordedBy,
        recordedAt: data.now,
        personal: { outcome: data.outcome.trim() },
      },
    },
  ];
}

export function decline(
  { data }: DeclineReturnInterview,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireAwaitingOutcome(state, data.interviewId, 'record a decline');
  requireAllocatedWorker(state, data.recordedBy, 'record a decline');
  requireNotInFuture('at', data.at, data.now);
  requireText('reason', data.reason);
  return [
    {
      type: 'ReturnInterviewDeclined',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        declinedAt: data.at,
        recordedBy: data.recordedBy,
        recordedAt: data.now,
        personal: { reason: data.reason.trim(), carerInformation: data.carerInformation },
      },
    },
  ];
}

export function notPossible(
  { data }: RecordReturnInterviewNotPossible,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireAwaitingOutcome(state, data.interviewId, 'record the interview as not possible');
  requireAllocatedWorker(state, data.recordedBy, 'record the interview as not possible');
  requireText('reason', data.reason);
  return [
    {
      type: 'ReturnInterviewNotPossible',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        recordedBy: data.recordedBy,
        recordedAt: data.now,
        personal: { reason: data.reason.trim() },
      },
    },
  ];
}

/** The manager's quality check of the latest record of a held interview, once per record. */
export function review(
  { data }: ReviewReturnInterview,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireScheduled(state, data.interviewId);
  if (state.status !== 'HELD') {
    throw new RuleViolation('cannot review: only a held interview with its record can be reviewed');
  }
  if (state.review !== null) {
    throw new RuleViolation(
      `cannot review: this record was already reviewed (${state.review}); ` +
        (state.review === 'RETURNED' ? 'the worker amends it first' : 'nothing is left to check'),
    );
  }
  requireText('comment', data.comment);
  return [
    {
      type: 'ReturnInterviewReviewed',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        decision: data.decision,
        revision: state.revision,
        reviewedBy: data.reviewedBy,
        reviewedAt: data.now,
        personal: { comment: data.comment.trim() },
      },
    },
  ];
}

/**
 * The child went missing again before being interviewed: the interview stays open (it is not
 * silently closed) and is linked to the new episode; its priority and reasons follow the new
 * triage.
 */
export function linkToEpisode(
  { data }: LinkReturnInterviewToEpisode,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  if (!isAwaitingOutcome(state) || !state.childId) return [];
  if (state.episodeId === data.episodeId || state.linkedEpisodeIds.includes(data.episodeId))
    return [];
  const events: ReturnInterviewEvent[] = [
    {
      type: 'ReturnInterviewLinkedToEpisode',
      data: {
        interviewId: data.interviewId,
        childId: state.childId,
        episodeId: data.episodeId,
        linkedAt: data.now,
      },
    },
  ];
  const sameReasons =
    state.priorityReasons.length === data.triage.reasons.length &&
    state.priorityReasons.every((reason, i) => reason === data.triage.reasons[i]);
  // The worker sees why now, not why then: new reasons are recorded even at the same priority.
  if (state.priority !== null && (state.priority !== data.triage.priority || !sameReasons)) {
    events.push({
      type: 'ReturnInterviewReprioritised',
      data: {
        interviewId: data.interviewId,
        childId: state.childId,
        previousPriority: state.priority,
        priority: data.triage.priority,
        priorityReasons: data.triage.reasons,
        reprioritisedAt: data.now,
      },
    });
  }
  return events;
}

/** A report cancelled as made in error is not an episode: its interview is withdrawn. */
export function cancel(
  { data }: CancelReturnInterview,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  if (!isAwaitingOutcome(state)) return [];
  return [
    {
      type: 'ReturnInterviewCancelled',
      data: {
        interviewId: data.interviewId,
        childId: data.childId,
        cancelledAt: data.now,
        reason: data.reason,
      },
    },
  ];
}
