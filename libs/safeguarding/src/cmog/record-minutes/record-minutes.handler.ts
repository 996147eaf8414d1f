import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CmogMeetingCommand } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { requireMeetingInScope } from '../shared/cmog-access';
import { decideOnMeeting, readMeeting } from '../shared/cmog-request';
import { meetingResult, type CmogMeetingResult } from '../shared/cmog-results';
import type { AmendMinutesDto, RecordMinutesDto } from './record-minutes.dto';

/** Records the minutes once; with a reason (`amend`), corrects minutes already recorded. */
export class RecordCmogMinutesRequest extends Command<CmogMeetingResult> {
  constructor(
    readonly meetingId: string,
    readonly body: RecordMinutesDto | AmendMinutesDto,
    readonly amend: boolean,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** A meeting of an authority the chair does not work for is unknown to them (404). */
@CommandHandler(RecordCmogMinutesRequest)
export class RecordCmogMinutesHandler implements ICommandHandler<RecordCmogMinutesRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: RecordCmogMinutesRequest): Promise<CmogMeetingResult> {
    const { meetingId, body, caller } = request;
    requireMeetingInScope(caller, await readMeeting(this.store, meetingId), meetingId);
    const now = new Date().toISOString();
    const decisions = (body.decisions ?? []).map((d) => ({
      childId: d.childId ?? null,
      decision: d.decision,
    }));
    const command: CmogMeetingCommand = request.amend
      ? {
          type: 'AmendCmogMinutes',
          data: {
            meetingId,
            minutes: body.minutes,
            decisions,
            reason: (body as AmendMinutesDto).reason,
            amendedBy: caller.sub,
            now,
          },
        }
      : {
          type: 'RecordCmogMinutes',
          data: { meetingId, minutes: body.minutes, decisions, recordedBy: caller.sub, now },
        };
    const events = await decideOnMeeting(this.store, command, request.causationId);
    return meetingResult(await readMeeting(this.store, meetingId), meetingId, events);
  }
}
