import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { coversAuthority, currentScope, type ChildLevelQuery } from '@homeward/platform';
import type { CmogMeetingResult } from '../shared/cmog-meeting-result.response';
import { readMeeting } from '../shared/cmog-request';
import { meetingResult } from '../shared/cmog-results';

/** One CMOG meeting, straight from its stream; null when none, or not the caller's authority. */
export class GetCmogMeeting
  extends Query<CmogMeetingResult | null>
  implements ChildLevelQuery<CmogMeetingResult | null>
{
  /** The handler answers only a meeting of an authority the caller works for. */
  readonly scopedByAuthority = true as const;

  constructor(readonly meetingId: string) {
    super();
  }

  childrenIn(meeting: CmogMeetingResult | null): string[] {
    if (!meeting) return [];
    return [
      ...meeting.agenda.children.map((c) => c.childId),
      ...(meeting.minutes?.decisions ?? []).flatMap((d) => (d.childId ? [d.childId] : [])),
    ];
  }
}

@QueryHandler(GetCmogMeeting)
export class GetCmogMeetingHandler implements IQueryHandler<GetCmogMeeting> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ meetingId }: GetCmogMeeting): Promise<CmogMeetingResult | null> {
    const state = await readMeeting(this.store, meetingId);
    if (state.localAuthority === null) return null;
    // Another authority's meeting: the same answer as for no meeting.
    if (!coversAuthority(currentScope(), state.localAuthority)) return null;
    return meetingResult(state, meetingId, []);
  }
}
