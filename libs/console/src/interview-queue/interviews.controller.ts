import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  INTERVIEW_STATUSES,
  PRIORITIES,
  type InterviewStatus,
  type Priority,
} from '@homeward/domain';
import { NotFoundAnswer, RequestValidationFailed, Access } from '@homeward/platform';
import { GetInterview } from '../interview-detail/get-interview.query';
import type { InterviewDetail } from '../interview-detail/interview-detail.response';
import {
  GetInterviewQueue,
  type InterviewQueueFilter,
  type InterviewQueueItem,
} from './get-interview-queue.query';

@Controller('api/v1/interviews')
export class InterviewsController {
  constructor(private readonly queries: QueryBus) {}

  /** `?status=SCHEDULED,ALLOCATED&priority=RED&workerId=…` (comma-separated lists). */
  @Get()
  @Access('GET /api/v1/interviews')
  queue(
    @Query('status') status?: string,
    @Query('priority') priority?: string,
    @Query('workerId') workerId?: string,
  ): Promise<InterviewQueueItem[]> {
    const filter: InterviewQueueFilter = {};
    const errors = [];
    if (status !== undefined) {
      const parsed = listOf(status, INTERVIEW_STATUSES);
      if (parsed) filter.status = parsed as InterviewStatus[];
      else
        errors.push({ field: 'status', message: `must be among ${INTERVIEW_STATUSES.join(', ')}` });
    }
    if (priority !== undefined) {
      const parsed = listOf(priority, PRIORITIES);
      if (parsed) filter.priority = parsed as Priority[];
      else errors.push({ field: 'priority', message: `must be among ${PRIORITIES.join(', ')}` });
    }
    if (workerId !== undefined) filter.workerId = workerId;
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    return this.queries.execute(new GetInterviewQueue(filter));
  }

  /** One return interview: deadline, attempts, outcome, screening and reviews. */
  @Get(':interviewId')
  @Access('GET /api/v1/interviews/:interviewId')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  async one(
    @Param('interviewId', new ParseUUIDPipe()) interviewId: string,
  ): Promise<InterviewDetail> {
    const interview = await this.queries.execute(new GetInterview(interviewId));
    if (!interview)
      throw new NotFoundException(`no return interview ${interviewId} is known to Homeward`);
    return interview;
  }
}

/** A comma-separated list whose every item is allowed; null if any is not. */
function listOf(value: string, allowed: readonly string[]): string[] | null {
  const items = value
    .split(',')
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
  return items.length > 0 && items.every((i) => allowed.includes(i)) ? items : null;
}
