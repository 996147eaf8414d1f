import { Module } from '@nestjs/common';
import { DeadlineAlarmReactor } from './return-interview-deadlines/deadline-alarm.reactor';
import { DeadlineWatch } from './return-interview-deadlines/deadline-watch.service';
import { OpenDeadlinesProjection } from './return-interview-deadlines/open-deadlines.projection';
import { ReturnInterviewScheduler } from './schedule-return-interview/return-interview-scheduler';

/**
 * Return interviews: scheduled when a child is found, their 72-hour deadlines watched.
 * The queue people read is the console's projection.
 */
@Module({
  providers: [
    ReturnInterviewScheduler,
    OpenDeadlinesProjection,
    DeadlineAlarmReactor,
    DeadlineWatch,
  ],
})
export class InterviewsModule {}
