/**
 * The facts of Child J's case (Birmingham CSE health check, 2014, "Case Study: Return
 * Interviews"), laid out as police notifications with explicit times. A 14-year-old, living at
 * home, goes missing eight times in about two months. The first three episodes are recorded as
 * absent at very low or low risk; the eighth lasts four and a half days and ends at a hotel, where
 * she is found with Child K, aged 17.
 */
import {
  addHours,
  childIdFor,
  episodeIdFor,
  returnInterviewIdFor,
  type ChildDetails,
  type Classification,
  type FoundLocation,
  type PersonFoundWith,
  type PoliceRiskGrade,
  type RecordChildFound,
  type RegradeRisk,
  type ReportMissing,
} from '../index';

export const FORCE = 'WMP';
export const COORDINATOR = 'coordinator-streetwise';

export const CHILD_J: ChildDetails = {
  policePersonId: 'WMP-P-2024-0141',
  givenName: 'J',
  familyName: 'Child',
  dateOfBirth: '2010-05-20',
  sex: 'F',
  lookedAfter: false,
  knownToSocialCare: false,
  learningDisability: false,
  responsibleLocalAuthority: 'Birmingham',
};
export const CHILD_ID = childIdFor(FORCE, CHILD_J.policePersonId);

/** Child K, the 17-year-old she was with during the last episode. */
export const CHILD_K: PersonFoundWith = {
  policePersonId: 'WMP-P-2024-0177',
  name: 'Child K',
  description: 'Friend, aged 17',
};

/** The first episode begins on Monday 2 September 2024 at 19:00 UTC; one begins every 7½ days. */
const FIRST_LAST_SEEN = '2024-09-02T19:00:00.000Z';
const HOURS_BETWEEN_EPISODES = 7.5 * 24;

export interface EpisodePlan {
  n: number;
  policeReference: string;
  episodeId: string;
  interviewId: string;
  classification: Classification;
  riskGrade: PoliceRiskGrade;
  lastSeenAt: string;
  reportedAt: string;
  foundAt: string;
  returnedAt: string;
  notifiedAt: string;
}

const GRADING: Record<number, { classification: Classification; riskGrade: PoliceRiskGrade }> = {
  1: { classification: 'ABSENT', riskGrade: 'VERY_LOW' },
  2: { classification: 'ABSENT', riskGrade: 'LOW' },
  3: { classification: 'ABSENT', riskGrade: 'VERY_LOW' },
};

/** Episode n (1–8): reported 3 h after she was last seen, found the next day (the 8th: 4½ days). */
export function episode(n: number): EpisodePlan {
  const policeReference = `WMP-MP-2024-${String(300 + n).padStart(4, '0')}`;
  const episodeId = episodeIdFor(FORCE, policeReference);
  const lastSeenAt = addHours(FIRST_LAST_SEEN, HOURS_BETWEEN_EPISODES * (n - 1));
  const foundAt = addHours(lastSeenAt, n === 8 ? 108 : 22);
  const returnedAt = addHours(foundAt, 1);
  return {
    n,
    policeReference,
    episodeId,
    interviewId: returnInterviewIdFor(episodeId),
    ...(GRADING[n] ?? { classification: 'MISSING', riskGrade: 'MEDIUM' }),
    lastSeenAt,
    reportedAt: addHours(lastSeenAt, 3),
    foundAt,
    returnedAt,
    notifiedAt: addHours(returnedAt, 0.5),
  };
}

export const EPISODES = [1, 2, 3, 4, 5, 6, 7, 8].map(episode);

const context = (e: EpisodePlan, what: string) => ({
  notificationId: `${FORCE}/${e.policeReference}/${what}`,
  episodeId: e.episodeId,
  childId: CHILD_ID,
  force: FORCE,
  policeReference: e.policeReference,
});

export const reportMissing = (e: EpisodePlan): ReportMissing => ({
  type: 'ReportMissing',
  data: {
    ...context(e, 'reported'),
    receivedAt: e.reportedAt,
    lastSeenAt: e.lastSeenAt,
    classification: e.classification,
    riskGrade: e.riskGrade,
    cseConcern: false,
    child: CHILD_J,
    lastSeenLocation: { description: 'Leaving home', postcode: 'B10 0AA' },
    circumstances:
      e.classification === 'ABSENT'
        ? 'Not home by the time agreed with her mother'
        : 'Not home overnight; phone switched off',
  },
});

/** The 8th episode: no contact for over a day, information that she is with older males. */
export const regradeEighth = (e: EpisodePlan): RegradeRisk => ({
  type: 'RegradeRisk',
  data: {
    ...context(e, 'regraded'),
    receivedAt: addHours(e.lastSeenAt, 29),
    regradedAt: addHours(e.lastSeenAt, 28.75),
    riskGrade: 'HIGH',
    classification: 'MISSING',
    cseConcern: true,
    rationale: 'No contact for over a day; information that she may be with older males',
  },
});

export const HOTEL: FoundLocation & { localAuthority: string } = {
  description: 'Hotel near the city centre',
  postcode: 'B5 4AA',
  premisesType: 'HOTEL',
  localAuthority: 'Birmingham',
};

export const recordChildFound = (
  e: EpisodePlan,
  foundLocation: FoundLocation & { localAuthority?: string } = {
    description: "A friend's house",
    postcode: 'B11 1AA',
    premisesType: 'HOUSE',
  },
  foundWith: PersonFoundWith[] = [],
): RecordChildFound => ({
  type: 'RecordChildFound',
  data: {
    ...context(e, 'found'),
    receivedAt: e.notifiedAt,
    foundAt: e.foundAt,
    returnedAt: e.returnedAt,
    foundLocation,
    foundWith,
    returnedTo: 'HOME',
  },
});
