import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  outOfAreaAlerts,
  type OutOfAreaAlertsInput,
  type OutOfAreaAlertsState,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import { EventProcessing, readChildMissingRecord, type Reactor } from '@homeward/platform';
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

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as OutOfAreaAlertsInput;
    for (const request of outOfAreaAlerts.decide(event, await this.stateFor(event, recorded))) {
      await this.alerts.raise(request, recorded);
    }
  }

  /**
   * A missing report names the responsible authority itself. A found notification does not, so
   * the child's record is read as it stood then, and only when the child was found somewhere
   * named: otherwise there is nothing to compare it with.
   */
  private async stateFor(
    event: OutOfAreaAlertsInput,
    recorded: RecordedEvent,
  ): Promise<OutOfAreaAlertsState> {
    if (event.type === 'MissingEpisodeReported') {
      return { responsibleLocalAuthority: event.data.responsibleLocalAuthority };
    }
    if (!event.data.foundInLocalAuthority) return { responsibleLocalAuthority: null };
    const record = await readChildMissingRecord(
      this.store,
      event.data.childId,
      recorded.streamVersion,
    );
    return { responsibleLocalAuthority: record.responsibleLocalAuthority };
  }
}
