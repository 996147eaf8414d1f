import type {
  CmogActionDeferral as CmogActionDeferralModel,
  CmogActionFlagReason,
  CmogActionStatus,
} from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';
import type { CmogActionItem as CmogActionItemModel } from '../action-register/get-cmog-actions.query';
import type { CmogActionResult as CmogActionResultModel } from './cmog-results';

/** A due date moved, with the reason. */
export class CmogActionDeferral implements CmogActionDeferralModel {
  previousDueOn!: string;
  newDueOn!: string;
  reason!: string;
  deferredBy!: string;
  deferredAt!: string;
}

/** CmogActionFlagged recorded on the action's stream. */
export class CmogActionFlag implements CmogActionFlagModel {
  reason!: CmogActionFlagReason;
  flaggedAt!: string;
}
type CmogActionFlagModel = CmogActionItemModel['flags'][number];

/** One action in the register, as its owner, the chair and the safeguarding manager read it. */
export class CmogActionResult implements CmogActionResultModel {
  actionId!: string;
  /** The events this request recorded (none when it changed nothing). */
  recorded!: string[];
  meetingId!: string;
  localAuthority!: string;
  childId!: string | null;
  description!: string;
  owner!: string;
  agency!: string;
  /** YYYY-MM-DD. */
  dueOn!: string;
  intendedOutcome!: string;
  status!: CmogActionStatus;
  deferrals!: number;
  /** Every deferral with its reason, oldest first. */
  deferralHistory!: CmogActionDeferral[];
  /** Why the action has been flagged on its stream. */
  flags!: CmogActionFlagReason[];
  /** Due before today and not done. */
  overdue!: boolean;
  /** Overdue or deferred twice or more, and not done. */
  attention!: boolean;
  attentionReasons!: CmogActionFlagReason[];
}

/** One action in the register, soonest due first. */
export class CmogActionItem implements CmogActionItemModel {
  actionId!: string;
  meetingId!: string;
  localAuthority!: string;
  childId!: string | null;
  description!: string;
  owner!: string;
  agency!: string;
  /** YYYY-MM-DD. */
  dueOn!: string;
  intendedOutcome!: string;
  status!: CmogActionStatus;
  /** Due before today and not done. */
  overdue!: boolean;
  deferrals!: number;
  /** Every deferral with its reason, oldest first. */
  deferralHistory!: CmogActionDeferral[];
  /** Overdue or deferred twice or more, and not done. */
  attention!: boolean;
  attentionReasons!: CmogActionFlagReason[];
  flags!: CmogActionFlag[];
  outcome!: string | null;
  completedBy!: string | null;
  completedAt!: string | null;
  recordedBy!: string;
  recordedAt!: string;
}

export type CmogActionResultDocumented = IsTrue<SameShape<CmogActionResult, CmogActionResultModel>>;
export type CmogActionItemDocumented = IsTrue<SameShape<CmogActionItem, CmogActionItemModel>>;
