import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { DeclineReturnInterviewDto } from './decline-return-interview.dto';

export class DeclineReturnInterviewRequest extends InterviewRequest<DeclineReturnInterviewDto> {}

/** Offered but declined: recorded as such (boards count offered, accepted and held). */
@CommandHandler(DeclineReturnInterviewRequest)
export class DeclineReturnInterviewHandler extends InterviewRequestHandler<DeclineReturnInterviewRequest> {
  protected readonly actor = 'ALLOCATED_WORKER' as const;

  protected commandFor(
    request: DeclineReturnInterviewRequest,
    now: string,
  ): ReturnInterviewCommand {
    return {
      type: 'DeclineReturnInterview',
      data: {
        interviewId: request.interviewId,
        at: new Date(request.body.at).toISOString(),
        reason: request.body.reason,
        carerInformation: request.body.carerInformation ?? null,
        recordedBy: request.caller.sub,
        now,
      },
    };
  }
}
