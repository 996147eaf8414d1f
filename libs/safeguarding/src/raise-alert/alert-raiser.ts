import { Inject, Injectable } from '@nestjs/common';
import { alertDecider, alertIdFor, policyFor, streams, type AlertRequest } from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import {
  HOMEWARD_CONFIG,
  readChildMissingRecord,
  runDecider,
  type HomewardConfig,
} from '@homeward/platform';

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

  async raise(wanted: AlertRequest, cause: RecordedEvent): Promise<void> {
    const alert = { ...wanted, localAuthority: await this.authorityOf(wanted) };
    const subject = alert.childId ?? alert.localAuthority ?? 'homeward';
    const alertId = alertIdFor(alert.type, subject, alert.causeKey);
    const { causeKey: _causeKey, ...fields } = alert;
    // Every alert must be acknowledged in time, except the escalation of one that was not: the
    // safeguarding manager is the top of the ladder.
    const acknowledgeWithinHours =
      alert.type === 'ALERT_UNACKNOWLEDGED'
        ? null
        : policyFor(this.config.policies, alert.localAuthority).alerts.acknowledgeWithinHours;
    await runDecider(
      this.store,
      streams.alert(alertId),
      alertDecider,
      {
        type: 'RaiseAlert',
        data: {
          ...fields,
          alertId,
          acknowledgeWithinHours,
          causedBy: [cause.eventId],
          now: new Date().toISOString(),
        },
      },
      {
        causationId: `${cause.eventId}/alert/${alertId}`,
        correlationId:
          typeof cause.metadata.correlationId === 'string'
            ? cause.metadata.correlationId
            : cause.eventId,
      },
    );
  }

  private async authorityOf(alert: AlertRequest): Promise<string | null> {
    if (alert.localAuthority !== undefined && alert.localAuthority !== null) {
      return alert.localAuthority;
    }
    if (!alert.childId) return null;
    return (await readChildMissingRecord(this.store, alert.childId)).responsibleLocalAuthority;
  }
}
