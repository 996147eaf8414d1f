import type {
  ChildPersonalDetails,
  Classification,
  FoundLocation,
  Location,
  PersonFoundWith,
  PoliceRiskGrade,
  ReturnedTo,
  RiskLevel,
} from './values';

/*
 * Events on a child's missing record. Every payload keeps personal data under `personal`, so
 * crypto-shredding can later encrypt that part alone without changing the event's shape.
 */

export interface MissingEpisodeReported {
  type: 'MissingEpisodeReported';
  data: {
    episodeId: string;
    childId: string;
    notificationId: string;
    force: string;
    policeReference: string;
    classification: Classification;
    riskLevel: RiskLevel | null;
    /** The grade exactly as the force sent it (e.g. the legacy NO_APPARENT_RISK). */
    policeRiskGrade: PoliceRiskGrade | null;
    cseConcern: boolean;
    /** When the child was last seen; null when only a found notification told us of the episode. */
    lastSeenAt: string | null;
    reportedAt: string;
    /** True when the episode was first learnt of from a found notification. */
    reportedLate: boolean;
    responsibleLocalAuthority: string;
    placementLocalAuthority: string | null;
    personal: {
      child: ChildPersonalDetails;
      lastSeenLocation: Location | null;
      circumstances: string | null;
    };
  };
}

export interface EpisodeRiskRegraded {
  type: 'EpisodeRiskRegraded';
  data: {
    episodeId: string;
    childId: string;
    notificationId: string;
    regradedAt: string;
    previousRiskLevel: RiskLevel | null;
    riskLevel: RiskLevel;
    policeRiskGrade: PoliceRiskGrade;
    classification: Classification;
    cseConcern: boolean;
    personal: { rationale: string };
  };
}

export interface ChildFound {
  type: 'ChildFound';
  data: {
    episodeId: string;
    childId: string;
    notificationId: string;
    foundAt: string;
    /** When the child got back home or to care: the 72-hour clock runs from here. */
    returnedAt: string;
    notifiedAt: string;
    returnedTo: ReturnedTo | null;
    foundInLocalAuthority: string | null;
    /** The episode's grading when found, carried so downstream triage needs no lookup. */
    classification: Classification;
    riskLevel: RiskLevel | null;
    cseConcern: boolean;
    reportedLate: boolean;
    personal: {
      foundLocation: FoundLocation;
      foundWith: PersonFoundWith[];
    };
  };
}

export interface MissingReportCancelled {
  type: 'MissingReportCancelled';
  data: {
    episodeId: string;
    childId: string;
    notificationId: string;
    cancelledAt: string;
    reason: string;
  };
}

export type EpisodeEvent =
  MissingEpisodeReported | EpisodeRiskRegraded | ChildFound | MissingReportCancelled;

export const EPISODE_EVENT_TYPES: ReadonlyArray<EpisodeEvent['type']> = [
  'MissingEpisodeReported',
  'EpisodeRiskRegraded',
  'ChildFound',
  'MissingReportCancelled',
];
