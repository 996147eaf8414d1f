import type { Decider } from '../shared/decider';
import type { CmogActionCommand } from './action-commands';
import { decideCmogAction } from './action-decide';
import type { CmogActionEvent } from './action-events';
import { evolveCmogAction, initialCmogActionState, type CmogActionState } from './action-state';

/** One stream per action (streams.cmog('action', id)): the register's consistency boundary. */
export const cmogActionDecider: Decider<CmogActionCommand, CmogActionEvent, CmogActionState> = {
  decide: decideCmogAction,
  evolve: evolveCmogAction,
  initialState: initialCmogActionState,
};
