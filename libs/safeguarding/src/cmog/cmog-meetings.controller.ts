import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ConflictAnswer,
  NotFoundAnswer,
  CurrentCaller,
  RequestValidationFailed,
  Access,
  type Caller,
  CommandCause,
} from '@homeward/platform';
import { GetCmogAgenda } from './agenda/get-cmog-agenda.query';
import { OpenMeetingDto } from './open-meeting/open-meeting.dto';
import { OpenCmogMeetingRequest } from './open-meeting/open-meeting.handler';
import { RecordAttendanceDto } from './record-attendance/record-attendance.dto';
import { RecordCmogAttendanceRequest } from './record-attendance/record-attendance.handler';
import { AmendMinutesDto, RecordMinutesDto } from './record-minutes/record-minutes.dto';
import { RecordCmogMinutesRequest } from './record-minutes/record-minutes.handler';
import { GetCmogMeeting } from './read-meeting/get-cmog-meeting.query';
import { londonToday } from './shared/cmog-request';
import type { CmogAgenda } from './shared/cmog-agenda.response';
import type { CmogMeetingResult } from './shared/cmog-meeting-result.response';

/** The chair runs meetings; members and the safeguarding manager read them. */
@Controller('api/v1/cmog')
export class CmogMeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Opens a CMOG meeting for a local authority. */
  @Post('meetings')
  @HttpCode(201)
  @Access('POST /api/v1/cmog/meetings')
  open(
    @Body() dto: OpenMeetingDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    return this.commands.execute(new OpenCmogMeetingRequest(dto, caller, cause));
  }

  /** A CMOG meeting: attendance, minutes and decisions. */
  @Get('meetings/:meetingId')
  @Access('GET /api/v1/cmog/meetings/:meetingId')
  @NotFoundAnswer('no CMOG meeting with this id is known to Homeward')
  async get(@Param('meetingId', new ParseUUIDPipe()) id: string): Promise<CmogMeetingResult> {
    const meeting = await this.queries.execute(new GetCmogMeeting(id));
    if (!meeting) throw new NotFoundException(`no CMOG meeting ${id} is known to Homeward`);
    return meeting;
  }

  /** Records the attendance register: who attended for which agency, and apologies. */
  @Post('meetings/:meetingId/attendance')
  @HttpCode(200)
  @Access('POST /api/v1/cmog/meetings/:meetingId/attendance')
  @NotFoundAnswer('no CMOG meeting with this id is known to Homeward')
  @ConflictAnswer("the meeting's state does not allow it now")
  attendance(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    return this.commands.execute(new RecordCmogAttendanceRequest(id, dto, caller, cause));
  }

  /** Records the meeting's minutes and decisions. */
  @Post('meetings/:meetingId/minutes')
  @HttpCode(201)
  @Access('POST /api/v1/cmog/meetings/:meetingId/minutes')
  @NotFoundAnswer('no CMOG meeting with this id is known to Homeward')
  @ConflictAnswer("the meeting's state does not allow it now")
  minutes(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordMinutesDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    return this.commands.execute(new RecordCmogMinutesRequest(id, dto, false, caller, cause));
  }

  /** Amends minutes already recorded, with the reason. */
  @Post('meetings/:meetingId/minutes/amendments')
  @HttpCode(201)
  @Access('POST /api/v1/cmog/meetings/:meetingId/minutes/amendments')
  @NotFoundAnswer('no CMOG meeting with this id is known to Homeward')
  @ConflictAnswer("the meeting's state does not allow it now")
  amendMinutes(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() dto: AmendMinutesDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    return this.commands.execute(new RecordCmogMinutesRequest(id, dto, true, caller, cause));
  }

  /** `?localAuthority=`: the agenda as it would be drawn up now. */
  @Get('agenda')
  @Access('GET /api/v1/cmog/agenda')
  agenda(@Query('localAuthority') localAuthority?: string): Promise<CmogAgenda> {
    if (typeof localAuthority !== 'string' || localAuthority.trim() === '') {
      throw new RequestValidationFailed([
        { field: 'localAuthority', message: 'must name the local authority' },
      ]);
    }
    const now = new Date();
    return this.queries.execute(
      new GetCmogAgenda(localAuthority.trim(), londonToday(now), now.toISOString()),
    );
  }
}
