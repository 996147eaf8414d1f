import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cmogActionIdFor } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { requireMeetingInScope, unknownMeeting } from '../shared/cmog-access';
import { decideOnAction, londonToday, readAction, readMeeting } from '../shared/cmog-request';
import { actionResult, type CmogActionResult } from '../shared/cmog-results';
import type { RecordActionDto } from './record-action.dto';

export class RecordCmogActionRequest extends Command<CmogActionResult> {
  constructor(
    readonly body: RecordActionDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/**
 * A member records an action agreed at a meeting Homeward knows; it takes the meeting's
 * authority. A meeting of an authority the member does not work for is unknown to them (404,
 * not 403: the authority is the meeting's, and a 403 would tell them the meeting exists).
 */
@CommandHandler(RecordCmogActionRequest)
export class RecordCmogActionHandler implements ICommandHandler<RecordCmogActionRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, caller, causationId }: RecordCmogActionRequest): Promise<CmogActionResult> {
    const meeting = await readMeeting(this.store, body.meetingId);
    requireMeetingInScope(caller, meeting, body.meetingId);
    if (meeting.localAuthority === null) throw unknownMeeting(body.meetingId);
    const actionId = cmogActionIdFor(causationId);
    const now = new Date();
    const today = londonToday(now);
    const events = await decideOnAction(
      this.store,
      {
        type: 'RecordCmogAction',
        data: {
          actionId,
          meetingId: body.meetingId,
          localAuthority: meeting.localAuthority,
          childId: body.childId ?? null,
          description: body.description,
          owner: body.owner,
          agency: body.agency,
          dueOn: body.dueOn,
          intendedOutcome: body.intendedOutcome,
          recordedBy: caller.sub,
          today,
          now: now.toISOString(),
        },
      },
      causationId,
    );
    return actionResult(await readAction(this.store, actionId), actionId, events, today);
  }
}
