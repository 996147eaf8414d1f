import type { CmogAgenda } from './agenda';
import type { CmogAttendee, CmogDecision } from './meeting-events';

export interface OpenCmogMeeting {
  type: 'OpenCmogMeeting';
  data: {
    meetingId: string;
    heldOn: string;
    localAuthority: string;
    /** Drawn from the read models just before (buildCmogAgenda). */
    agenda: CmogAgenda;
    openedBy: string;
    now: string;
  };
}

export interface RecordCmogAttendance {
  type: 'RecordCmogAttendance';
  data: {
    meetingId: string;
    attendees: CmogAttendee[];
    apologies: CmogAttendee[];
    recordedBy: string;
    now: string;
  };
}

export interface RecordCmogMinutes {
  type: 'RecordCmogMinutes';
  data: {
    meetingId: string;
    minutes: string;
    decisions: CmogDecision[];
    recordedBy: string;
    now: string;
  };
}

export interface AmendCmogMinutes {
  type: 'AmendCmogMinutes';
  data: {
    meetingId: string;
    minutes: string;
    decisions: CmogDecision[];
    reason: string;
    amendedBy: string;
    now: string;
  };
}

export type CmogMeetingCommand =
  OpenCmogMeeting | RecordCmogAttendance | RecordCmogMinutes | AmendCmogMinutes;
