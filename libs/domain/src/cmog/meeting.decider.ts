import type { Decider } from '../shared/decider';
import type { CmogMeetingCommand } from './meeting-commands';
import { decideCmogMeeting } from './meeting-decide';
import type { CmogMeetingEvent } from './meeting-events';
import { evolveCmogMeeting, initialCmogMeetingState, type CmogMeetingState } from './meeting-state';

/** One stream per meeting (streams.cmog('meeting', id)): agenda, register, minutes. */
export const cmogMeetingDecider: Decider<CmogMeetingCommand, CmogMeetingEvent, CmogMeetingState> = {
  decide: decideCmogMeeting,
  evolve: evolveCmogMeeting,
  initialState: initialCmogMeetingState,
};
