import { AlertsProjection } from './alerts/alerts.projection';
import { ChildScopeProjection } from './child-scope/child-scope.projection';
import { ChildTimelineProjection } from './child-timeline/child-timeline.projection';
import { InterviewQueueProjection } from './interview-queue/interview-queue.projection';
import { ReportAlertsProjection } from './reports/report-alerts.projection';
import { ReportEpisodesProjection } from './reports/report-episodes.projection';
import { ReportInterviewsProjection } from './reports/report-interviews.projection';

/**
 * Every read model people read from, and the access scope that polices them; each declares the
 * event types it takes. The flow test prints them and fails if one runs that is not listed here.
 */
export const CONSOLE_FLOW = [
  ChildScopeProjection,
  ChildTimelineProjection,
  InterviewQueueProjection,
  AlertsProjection,
  ReportEpisodesProjection,
  ReportInterviewsProjection,
  ReportAlertsProjection,
] as const;
