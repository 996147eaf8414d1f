import type { CmogAgenda } from './agenda';
import type { CmogAttendee, CmogDecision } from './meeting-events';
import type { CmogMeetingState, CmogMinutesAmendment } from './meeting-state';

export interface CmogAgencyAttendance {
  agency: string;
  present: Array<{ name: string; role: string | null }>;
  apologies: Array<{ name: string; role: string | null }>;
}

/** A meeting as the chair, members and the safeguarding manager read it. */
export interface CmogMeetingView {
  meetingId: string;
  heldOn: string;
  localAuthority: string;
  openedBy: string;
  openedAt: string;
  agenda: CmogAgenda;
  attendance: {
    attendees: CmogAttendee[];
    apologies: CmogAttendee[];
    /** The register by agency: an agency absent from every meeting shows at once. */
    byAgency: CmogAgencyAttendance[];
    recordedBy: string;
    recordedAt: string;
  } | null;
  minutes: {
    minutes: string;
    decisions: CmogDecision[];
    recordedBy: string;
    recordedAt: string;
    amendments: CmogMinutesAmendment[];
  } | null;
}

export function cmogMeetingView(state: CmogMeetingState): CmogMeetingView | null {
  if (state.status === 'NONE' || state.agenda === null) return null;
  return {
    meetingId: state.meetingId!,
    heldOn: state.heldOn!,
    localAuthority: state.localAuthority!,
    openedBy: state.openedBy!,
    openedAt: state.openedAt!,
    agenda: state.agenda,
    attendance: state.attendance && {
      ...state.attendance,
      byAgency: byAgency(state.attendance.attendees, state.attendance.apologies),
    },
    minutes: state.minutes,
  };
}

function byAgency(attendees: CmogAttendee[], apologies: CmogAttendee[]): CmogAgencyAttendance[] {
  const agencies = new Map<string, CmogAgencyAttendance>();
  const entry = (agency: string) => {
    const found = agencies.get(agency) ?? { agency, present: [], apologies: [] };
    agencies.set(agency, found);
    return found;
  };
  for (const p of attendees) entry(p.agency).present.push({ name: p.name, role: p.role });
  for (const p of apologies) entry(p.agency).apologies.push({ name: p.name, role: p.role });
  return [...agencies.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}
