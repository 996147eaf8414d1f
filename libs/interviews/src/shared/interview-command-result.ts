import type { ReturnInterviewEvent } from '@homeward/domain';
import type { InterviewCommandResult } from './interview-command-result.response';

export type { InterviewCommandResult };

export const resultOf = (
  interviewId: string,
  events: ReturnInterviewEvent[],
): InterviewCommandResult => ({ interviewId, recorded: events.map((e) => e.type) });
