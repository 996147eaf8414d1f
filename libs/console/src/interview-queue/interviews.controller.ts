import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@homeward/platform';
import { GetInterviewQueue, type InterviewQueueItem } from './get-interview-queue.query';

@Controller('api/v1/interviews')
export class InterviewsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ri-coordinator', 'ri-worker', 'safeguarding-manager')
  queue(): Promise<InterviewQueueItem[]> {
    return this.queries.execute(new GetInterviewQueue());
  }
}
