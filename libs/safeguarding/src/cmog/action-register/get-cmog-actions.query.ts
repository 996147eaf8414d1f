import type { ChildLevelQuery } from '@homeward/platform';
import { Query } from '@nestjs/cqrs';
import type { CmogActionFlagReason, CmogActionStatus } from '@homeward/domain';

export interface CmogActionItem {
  actionId: string;
  meetingId: string;
  localAuthority: string;
  childId: string | null;
  description: string;
  owner: string;
  agency: string;
  dueOn: string;
  intendedOutcome: string;
  status: CmogActionStatus;
  /** Due before today and not done. */
  overdue: boolean;
  deferrals: number;
  /** Every deferral with its reason, oldest first. */
  deferralHistory: Array<{
    previousDueOn: string;
    newDueOn: string;
    reason: string;
    deferredBy: string;
    deferredAt: string;
  }>;
  /** Overdue or deferred twice or more, and not done. */
  attention: boolean;
  attentionReasons: CmogActionFlagReason[];
  /** CmogActionFlagged recorded on the action's stream. */
  flags: Array<{ reason: CmogActionFlagReason; flaggedAt: string }>;
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface CmogActionFilter {
  status?: CmogActionStatus;
  owner?: string;
  attention?: boolean;
  localAuthority?: string;
  /** YYYY-MM-DD where CMOG sits. */
  today: string;
}

/** The action register, soonest due first. */
export class GetCmogActions
  extends Query<CmogActionItem[]>
  implements ChildLevelQuery<CmogActionItem[]>
{
  constructor(readonly filter: CmogActionFilter) {
    super();
  }

  /** The register is filtered by the caller's authorities in SQL. */
  readonly scopedByAuthority = true as const;

  childrenIn(items: CmogActionItem[]): string[] {
    return items.flatMap((i) => (i.childId ? [i.childId] : []));
  }
}
