import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { RecordContactAttemptDto } from './record-contact-attempt.dto';

export class RecordContactAttemptRequest extends InterviewRequest<RecordContactAttemptDto> {}

/** Every attempt to reach the child is kept, successful or not. */
@CommandHandler(RecordContactAttemptRequest)
export class RecordContactAttemptHandler extends InterviewRequestHandler<RecordContactAttemptRequest> {
  protected readonly actor = 'ALLOCATED_WORKER' as const;

  protected commandFor(request: RecordContactAttemptRequest, now: string): ReturnInterviewCommand {
    return {
      type: 'RecordContactAttempt',
      data: {
        interviewId: request.interviewId,
        at: new Date(request.body.at).toISOString(),
        method: request.body.method,
        outcome: request.body.outcome,
        recordedBy: request.caller.sub,
        now,
      },
    };
  }
}
