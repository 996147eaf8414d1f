import type { ReadModel } from '@homeward/platform';
import { ALERTS_READ_MODEL } from './alerts/alerts.projection';
import { CHILD_SCOPE_READ_MODEL } from './child-scope/child-scope.projection';
import { CHILD_TIMELINE_READ_MODEL } from './child-timeline/child-timeline.projection';
import { INTERVIEW_QUEUE_READ_MODEL } from './interview-queue/interview-queue.projection';
import { REPORT_ALERTS_READ_MODEL } from './reports/report-alerts.projection';
import { REPORT_EPISODES_READ_MODEL } from './reports/report-episodes.projection';
import { REPORT_INTERVIEWS_READ_MODEL } from './reports/report-interviews.projection';

/** Every read model the console context owns (the operator CLI lists and rebuilds them). */
export const CONSOLE_READ_MODELS: ReadModel[] = [
  INTERVIEW_QUEUE_READ_MODEL,
  ALERTS_READ_MODEL,
  CHILD_TIMELINE_READ_MODEL,
  CHILD_SCOPE_READ_MODEL,
  REPORT_EPISODES_READ_MODEL,
  REPORT_INTERVIEWS_READ_MODEL,
  REPORT_ALERTS_READ_MODEL,
];
