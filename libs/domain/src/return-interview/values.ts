/** How a worker tried to reach the child (every attempt is kept: boards and reviews read them). */
export const CONTACT_METHODS = [
  'PHONE',
  'TEXT',
  'EMAIL',
  'LETTER',
  'HOME_VISIT',
  'PLACEMENT_VISIT',
  'SCHOOL_VISIT',
  'OTHER',
] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The manager's quality check of a held interview. */
export const REVIEW_DECISIONS = ['APPROVED', 'RETURNED'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Where an interview is: open (scheduled or allocated), or with an outcome, or cancelled. */
export const INTERVIEW_STATUSES = [
  'SCHEDULED',
  'ALLOCATED',
  'HELD',
  'DECLINED',
  'NOT_POSSIBLE',
  'CANCELLED',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** Open interviews are the ones in a worker's queue: no outcome yet. */
export const OPEN_INTERVIEW_STATUSES: readonly InterviewStatus[] = ['SCHEDULED', 'ALLOCATED'];

export interface LocationVisited {
  description: string;
  postcode?: string;
  premisesType?: string;
}

export interface Associate {
  name?: string;
  policePersonId?: string;
  description?: string;
  relationship?: string;
}

/**
 * What the child said and where they went: personal data, kept under `personal` in the event so
 * it can be encrypted per person. Locations and associates are what CMOG needs to see patterns.
 */
export interface InterviewPersonalRecord {
  locationsVisited: LocationVisited[];
  associates: Associate[];
  pushFactors: string;
  pullFactors: string;
  childsVoice: string;
  disclosures: string;
}
