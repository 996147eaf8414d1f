import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewEvent } from '@homeward/domain';
import { SQL_DATABASE, type RecordedEvent, type SqlDatabase } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { SCHEDULER, type Scheduler } from '@homeward/scheduler';
import { deadlineWakeUpKey } from './deadline-keys';

/**
 * Arms the scheduler for each new deadline and disarms it when the interview no longer waits.
 * The scheduler is only an alarm clock: the deadline itself is `dueAt` on the interview stream.
 */
@Injectable()
export class DeadlineAlarmReactor implements Reactor, OnModuleInit {
  readonly name = 'interviews.deadline-alarm';
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewScheduled',
    'ReturnInterviewDeadlineBreached',
    'ReturnInterviewCancelled',
  ]);

  constructor(
    private readonly processing: EventProcessing,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
    this.processing.afterStart(async () => {
      await this.rearmOpenDeadlines();
    });
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as ReturnInterviewEvent;
    const key = deadlineWakeUpKey(event.data.interviewId);
    if (event.type === 'ReturnInterviewScheduled' && !event.data.notifiedLate) {
      await this.scheduler.schedule({
        key,
        runAt: event.data.dueAt,
        payload: { interviewId: event.data.interviewId },
      });
    } else if (event.type !== 'ReturnInterviewScheduled') {
      await this.scheduler.cancel(key);
    }
  }

  /** On start-up, every deadline still open is armed again (the scheduler dedupes by key). */
  async rearmOpenDeadlines(): Promise<number> {
    const rows = await this.db.query<{ interview_id: string; due_at: Date }>(
      `SELECT interview_id::text AS interview_id, due_at FROM rm_open_deadlines WHERE open`,
    );
    for (const row of rows) {
      await this.scheduler.schedule({
        key: deadlineWakeUpKey(row.interview_id),
        runAt: new Date(row.due_at).toISOString(),
        payload: { interviewId: row.interview_id },
      });
    }
    return rows.length;
  }
}
