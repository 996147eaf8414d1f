import { AcknowledgementAlarm } from './alert-acknowledgement/acknowledgement-alarm';
import { OpenAcknowledgementsProjection } from './alert-acknowledgement/open-acknowledgements.projection';
import { UnacknowledgedEscalationReactor } from './alert-acknowledgement/unacknowledged-escalation.reactor';
import { AlertPublisher } from './alert-delivery/alert-publisher.reactor';
import { AlertWebhooksReactor } from './alert-delivery/alert-webhooks.reactor';
import { CmogRegisterProjection } from './cmog/action-register/cmog-register.projection';
import { ContextualSafeguardingReactor } from './contextual/contextual-safeguarding.reactor';
import { CmogPictureProjection } from './intelligence/cmog-picture.projection';
import { InterviewEscalationReactor } from './interview-escalations/interview-escalation.reactor';
import { OutOfAreaReactor } from './out-of-area/out-of-area.reactor';
import { RepeatMissingReactor } from './repeat-missing/repeat-missing.reactor';
import { ScreeningOutcomeReactor } from './screening-outcomes/screening-outcome.reactor';

/**
 * Every projection and reactor of the safeguarding context: what raises alerts, what escalates
 * and delivers them, and CMOG's picture. Each declares the event types it takes. The flow test
 * prints them and fails if one runs that is not listed here.
 */
export const SAFEGUARDING_FLOW = [
  RepeatMissingReactor,
  OutOfAreaReactor,
  InterviewEscalationReactor,
  ScreeningOutcomeReactor,
  ContextualSafeguardingReactor,
  OpenAcknowledgementsProjection,
  AcknowledgementAlarm,
  UnacknowledgedEscalationReactor,
  AlertWebhooksReactor,
  AlertPublisher,
  CmogRegisterProjection,
  CmogPictureProjection,
] as const;
