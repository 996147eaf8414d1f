import type { AlertRequest } from '../../alert/alert-request';
import type { AlertEscalated } from '../../alert/events';
import type { AlertAudience } from '../../alert/values';
import type { Workflow } from '../../shared/workflow';

/** How the reasons name each audience; one not named here is given by its code. */
const AUDIENCE_WORDS: Partial<Record<AlertAudience, string>> = {
  SOCIAL_CARE: "children's social care",
  CMOG: 'the CSE and Missing Operational Group',
  SAFEGUARDING_MANAGER: 'the safeguarding manager',
  RI_COORDINATOR: 'the return-interview coordinator',
  RESPONSIBLE_LA: 'the responsible local authority',
};

/**
 * An alert nobody acknowledged in time goes to the safeguarding manager, once per alert. The
 * escalation says it all, so there is no state to load.
 */
export const unacknowledgedEscalationAlerts: Workflow<AlertEscalated, void, AlertRequest> = {
  inputTypes: ['AlertEscalated'],
  decide({ data: d }) {
    return [
      {
        type: 'ALERT_UNACKNOWLEDGED',
        audience: 'SAFEGUARDING_MANAGER',
        childId: d.childId,
        reasons: [
          `The ${d.type} alert raised to ${AUDIENCE_WORDS[d.audience] ?? d.audience} at ${d.raisedAt} was not acknowledged by ${d.acknowledgeBy}.`,
        ],
        causeKey: d.alertId,
      },
    ];
  },
};
