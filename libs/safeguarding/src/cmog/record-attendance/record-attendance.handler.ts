import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CmogAttendee } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { requireMeetingInScope } from '../shared/cmog-access';
import { decideOnMeeting, readMeeting } from '../shared/cmog-request';
import { meetingResult, type CmogMeetingResult } from '../shared/cmog-results';
import type { AttendeeDto, RecordAttendanceDto } from './record-attendance.dto';

export class RecordCmogAttendanceRequest extends Command<CmogMeetingResult> {
  constructor(
    readonly meetingId: string,
    readonly body: RecordAttendanceDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

const person = (p: AttendeeDto): CmogAttendee => ({
  name: p.name,
  agency: p.agency,
  role: p.role ?? null,
});

/**
 * The chair records the attendance register: who came for which agency, who sent apologies. A
 * meeting of an authority the chair does not work for is unknown to them (404).
 */
@CommandHandler(RecordCmogAttendanceRequest)
export class RecordCmogAttendanceHandler implements ICommandHandler<RecordCmogAttendanceRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: RecordCmogAttendanceRequest): Promise<CmogMeetingResult> {
    requireMeetingInScope(
      request.caller,
      await readMeeting(this.store, request.meetingId),
      request.meetingId,
    );
    const events = await decideOnMeeting(
      this.store,
      {
        type: 'RecordCmogAttendance',
        data: {
          meetingId: request.meetingId,
          attendees: request.body.attendees.map(person),
          apologies: (request.body.apologies ?? []).map(person),
          recordedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
    );
    return meetingResult(
      await readMeeting(this.store, request.meetingId),
      request.meetingId,
      events,
    );
  }
}
