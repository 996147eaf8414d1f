import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { policyFor, repeatMissingPatterns, type MissingEpisodeReported } from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  EventProcessing,
  HOMEWARD_CONFIG,
  readChildMissingRecord,
  type HomewardConfig,
  type Reactor,
} from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * Children who go missing regularly are at high risk. Each new episode is counted against the
 * child's record as it stood then (absent episodes included, cancelled ones not): 3 in 30 days
 * asks for a strategy meeting, 3 in 90 days lists the child for CMOG, 3 absent or very-low-risk
 * episodes in 30 days asks the safeguarding manager for a risk review (policy defaults).
 */
@Injectable()
export class RepeatMissingReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.repeat-missing';
  readonly eventTypes = new Set(['MissingEpisodeReported']);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const { childId, episodeId } = (recorded as RecordedEvent & MissingEpisodeReported).data;
    const record = await readChildMissingRecord(this.store, childId, recorded.streamVersion);
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    for (const pattern of repeatMissingPatterns(record, episodeId, policy.repeatMissing)) {
      await this.alerts.raise(
        {
          type: pattern.type,
          audience: pattern.audience,
          childId,
          localAuthority: record.responsibleLocalAuthority,
          reasons: pattern.reasons,
          causeKey: episodeId,
        },
        recorded,
      );
    }
  }
}
