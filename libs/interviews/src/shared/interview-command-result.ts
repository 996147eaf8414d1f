import type { ReturnInterviewEvent } from '@homeward/domain';

/** What a command on an interview answers: the events it recorded (none when it changed nothing). */
export interface InterviewCommandResult {
  interviewId: string;
  recorded: Array<ReturnInterviewEvent['type']>;
}

export const resultOf = (
  interviewId: string,
  events: ReturnInterviewEvent[],
): InterviewCommandResult => ({ interviewId, recorded: events.map((e) => e.type) });
