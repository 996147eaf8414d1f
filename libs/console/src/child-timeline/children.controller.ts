import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  NotFoundAnswer,
  isRealCalendarDate,
  RequestValidationFailed,
  Access,
} from '@homeward/platform';
import { GetChildTimeline, type TimelineEntry } from './get-child-timeline.query';

const DATE_TIME_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isDateTimeWithOffset = (value: string): boolean =>
  DATE_TIME_WITH_OFFSET.test(value) &&
  isRealCalendarDate(value.slice(0, 10)) &&
  !Number.isNaN(Date.parse(value));

@Controller('api/v1/children')
export class ChildrenController {
  constructor(private readonly queries: QueryBus) {}

  /** `?asOf=<ISO 8601 with offset>`: only what Homeward had recorded by then, for case reviews. */
  @Get(':childId/timeline')
  @Access('GET /api/v1/children/:childId/timeline')
  @NotFoundAnswer('no child with this id is known to Homeward')
  async timeline(
    @Param('childId', new ParseUUIDPipe()) childId: string,
    @Query('asOf') asOf?: unknown,
  ): Promise<TimelineEntry[]> {
    if (asOf !== undefined && (typeof asOf !== 'string' || !isDateTimeWithOffset(asOf))) {
      throw new RequestValidationFailed([
        {
          field: 'asOf',
          message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-20T21:30:00+00:00',
        },
      ]);
    }
    const at = asOf === undefined ? undefined : new Date(asOf).toISOString();
    const entries = await this.queries.execute(new GetChildTimeline(childId, at));
    if (entries.length > 0) return entries;
    // Known to Homeward later than asOf: nothing had been recorded about the child by then.
    if (at !== undefined && (await this.queries.execute(new GetChildTimeline(childId))).length > 0)
      return [];
    throw new NotFoundException(`no child ${childId} is known to Homeward`);
  }
}
