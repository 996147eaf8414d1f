import { joinCmogAgenda, type CmogAgenda } from './agenda';
import type { CmogAttendee, CmogDecision, CmogMeetingEvent } from './meeting-events';

export interface CmogMinutesAmendment {
  amendment: number;
  reason: string;
  amendedBy: string;
  amendedAt: string;
}

export interface CmogMeetingState {
  status: 'NONE' | 'OPEN';
  meetingId: string | null;
  heldOn: string | null;
  localAuthority: string | null;
  openedBy: string | null;
  openedAt: string | null;
  agenda: CmogAgenda | null;
  attendance: {
    attendees: CmogAttendee[];
    apologies: CmogAttendee[];
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

export const initialCmogMeetingState = (): CmogMeetingState => ({
  status: 'NONE',
  meetingId: null,
  heldOn: null,
  localAuthority: null,
  openedBy: null,
  openedAt: null,
  agenda: null,
  attendance: null,
  minutes: null,
});

export function evolveCmogMeeting(
  state: CmogMeetingState,
  event: CmogMeetingEvent,
): CmogMeetingState {
  switch (event.type) {
    case 'CmogMeetingOpened':
      return {
        ...state,
        status: 'OPEN',
        meetingId: event.data.meetingId,
        heldOn: event.data.heldOn,
        localAuthority: event.data.localAuthority,
        openedBy: event.data.openedBy,
        openedAt: event.data.openedAt,
        agenda: joinCmogAgenda(event.data.agenda, event.data.personal.agendaActions),
      };
    case 'CmogAttendanceRecorded':
      return {
        ...state,
        attendance: {
          attendees: event.data.personal.attendees,
          apologies: event.data.personal.apologies,
          recordedBy: event.data.recordedBy,
          recordedAt: event.data.recordedAt,
        },
      };
    case 'CmogMinutesRecorded':
      return {
        ...state,
        minutes: {
          minutes: event.data.personal.minutes,
          decisions: event.data.personal.decisions,
          recordedBy: event.data.recordedBy,
          recordedAt: event.data.recordedAt,
          amendments: [],
        },
      };
    case 'CmogMinutesAmended':
      if (state.minutes === null) return state;
      return {
        ...state,
        minutes: {
          ...state.minutes,
          minutes: event.data.personal.minutes,
          decisions: event.data.personal.decisions,
          amendments: [
            ...state.minutes.amendments,
            {
              amendment: event.data.amendment,
              reason: event.data.personal.reason,
              amendedBy: event.data.amendedBy,
              amendedAt: event.data.amendedAt,
            },
          ],
        },
      };
  }
}
