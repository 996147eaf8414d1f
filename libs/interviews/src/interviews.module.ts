import { Module } from '@nestjs/common';
import { GetInterviewQueueHandler } from './interview-queue/get-interview-queue.handler';
import { InterviewQueueProjection } from './interview-queue/interview-queue.projection';
import { InterviewsController } from './interview-queue/interviews.controller';
import { ReturnInterviewScheduler } from './schedule-return-interview/return-interview-scheduler';

/** Return interviews: scheduled when a child is found, queued by priority and deadline. */
@Module({
  controllers: [InterviewsController],
  providers: [ReturnInterviewScheduler, InterviewQueueProjection, GetInterviewQueueHandler],
})
export class InterviewsModule {}
