import {
  ALERT_ACKNOWLEDGE_BY,
  ALERT_ID,
  ALERT_RAISED_AT,
  CHILD_ID,
  alertEscalated,
} from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import { unacknowledgedEscalationAlerts } from './unacknowledged-escalation-alerts.workflow';

const spec = workflowSpecification(unacknowledgedEscalationAlerts);

describe('unacknowledged alert escalations', () => {
  it('reacts to an alert being escalated', () => {
    expect(unacknowledgedEscalationAlerts.inputTypes).toEqual(['AlertEscalated']);
  });

  it('tells the safeguarding manager which alert nobody acknowledged, once per alert', () => {
    spec
      .given()
      .when(alertEscalated())
      .then([
        {
          type: 'ALERT_UNACKNOWLEDGED',
          audience: 'SAFEGUARDING_MANAGER',
          childId: CHILD_ID,
          reasons: [
            `The STRATEGY_MEETING_REQUIRED alert raised to children's social care at ${ALERT_RAISED_AT} was not acknowledged by ${ALERT_ACKNOWLEDGE_BY}.`,
          ],
          causeKey: ALERT_ID,
        },
      ]);
  });

  it.each([
    ['CMOG', 'the CSE and Missing Operational Group'],
    ['SAFEGUARDING_MANAGER', 'the safeguarding manager'],
    ['RI_COORDINATOR', 'the return-interview coordinator'],
    ['RESPONSIBLE_LA', 'the responsible local authority'],
  ] as const)('names the %s audience in words', (audience, words) => {
    spec
      .given()
      .when(alertEscalated({ audience }))
      .thenOutputs(([alert]) =>
        expect(alert.reasons).toEqual([
          `The STRATEGY_MEETING_REQUIRED alert raised to ${words} at ${ALERT_RAISED_AT} was not acknowledged by ${ALERT_ACKNOWLEDGE_BY}.`,
        ]),
      );
  });

  it('gives an audience it has no words for by its code', () => {
    spec
      .given()
      .when(alertEscalated({ audience: 'AUDITOR', type: 'BREAK_GLASS_ACCESS', childId: null }))
      .then([
        {
          type: 'ALERT_UNACKNOWLEDGED',
          audience: 'SAFEGUARDING_MANAGER',
          childId: null,
          reasons: [
            `The BREAK_GLASS_ACCESS alert raised to AUDITOR at ${ALERT_RAISED_AT} was not acknowledged by ${ALERT_ACKNOWLEDGE_BY}.`,
          ],
          causeKey: ALERT_ID,
        },
      ]);
  });
});
