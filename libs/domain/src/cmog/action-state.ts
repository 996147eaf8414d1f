import type { CmogActionEvent, CmogActionRecorded } from './action-events';
import type { CmogActionFlagReason } from './values';

export interface CmogActionDeferral {
  previousDueOn: string;
  newDueOn: string;
  reason: string;
  deferredBy: string;
  deferredAt: string;
}

/** NONE until recorded, OPEN while being worked, DONE once completed. */
export interface CmogActionState {
  status: 'NONE' | 'OPEN' | 'DONE';
  recorded: CmogActionRecorded['data'] | null;
  dueOn: string | null;
  deferrals: CmogActionDeferral[];
  flags: CmogActionFlagReason[];
  completedBy: string | null;
  completedAt: string | null;
}

export const initialCmogActionState = (): CmogActionState => ({
  status: 'NONE',
  recorded: null,
  dueOn: null,
  deferrals: [],
  flags: [],
  completedBy: null,
  completedAt: null,
});

export function evolveCmogAction(state: CmogActionState, event: CmogActionEvent): CmogActionState {
  switch (event.type) {
    case 'CmogActionRecorded':
      return { ...state, status: 'OPEN', recorded: event.data, dueOn: event.data.dueOn };
    case 'CmogActionDeferred':
      return {
        ...state,
        dueOn: event.data.newDueOn,
        deferrals: [
          ...state.deferrals,
          {
            previousDueOn: event.data.previousDueOn,
            newDueOn: event.data.newDueOn,
            reason: event.data.personal.reason,
            deferredBy: event.data.deferredBy,
            deferredAt: event.data.deferredAt,
          },
        ],
      };
    case 'CmogActionFlagged':
      return state.flags.includes(event.data.reason)
        ? state
        : { ...state, flags: [...state.flags, event.data.reason] };
    case 'CmogActionCompleted':
      return {
        ...state,
        status: 'DONE',
        completedBy: event.data.completedBy,
        completedAt: event.data.completedAt,
      };
  }
}
