import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { AllocateReturnInterviewDto } from './allocate-return-interview.dto';

export class AllocateReturnInterviewRequest extends InterviewRequest<AllocateReturnInterviewDto> {}

/**
 * A coordinator gives the interview to a worker (or to another one), for a child in their scope
 * (else the interview is unknown to them). The worker named in the body is not checked: Homeward
 * has no directory of workers and their authorities, so keeping the interview within the
 * coordinator's own authorities is all that can be checked here.
 */
@CommandHandler(AllocateReturnInterviewRequest)
export class AllocateReturnInterviewHandler extends InterviewRequestHandler<AllocateReturnInterviewRequest> {
  protected readonly actor = 'COORDINATOR' as const;

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
