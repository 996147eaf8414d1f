import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordNotFound, cmogActionIdFor } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
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

/** A member records an action agreed at a meeting Homeward knows; it takes the meeting's authority. */
@CommandHandler(RecordCmogActionRequest)
export class RecordCmogActionHandler implements ICommandHandler<RecordCmogActionRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, caller, causationId }: RecordCmogActionRequest): Promise<CmogActionResult> {
    const meeting = await readMeeting(this.store, body.meetingId);
    if (meeting.status === 'NONE' || meeting.localAuthority === null) {
      throw new RecordNotFound(`no CMOG meeting ${body.meetingId} is known to Homeward`);
    }
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
