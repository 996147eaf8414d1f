import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { policyFor, repeatMissingAlerts, type MissingEpisodeReported } from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  EventProcessing,
  HOMEWARD_CONFIG,
  readChildMissingRecords,
  type HomewardConfig,
  type Reactor,
} from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * Children who go missing regularly are at high risk: each new episode is counted against the
 * child's record as it stood then, under the responsible authority's policy, and each pattern
 * it completes (strategy meeting, CMOG listing, risk review) is raised as an alert. The decision
 * is the repeatMissingAlerts workflow; this loads its state and raises what it asks for.
 */
@Injectable()
export class RepeatMissingReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.repeat-missing';
  readonly eventTypes: ReadonlySet<string> = new Set(repeatMissingAlerts.inputTypes);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /** Every child of the batch is read in one query; each episode decided on its own record. */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    const records = await readChildMissingRecords(
      this.store,
      batch.map((e) => (e as RecordedEvent & MissingEpisodeReported).data.childId),
    );
    await this.alerts.raiseAll(
      batch.flatMap((recorded) => {
        const event = recorded as RecordedEvent & MissingEpisodeReported;
        // The record as it stood at the event: episodes reported after it are not counted.
        const record = records.at(event.data.childId, recorded.streamVersion);
        const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
        return repeatMissingAlerts
          .decide(event, { record, policy })
          .map((request) => ({ request, cause: recorded }));
      }),
    );
  }
}
