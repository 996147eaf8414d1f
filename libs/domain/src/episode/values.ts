/** How the police classified the report (2013–2016 definitions; SSDA903 adds away without authorisation). */
export const CLASSIFICATIONS = ['MISSING', 'ABSENT', 'AWAY_WITHOUT_AUTHORISATION'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Current police risk grades. VERY_LOW replaced "no apparent risk"; absent episodes are still kept. */
export const RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW', 'VERY_LOW'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Grades a force may still send; the legacy one is recorded as its current equivalent. */
export const POLICE_RISK_GRADES = [...RISK_LEVELS, 'NO_APPARENT_RISK'] as const;
export type PoliceRiskGrade = (typeof POLICE_RISK_GRADES)[number];

export const RETURNED_TO = ['HOME', 'PLACEMENT', 'OTHER'] as const;
export type ReturnedTo = (typeof RETURNED_TO)[number];

export function currentRiskLevel(grade: PoliceRiskGrade): RiskLevel {
  return grade === 'NO_APPARENT_RISK' ? 'VERY_LOW' : grade;
}

/** Personal details of the child. Kept apart in every event so they can be encrypted per person. */
export interface ChildPersonalDetails {
  policePersonId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  lookedAfter: boolean;
  knownToSocialCare: boolean;
  learningDisability?: boolean;
}

export interface Location {
  description: string;
  postcode?: string;
}

export interface FoundLocation extends Location {
  premisesType?: string;
}

export interface PersonFoundWith {
  policePersonId?: string;
  name?: string;
  description?: string;
}
