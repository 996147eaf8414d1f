import { ActionNotPermitted, RecordNotFound } from '@homeward/domain';
import { coversAuthority, scopeOf, type Caller } from '@homeward/platform';

/*
 * The write side of the access policy for CMOG: meetings and actions belong to a local
 * authority, and only people working for it may write to them. A meeting or action of another
 * authority is unknown to them (404, as for none), so a write cannot learn what exists there;
 * opening a meeting names the authority itself, so there the answer is a plain 403.
 */

export const NOT_YOUR_AUTHORITY = 'you do not work for this local authority';

export const unknownMeeting = (meetingId: string): RecordNotFound =>
  new RecordNotFound(`no CMOG meeting ${meetingId} is known to Homeward`);

export const unknownAction = (actionId: string): RecordNotFound =>
  new RecordNotFound(`no CMOG action ${actionId} is known to Homeward`);

export const worksFor = (caller: Caller, localAuthority: string | null): boolean =>
  coversAuthority(scopeOf(caller), localAuthority);

/** For a new record naming its authority: a 403 (the authority is the caller's own words). */
export function requireWorksFor(caller: Caller, localAuthority: string): void {
  if (!worksFor(caller, localAuthority)) throw new ActionNotPermitted(NOT_YOUR_AUTHORITY);
}

/** An existing meeting, of an authority the caller works for; else it is unknown to them. */
export function requireMeetingInScope(
  caller: Caller,
  meeting: { status: string; localAuthority: string | null },
  meetingId: string,
): void {
  if (meeting.status === 'NONE' || !worksFor(caller, meeting.localAuthority)) {
    throw unknownMeeting(meetingId);
  }
}

/** An existing action, of an authority the caller works for; else it is unknown to them. */
export function requireActionInScope(
  caller: Caller,
  action: { status: string; recorded: { localAuthority: string } | null },
  actionId: string,
): void {
  if (
    action.status === 'NONE' ||
    action.recorded === null ||
    !worksFor(caller, action.recorded.localAuthority)
  ) {
    throw unknownAction(actionId);
  }
}
