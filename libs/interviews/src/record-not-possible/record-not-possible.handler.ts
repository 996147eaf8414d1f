import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { RecordNotPossibleDto } from './record-not-possible.dto';

export class RecordNotPossibleRequest extends InterviewRequest<RecordNotPossibleDto> {}

/** Offered but not possible to hold: recorded as such, with the reason. */
@CommandHandler(RecordNotPossibleRequest)
export class RecordNotPossibleHandler extends InterviewRequestHandler<RecordNotPossibleRequest> {
  protected readonly actor = 'ALLOCATED_WORKER' as const;

  protected commandFor(request: RecordNotPossibleRequest, now: string): ReturnInterviewCommand {
    return {
      type: 'RecordReturnInterviewNotPossible',
      data: {
        interviewId: request.interviewId,
        reason: request.body.reason,
        recordedBy: request.caller.sub,
        now,
      },
    };
  }
}
