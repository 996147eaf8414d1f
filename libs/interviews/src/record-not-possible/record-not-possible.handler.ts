import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import type { RecordNotPossibleDto } from './record-not-possible.dto';

export class RecordNotPossibleRequest extends Command<InterviewCommandResult> {
  constructor(
    readonly interviewId: string,
    readonly body: RecordNotPossibleDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** Offered but not possible to hold: recorded as such, with the reason. */
@CommandHandler(RecordNotPossibleRequest)
export class RecordNotPossibleHandler implements ICommandHandler<RecordNotPossibleRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: RecordNotPossibleRequest): Promise<InterviewCommandResult> {
    const events = await decideOnInterview(
      this.store,
      {
        type: 'RecordReturnInterviewNotPossible',
        data: {
          interviewId: request.interviewId,
          reason: request.body.reason,
          recordedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
