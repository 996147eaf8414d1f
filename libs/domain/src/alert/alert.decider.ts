import type { Decider } from '../shared/decider';
import type { AlertCommand } from './commands';
import { decideAlert } from './decide';
import type { AlertEvent } from './events';
import { evolveAlert, initialAlertState, type AlertState } from './state';

/** One stream per alert (streams.alert), so acknowledging one never contends with another. */
export const alertDecider: Decider<AlertCommand, AlertEvent, AlertState> = {
  decide: decideAlert,
  evolve: evolveAlert,
  initialState: initialAlertState,
};
