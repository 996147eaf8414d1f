import { Inject, Injectable } from '@nestjs/common';
import {
  alertDecider,
  alertIdFor,
  policyFor,
  streams,
  type AlertRequest,
  type RaiseAlert,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  HOMEWARD_CONFIG,
  readChildMissingRecords,
  runDeciderBatch,
  type BatchedCommand,
  type HomewardConfig,
} from '@homeward/platform';

/** An alert a workflow asks for, and the event that caused it. */
export interface WantedAlert {
  request: AlertRequest;
  cause: RecordedEvent;
}

/**
 * Raises an alert on its own stream. Its id comes from its type, subject and cause, and raising
 * an existing alert records nothing: replays, duplicates and restarts never raise it twice.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
  ) {}

  raise(wanted: AlertRequest, cause: RecordedEvent): Promise<void> {
    return this.raiseAll([{ request: wanted, cause }]);
  }

  /**
   * A reactor's batch of alerts at once: the children whose authority is needed read in one
   * query, every alert stream in one more, and every new alert appended in one step.
   */
  async raiseAll(wanted: readonly WantedAlert[]): Promise<void> {
    if (wanted.length === 0) return;
    const records = await readChildMissingRecords(
      this.store,
      wanted
        .filter(({ request }) => needsAuthority(request))
        .map(({ request }) => request.childId!),
    );
    const now = new Date().toISOString();
    await runDeciderBatch(
      this.store,
      alertDecider,
      wanted.map(({ request, cause }) => {
        const localAuthority = needsAuthority(request)
          ? records.at(request.childId!).responsibleLocalAuthority
          : (request.localAuthority ?? null);
        return this.raising({ ...request, localAuthority }, cause, now);
      }),
    );
  }

  private raising(
    alert: AlertRequest & { localAuthority: string | null },
    cause: RecordedEvent,
    now: string,
  ): BatchedCommand<RaiseAlert> {
    const subject = alert.childId ?? alert.localAuthority ?? 'homeward';
    const alertId = alertIdFor(alert.type, subject, alert.causeKey);
    const { causeKey: _causeKey, ...fields } = alert;
    // Every alert must be acknowledged in time, except the escalation of one that was not: the
    // safeguarding manager is the top of the ladder.
    const acknowledgeWithinHours =
      alert.type === 'ALERT_UNACKNOWLEDGED'
        ? null
        : policyFor(this.config.policies, alert.localAuthority).alerts.acknowledgeWithinHours;
    return {
      streamName: streams.alert(alertId),
      command: {
        type: 'RaiseAlert',
        data: { ...fields, alertId, acknowledgeWithinHours, causedBy: [cause.eventId], now },
      },
      cause: {
        causationId: `${cause.eventId}/alert/${alertId}`,
        correlationId:
          typeof cause.metadata.correlationId === 'string'
            ? cause.metadata.correlationId
            : cause.eventId,
      },
    };
  }
}

/** A child's alert that names no authority is for the child's responsible authority. */
const needsAuthority = (request: AlertRequest): boolean =>
  (request.localAuthority === undefined || request.localAuthority === null) &&
  request.childId !== null;
