import type {
  AlertStatus,
  AlertType,
  CmogActionFlagReason,
  CmogAgenda as CmogAgendaModel,
  CmogAgendaAlert as CmogAgendaAlertModel,
  CmogAgendaChild as CmogAgendaChildModel,
} from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';

/** An alert that put something on the agenda. */
export class CmogAgendaAlert implements CmogAgendaAlertModel {
  alertId!: string;
  type!: AlertType;
  reasons!: string[];
  raisedAt!: string;
  status!: AlertStatus;
}

/** A child of concern and why they are listed. */
export class CmogAgendaChild implements CmogAgendaChildModel {
  childId!: string;
  /** Every reason of every alert that listed the child, in the alerts' own words. */
  why!: string[];
  alerts!: CmogAgendaAlert[];
}

/** An action in the register that needs CMOG: overdue, or deferred twice or more. */
export class CmogAgendaActionItem implements CmogAgendaActionItemModel {
  actionId!: string;
  meetingId!: string;
  childId!: string | null;
  owner!: string;
  agency!: string;
  description!: string;
  dueOn!: string;
  deferrals!: number;
  overdue!: boolean;
  attentionReasons!: CmogActionFlagReason[];
  why!: string[];
}
type CmogAgendaActionItemModel = CmogAgendaModel['actions'][number];

/** The agenda CMOG works from, drawn from what Homeward knows at that moment. */
export class CmogAgenda implements CmogAgendaModel {
  localAuthority!: string;
  generatedAt!: string;
  /** HOTSPOT alerts are those raised since then (all of them for a first meeting). */
  hotspotsSince!: string | null;
  children!: CmogAgendaChild[];
  /** ASSOCIATION alerts about a group rather than one child. */
  associations!: CmogAgendaAlert[];
  /** Places that became hotspots since the last meeting. */
  hotspots!: CmogAgendaAlert[];
  actions!: CmogAgendaActionItem[];
}

export type CmogAgendaDocumented = IsTrue<SameShape<CmogAgenda, CmogAgendaModel>>;
