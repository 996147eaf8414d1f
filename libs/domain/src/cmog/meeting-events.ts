import type { CmogAgendaActionDetails, CmogAgendaRecord } from './agenda';

export interface CmogAttendee {
  name: string;
  agency: string;
  role: string | null;
}

export interface CmogDecision {
  childId: string | null;
  decision: string;
}

/**
 * The chair opened a meeting; its agenda was drawn from what Homeward knew at that moment. The
 * owners and descriptions of actions on it sit under `personal`.
 */
export interface CmogMeetingOpened {
  type: 'CmogMeetingOpened';
  data: {
    meetingId: string;
    heldOn: string;
    localAuthority: string;
    openedBy: string;
    openedAt: string;
    agenda: CmogAgendaRecord;
    personal: { agendaActions: CmogAgendaActionDetails[] };
  };
}

/**
 * Who attended, for which agency, and who sent apologies. The latest recording is the register;
 * earlier ones stay on the stream. Agencies are outside `personal` so the register by agency
 * can be reported without names.
 */
export interface CmogAttendanceRecorded {
  type: 'CmogAttendanceRecorded';
  data: {
    meetingId: string;
    agenciesPresent: string[];
    agenciesSentApologies: string[];
    recordedBy: string;
    recordedAt: string;
    personal: { attendees: CmogAttendee[]; apologies: CmogAttendee[] };
  };
}

/** The minutes and the decisions taken, recorded once. */
export interface CmogMinutesRecorded {
  type: 'CmogMinutesRecorded';
  data: {
    meetingId: string;
    /** Children a decision was about, for their timelines. */
    childIds: string[];
    recordedBy: string;
    recordedAt: string;
    personal: { minutes: string; decisions: CmogDecision[] };
  };
}

/** The minutes corrected after they were recorded, saying why; every version stays on the stream. */
export interface CmogMinutesAmended {
  type: 'CmogMinutesAmended';
  data: {
    meetingId: string;
    /** 1 for the first amendment. */
    amendment: number;
    childIds: string[];
    amendedBy: string;
    amendedAt: string;
    personal: { minutes: string; decisions: CmogDecision[]; reason: string };
  };
}

export type CmogMeetingEvent =
  CmogMeetingOpened | CmogAttendanceRecorded | CmogMinutesRecorded | CmogMinutesAmended;

export const CMOG_MEETING_EVENT_TYPES: ReadonlyArray<CmogMeetingEvent['type']> = [
  'CmogMeetingOpened',
  'CmogAttendanceRecorded',
  'CmogMinutesRecorded',
  'CmogMinutesAmended',
];
