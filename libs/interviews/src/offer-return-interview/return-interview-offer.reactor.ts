import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  policyFor,
  returnInterviewDecider,
  returnInterviewOffer,
  streams,
  type ReturnInterviewOfferCommand,
  type ReturnInterviewOfferInput,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  EventProcessing,
  HOMEWARD_CONFIG,
  runDeciderBatch,
  type HomewardConfig,
  type Reactor,
} from '@homeward/platform';
import { ChildRecordReader } from '../child-record/child-record.reader';
import { correlationOf } from '../shared/correlation';

/**
 * Carries out the return interview offer (libs/domain's workflow): loads the child's record as it
 * stood at the event, the latest screening level and the authority's policy, and decides each
 * command on its interview's stream, a batch at a time. Safe to run twice on the same event: the causation ids come
 * from the event, and the interview decider ignores a second schedule, link or cancel.
 *
 * It keeps the scheduler's processor name, so a running Homeward carries on from the scheduler's
 * checkpoint instead of replaying the log; it now also takes over the links the separate
 * missing-again reactor made (which had to fail and retry until this one caught up).
 */
@Injectable()
export class ReturnInterviewOfferReactor implements Reactor, OnModuleInit {
  readonly name = 'interviews.return-interview-scheduler';
  readonly eventTypes: ReadonlySet<string> = new Set(returnInterviewOffer.inputTypes);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
    private readonly children: ChildRecordReader,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /** The batch's children and their screening levels are read once, then each event decided. */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    const childIds = batch.map((e) => (e as unknown as ReturnInterviewOfferInput).data.childId);
    const [records, levels] = await Promise.all([
      this.children.missingRecords(childIds),
      this.children.currentCseLevels(childIds),
    ]);
    const now = new Date().toISOString();
    const commands = batch.flatMap((recorded) => {
      const event = recorded as unknown as ReturnInterviewOfferInput;
      const { childId } = event.data;
      const record = records.at(childId, recorded.streamVersion);
      return returnInterviewOffer
        .decide(event, {
          record,
          // Read before the batch: a screening held in it reaches the next batch's decisions, as
          // it did when the level's projection and this reactor each went at their own pace.
          currentCseLevel: levels.get(childId) ?? null,
          policy: policyFor(this.config.policies, record.responsibleLocalAuthority),
          now,
        })
        .map((command) => ({
          streamName: streams.returnInterview(command.data.interviewId),
          command,
          cause: {
            causationId: causationOf(command, recorded),
            correlationId: correlationOf(recorded),
          },
        }));
    });
    // Every interview of the batch read in one query, and every decision appended in one step.
    await runDeciderBatch(this.store, returnInterviewDecider, commands);
  }
}

/** One event links several interviews: each link has its own cause, the rest the event's id. */
const causationOf = (command: ReturnInterviewOfferCommand, cause: RecordedEvent): string =>
  command.type === 'LinkReturnInterviewToEpisode'
    ? `${cause.eventId}/link/${command.data.interviewId}`
    : cause.eventId;
