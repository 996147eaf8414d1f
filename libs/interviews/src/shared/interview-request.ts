import { Inject } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import {
  foldEvents,
  returnInterviewDecider,
  streams,
  type ReturnInterviewCommand,
  type ReturnInterviewEvent,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { ChildAccess, type Caller } from '@homeward/platform';
import { decideOnInterview } from './decide-on-interview';
import {
  allocatedWorkerDecider,
  requireCoordinatorReach,
  type InterviewActor,
} from './interview-access';
import { resultOf, type InterviewCommandResult } from './interview-command-result';

/** A person's request about one interview: who asks, what they sent, and its cause for dedupe. */
export abstract class InterviewRequest<
  Body,
  Result = InterviewCommandResult,
> extends Command<Result> {
  constructor(
    readonly interviewId: string,
    readonly body: Body,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/**
 * Turns a request into the decider's command and decides it on the interview's stream. Each use
 * case only says which command its request means and whose it is to send; time is read once,
 * here. An interview outside the caller's scope is unknown to them (404, as for no interview).
 */
export abstract class InterviewRequestHandler<Request extends InterviewRequest<unknown>> {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    protected readonly children: ChildAccess,
  ) {}

  /** The allocated worker's command, or a coordinator's (for an interview of a child in scope). */
  protected abstract readonly actor: InterviewActor;

  protected abstract commandFor(request: Request, now: string): ReturnInterviewCommand;

  async execute(request: Request): Promise<InterviewCommandResult> {
    if (this.actor === 'COORDINATOR') {
      const { events } = await this.store.readStream(streams.returnInterview(request.interviewId));
      const state = foldEvents(returnInterviewDecider, events as unknown as ReturnInterviewEvent[]);
      await requireCoordinatorReach(this.children, state, request.interviewId, request.caller);
    }
    const events: ReturnInterviewEvent[] = await decideOnInterview(
      this.store,
      this.commandFor(request, new Date().toISOString()),
      request.causationId,
      request.interviewId,
      this.actor === 'ALLOCATED_WORKER'
        ? allocatedWorkerDecider(request.caller, request.interviewId)
        : returnInterviewDecider,
    );
    return resultOf(request.interviewId, events);
  }
}
