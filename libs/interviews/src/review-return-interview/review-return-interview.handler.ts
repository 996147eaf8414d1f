import { CommandHandler } from '@nestjs/cqrs';
import type { ReturnInterviewCommand } from '@homeward/domain';
import { InterviewRequest, InterviewRequestHandler } from '../shared/interview-request';
import type { ReviewReturnInterviewDto } from './review-return-interview.dto';

export class ReviewReturnInterviewRequest extends InterviewRequest<ReviewReturnInterviewDto> {}

/** The manager's quality check: APPROVED, or RETURNED to the worker to amend the record. */
@CommandHandler(ReviewReturnInterviewRequest)
export class ReviewReturnInterviewHandler extends InterviewRequestHandler<ReviewReturnInterviewRequest> {
  protected readonly actor = 'COORDINATOR' as const;

  protected commandFor(request: ReviewReturnInterviewRequest, now: string): ReturnInterviewCommand {
    return {
      type: 'ReviewReturnInterview',
      data: {
        interviewId: request.interviewId,
        decision: request.body.decision,
        comment: request.body.comment,
        reviewedBy: request.caller.sub,
        now,
      },
    };
  }
}
