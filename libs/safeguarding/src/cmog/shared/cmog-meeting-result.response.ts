import { ApiProperty } from '@nestjs/swagger';
import type {
  CmogAgencyAttendance as CmogAgencyAttendanceModel,
  CmogAttendee as CmogAttendeeModel,
  CmogDecision as CmogDecisionModel,
  CmogMinutesAmendment as CmogMinutesAmendmentModel,
} from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';
import { CmogAgenda } from './cmog-agenda.response';
import type { CmogMeetingResult as CmogMeetingResultModel } from './cmog-results';

type Model = CmogMeetingResultModel;

export class CmogAttendee implements CmogAttendeeModel {
  name!: string;
  agency!: string;
  role!: string | null;
}

/** Someone present for an agency, or who sent apologies. */
export class CmogAgencyMember implements CmogAgencyMemberModel {
  name!: string;
  role!: string | null;
}
type CmogAgencyMemberModel = CmogAgencyAttendanceModel['present'][number];

export class CmogAgencyAttendance implements CmogAgencyAttendanceModel {
  agency!: string;
  present!: CmogAgencyMember[];
  apologies!: CmogAgencyMember[];
}

/** The attendance register. */
export class CmogAttendance implements CmogAttendanceModel {
  attendees!: CmogAttendee[];
  apologies!: CmogAttendee[];
  /** The register by agency: an agency absent from every meeting shows at once. */
  byAgency!: CmogAgencyAttendance[];
  recordedBy!: string;
  recordedAt!: string;
}
type CmogAttendanceModel = NonNullable<Model['attendance']>;

export class CmogDecision implements CmogDecisionModel {
  /** The child the decision is about; null for one about the group or a place. */
  childId!: string | null;
  decision!: string;
}

export class CmogMinutesAmendment implements CmogMinutesAmendmentModel {
  amendment!: number;
  reason!: string;
  amendedBy!: string;
  amendedAt!: string;
}

/** The minutes and decisions, with every amendment made since. */
export class CmogMinutes implements CmogMinutesModel {
  minutes!: string;
  decisions!: CmogDecision[];
  recordedBy!: string;
  recordedAt!: string;
  amendments!: CmogMinutesAmendment[];
}
type CmogMinutesModel = NonNullable<Model['minutes']>;

/** A CMOG meeting as the chair, members and the safeguarding manager read it. */
export class CmogMeetingResult implements Model {
  meetingId!: string;
  heldOn!: string;
  localAuthority!: string;
  openedBy!: string;
  openedAt!: string;
  /** The agenda as it was drawn up when the meeting was opened. */
  agenda!: CmogAgenda;
  /** Null until the attendance is recorded. */
  @ApiProperty({ type: () => CmogAttendance, nullable: true })
  attendance!: CmogAttendance | null;
  /** Null until minutes are recorded. */
  @ApiProperty({ type: () => CmogMinutes, nullable: true })
  minutes!: CmogMinutes | null;
  /** The events this request recorded (none when it changed nothing, or on a read). */
  recorded!: string[];
}

export type CmogMeetingResultDocumented = IsTrue<SameShape<CmogMeetingResult, Model>>;
