import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { WakeUps } from '@homeward/platform';
import type { FiredWakeUp } from '@homeward/scheduler';
import { decideOnInterview } from '../shared/decide-on-interview';
import { DeadlineAlarmReactor } from './deadline-alarm.reactor';
import { RETURN_INTERVIEW_WAKE_UP } from './deadline-keys';

/**
 * When the alarm rings, re-check the interview's own stream: each escalation is an event the
 * decider records only if its time has really come and it was not recorded before. Then the
 * alarm is armed for whatever comes next.
 */
@Injectable()
export class DeadlineWatch implements OnModuleInit {
  private readonly logger = new Logger('DeadlineWatch');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly wakeUps: WakeUps,
    private readonly alarms: DeadlineAlarmReactor,
  ) {}

  onModuleInit(): void {
    this.wakeUps.on(RETURN_INTERVIEW_WAKE_UP, (wakeUp) => this.check(wakeUp));
  }

  async check(wakeUp: FiredWakeUp): Promise<void> {
    const interviewId = String(wakeUp.payload.interviewId);
    // One cause per alarm time: a duplicate delivery of this wake-up appends nothing new.
    const recorded = await decideOnInterview(
      this.store,
      { type: 'CheckReturnInterviewDeadlines', data: { interviewId, now: wakeUp.firedAt } },
      `deadline-check/${interviewId}/${wakeUp.runAt}`,
    );
    const lateMs = Date.parse(wakeUp.firedAt) - Date.parse(wakeUp.runAt);
    for (const event of recorded) {
      this.logger.warn(
        `return interview ${interviewId}: ${event.type} (checked ${lateMs} ms after it was due)`,
      );
    }
    await this.alarms.arm(interviewId, wakeUp);
  }
}
