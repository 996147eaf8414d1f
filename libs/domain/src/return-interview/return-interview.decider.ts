import type { Decider } from '../shared/decider';
import type { ReturnInterviewCommand } from './commands';
import { decideReturnInterview } from './decide';
import type { ReturnInterviewEvent } from './events';
import {
  evolveReturnInterview,
  initialReturnInterviewState,
  type ReturnInterviewState,
} from './state';

export const returnInterviewDecider: Decider<
  ReturnInterviewCommand,
  ReturnInterviewEvent,
  ReturnInterviewState
> = {
  decide: decideReturnInterview,
  evolve: evolveReturnInterview,
  initialState: initialReturnInterviewState,
};
