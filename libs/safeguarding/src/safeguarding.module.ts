import { Module } from '@nestjs/common';
import { InterviewEscalationReactor } from './interview-escalations/interview-escalation.reactor';
import { AlertCommandsController } from './acknowledge-alert/alerts.controller';
import { AcknowledgeAlertHandler } from './acknowledge-alert/acknowledge-alert.handler';
import { AcknowledgementAlarm } from './alert-acknowledgement/acknowledgement-alarm';
import { OpenAcknowledgementsProjection } from './alert-acknowledgement/open-acknowledgements.projection';
import { UnacknowledgedEscalationReactor } from './alert-acknowledgement/unacknowledged-escalation.reactor';
import { CmogModule } from './cmog/cmog.module';
import { ContextualSafeguardingModule } from './contextual/contextual-safeguarding.module';
import { IntelligenceModule } from './intelligence/intelligence.module';
import { OutOfAreaReactor } from './out-of-area/out-of-area.reactor';
import { AlertRaiser } from './raise-alert/alert-raiser';
import { RepeatMissingReactor } from './repeat-missing/repeat-missing.reactor';
import { ScreeningOutcomeReactor } from './screening-outcomes/screening-outcome.reactor';

/**
 * Safeguarding: turns what the pipeline knows into alerts on their own streams (repeat missing,
 * absent patterns, out of area, the interview clock's escalations, screening outcomes), takes
 * their acknowledgement and escalates the ones nobody acknowledged. People read alerts from the
 * console.
 */
@Module({
  imports: [IntelligenceModule, CmogModule, ContextualSafeguardingModule],
  controllers: [AlertCommandsController],
  providers: [
    AlertRaiser,
    RepeatMissingReactor,
    InterviewEscalationReactor,
    ScreeningOutcomeReactor,
    OutOfAreaReactor,
    AcknowledgeAlertHandler,
    OpenAcknowledgementsProjection,
    AcknowledgementAlarm,
    UnacknowledgedEscalationReactor,
  ],
})
export class SafeguardingModule {}
