import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { NotFoundAnswer, Access } from '@homeward/platform';
import type { AssociationItem } from './association-item.response';
import { GetChildAssociations } from './get-child-associations.query';
import { GetHotspots } from './get-hotspots.query';
import type { HotspotItem } from './hotspot-item.response';
import { ChildKnown } from './child-known.query';

/** CMOG's contextual picture: where children are seen, and with whom. */
@Controller('api/v1')
export class ContextualController {
  constructor(private readonly queries: QueryBus) {}

  /** Places where children are found or say they went, most seen first. */
  @Get('cmog/hotspots')
  @Access('GET /api/v1/cmog/hotspots')
  hotspots(): Promise<HotspotItem[]> {
    return this.queries.execute(new GetHotspots());
  }

  /** The people a child has been found with or named, and the other children linked through them. */
  @Get('children/:childId/associations')
  @Access('GET /api/v1/children/:childId/associations')
  @NotFoundAnswer('no child with this id is known to Homeward')
  async associations(
    @Param('childId', new ParseUUIDPipe()) childId: string,
  ): Promise<AssociationItem[]> {
    const associations = await this.queries.execute(new GetChildAssociations(childId));
    if (associations.length === 0 && !(await this.queries.execute(new ChildKnown(childId)))) {
      throw new NotFoundException(`no child ${childId} is known to Homeward`);
    }
    return associations;
  }
}
