import { Inject } from '@nestjs/common';
import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { cmogMeetingIdFor, type CmogAgenda } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { GetCmogAgenda } from '../agenda/get-cmog-agenda.query';
import { requireMeetingInScope, requireWorksFor } from '../shared/cmog-access';
import { decideOnAction, decideOnMeeting, londonToday, readMeeting } from '../shared/cmog-request';
import { meetingResult, type CmogMeetingResult } from '../shared/cmog-results';
import type { OpenMeetingDto } from './open-meeting.dto';

export class OpenCmogMeetingRequest extends Command<CmogMeetingResult> {
  constructor(
    readonly body: OpenMeetingDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/**
 * The chair opens a meeting: its agenda is drawn from the read models now and kept with it.
 * Overdue actions it lists are flagged on their own streams, once each. Only for an authority
 * the chair works for (else 403, nothing drawn up or recorded); a `meetingId` naming a meeting
 * of another authority is unknown to them (404).
 */
@CommandHandler(OpenCmogMeetingRequest)
export class OpenCmogMeetingHandler implements ICommandHandler<OpenCmogMeetingRequest> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
  ) {}

  async execute({ body, caller, causationId }: OpenCmogMeetingRequest): Promise<CmogMeetingResult> {
    requireWorksFor(caller, body.localAuthority);
    const meetingId = body.meetingId ?? cmogMeetingIdFor(causationId);
    const existing = await readMeeting(this.store, meetingId);
    if (existing.status !== 'NONE') requireMeetingInScope(caller, existing, meetingId);
    const now = new Date();
    const today = londonToday(now);
    const agenda: CmogAgenda = await this.queries.execute(
      new GetCmogAgenda(body.localAuthority.trim(), today, now.toISOString(), meetingId),
    );
    const events = await decideOnMeeting(
      this.store,
      {
        type: 'OpenCmogMeeting',
        data: {
          meetingId,
          heldOn: body.heldOn,
          localAuthority: body.localAuthority,
          agenda,
          openedBy: caller.sub,
          now: now.toISOString(),
        },
      },
      causationId,
    );
    for (const action of agenda.actions.filter((a) => a.overdue)) {
      await decideOnAction(
        this.store,
        {
          type: 'FlagOverdueCmogAction',
          data: { actionId: action.actionId, today, now: now.toISOString() },
        },
        `cmog-meeting/${meetingId}/overdue/${action.actionId}`,
      );
    }
    return meetingResult(await readMeeting(this.store, meetingId), meetingId, events);
  }
}
