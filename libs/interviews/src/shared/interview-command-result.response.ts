import type { ReturnInterviewEvent } from '@homeward/domain';

/** What a command on an interview answers: the events it recorded (none when it changed nothing). */
export class InterviewCommandResult {
  interviewId!: string;
  recorded!: Array<ReturnInterviewEvent['type']>;
}
