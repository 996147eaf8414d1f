import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  RETURN_INTERVIEW_EVENT_TYPES,
  nextDeadline,
  type ReturnInterviewEvent,
  type ReturnInterviewState,
} from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { EventProcessing, WakeUps, type Reactor } from '@homeward/platform';
import type { FiredWakeUp } from '@homeward/scheduler';
import { ChildRecordReader } from '../child-record/child-record.reader';
import { RETURN_INTERVIEW_WAKE_UP, deadlineWakeUpKey } from './deadline-keys';

/**
 * Keeps one alarm per interview armed for its next escalation (unallocated, reminder, due), and
 * disarms it once nothing is left to wake for. The alarm is only a clock: the times are on the
 * interview's stream, and each one is re-checked there when the alarm rings.
 */
@Injectable()
export class DeadlineAlarmReactor implements Reactor, OnModuleInit {
  readonly name = 'interviews.deadline-alarm';
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>(
    RETURN_INTERVIEW_EVENT_TYPES,
  );

  constructor(
    private readonly processing: EventProcessing,
    private readonly children: ChildRecordReader,
    private readonly wakeUps: WakeUps,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
    // On start-up, and whenever the scheduler's Redis is back (it may have lost every alarm).
    this.wakeUps.rearmFrom(async () => {
      await this.rearmOpenDeadlines();
    });
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as ReturnInterviewEvent;
    await this.arm(event.data.interviewId);
  }

  /** A batch arms each interview it touched once, as its stream stands after the batch. */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    const ids = batch.map((e) => (e as unknown as ReturnInterviewEvent).data.interviewId);
    for (const [interviewId, state] of await this.children.interviews(ids)) {
      await this.armFor(interviewId, state);
    }
  }

  /**
   * Arms the interview's next escalation as its stream says now (a replayed event is harmless).
   * `ringing` is the alarm being handled: if it rang before its time (clocks differ), the same
   * time would only re-arm the job that is running now, so it is armed a second later instead.
   */
  async arm(interviewId: string, ringing?: FiredWakeUp): Promise<void> {
    await this.armFor(interviewId, await this.children.interview(interviewId), ringing);
  }

  private async armFor(
    interviewId: string,
    state: ReturnInterviewState,
    ringing?: FiredWakeUp,
  ): Promise<void> {
    const next = nextDeadline(state);
    const key = deadlineWakeUpKey(interviewId);
    if (!next) {
      await this.wakeUps.cancel(key);
      return;
    }
    let runAt = next.at;
    if (ringing && Date.parse(runAt) <= Date.parse(ringing.runAt)) {
      runAt = new Date(
        Math.max(Date.parse(runAt), Date.parse(ringing.firedAt)) + 1000,
      ).toISOString();
    }
    await this.wakeUps.schedule(RETURN_INTERVIEW_WAKE_UP, key, runAt, { interviewId });
  }

  /** Every interview still waiting for an outcome is armed again (already armed: no change). */
  async rearmOpenDeadlines(): Promise<number> {
    const rows = await this.db.query<{ interview_id: string }>(
      `SELECT interview_id::text AS interview_id FROM rm_open_deadlines WHERE open`,
    );
    for (const row of rows) await this.arm(row.interview_id);
    return rows.length;
  }
}
