import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import type { RecordContactAttemptDto } from './record-contact-attempt.dto';

export class RecordContactAttemptRequest extends Command<InterviewCommandResult> {
  constructor(
    readonly interviewId: string,
    readonly body: RecordContactAttemptDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** Every attempt to reach the child is kept, successful or not. */
@CommandHandler(RecordContactAttemptRequest)
export class RecordContactAttemptHandler implements ICommandHandler<RecordContactAttemptRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: RecordContactAttemptRequest): Promise<InterviewCommandResult> {
    const events = await decideOnInterview(
      this.store,
      {
        type: 'RecordContactAttempt',
        data: {
          interviewId: request.interviewId,
          at: new Date(request.body.at).toISOString(),
          method: request.body.method,
          outcome: request.body.outcome,
          recordedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return resultOf(request.interviewId, events);
  }
}
