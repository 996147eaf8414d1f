import type { ReturnInterviewHeld } from '../../return-interview/events';
import { CHILD_ID, CONDUCTED_AT, INTERVIEW_ID, returnInterviewHeld } from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import { screeningOutcomeAlerts } from './screening-outcome-alerts.workflow';

const spec = workflowSpecification(screeningOutcomeAlerts);

const DECISION_DUE_AT = '2024-06-05T17:00:00.000Z';

const heldWith = (
  screening: Partial<ReturnInterviewHeld['data']['screening']>,
): ReturnInterviewHeld => {
  const held = returnInterviewHeld();
  return { ...held, data: { ...held.data, screening: { ...held.data.screening, ...screening } } };
};

describe('screening outcome alerts', () => {
  it('reacts to a return interview being held', () => {
    expect(screeningOutcomeAlerts.inputTypes).toEqual(['ReturnInterviewHeld']);
  });

  it('raises nothing for a LOW risk', () => {
    spec
      .given()
      .when(heldWith({ suggested: 'LOW', confirmed: 'LOW', outcomes: [] }))
      .thenNothingHappens();
  });

  it('refers a MEDIUM risk to social care, a decision due by the screening deadline', () => {
    spec
      .given()
      .when(
        heldWith({
          suggested: 'MEDIUM',
          confirmed: 'MEDIUM',
          outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED'],
          socialCareDecisionDueAt: DECISION_DUE_AT,
        }),
      )
      .then([
        {
          type: 'SOCIAL_CARE_REFERRAL_REQUIRED',
          audience: 'SOCIAL_CARE',
          childId: CHILD_ID,
          reasons: [
            `The CSE screening at the return interview on ${CONDUCTED_AT} was confirmed as MEDIUM risk.`,
            `A MEDIUM risk of child sexual exploitation must be referred to children's social care; a decision is due by ${DECISION_DUE_AT}.`,
          ],
          dueBy: DECISION_DUE_AT,
          causeKey: INTERVIEW_ID,
        },
      ]);
  });

  it('refers a SIGNIFICANT risk, asks for a strategy meeting and lists it for CMOG, naming an override', () => {
    const confirmed = `The CSE screening at the return interview on ${CONDUCTED_AT} was confirmed as SIGNIFICANT risk (the tool suggested MEDIUM).`;
    spec
      .given()
      .when(
        heldWith({
          suggested: 'MEDIUM',
          confirmed: 'SIGNIFICANT',
          overridden: true,
          overrideReason: 'An older adult was seen collecting the child',
          outcomes: ['SOCIAL_CARE_REFERRAL_REQUIRED', 'STRATEGY_MEETING_REQUIRED', 'CMOG_LISTING'],
          socialCareDecisionDueAt: DECISION_DUE_AT,
        }),
      )
      .then([
        {
          type: 'SOCIAL_CARE_REFERRAL_REQUIRED',
          audience: 'SOCIAL_CARE',
          childId: CHILD_ID,
          reasons: [
            confirmed,
            `A SIGNIFICANT risk of child sexual exploitation must be referred to children's social care; a decision is due by ${DECISION_DUE_AT}.`,
          ],
          dueBy: DECISION_DUE_AT,
          causeKey: INTERVIEW_ID,
        },
        {
          type: 'STRATEGY_MEETING_REQUIRED',
          audience: 'SOCIAL_CARE',
          childId: CHILD_ID,
          reasons: [
            confirmed,
            'A significant risk of child sexual exploitation needs a strategy meeting.',
          ],
          dueBy: null,
          causeKey: INTERVIEW_ID,
        },
        {
          type: 'CMOG_LISTING',
          audience: 'CMOG',
          childId: CHILD_ID,
          reasons: [
            confirmed,
            'A significant risk of child sexual exploitation is listed for the CSE and Missing Operational Group.',
          ],
          dueBy: null,
          causeKey: INTERVIEW_ID,
        },
      ]);
  });
});
