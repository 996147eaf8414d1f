import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@homeward/platform';
import { GetChildAssociations, type AssociationItem } from './get-child-associations.query';
import { GetHotspots, type HotspotItem } from './get-hotspots.query';
import { ChildKnown } from './child-known.query';

/** CMOG's contextual picture: where children are seen, and with whom. */
@Controller('api/v1')
export class ContextualController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cmog/hotspots')
  @Roles('cmog-member', 'cmog-chair', 'safeguarding-manager')
  hotspots(): Promise<HotspotItem[]> {
    return this.queries.execute(new GetHotspots());
  }

  @Get('children/:childId/associations')
  @Roles('cmog-member', 'cmog-chair', 'safeguarding-manager', 'social-care')
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
