import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@homeward/platform';
import { GetChildTimeline, type TimelineEntry } from './get-child-timeline.query';

@Controller('api/v1/children')
export class ChildrenController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':childId/timeline')
  @Roles('ri-coordinator', 'ri-worker', 'safeguarding-manager')
  async timeline(@Param('childId', new ParseUUIDPipe()) childId: string): Promise<TimelineEntry[]> {
    const entries = await this.queries.execute(new GetChildTimeline(childId));
    if (entries.length === 0)
      throw new NotFoundException(`no child ${childId} is known to Homeward`);
    return entries;
  }
}
