import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { AllocateReturnInterviewDto } from './allocate-return-interview.dto';

export class AllocateReturnInterviewRequest extends InterviewRequest<AllocateReturnInterviewDto> {}

/** A coordinator gives the interview to a worker (or to another one). */
@CommandHandler(AllocateReturnInterviewRequest)
export class AllocateReturnInterviewHandler extends InterviewRequestHandler<AllocateReturnInterviewRequest> {
  protected commandFor(
    request: AllocateReturnInterviewRequest,
    now: string,
  ): ReturnInterviewCommand {
    return {
      type: 'AllocateReturnInterview',
      data: {
        interviewId: request.interviewId,
        workerId: request.body.workerId.trim(),
        allocatedBy: request.caller.sub,
        now,
      },
    };
  }
}
