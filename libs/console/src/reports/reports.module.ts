import { Module } from '@nestjs/common';
import { GetBoardReportHandler } from './get-board.handler';
import { GetSsda903MissingHandler } from './get-ssda903-missing.handler';
import { ReportAlertsProjection } from './report-alerts.projection';
import { ReportEpisodesProjection } from './report-episodes.projection';
import { ReportInterviewsProjection } from './report-interviews.projection';
import { ReportsController } from './reports.controller';

/**
 * Figures for the safeguarding board and the SSDA903 Missing return. Aggregate figures only
 * leave through the board; the return names children by id, for the statutory return alone.
 */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportEpisodesProjection,
    ReportInterviewsProjection,
    ReportAlertsProjection,
    GetBoardReportHandler,
    GetSsda903MissingHandler,
  ],
})
export class ReportsModule {}
