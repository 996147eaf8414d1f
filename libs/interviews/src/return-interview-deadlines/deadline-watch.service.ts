import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  foldEvents,
  returnInterviewDecider,
  streams,
  type ReturnInterviewEvent,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { runDecider } from '@homeward/platform';
import { SCHEDULER, type FiredWakeUp, type Scheduler } from '@homeward/scheduler';
import { deadlineWakeUpKey } from './deadline-keys';

/**
 * When the alarm rings, re-check the interview's own stream: the breach is an event the decider
 * records only if the deadline has really passed without an outcome. Woken early (a clock
 * difference), it arms itself again for the real deadline.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeadlineWatch');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.start((wakeUp) => this.check(wakeUp));
  }

  async check(wakeUp: FiredWakeUp): Promise<void> {
    const interviewId = String(wakeUp.payload.interviewId);
    const stream = streams.returnInterview(interviewId);
    const recorded = await runDecider(
      this.store,
      stream,
      returnInterviewDecider,
      { type: 'CheckReturnInterviewDeadline', data: { interviewId, now: wakeUp.firedAt } },
      { causationId: `deadline-check/${interviewId}`, correlationId: interviewId },
    );
    if (recorded.length > 0) {
      const lateMs = Date.parse(wakeUp.firedAt) - Date.parse(wakeUp.runAt);
      this.logger.warn(
        `return interview ${interviewId} breached its deadline (checked ${lateMs} ms after it)`,
      );
      return;
    }
    const { events } = await this.store.readStream(stream);
    const state = foldEvents(returnInterviewDecider, events as unknown as ReturnInterviewEvent[]);
    if (
      state.status === 'SCHEDULED' &&
      !state.breached &&
      state.dueAt &&
      wakeUp.firedAt < state.dueAt
    ) {
      await this.scheduler.schedule({
        key: deadlineWakeUpKey(interviewId),
        runAt: state.dueAt,
        payload: wakeUp.payload,
      });
    }
  }
}
