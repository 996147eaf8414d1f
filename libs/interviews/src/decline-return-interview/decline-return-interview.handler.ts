import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import type { DeclineReturnInterviewDto } from './decline-return-interview.dto';

export class DeclineReturnInterviewRequest extends Command<InterviewCommandResult> {
  constructor(
    readonly interviewId: string,
    readonly body: DeclineReturnInterviewDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** Offered but declined: recorded as such (boards count offered, accepted and held). */
@CommandHandler(DeclineReturnInterviewRequest)
export class DeclineReturnInterviewHandler implements ICommandHandler<DeclineReturnInterviewRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: DeclineReturnInterviewRequest): Promise<InterviewCommandResult> {
    const events = await decideOnInterview(
      this.store,
      {
        type: 'DeclineReturnInterview',
        data: {
          interviewId: request.interviewId,
          at: new Date(request.body.at).toISOString(),
          reason: request.body.reason,
          carerInformation: request.body.carerInformation ?? null,
          recordedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
