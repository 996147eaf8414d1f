/**
 * Small factories for domain specs: one valid command or event each, overridable field by field.
 * Every timestamp is fixed so a spec never depends on the clock.
 */
import type { AcknowledgeAlert, CheckAlertAcknowledgement, RaiseAlert } from '../alert/commands';
import type { AlertAcknowledged, AlertEscalated, AlertRaised } from '../alert/events';
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
import type {
  AllocateReturnInterview,
  CancelReturnInterview,
  CheckReturnInterviewDeadlines,
  CompleteReturnInterview,
  DeclineReturnInterview,
  LinkReturnInterviewToEpisode,
  RecordContactAttempt,
  RecordReturnInterviewNotPossible,
  ReviewReturnInterview,
  ScheduleReturnInterview,
} from '../return-interview/commands';
import type {
  ContactAttemptRecorded,
  ReturnInterviewAllocated,
  ReturnInterviewCancelled,
  ReturnInterviewDeadlineBreached,
  ReturnInterviewDeclined,
  ReturnInterviewHeld,
  ReturnInterviewLinkedToEpisode,
  ReturnInterviewNotPossible,
  ReturnInterviewReminderDue,
  ReturnInterviewReviewed,
  ReturnInterviewScheduled,
  ReturnInterviewUnallocatedEscalated,
} from '../return-interview/events';
import type { InterviewPersonalRecord } from '../return-interview/values';
import type { ScreeningContext, ScreeningInput } from '../screening/screening';
import { alertIdFor, childIdFor, episodeIdFor, returnInterviewIdFor } from '../shared/ids';

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
    localAuthority: 'Camden',
    triage: { priority: 'AMBER', reasons: ['police graded the episode MEDIUM risk'] },
    timings: { deadlineHours: 72, unallocatedAlertHours: 24, reminderHoursBeforeDue: 24 },
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
    localAuthority: 'Camden',
    returnedAt: RETURNED_AT,
    dueAt: '2024-06-05T11:00:00.000Z',
    unallocatedAlertAt: '2024-06-03T11:15:01.000Z',
    reminderAt: '2024-06-04T11:00:00.000Z',
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

/*
 * The return interview after scheduling, on the default timeline of returnInterviewScheduled():
 * scheduled 2 June 11:15:01, unallocated alert 3 June 11:15:01, reminder 4 June 11:00, due 5 June
 * 11:00 (all UTC). The worker is allocated on 2 June at noon and holds the interview on 4 June.
 */
export const INTERVIEW_DUE_AT = '2024-06-05T11:00:00.000Z';
export const INTERVIEW_SCHEDULED_AT = '2024-06-02T11:15:01.000Z';
export const INTERVIEW_UNALLOCATED_ALERT_AT = '2024-06-03T11:15:01.000Z';
export const INTERVIEW_REMINDER_AT = '2024-06-04T11:00:00.000Z';
export const WORKER_ID = 'worker-1';
export const OTHER_WORKER_ID = 'worker-2';
export const COORDINATOR_ID = 'coordinator-1';
export const MANAGER_ID = 'manager-1';
export const ALLOCATED_AT = '2024-06-02T12:00:00.000Z';
export const CONDUCTED_AT = '2024-06-04T14:00:00.000Z';
export const COMPLETED_AT = '2024-06-04T15:00:00.000Z';

export const returnInterviewCancelled = (
  overrides: Partial<ReturnInterviewCancelled['data']> = {},
): ReturnInterviewCancelled => ({
  type: 'ReturnInterviewCancelled',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    cancelledAt: '2024-06-03T09:00:00.000Z',
    reason: 'Missing report cancelled as made in error',
    ...overrides,
  },
});

export const checkReturnInterviewDeadlines = (
  now: string,
  overrides: Partial<CheckReturnInterviewDeadlines['data']> = {},
): CheckReturnInterviewDeadlines => ({
  type: 'CheckReturnInterviewDeadlines',
  data: { interviewId: INTERVIEW_ID, now, ...overrides },
});

export const returnInterviewUnallocatedEscalated = (
  overrides: Partial<ReturnInterviewUnallocatedEscalated['data']> = {},
): ReturnInterviewUnallocatedEscalated => ({
  type: 'ReturnInterviewUnallocatedEscalated',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    scheduledAt: INTERVIEW_SCHEDULED_AT,
    unallocatedAlertAt: INTERVIEW_UNALLOCATED_ALERT_AT,
    dueAt: INTERVIEW_DUE_AT,
    detectedAt: INTERVIEW_UNALLOCATED_ALERT_AT,
    ...overrides,
  },
});

export const returnInterviewReminderDue = (
  overrides: Partial<ReturnInterviewReminderDue['data']> = {},
): ReturnInterviewReminderDue => ({
  type: 'ReturnInterviewReminderDue',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    workerId: WORKER_ID,
    dueAt: INTERVIEW_DUE_AT,
    detectedAt: INTERVIEW_REMINDER_AT,
    ...overrides,
  },
});

export const returnInterviewDeadlineBreached = (
  overrides: Partial<ReturnInterviewDeadlineBreached['data']> = {},
): ReturnInterviewDeadlineBreached => ({
  type: 'ReturnInterviewDeadlineBreached',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    dueAt: INTERVIEW_DUE_AT,
    detectedAt: INTERVIEW_DUE_AT,
    notifiedLate: false,
    ...overrides,
  },
});

export const allocateReturnInterview = (
  overrides: Partial<AllocateReturnInterview['data']> = {},
): AllocateReturnInterview => ({
  type: 'AllocateReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    workerId: WORKER_ID,
    allocatedBy: COORDINATOR_ID,
    now: ALLOCATED_AT,
    ...overrides,
  },
});

export const returnInterviewAllocated = (
  overrides: Partial<ReturnInterviewAllocated['data']> = {},
): ReturnInterviewAllocated => ({
  type: 'ReturnInterviewAllocated',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    workerId: WORKER_ID,
    previousWorkerId: null,
    allocatedBy: COORDINATOR_ID,
    allocatedAt: ALLOCATED_AT,
    ...overrides,
  },
});

export const recordContactAttempt = (
  overrides: Partial<RecordContactAttempt['data']> = {},
): RecordContactAttempt => ({
  type: 'RecordContactAttempt',
  data: {
    interviewId: INTERVIEW_ID,
    at: '2024-06-03T10:00:00.000Z',
    method: 'PHONE',
    outcome: 'No answer; left a message with the carer',
    recordedBy: WORKER_ID,
    now: '2024-06-03T10:05:00.000Z',
    ...overrides,
  },
});

export const contactAttemptRecorded = (
  overrides: Partial<ContactAttemptRecorded['data']> = {},
): ContactAttemptRecorded => ({
  type: 'ContactAttemptRecorded',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    attemptNumber: 1,
    at: '2024-06-03T10:00:00.000Z',
    method: 'PHONE',
    recordedBy: WORKER_ID,
    recordedAt: '2024-06-03T10:05:00.000Z',
    personal: { outcome: 'No answer; left a message with the carer' },
    ...overrides,
  },
});

export const interviewRecord = (
  overrides: Partial<InterviewPersonalRecord> = {},
): InterviewPersonalRecord => ({
  locationsVisited: [{ description: "A friend's flat", postcode: 'N1 2BB', premisesType: 'HOUSE' }],
  associates: [{ name: 'A friend', relationship: 'Friend from school' }],
  pushFactors: 'Arguments at the placement',
  pullFactors: 'Wanted to see friends',
  childsVoice: 'I just wanted to be somewhere quiet',
  disclosures: 'None',
  ...overrides,
});

/** Nothing ticked: the tool suggests NONE. */
export const screeningInput = (overrides: Partial<ScreeningInput> = {}): ScreeningInput => ({
  significant: [],
  medium: [],
  vulnerabilities: [],
  ...overrides,
});

/** A 14-year-old with no learning disability who has not met the repeat threshold. */
export const screeningContext = (overrides: Partial<ScreeningContext> = {}): ScreeningContext => ({
  ageAtInterview: 14,
  learningDisability: false,
  repeatThresholdMet: false,
  ...overrides,
});

export const completeReturnInterview = (
  overrides: Partial<CompleteReturnInterview['data']> = {},
): CompleteReturnInterview => ({
  type: 'CompleteReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    conductedAt: CONDUCTED_AT,
    screening: screeningInput(),
    screeningContext: screeningContext(),
    socialCareDecisionWorkingDays: 1,
    record: interviewRecord(),
    completedBy: WORKER_ID,
    now: COMPLETED_AT,
    ...overrides,
  },
});

/** What completeReturnInterview() records with its defaults (nothing ticked: NONE). */
export const returnInterviewHeld = (
  overrides: Partial<ReturnInterviewHeld['data']> = {},
): ReturnInterviewHeld => ({
  type: 'ReturnInterviewHeld',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    episodeId: EPISODE_ID,
    conductedAt: CONDUCTED_AT,
    dueAt: INTERVIEW_DUE_AT,
    heldWithinDeadline: true,
    completedBy: WORKER_ID,
    recordedAt: COMPLETED_AT,
    revision: 1,
    screening: {
      suggested: 'NONE',
      suggestedReasons: [
        'Nothing is ticked on the screening tool: no risk indicator or vulnerability factor.',
      ],
      confirmed: 'NONE',
      overridden: false,
      outcomes: [],
      socialCareDecisionDueAt: null,
    },
    personal: { ...interviewRecord(), indicators: screeningInput() },
    ...overrides,
  },
});

export const declineReturnInterview = (
  overrides: Partial<DeclineReturnInterview['data']> = {},
): DeclineReturnInterview => ({
  type: 'DeclineReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    at: '2024-06-03T16:00:00.000Z',
    reason: 'Sam said they did not want to talk to anyone this week',
    carerInformation: 'The carer will let us know if Sam changes their mind',
    recordedBy: WORKER_ID,
    now: '2024-06-03T16:30:00.000Z',
    ...overrides,
  },
});

export const returnInterviewDeclined = (
  overrides: Partial<ReturnInterviewDeclined['data']> = {},
): ReturnInterviewDeclined => ({
  type: 'ReturnInterviewDeclined',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    declinedAt: '2024-06-03T16:00:00.000Z',
    recordedBy: WORKER_ID,
    recordedAt: '2024-06-03T16:30:00.000Z',
    personal: {
      reason: 'Sam said they did not want to talk to anyone this week',
      carerInformation: 'The carer will let us know if Sam changes their mind',
    },
    ...overrides,
  },
});

export const recordReturnInterviewNotPossible = (
  overrides: Partial<RecordReturnInterviewNotPossible['data']> = {},
): RecordReturnInterviewNotPossible => ({
  type: 'RecordReturnInterviewNotPossible',
  data: {
    interviewId: INTERVIEW_ID,
    reason: 'Sam moved to a placement out of area before contact could be made',
    recordedBy: WORKER_ID,
    now: '2024-06-04T09:00:00.000Z',
    ...overrides,
  },
});

export const returnInterviewNotPossible = (
  overrides: Partial<ReturnInterviewNotPossible['data']> = {},
): ReturnInterviewNotPossible => ({
  type: 'ReturnInterviewNotPossible',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    recordedBy: WORKER_ID,
    recordedAt: '2024-06-04T09:00:00.000Z',
    personal: { reason: 'Sam moved to a placement out of area before contact could be made' },
    ...overrides,
  },
});

export const reviewReturnInterview = (
  overrides: Partial<ReviewReturnInterview['data']> = {},
): ReviewReturnInterview => ({
  type: 'ReviewReturnInterview',
  data: {
    interviewId: INTERVIEW_ID,
    decision: 'APPROVED',
    comment: 'A clear record; the referral is made',
    reviewedBy: MANAGER_ID,
    now: '2024-06-05T09:00:00.000Z',
    ...overrides,
  },
});

export const returnInterviewReviewed = (
  overrides: Partial<ReturnInterviewReviewed['data']> = {},
): ReturnInterviewReviewed => ({
  type: 'ReturnInterviewReviewed',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    decision: 'APPROVED',
    revision: 1,
    reviewedBy: MANAGER_ID,
    reviewedAt: '2024-06-05T09:00:00.000Z',
    personal: { comment: 'A clear record; the referral is made' },
    ...overrides,
  },
});

export const linkReturnInterviewToEpisode = (
  overrides: Partial<LinkReturnInterviewToEpisode['data']> = {},
): LinkReturnInterviewToEpisode => ({
  type: 'LinkReturnInterviewToEpisode',
  data: {
    interviewId: INTERVIEW_ID,
    episodeId: NEXT_EPISODE_ID,
    triage: { priority: 'AMBER', reasons: ['police graded the episode MEDIUM risk'] },
    now: '2024-06-03T20:00:00.000Z',
    ...overrides,
  },
});

export const returnInterviewLinkedToEpisode = (
  overrides: Partial<ReturnInterviewLinkedToEpisode['data']> = {},
): ReturnInterviewLinkedToEpisode => ({
  type: 'ReturnInterviewLinkedToEpisode',
  data: {
    interviewId: INTERVIEW_ID,
    childId: CHILD_ID,
    episodeId: NEXT_EPISODE_ID,
    linkedAt: '2024-06-03T20:00:00.000Z',
    ...overrides,
  },
});

/**
 * Alerts: a STRATEGY_MEETING_REQUIRED alert to social care, raised 1 June 20:00:05 with the
 * default 24 hours to acknowledge, so it escalates at 2 June 20:00:05 if nobody has.
 */
export const ALERT_ID = alertIdFor('STRATEGY_MEETING_REQUIRED', CHILD_ID, EPISODE_ID);
export const ALERT_RAISED_AT = '2024-06-01T20:00:05.000Z';
export const ALERT_ACKNOWLEDGE_BY = '2024-06-02T20:00:05.000Z';
export const ALERT_ACKNOWLEDGED_AT = '2024-06-02T09:00:00.000Z';
export const ALERT_REASONS = [
  'the child has been reported missing or absent 3 times in 30 days: on 2024-05-01, 2024-05-11 and 2024-05-21',
];
export const SOCIAL_WORKER_ID = 'social-worker-1';
export const ALERT_NOTE = 'Strategy meeting being arranged for 4 June with police and health';

export const raiseAlert = (overrides: Partial<RaiseAlert['data']> = {}): RaiseAlert => ({
  type: 'RaiseAlert',
  data: {
    alertId: ALERT_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    childId: CHILD_ID,
    localAuthority: 'Camden',
    reasons: ALERT_REASONS,
    causedBy: ['event-1'],
    acknowledgeWithinHours: 24,
    now: ALERT_RAISED_AT,
    ...overrides,
  },
});

export const alertRaised = (overrides: Partial<AlertRaised['data']> = {}): AlertRaised => ({
  type: 'AlertRaised',
  data: {
    alertId: ALERT_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    childId: CHILD_ID,
    localAuthority: 'Camden',
    reasons: ALERT_REASONS,
    causedBy: ['event-1'],
    dueBy: null,
    raisedAt: ALERT_RAISED_AT,
    acknowledgeBy: ALERT_ACKNOWLEDGE_BY,
    ...overrides,
  },
});

export const acknowledgeAlert = (
  overrides: Partial<AcknowledgeAlert['data']> = {},
): AcknowledgeAlert => ({
  type: 'AcknowledgeAlert',
  data: {
    alertId: ALERT_ID,
    note: ALERT_NOTE,
    acknowledgedBy: SOCIAL_WORKER_ID,
    callerAudiences: ['SOCIAL_CARE'],
    now: ALERT_ACKNOWLEDGED_AT,
    ...overrides,
  },
});

export const alertAcknowledged = (
  overrides: Partial<AlertAcknowledged['data']> = {},
): AlertAcknowledged => ({
  type: 'AlertAcknowledged',
  data: {
    alertId: ALERT_ID,
    childId: CHILD_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    acknowledgedBy: SOCIAL_WORKER_ID,
    acknowledgedAt: ALERT_ACKNOWLEDGED_AT,
    personal: { note: ALERT_NOTE },
    ...overrides,
  },
});

export const checkAlertAcknowledgement = (
  now: string,
  overrides: Partial<CheckAlertAcknowledgement['data']> = {},
): CheckAlertAcknowledgement => ({
  type: 'CheckAlertAcknowledgement',
  data: { alertId: ALERT_ID, now, ...overrides },
});

export const alertEscalated = (
  overrides: Partial<AlertEscalated['data']> = {},
): AlertEscalated => ({
  type: 'AlertEscalated',
  data: {
    alertId: ALERT_ID,
    childId: CHILD_ID,
    type: 'STRATEGY_MEETING_REQUIRED',
    audience: 'SOCIAL_CARE',
    raisedAt: ALERT_RAISED_AT,
    acknowledgeBy: ALERT_ACKNOWLEDGE_BY,
    escalatedAt: ALERT_ACKNOWLEDGE_BY,
    ...overrides,
  },
});
