import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  policyFor,
  returnInterviewIdFor,
  triageFactsFor,
  triageReturnInterview,
  type ChildFound,
  type MissingReportCancelled,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  EventProcessing,
  HOMEWARD_CONFIG,
  type HomewardConfig,
  type Reactor,
} from '@homeward/platform';
import { ChildRecordReader } from '../child-record/child-record.reader';
import { correlationOf } from '../shared/correlation';
import { decideOnInterview } from '../shared/decide-on-interview';

/**
 * Every child found is offered a return interview: schedules one for each ChildFound, triaged on
 * the child's record as it stood then, and cancels it if the report is later cancelled as made in
 * error. Safe to run twice on the same event: the interview id comes from the episode and the
 * decider ignores a second request.
 */
@Injectable()
export class ReturnInterviewScheduler implements Reactor, OnModuleInit {
  readonly name = 'interviews.return-interview-scheduler';
  readonly eventTypes = new Set(['ChildFound', 'MissingReportCancelled']);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
    private readonly children: ChildRecordReader,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(event: RecordedEvent): Promise<void> {
    if (event.type === 'ChildFound') await this.schedule(event as RecordedEvent & ChildFound);
    else await this.cancel(event as RecordedEvent & MissingReportCancelled);
  }

  private async schedule(event: RecordedEvent & ChildFound): Promise<void> {
    const found = event.data;
    const record = await this.children.missingRecord(found.childId, event.streamVersion);
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    const currentCseLevel = await this.children.currentCseLevel(found.childId);
    const facts = triageFactsFor(
      record,
      { episodeId: found.episodeId, at: found.returnedAt, currentCseLevel },
      policy.triage,
    );
    await decideOnInterview(
      this.store,
      {
        type: 'ScheduleReturnInterview',
        data: {
          interviewId: returnInterviewIdFor(found.episodeId),
          episodeId: found.episodeId,
          childId: found.childId,
          localAuthority: record.responsibleLocalAuthority,
          foundAt: found.foundAt,
          returnedAt: found.returnedAt,
          notifiedAt: found.notifiedAt,
          triage: triageReturnInterview(facts, policy.triage),
          timings: policy.returnInterview,
          now: new Date().toISOString(),
        },
      },
      event.eventId,
      correlationOf(event),
    );
  }

  private async cancel(event: RecordedEvent & MissingReportCancelled): Promise<void> {
    const cancelled = event.data;
    await decideOnInterview(
      this.store,
      {
        type: 'CancelReturnInterview',
        data: {
          interviewId: returnInterviewIdFor(cancelled.episodeId),
          childId: cancelled.childId,
          reason: `the missing report was cancelled: ${cancelled.reason}`,
          now: new Date().toISOString(),
        },
      },
      event.eventId,
      correlationOf(event),
    );
  }
}
