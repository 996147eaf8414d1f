/**
 * Small factories for domain specs: one valid command or event each, overridable field by field.
 * Every timestamp is fixed so a spec never depends on the clock.
 */
import type {
  CancelReport,
  ChildDetails,
  RecordChildFound,
  RegradeRisk,
  ReportMissing,
} from '../episode/commands';
import type {
  ChildFound,
  EpisodeRiskRegraded,
  MissingEpisodeReported,
  MissingReportCancelled,
} from '../episode/events';
import type { CancelReturnInterview, ScheduleReturnInterview } from '../return-interview/commands';
import type { ReturnInterviewScheduled } from '../return-interview/events';
import { childIdFor, episodeIdFor, returnInterviewIdFor } from '../shared/ids';

export const FORCE = 'MET';
export const POLICE_PERSON_ID = 'PP-000123';
export const CHILD_ID = childIdFor(FORCE, POLICE_PERSON_ID);

/** The episode most specs are about, and a later one for the same child. */
export const REFERENCE = 'MP-2024-0001';
export const EPISODE_ID = episodeIdFor(FORCE, REFERENCE);
export const NEXT_REFERENCE = 'MP-2024-0002';
export const NEXT_EPISODE_ID = episodeIdFor(FORCE, NEXT_REFERENCE);

/** Born 15 March 2010: 14 years old throughout the episode below. */
export const DATE_OF_BIRTH = '2010-03-15';
export const LAST_SEEN_AT = '2024-06-01T18:00:00.000Z';
export const REPORTED_AT = '2024-06-01T20:00:00.000Z';
export const FOUND_AT = '2024-06-02T09:30:00.000Z';
export const RETURNED_AT = '2024-06-02T11:00:00.000Z';
export const FOUND_NOTIFIED_AT = '2024-06-02T11:15:00.000Z';

export const episodeFor = (policeReference: string) => ({
  policeReference,
  episodeId: episodeIdFor(FORCE, policeReference),
});

export const childDetails = (overrides: Partial<ChildDetails> = {}): ChildDetails => ({
  policePersonId: POLICE_PERSON_ID,
  givenName: 'Sam',
  familyName: 'Example',
  dateOfBirth: DATE_OF_BIRTH,
  sex: 'F',
  lookedAfter: true,
  knownToSocialCare: true,
  learningDisability: false,
  responsibleLocalAuthority: 'Camden',
  placementLocalAuthority: 'Kent',
  ...overrides,
});

const context = {
  notificationId: 'notification-1',
  episodeId: EPISODE_ID,
  childId: CHILD_ID,
  force: FORCE,
  policeReference: REFERENCE,
};

export const reportMissing = (overrides: Partial<ReportMissing['data']> = {}): ReportMissing => ({
  type: 'ReportMissing',
  data: {
    ...context,
    receivedAt: REPORTED_AT,
    lastSeenAt: LAST_SEEN_AT,
    classification: 'MISSING',
    riskGrade: 'MEDIUM',
    cseConcern: false,
    child: childDetails(),
    lastSeenLocation: { description: 'Outside the school gates', postcode: 'NW1 1AA' },
    circumstances: 'Did not come home after school',
    ...overrides,
  },
});

export const missingEpisodeReported = (
  overrides: Partial<MissingEpisodeReported['data']> = {},
): MissingEpisodeReported => ({
  type: 'MissingEpisodeReported',
  data: {
    ...context,
    classification: 'MISSING',
    riskLevel: 'MEDIUM',
    policeRiskGrade: 'MEDIUM',
    cseConcern: false,
    lastSeenAt: LAST_SEEN_AT,
    reportedAt: REPORTED_AT,
    reportedLate: false,
    responsibleLocalAuthority: 'Camden',
    placementLocalAuthority: 'Kent',
    personal: {
      child: {
        policePersonId: POLICE_PERSON_ID,
        givenName: 'Sam',
        familyName: 'Example',
        dateOfBirth: DATE_OF_BIRTH,
        sex: 'F',
        lookedAfter: true,
        knownToSocialCare: true,
        learningDisability: false,
      },
      lastSeenLocation: { description: 'Outside the school gates', postcode: 'NW1 1AA' },
      circumstances: 'Did not come home after school',
    },
    ...overrides,
  },
});

export const regradeRisk = (overrides: Partial<RegradeRisk['data']> = {}): RegradeRisk => ({
  type: 'RegradeRisk',
  data: {
    ...context,
    notificationId: 'notification-2',
    receivedAt: '2024-06-01T23:05:00.000Z',
    regradedAt: '2024-06-01T23:00:00.000Z',
    riskGrade: 'HIGH',
    rationale: 'Seen getting into a car with an unknown adult',
    ...overrides,
  },
});

export const episodeRiskRegraded = (
  overrides: Partial<EpisodeRiskRegraded['data']> = {},
): EpisodeRiskRegraded => ({
  type: 'EpisodeRiskRegraded',
  data: {
    episodeId: EPISODE_ID,
    childId: CHILD_ID,
    notificationId: 'notification-2',
    regradedAt: '2024-06-01T23:00:00.000Z',
    previousRiskLevel: 'MEDIUM',
    riskLevel: 'HIGH',
    policeRiskGrade: 'HIGH',
    classification: 'MISSING',
    cseConcern: false,
    personal: { rationale: 'Seen getting into a car with an unknown adult' },
    ...overrides,
  },
});

export const recordChildFound = (
  overrides: Partial<RecordChildFound['data']> = {},
): RecordChildFound => ({
  type: 'RecordChildFound',
  data: {
    ...context,
    notificationId: 'notification-3',
    receivedAt: FOUND_NOTIFIED_AT,
    foundAt: FOUND_AT,
    returnedAt: RETURNED_AT,
    foundLocation: { description: "A friend's flat", postcode: 'N1 2BB', premisesType: 'HOUSE' },
    foundWith: [{ name: 'A friend', description: 'Same age' }],
    returnedTo: 'PLACEMENT',
    ...overrides,
  },
});

export const childFound = (overrides: Partial<ChildFound['data']> = {}): ChildFound => ({
  type: 'ChildFound',
  data: {
    episodeId: EPISODE_ID,
    childId: CHILD_ID,
    notificationId: 'notification-3',
    foundAt: FOUND_AT,
    returnedAt: RETURNED_AT,
    notifiedAt: FOUND_NOTIFIED_AT,
    returnedTo: 'PLACEMENT',
    foundInLocalAuthority: null,
    classification: 'MISSING',
    riskLevel: 'MEDIUM',
    cseConcern: false,
    reportedLate: false,
    personal: {
      foundLocation: { description: "A friend's flat", postcode: 'N1 2BB', premisesType: 'HOUSE' },
      foundWith: [{ name: 'A friend', description: 'Same age' }],
    },
    ...overrides,
  },
});

export const cancelReport = (overrides: Partial<CancelReport['data']> = {}): CancelReport => ({
  type: 'CancelReport',
  data: {
    ...context,
    notificationId: 'notification-4',
    receivedAt: '2024-06-01T21:00:00.000Z',
    cancelledAt: '2024-06-01T20:55:00.000Z',
    reason: 'Reported in error: the child was at a relative’s house',
    ...overrides,
  },
});

export const missingReportCancelled = (
  overrides: Partial<MissingReportCancelled['data']> = {},
): MissingReportCancelled => ({
  type: 'MissingReportCancelled',
  data: {
    episodeId: EPISODE_ID,
    childId: CHILD_ID,
    notificationId: 'notification-4',
    cancelledAt: '2024-06-01T20:55:00.000Z',
    reason: 'Reported in error: the child was at a relative’s house',
    ...overrides,
  },
});

export const INTERVIEW_ID = returnInterviewIdFor(EPISODE_ID);

export const scheduleReturnInterview = (
  overrides: Partial<ScheduleReturnInterview['data']> = {},
): ScheduleReturnInterview => ({
  type: 'ScheduleReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    episodeId: EPISODE_ID,
    childId: CHILD_ID,
    foundAt: FOUND_AT,
    returnedAt: RETURNED_AT,
    notifiedAt: FOUND_NOTIFIED_AT,
    triage: { riskLevel: 'MEDIUM', cseConcern: false },
    deadlineHours: 72,
    now: '2024-06-02T11:15:01.000Z',
    ...overrides,
  },
});

export const returnInterviewScheduled = (
  overrides: Partial<ReturnInterviewScheduled['data']> = {},
): ReturnInterviewScheduled => ({
  type: 'ReturnInterviewScheduled',
  data: {
    interviewId: INTERVIEW_ID,
    episodeId: EPISODE_ID,
    childId: CHILD_ID,
    foundAt: FOUND_AT,
    returnedAt: RETURNED_AT,
    dueAt: '2024-06-05T11:00:00.000Z',
    scheduledAt: '2024-06-02T11:15:01.000Z',
    priority: 'AMBER',
    priorityReasons: ['police graded the episode MEDIUM risk'],
    notifiedLate: false,
    ...overrides,
  },
});

export const cancelReturnInterview = (
  overrides: Partial<CancelReturnInterview['data']> = {},
): CancelReturnInterview => ({
  type: 'CancelReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    reason: 'Missing report cancelled as made in error',
    now: '2024-06-03T09:00:00.000Z',
    ...overrides,
  },
});
