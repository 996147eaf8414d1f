import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  returnInterviewDecider,
  returnInterviewIdFor,
  streams,
  type ChildFound,
  type MissingReportCancelled,
  type ReturnInterviewCommand,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  EventProcessing,
  HOMEWARD_CONFIG,
  runDecider,
  type HomewardConfig,
  type Reactor,
} from '@homeward/platform';

/**
 * Every child found is offered a return interview: schedules one for each ChildFound, and
 * cancels it if the report is later cancelled as made in error. Safe to run twice on the same
 * event: the interview id comes from the episode and the decider ignores a second request.
 */
@Injectable()
export class ReturnInterviewScheduler implements Reactor, OnModuleInit {
  readonly name = 'interviews.return-interview-scheduler';
  readonly eventTypes = new Set(['ChildFound', 'MissingReportCancelled']);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(event: RecordedEvent): Promise<void> {
    const command = this.commandFor(event);
    await runDecider(
      this.store,
      streams.returnInterview(command.data.interviewId),
      returnInterviewDecider,
      command,
      { causationId: event.eventId, correlationId: correlationOf(event) },
    );
  }

  private commandFor(event: RecordedEvent): ReturnInterviewCommand {
    const now = new Date().toISOString();
    if (event.type === 'ChildFound') {
      const found = (event as unknown as ChildFound).data;
      return {
        type: 'ScheduleReturnInterview',
        data: {
          interviewId: returnInterviewIdFor(found.episodeId),
          episodeId: found.episodeId,
          childId: found.childId,
          foundAt: found.foundAt,
          returnedAt: found.returnedAt,
          notifiedAt: found.notifiedAt,
          triage: { riskLevel: found.riskLevel, cseConcern: found.cseConcern },
          deadlineHours: this.config.policy.returnInterview.deadlineHours,
          now,
        },
      };
    }
    const cancelled = (event as unknown as MissingReportCancelled).data;
    return {
      type: 'CancelReturnInterview',
      data: {
        interviewId: returnInterviewIdFor(cancelled.episodeId),
        childId: cancelled.childId,
        reason: `the missing report was cancelled: ${cancelled.reason}`,
        now,
      },
    };
  }
}

/** Keeps the chain back to the police notification that started it, for tracing. */
function correlationOf(event: RecordedEvent): string {
  const id = event.metadata.correlationId;
  return typeof id === 'string' ? id : event.eventId;
}
