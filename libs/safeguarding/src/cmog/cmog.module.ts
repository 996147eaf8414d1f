import { Module } from '@nestjs/common';
import { CmogRegisterProjection } from './action-register/cmog-register.projection';
import { GetCmogActionsHandler } from './action-register/get-cmog-actions.handler';
import { GetCmogAgendaHandler } from './agenda/get-cmog-agenda.handler';
import { GetCmogMeetingHandler } from './read-meeting/get-cmog-meeting.query';
import { CmogActionsController } from './cmog-actions.controller';
import { CmogMeetingsController } from './cmog-meetings.controller';
import { CompleteCmogActionHandler } from './complete-action/complete-action.handler';
import { DeferCmogActionHandler } from './defer-action/defer-action.handler';
import { OpenCmogMeetingHandler } from './open-meeting/open-meeting.handler';
import { RecordCmogActionHandler } from './record-action/record-action.handler';
import { RecordCmogAttendanceHandler } from './record-attendance/record-attendance.handler';
import { RecordCmogMinutesHandler } from './record-minutes/record-minutes.handler';

/**
 * CMOG: meetings with an agenda drawn from what Homeward knows, an attendance register by agency,
 * minutes recorded once (then amended with a reason), and an action register with one named
 * owner per action, where overdue and twice-deferred actions are flagged for attention.
 * The agenda reads the console's rm_alerts, so the console's AlertsProjection must share the
 * database.
 */
@Module({
  controllers: [CmogMeetingsController, CmogActionsController],
  providers: [
    GetCmogMeetingHandler,
    CmogRegisterProjection,
    GetCmogActionsHandler,
    GetCmogAgendaHandler,
    OpenCmogMeetingHandler,
    RecordCmogAttendanceHandler,
    RecordCmogMinutesHandler,
    RecordCmogActionHandler,
    DeferCmogActionHandler,
    CompleteCmogActionHandler,
  ],
})
export class CmogModule {}
