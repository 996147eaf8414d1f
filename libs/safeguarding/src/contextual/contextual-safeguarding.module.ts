import { Module } from '@nestjs/common';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { AssociationAlerts } from './association-alerts';
import { ChildKnownHandler } from './child-known.query';
import { ContextualController } from './contextual.controller';
import { ContextualSafeguardingReactor } from './contextual-safeguarding.reactor';
import { GetChildAssociationsHandler } from './get-child-associations.handler';
import { GetHotspotsHandler } from './get-hotspots.handler';
import { HotspotAlerts } from './hotspot-alerts';

/**
 * Contextual safeguarding for CMOG: places where several children are found or say they went
 * (HOTSPOT), and children seen with other children of concern (ASSOCIATION, to both), with the
 * listings CMOG reads. Needs the platform (PlatformModule.forRoot) to be loaded.
 */
@Module({
  controllers: [ContextualController],
  providers: [
    AlertRaiser,
    ContextualSafeguardingReactor,
    HotspotAlerts,
    AssociationAlerts,
    GetHotspotsHandler,
    GetChildAssociationsHandler,
    ChildKnownHandler,
  ],
})
export class ContextualSafeguardingModule {}
