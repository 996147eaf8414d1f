import { Module } from '@nestjs/common';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { AssociationReactor } from './association.reactor';
import { ChildKnownHandler } from './child-known.query';
import { ContextualController } from './contextual.controller';
import { ContextualProjection } from './contextual.projection';
import { GetChildAssociationsHandler } from './get-child-associations.handler';
import { GetHotspotsHandler } from './get-hotspots.handler';
import { HotspotReactor } from './hotspot.reactor';

/**
 * Contextual safeguarding for CMOG: places where several children are found or say they went
 * (HOTSPOT), and children seen with other children of concern (ASSOCIATION, to both), with the
 * listings CMOG reads. Needs the platform (PlatformModule.forRoot) to be loaded.
 */
@Module({
  controllers: [ContextualController],
  providers: [
    AlertRaiser,
    ContextualProjection,
    HotspotReactor,
    AssociationReactor,
    GetHotspotsHandler,
    GetChildAssociationsHandler,
    ChildKnownHandler,
  ],
})
export class ContextualSafeguardingModule {}
