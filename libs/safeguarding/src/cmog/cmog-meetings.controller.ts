import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CmogAgenda } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import {
  CurrentCaller,
  RequestValidationFailed,
  Roles,
  parseBody,
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
import { londonToday, readMeeting } from './shared/cmog-request';
import { meetingResult, type CmogMeetingResult } from './shared/cmog-results';

/** The chair runs meetings; members and the safeguarding manager read them. */
@Controller('api/v1/cmog')
export class CmogMeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post('meetings')
  @HttpCode(201)
  @Roles('cmog-chair')
  open(
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    const dto = parseBody(OpenMeetingDto, body);
    return this.commands.execute(new OpenCmogMeetingRequest(dto, caller, cause));
  }

  @Get('meetings/:meetingId')
  @Roles('cmog-chair', 'cmog-member', 'safeguarding-manager')
  async get(@Param('meetingId', new ParseUUIDPipe()) id: string): Promise<CmogMeetingResult> {
    return meetingResult(await readMeeting(this.store, id), id, []);
  }

  @Post('meetings/:meetingId/attendance')
  @HttpCode(200)
  @Roles('cmog-chair')
  attendance(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    const dto = parseBody(RecordAttendanceDto, body);
    return this.commands.execute(new RecordCmogAttendanceRequest(id, dto, caller, cause));
  }

  @Post('meetings/:meetingId/minutes')
  @HttpCode(201)
  @Roles('cmog-chair')
  minutes(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    const dto = parseBody(RecordMinutesDto, body);
    return this.commands.execute(new RecordCmogMinutesRequest(id, dto, false, caller, cause));
  }

  @Post('meetings/:meetingId/minutes/amendments')
  @HttpCode(201)
  @Roles('cmog-chair')
  amendMinutes(
    @Param('meetingId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogMeetingResult> {
    const dto = parseBody(AmendMinutesDto, body);
    return this.commands.execute(new RecordCmogMinutesRequest(id, dto, true, caller, cause));
  }

  /** `?localAuthority=`: the agenda as it would be drawn up now. */
  @Get('agenda')
  @Roles('cmog-chair', 'cmog-member', 'safeguarding-manager')
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
