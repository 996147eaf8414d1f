import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import type { ReviewReturnInterviewDto } from './review-return-interview.dto';

export class ReviewReturnInterviewRequest extends Command<InterviewCommandResult> {
  constructor(
    readonly interviewId: string,
    readonly body: ReviewReturnInterviewDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** The manager's quality check: APPROVED, or RETURNED to the worker to amend the record. */
@CommandHandler(ReviewReturnInterviewRequest)
export class ReviewReturnInterviewHandler implements ICommandHandler<ReviewReturnInterviewRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: ReviewReturnInterviewRequest): Promise<InterviewCommandResult> {
    const events = await decideOnInterview(
      this.store,
      {
        type: 'ReviewReturnInterview',
        data: {
          interviewId: request.interviewId,
          decision: request.body.decision,
          comment: request.body.comment,
          reviewedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
