import type { AlertStatus, AlertType } from '../alert/values';
import { cmogActionProgress } from './action-view';
import type { CmogActionFlagReason, CmogActionStatus } from './values';
import { CMOG_CHILD_ALERT_TYPES } from './values';

/** A CMOG-audience alert as the read model holds it. */
export interface CmogAgendaAlertInput {
  alertId: string;
  type: AlertType;
  childId: string | null;
  reasons: string[];
  raisedAt: string;
  status: AlertStatus;
}

/** An action in the register as the read model holds it. */
export interface CmogAgendaActionInput {
  actionId: string;
  meetingId: string;
  childId: string | null;
  owner: string;
  agency: string;
  description: string;
  dueOn: string;
  status: CmogActionStatus;
  deferrals: number;
}

export interface CmogAgendaInput {
  localAuthority: string;
  /** Today where CMOG sits, YYYY-MM-DD: what is overdue is decided against it. */
  today: string;
  generatedAt: string;
  /** When the previous meeting's agenda was drawn up; null for the authority's first meeting. */
  previousAgendaAt: string | null;
  alerts: CmogAgendaAlertInput[];
  actions: CmogAgendaActionInput[];
}

export interface CmogAgendaAlert {
  alertId: string;
  type: AlertType;
  reasons: string[];
  raisedAt: string;
  status: AlertStatus;
}

/** A child of concern and why they are listed. */
export interface CmogAgendaChild {
  childId: string;
  /** Every reason of every alert that listed the child, in the alerts' own words. */
  why: string[];
  alerts: CmogAgendaAlert[];
}

export interface CmogAgendaAction {
  actionId: string;
  meetingId: string;
  childId: string | null;
  agency: string;
  dueOn: string;
  deferrals: number;
  overdue: boolean;
  attentionReasons: CmogActionFlagReason[];
  why: string[];
}

/** An action's names and free text: kept apart so a recorded agenda keeps them under `personal`. */
export interface CmogAgendaActionDetails {
  actionId: string;
  owner: string;
  description: string;
}

export interface CmogAgenda {
  localAuthority: string;
  generatedAt: string;
  /** HOTSPOT alerts are those raised since then (all of them for a first meeting). */
  hotspotsSince: string | null;
  children: CmogAgendaChild[];
  /** ASSOCIATION alerts about a group rather than one child. */
  associations: CmogAgendaAlert[];
  hotspots: CmogAgendaAlert[];
  actions: Array<CmogAgendaAction & Omit<CmogAgendaActionDetails, 'actionId'>>;
}

/** The agenda without personal data, as CmogMeetingOpened records it. */
export type CmogAgendaRecord = Omit<CmogAgenda, 'actions'> & { actions: CmogAgendaAction[] };

const UNACKNOWLEDGED: readonly AlertStatus[] = ['OPEN', 'ESCALATED'];
const CHILD_TYPES: readonly AlertType[] = CMOG_CHILD_ALERT_TYPES;

/**
 * The agenda CMOG works from, drawn from what Homeward knows at that moment: children with an
 * unacknowledged listing, repeat-missing or association alert (with why), places that became
 * hotspots since the last meeting, and actions overdue or deferred twice or more.
 */
export function buildCmogAgenda(input: CmogAgendaInput): CmogAgenda {
  const byChild = new Map<string, CmogAgendaChild>();
  const associations: CmogAgendaAlert[] = [];
  const hotspots: CmogAgendaAlert[] = [];
  const newestFirst = [...input.alerts].sort(
    (a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || a.alertId.localeCompare(b.alertId),
  );
  for (const alert of newestFirst) {
    const item = alertItem(alert);
    if (alert.type === 'HOTSPOT') {
      const isNew =
        input.previousAgendaAt === null ||
        Date.parse(alert.raisedAt) > Date.parse(input.previousAgendaAt);
      if (isNew) hotspots.push(item);
      continue;
    }
    if (!CHILD_TYPES.includes(alert.type) || !UNACKNOWLEDGED.includes(alert.status)) continue;
    if (alert.childId === null) {
      associations.push(item);
      continue;
    }
    const child = byChild.get(alert.childId) ?? { childId: alert.childId, why: [], alerts: [] };
    child.alerts.push(item);
    for (const reason of alert.reasons) if (!child.why.includes(reason)) child.why.push(reason);
    byChild.set(alert.childId, child);
  }
  return {
    localAuthority: input.localAuthority,
    generatedAt: input.generatedAt,
    hotspotsSince: input.previousAgendaAt,
    children: [...byChild.values()],
    associations,
    hotspots,
    actions: actionsNeedingAttention(input.actions, input.today),
  };
}

const alertItem = (a: CmogAgendaAlertInput): CmogAgendaAlert => ({
  alertId: a.alertId,
  type: a.type,
  reasons: a.reasons,
  raisedAt: a.raisedAt,
  status: a.status,
});

function actionsNeedingAttention(
  actions: CmogAgendaActionInput[],
  today: string,
): CmogAgenda['actions'] {
  return actions
    .map((a) => ({ action: a, progress: cmogActionProgress(a, today) }))
    .filter(({ progress }) => progress.attention)
    .sort((x, y) => x.action.dueOn.localeCompare(y.action.dueOn))
    .map(({ action, progress }) => ({
      actionId: action.actionId,
      meetingId: action.meetingId,
      childId: action.childId,
      owner: action.owner,
      agency: action.agency,
      description: action.description,
      dueOn: action.dueOn,
      deferrals: action.deferrals,
      overdue: progress.overdue,
      attentionReasons: progress.attentionReasons,
      why: progress.attentionReasons.map((r) =>
        r === 'OVERDUE'
          ? `overdue: it was due on ${action.dueOn}`
          : `deferred ${action.deferrals} times without being completed`,
      ),
    }));
}

/** The agenda as a meeting records it: action owners and descriptions go under `personal`. */
export function splitCmogAgenda(agenda: CmogAgenda): {
  agenda: CmogAgendaRecord;
  actionDetails: CmogAgendaActionDetails[];
} {
  return {
    agenda: {
      ...agenda,
      actions: agenda.actions.map((a) => ({
        actionId: a.actionId,
        meetingId: a.meetingId,
        childId: a.childId,
        agency: a.agency,
        dueOn: a.dueOn,
        deferrals: a.deferrals,
        overdue: a.overdue,
        attentionReasons: a.attentionReasons,
        why: a.why,
      })),
    },
    actionDetails: agenda.actions.map((a) => ({
      actionId: a.actionId,
      owner: a.owner,
      description: a.description,
    })),
  };
}

export function joinCmogAgenda(
  agenda: CmogAgendaRecord,
  actionDetails: CmogAgendaActionDetails[],
): CmogAgenda {
  const details = new Map(actionDetails.map((d) => [d.actionId, d]));
  return {
    ...agenda,
    actions: agenda.actions.map((a) => ({
      ...a,
      owner: details.get(a.actionId)?.owner ?? '',
      description: details.get(a.actionId)?.description ?? '',
    })),
  };
}
