import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import type { AllocateReturnInterviewDto } from './allocate-return-interview.dto';

export class AllocateReturnInterviewRequest extends Command<InterviewCommandResult> {
  constructor(
    readonly interviewId: string,
    readonly body: AllocateReturnInterviewDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** A coordinator gives the interview to a worker (or to another one). */
@CommandHandler(AllocateReturnInterviewRequest)
export class AllocateReturnInterviewHandler implements ICommandHandler<AllocateReturnInterviewRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: AllocateReturnInterviewRequest): Promise<InterviewCommandResult> {
    const events = await decideOnInterview(
      this.store,
      {
        type: 'AllocateReturnInterview',
        data: {
          interviewId: request.interviewId,
          workerId: request.body.workerId.trim(),
          allocatedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
