import {
  RecordNotFound,
  cmogActionProgress,
  type CmogActionDeferral,
  type CmogActionFlagReason,
  type CmogActionState,
  type CmogMeetingState,
  type CmogMeetingView,
  cmogMeetingView,
} from '@homeward/domain';

export interface CmogMeetingResult extends CmogMeetingView {
  recorded: string[];
}

export function meetingResult(
  state: CmogMeetingState,
  meetingId: string,
  recorded: Array<{ type: string }>,
): CmogMeetingResult {
  const view = cmogMeetingView(state);
  if (view === null) throw new RecordNotFound(`no CMOG meeting ${meetingId} is known to Homeward`);
  return { ...view, recorded: recorded.map((e) => e.type) };
}

/** One action in the register, as its owner, the chair and the safeguarding manager read it. */
export interface CmogActionResult {
  actionId: string;
  recorded: string[];
  meetingId: string;
  localAuthority: string;
  childId: string | null;
  description: string;
  owner: string;
  agency: string;
  dueOn: string;
  intendedOutcome: string;
  status: 'OPEN' | 'DONE';
  deferrals: number;
  deferralHistory: CmogActionDeferral[];
  flags: CmogActionFlagReason[];
  overdue: boolean;
  attention: boolean;
  attentionReasons: CmogActionFlagReason[];
}

export function actionResult(
  state: CmogActionState,
  actionId: string,
  recorded: Array<{ type: string }>,
  today: string,
): CmogActionResult {
  const r = state.recorded;
  if (r === null || state.status === 'NONE' || state.dueOn === null) {
    throw new RecordNotFound(`no CMOG action ${actionId} is known to Homeward`);
  }
  const status = state.status;
  return {
    actionId,
    recorded: recorded.map((e) => e.type),
    meetingId: r.meetingId,
    localAuthority: r.localAuthority,
    childId: r.childId,
    description: r.personal.description,
    owner: r.personal.owner,
    agency: r.agency,
    dueOn: state.dueOn,
    intendedOutcome: r.personal.intendedOutcome,
    status,
    deferrals: state.deferrals.length,
    deferralHistory: state.deferrals,
    flags: state.flags,
    ...cmogActionProgress({ status, dueOn: state.dueOn, deferrals: state.deferrals.length }, today),
  };
}
