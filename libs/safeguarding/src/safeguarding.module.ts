import { Module } from '@nestjs/common';
import { InterviewEscalationReactor } from './interview-escalations/interview-escalation.reactor';
import { AlertRaiser } from './raise-alert/alert-raiser';
import { RepeatMissingReactor } from './repeat-missing/repeat-missing.reactor';
import { ScreeningOutcomeReactor } from './screening-outcomes/screening-outcome.reactor';

/**
 * Safeguarding: turns what the pipeline knows into alerts on their own streams (repeat missing,
 * absent patterns, the interview clock's escalations, screening outcomes). Delivery,
 * acknowledgement and CMOG come with the alerts work; people read alerts from the console.
 */
@Module({
  providers: [
    AlertRaiser,
    RepeatMissingReactor,
    InterviewEscalationReactor,
    ScreeningOutcomeReactor,
  ],
})
export class SafeguardingModule {}
