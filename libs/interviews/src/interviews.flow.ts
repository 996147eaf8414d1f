import { ChildCseLevelProjection } from './child-record/child-cse-level.projection';
import { ReturnInterviewOfferReactor } from './offer-return-interview/return-interview-offer.reactor';
import { DeadlineAlarmReactor } from './return-interview-deadlines/deadline-alarm.reactor';
import { OpenDeadlinesProjection } from './return-interview-deadlines/open-deadlines.projection';

/**
 * Every projection and reactor of the interviews context, in the order a found child meets them;
 * each declares the event types it takes. The flow test prints them and fails if one runs that
 * is not listed here.
 */
export const INTERVIEWS_FLOW = [
  ReturnInterviewOfferReactor,
  OpenDeadlinesProjection,
  DeadlineAlarmReactor,
  ChildCseLevelProjection,
] as const;
