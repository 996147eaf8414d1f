import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  episodeStart,
  policyFor,
  returnInterviewIdFor,
  triageFactsFor,
  triageReturnInterview,
  type MissingEpisodeReported,
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
 * A child who goes missing again before the return interview is not a reason to close it: the
 * open interview stays in the queue, linked to the new episode and triaged again with it counted.
 * A new interview follows when the child is found again.
 */
@Injectable()
export class MissingAgainReactor implements Reactor, OnModuleInit {
  readonly name = 'interviews.missing-again';
  readonly eventTypes = new Set(['MissingEpisodeReported']);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
    private readonly children: ChildRecordReader,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as RecordedEvent & MissingEpisodeReported;
    const { childId, episodeId } = event.data;
    const record = await this.children.missingRecord(childId, recorded.streamVersion);
    const earlier = Object.values(record.episodes).filter(
      (e) => e.episodeId !== episodeId && e.status === 'FOUND',
    );
    if (earlier.length === 0) return;
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    const currentCseLevel = await this.children.currentCseLevel(childId);
    const at = episodeStart(record.episodes[episodeId]);
    for (const previous of earlier) {
      const interviewId = returnInterviewIdFor(previous.episodeId);
      // Every found episode gets an interview, but the scheduler is another reactor and may not
      // have got to it yet: fail and be retried, rather than miss the link for good.
      if ((await this.children.interview(interviewId)).status === 'NOT_SCHEDULED') {
        throw new Error(
          `the return interview for episode ${previous.episodeId} is not scheduled yet; ` +
            `linking it to episode ${episodeId} is retried`,
        );
      }
      const facts = triageFactsFor(
        record,
        { episodeId: previous.episodeId, at, currentCseLevel },
        policy.triage,
      );
      // Interviews already held, declined or cancelled ignore the link: nothing is written.
      await decideOnInterview(
        this.store,
        {
          type: 'LinkReturnInterviewToEpisode',
          data: {
            interviewId,
            episodeId,
            triage: triageReturnInterview(facts, policy.triage),
            now: new Date().toISOString(),
          },
        },
        `${recorded.eventId}/link/${interviewId}`,
        correlationOf(recorded),
      );
    }
  }
}
