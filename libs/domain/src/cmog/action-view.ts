import { isDayBefore } from './dates';
import {
  CMOG_DEFERRALS_BEFORE_FLAG,
  type CmogActionFlagReason,
  type CmogActionStatus,
} from './values';

/** What the register shows about an action's progress, computed when it is read. */
export interface CmogActionProgress {
  /** Due before today and not done. */
  overdue: boolean;
  /** Overdue, or deferred twice or more, and not done: the chair and the manager must look. */
  attention: boolean;
  attentionReasons: CmogActionFlagReason[];
}

export function cmogActionProgress(
  action: { status: CmogActionStatus; dueOn: string; deferrals: number },
  today: string,
): CmogActionProgress {
  const open = action.status === 'OPEN';
  const overdue = open && isDayBefore(action.dueOn, today);
  const reasons: CmogActionFlagReason[] = [];
  if (overdue) reasons.push('OVERDUE');
  if (open && action.deferrals >= CMOG_DEFERRALS_BEFORE_FLAG) reasons.push('DEFERRED_TWICE');
  return { overdue, attention: reasons.length > 0, attentionReasons: reasons };
}
