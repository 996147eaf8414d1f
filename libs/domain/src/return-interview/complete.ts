import { assessScreening } from '../screening/screening';
import { addWorkingDays } from '../screening/working-days';
import { InvalidCommand, RuleViolation } from '../shared/errors';
import { isBefore } from '../shared/time';
import type { CompleteReturnInterview } from './commands';
import type { ReturnInterviewEvent } from './events';
import { requireAllocatedWorker, requireNotInFuture, requireScheduled } from './guards';
import type { ReturnInterviewState } from './state';

/**
 * The interview was held: records what the child said, where they went and who with, and the CSE
 * screening (the level suggested, the level a person confirmed, what must follow). A record the
 * quality check returned may be amended; any other second completion is refused.
 */
export function complete(
  { data }: CompleteReturnInterview,
  state: ReturnInterviewState,
): ReturnInterviewEvent[] {
  requireScheduled(state, data.interviewId);
  const amending = state.status === 'HELD' && state.review === 'RETURNED';
  if (state.status === 'HELD' && !amending) {
    throw new RuleViolation(
      'cannot complete: the interview has already been held and recorded' +
        (state.review === null ? ' (it is waiting for its quality check)' : ''),
    );
  }
  if (!amending && state.status !== 'SCHEDULED' && state.status !== 'ALLOCATED') {
    throw new RuleViolation(
      `cannot complete: the interview is ${state.status.toLowerCase().replace('_', ' ')}`,
    );
  }
  requireAllocatedWorker(state, data.completedBy, 'complete the interview');
  requireNotInFuture('conductedAt', data.conductedAt, data.now);
  if (state.returnedAt && isBefore(data.conductedAt, state.returnedAt)) {
    throw new InvalidCommand([
      {
        field: 'conductedAt',
        message: `must not be before the child returned (${state.returnedAt})`,
      },
    ]);
  }
  const assessment = assessScreening(data.screening, data.screeningContext);
  const referral = assessment.outcomes.includes('SOCIAL_CARE_REFERRAL_REQUIRED');
  return [
    {
      type: 'ReturnInterviewHeld',
      data: {
        interviewId: data.interviewId,
        childId: state.childId!,
        episodeId: state.episodeId!,
        conductedAt: data.conductedAt,
        dueAt: state.dueAt!,
        heldWithinDeadline: !isBefore(state.dueAt!, data.conductedAt),
        completedBy: data.completedBy,
        recordedAt: data.now,
        revision: state.revision + 1,
        screening: {
          ...assessment,
          socialCareDecisionDueAt: referral
            ? addWorkingDays(data.now, data.socialCareDecisionWorkingDays)
            : null,
        },
        personal: { ...data.record, indicators: data.screening },
      },
    },
  ];
}
