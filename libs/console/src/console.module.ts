import { Module } from '@nestjs/common';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsProjection } from './alerts/alerts.projection';
import { GetAlertsHandler } from './alerts/get-alerts.handler';
import { LiveController } from './live/live.controller';
import { ChildScopeProjection } from './child-scope/child-scope.projection';
import { ChildTimelineProjection } from './child-timeline/child-timeline.projection';
import { ChildrenController } from './child-timeline/children.controller';
import { GetChildTimelineHandler } from './child-timeline/get-child-timeline.handler';
import { ReportsModule } from './reports/reports.module';
import { GetInterviewHandler } from './interview-detail/get-interview.handler';
import { GetInterviewQueueHandler } from './interview-queue/get-interview-queue.handler';
import { InterviewQueueProjection } from './interview-queue/interview-queue.projection';
import { InterviewsController } from './interview-queue/interviews.controller';

/**
 * The query side people read from. Every read of child-level data goes through the query bus,
 * where the access policy scopes it and notes it for the audit (PolicedQueries).
 */
@Module({
  imports: [ReportsModule],
  controllers: [ChildrenController, InterviewsController, AlertsController, LiveController],
  providers: [
    ChildTimelineProjection,
    ChildScopeProjection,
    GetChildTimelineHandler,
    InterviewQueueProjection,
    GetInterviewQueueHandler,
    GetInterviewHandler,
    AlertsProjection,
    GetAlertsHandler,
  ],
})
export class ConsoleModule {}
