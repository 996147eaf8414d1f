import type {
  ChildPersonalDetails,
  Classification,
  FoundLocation,
  Location,
  PersonFoundWith,
  PoliceRiskGrade,
  ReturnedTo,
} from './values';

/** What every episode command carries: which notification asked for it and when it arrived. */
interface CommandContext {
  notificationId: string;
  episodeId: string;
  childId: string;
  force: string;
  policeReference: string;
  /** When Homeward received the notification: the only clock the decider sees. */
  receivedAt: string;
}

export interface ChildDetails extends ChildPersonalDetails {
  responsibleLocalAuthority: string;
  placementLocalAuthority?: string;
}

export interface ReportMissing {
  type: 'ReportMissing';
  data: CommandContext & {
    lastSeenAt: string;
    classification: Classification;
    riskGrade: PoliceRiskGrade;
    cseConcern: boolean;
    child: ChildDetails;
    lastSeenLocation: Location;
    circumstances?: string;
  };
}

export interface RegradeRisk {
  type: 'RegradeRisk';
  data: CommandContext & {
    regradedAt: string;
    riskGrade: PoliceRiskGrade;
    classification?: Classification;
    cseConcern?: boolean;
    rationale: string;
  };
}

export interface RecordChildFound {
  type: 'RecordChildFound';
  data: CommandContext & {
    foundAt: string;
    returnedAt: string;
    foundLocation: FoundLocation & { localAuthority?: string };
    foundWith: PersonFoundWith[];
    returnedTo?: ReturnedTo;
    /**
     * Present only when the force sends a found notification for an episode Homeward never heard
     * of: with it the episode is opened and closed at once (flagged as reported late) so the
     * child still gets a return interview.
     */
    lateReport?: {
      child: ChildDetails;
      classification: Classification;
      riskGrade?: PoliceRiskGrade;
      cseConcern: boolean;
    };
  };
}

export interface CancelReport {
  type: 'CancelReport';
  data: CommandContext & { cancelledAt: string; reason: string };
}

export type EpisodeCommand = ReportMissing | RegradeRisk | RecordChildFound | CancelReport;
