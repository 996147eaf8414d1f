import type { AlertRequest } from '../../alert/alert-request';
import type { AlertAudience } from '../../alert/values';
import type { ReturnInterviewHeld } from '../../return-interview/events';
import type { ScreeningOutcome } from '../../screening/screening';
import type { Workflow } from '../../shared/workflow';

const AUDIENCE = {
  SOCIAL_CARE_REFERRAL_REQUIRED: 'SOCIAL_CARE',
  STRATEGY_MEETING_REQUIRED: 'SOCIAL_CARE',
  CMOG_LISTING: 'CMOG',
} as const satisfies Record<ScreeningOutcome, AlertAudience>;

/**
 * What a confirmed screening level requires: MEDIUM or SIGNIFICANT is referred to children's
 * social care (a decision is due within one working day); SIGNIFICANT also needs a strategy
 * meeting and a CMOG listing. One alert per outcome per interview record. The held record says
 * it all, so there is no state to load.
 */
export const screeningOutcomeAlerts: Workflow<ReturnInterviewHeld, void, AlertRequest> = {
  inputTypes: ['ReturnInterviewHeld'],
  decide({ data }) {
    const { screening } = data;
    return screening.outcomes.map((outcome) => ({
      type: outcome,
      audience: AUDIENCE[outcome],
      childId: data.childId,
      reasons: reasonsFor(outcome, data),
      dueBy: outcome === 'SOCIAL_CARE_REFERRAL_REQUIRED' ? screening.socialCareDecisionDueAt : null,
      // An amended record that keeps the level raises nothing new; one per interview.
      causeKey: data.interviewId,
    }));
  },
};

function reasonsFor(outcome: ScreeningOutcome, data: ReturnInterviewHeld['data']): string[] {
  const level = data.screening.confirmed;
  const confirmed =
    `The CSE screening at the return interview on ${data.conductedAt} was confirmed as ${level} risk` +
    (data.screening.overridden ? ` (the tool suggested ${data.screening.suggested})` : '') +
    '.';
  switch (outcome) {
    case 'SOCIAL_CARE_REFERRAL_REQUIRED':
      return [
        confirmed,
        `A ${level} risk of child sexual exploitation must be referred to children's social care; a decision is due by ${data.screening.socialCareDecisionDueAt}.`,
      ];
    case 'STRATEGY_MEETING_REQUIRED':
      return [
        confirmed,
        'A significant risk of child sexual exploitation needs a strategy meeting.',
      ];
    case 'CMOG_LISTING':
      return [
        confirmed,
        'A significant risk of child sexual exploitation is listed for the CSE and Missing Operational Group.',
      ];
  }
}
