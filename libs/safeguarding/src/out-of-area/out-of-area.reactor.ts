import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  outOfAreaAlerts,
  type OutOfAreaAlertsInput,
  type OutOfAreaAlertsState,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import { EventProcessing, readChildMissingRecords, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * A child placed, or found, in another local authority is at risk of falling between the two:
 * the responsible authority is told. The decision is the outOfAreaAlerts workflow; this loads
 * the child's responsible authority and raises what it asks for.
 */
@Injectable()
export class OutOfAreaReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.out-of-area';
  readonly eventTypes: ReadonlySet<string> = new Set(outOfAreaAlerts.inputTypes);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /**
   * A missing report names the responsible authority itself. A found notification does not, so
   * the child's record is read as it stood then (the batch's in one query), and only when the
   * child was found somewhere named: otherwise there is nothing to compare it with.
   */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    const events = batch.map((recorded) => ({
      recorded,
      event: recorded as unknown as OutOfAreaAlertsInput,
    }));
    const records = await readChildMissingRecords(
      this.store,
      events
        .filter(({ event }) => event.type === 'ChildFound' && event.data.foundInLocalAuthority)
        .map(({ event }) => event.data.childId),
    );
    const stateFor = (event: OutOfAreaAlertsInput, version: number): OutOfAreaAlertsState =>
      event.type === 'MissingEpisodeReported'
        ? { responsibleLocalAuthority: event.data.responsibleLocalAuthority }
        : event.data.foundInLocalAuthority
          ? {
              responsibleLocalAuthority: records.at(event.data.childId, version)
                .responsibleLocalAuthority,
            }
          : { responsibleLocalAuthority: null };
    await this.alerts.raiseAll(
      events.flatMap(({ recorded, event }) =>
        outOfAreaAlerts
          .decide(event, stateFor(event, recorded.streamVersion))
          .map((request) => ({ request, cause: recorded })),
      ),
    );
  }
}
