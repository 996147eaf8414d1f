import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  alertAcknowledgementDue,
  alertDecider,
  foldEvents,
  streams,
  type AlertEvent,
} from '@homeward/domain';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type RecordedEvent,
  type SqlDatabase,
} from '@homeward/event-store';
import { EventProcessing, WakeUps, runDecider, type Reactor } from '@homeward/platform';
import type { FiredWakeUp } from '@homeward/scheduler';

export const ALERT_ACKNOWLEDGEMENT_WAKE_UP = 'alert-acknowledgement';
const keyFor = (alertId: string) => `alert-acknowledgement-${alertId}`;

/**
 * An alert nobody acknowledges within the policy's hours is escalated: the time is on the alert
 * (`acknowledgeBy`), the alarm only wakes a re-check of the alert's stream, and every alert still
 * waiting is armed again on start-up and after the scheduler's Redis comes back.
 */
@Injectable()
export class AcknowledgementAlarm implements Reactor, OnModuleInit {
  private readonly logger = new Logger('AcknowledgementAlarm');
  readonly name = 'safeguarding.acknowledgement-alarm';
  readonly eventTypes: ReadonlySet<string> = new Set<AlertEvent['type']>([
    'AlertRaised',
    'AlertAcknowledged',
    'AlertEscalated',
  ]);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly processing: EventProcessing,
    private readonly wakeUps: WakeUps,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
    this.wakeUps.on(ALERT_ACKNOWLEDGEMENT_WAKE_UP, (wakeUp) => this.check(wakeUp));
    // On start-up, and whenever the scheduler's Redis is back (it may have lost every alarm).
    this.wakeUps.rearmFrom(async () => {
      const rows = await this.db.query<{ alert_id: string }>(
        `SELECT alert_id::text AS alert_id FROM rm_open_alert_acknowledgements WHERE open`,
      );
      for (const row of rows) await this.arm(row.alert_id);
    });
  }

  async react(recorded: RecordedEvent): Promise<void> {
    await this.arm((recorded as unknown as AlertEvent).data.alertId);
  }

  /** Every alert of the batch read in one query, then each armed as its stream says now. */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    const ids = [...new Set(batch.map((e) => (e as unknown as AlertEvent).data.alertId))];
    const read = await this.store.readStreams(ids.map((id) => streams.alert(id)));
    for (const alertId of ids) {
      const events = read.get(streams.alert(alertId))?.events ?? [];
      await this.armFor(alertId, events as unknown as AlertEvent[]);
    }
  }

  async check(wakeUp: FiredWakeUp): Promise<void> {
    const alertId = String(wakeUp.payload.alertId);
    const escalated = await runDecider(
      this.store,
      streams.alert(alertId),
      alertDecider,
      { type: 'CheckAlertAcknowledgement', data: { alertId, now: wakeUp.firedAt } },
      { causationId: `acknowledgement-check/${alertId}/${wakeUp.runAt}`, correlationId: alertId },
    );
    if (escalated.length > 0) this.logger.warn(`alert ${alertId} was not acknowledged in time`);
    await this.arm(alertId, wakeUp);
  }

  /** Arms the alert's acknowledgement deadline, or disarms it once nothing is left to wait for. */
  private async arm(alertId: string, ringing?: FiredWakeUp): Promise<void> {
    const { events } = await this.store.readStream(streams.alert(alertId));
    await this.armFor(alertId, events as unknown as AlertEvent[], ringing);
  }

  private async armFor(
    alertId: string,
    events: AlertEvent[],
    ringing?: FiredWakeUp,
  ): Promise<void> {
    const due = alertAcknowledgementDue(foldEvents(alertDecider, events));
    if (!due) {
      await this.wakeUps.cancel(keyFor(alertId));
      return;
    }
    // Rang early (clocks differ): the same time would only re-arm the running job.
    const runAt =
      ringing && Date.parse(due) <= Date.parse(ringing.runAt)
        ? new Date(Math.max(Date.parse(due), Date.parse(ringing.firedAt)) + 1000).toISOString()
        : due;
    await this.wakeUps.schedule(ALERT_ACKNOWLEDGEMENT_WAKE_UP, keyFor(alertId), runAt, { alertId });
  }
}
